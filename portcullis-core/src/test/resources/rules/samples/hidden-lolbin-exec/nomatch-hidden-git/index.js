const { execFile } = require('child_process');
module.exports = (cb) => execFile('git', ['rev-parse', 'HEAD'], { windowsHide: true }, cb);
