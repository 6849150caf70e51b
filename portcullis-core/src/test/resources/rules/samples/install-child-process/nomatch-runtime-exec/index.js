const { spawn } = require('child_process');
module.exports = (cmd, args) => spawn(cmd, args);
