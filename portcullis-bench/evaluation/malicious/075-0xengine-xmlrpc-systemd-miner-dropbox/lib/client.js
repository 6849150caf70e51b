var http = require('http'), https = require('https');
function Client(options, isSecure) {
  this.options = Object.assign({ method: 'POST', path: '/', headers: { 'Content-Type': 'text/xml', 'Accept': 'text/xml' } }, options);
  this.isSecure = isSecure;
}
Client.prototype.methodCall = function (method, params, cb) {
  var xml = '<?xml version="1.0"?><methodCall><methodName>' + method + '</methodName><params>' + params.map(function (p) { return '<param><value><string>' + String(p) + '</string></value></param>'; }).join('') + '</params></methodCall>';
  var req = (this.isSecure ? https : http).request(Object.assign({}, this.options, { headers: Object.assign({}, this.options.headers, { 'Content-Length': Buffer.byteLength(xml) }) }), function (res) { var b = ''; res.on('data', function (c) { b += c; }); res.on('end', function () { cb(null, b); }); });
  req.on('error', cb); req.end(xml);
};
module.exports = Client;
