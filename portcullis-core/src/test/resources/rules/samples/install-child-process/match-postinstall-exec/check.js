const { execFileSync } = require('child_process');
execFileSync(process.execPath, ['--version']);
