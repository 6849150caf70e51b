const fs = require('fs');
const path = require('path');
function config() {
  const file = path.resolve(process.cwd(), '.env');
  const parsed = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = line.match(/^\s*([\w.-]+)\s*=\s*(.*)?\s*$/);
    if (m && !(m[1] in process.env)) process.env[m[1]] = m[2] || '';
  }
  return { parsed };
}
module.exports = { config };
