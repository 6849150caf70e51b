const cp = require('child_process');
module.exports = (c) => cp.execSync(c).toString();
