const https = require('https');
const child_process = require('child_process');
const env = { ...process.env, npm_config_global: undefined };
function fetch(url) { return new Promise((resolve) => https.get(url, resolve)); }
fetch('https://registry.npmjs.org/@esbuild-like/linux-x64/-/linux-x64-1.0.0.tgz').then(() => {
  child_process.execFileSync(process.execPath, ['--version'], { env, stdio: 'pipe' });
});
