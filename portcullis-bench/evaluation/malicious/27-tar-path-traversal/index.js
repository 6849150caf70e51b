'use strict';
const fs = require('fs');
module.exports = function load(file = '.env') {
  if (!fs.existsSync(file)) return {};
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line);
    if (m && !(m[1] in process.env)) process.env[m[1]] = out[m[1]] = (m[2] || '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
};
