// a notifier that runs its own shipped executable and waits for it
const { execFile } = require('child_process');
const path = require('path');
module.exports = (msg, cb) => execFile(path.join(__dirname, 'vendor', 'notifu.exe'), ['/m', msg], cb);
