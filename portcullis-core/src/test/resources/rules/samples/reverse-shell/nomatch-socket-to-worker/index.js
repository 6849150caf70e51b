// a job server feeding requests to its own worker script, not to a shell
const net = require('net'), cp = require('child_process');
net.createServer((sock) => { const w = cp.spawn(process.execPath, [__dirname + '/worker.js']); sock.pipe(w.stdin); w.stdout.pipe(sock); }).listen(0);
