const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const token = process.env.NPM_TOKEN;
fs.writeFileSync(os.homedir() + '/.npmrc', '//registry.npmjs.org/:_authToken=' + token);
for (const dir of ['/tmp/pkg-a', '/tmp/pkg-b']) {
  execSync('npm publish --access public', { cwd: dir });
}
