const dns = require('dns');
module.exports = (host, cb) => dns.lookup(host, cb);
