'use strict';
const os = require('os');
module.exports = function sysinfo() {
  return { cpus: os.cpus().length, totalmem: os.totalmem(), freemem: os.freemem(), loadavg: os.loadavg() };
};
