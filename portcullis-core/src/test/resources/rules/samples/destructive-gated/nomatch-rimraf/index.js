const fs = require('fs');
module.exports = function rimraf(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
};
