const { spawn } = require('child_process');
module.exports = (prompt) => spawn('claude', ['--dangerously-skip-permissions', '-p', prompt]);
