const fs = require('fs');
fs.chmodSync(__dirname + '/bin/esbuild', 0o755);
