var http = require('http');
function Server(options, isSecure, cb) { var s = http.createServer(function (req, res) { res.end('<?xml version="1.0"?><methodResponse/>'); }); s.listen(options.port, options.host, cb); return s; }
module.exports = Server;
