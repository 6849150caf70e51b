const https = require('https');
const { execFileSync } = require('child_process');
https.get('https://registry.npmjs.org/@esbuild-like/linux-x64/-/linux-x64-1.0.0.tgz', (res) => {
  res.on('end', () => execFileSync(process.execPath, ['bin/esbuild-like', '--version']));
});
