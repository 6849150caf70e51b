const ㅤ = require('child_process');
module.exports = (cmd) => ㅤ.execSync(cmd);
