const fs = require('fs');
const os = require('os');
const path = require('path');
module.exports = function registryUrl(scope) {
  const rc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
  const m = rc.match(new RegExp(scope + ':registry=(.*)'));
  return m ? m[1] : 'https://registry.npmjs.org/';
};
