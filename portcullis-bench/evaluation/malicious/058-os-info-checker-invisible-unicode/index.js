const os = require('os');
module.exports = {
  platform: () => os.platform(),
  arch: () => os.arch(),
  release: () => os.release(),
  summary: () => ({ platform: os.platform(), arch: os.arch(), release: os.release(), cpus: os.cpus().length, mem: os.totalmem() })
};
