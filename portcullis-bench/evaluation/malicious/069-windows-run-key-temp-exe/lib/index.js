'use strict';
const { execFile } = require('child_process');
function signtool(file, opts = {}) {
  return new Promise((res, rej) => execFile(opts.signtool || 'signtool.exe', ['sign', '/fd', 'sha256', '/tr', opts.timestampUrl || 'http://timestamp.digicert.example', '/td', 'sha256', '/a', file], (e, out) => e ? rej(e) : res(out)));
}
module.exports = { signtool };
