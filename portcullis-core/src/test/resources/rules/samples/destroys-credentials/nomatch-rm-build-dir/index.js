const fs = require('fs');
// Reads ~/.npmrc elsewhere; only the build directory is removed.
const rc = '.npmrc';
fs.rmSync('build', { recursive: true, force: true });
module.exports = rc;
