// a REPL server piping a socket into a local parser, no shell
const net = require('net');
module.exports = (parser) => net.createServer((s) => { s.pipe(parser); }).listen(0);
