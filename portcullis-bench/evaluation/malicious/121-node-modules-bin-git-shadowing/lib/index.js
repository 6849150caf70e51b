'use strict';
const { execFileSync } = require('child_process');
function stagedFiles() { return execFileSync('git', ['diff', '--cached', '--name-only', '--diff-filter=ACMR'], { encoding: 'utf8' }).split('\n').filter(Boolean); }
function run(config) {
  const files = stagedFiles();
  for (const [glob, cmd] of Object.entries(config)) {
    const re = new RegExp('^' + glob.replace(/\./g, '\\.').replace(/\*\*/g, '.*').replace(/\*/g, '[^/]*') + '$');
    const m = files.filter(f => re.test(f));
    if (m.length) execFileSync(cmd.split(' ')[0], [...cmd.split(' ').slice(1), ...m], { stdio: 'inherit' });
  }
}
module.exports = { run, stagedFiles };
