const { execFile } = require('child_process');
module.exports = (cb) => execFile('git.exe', ['status'], { windowsHide: true }, cb);
