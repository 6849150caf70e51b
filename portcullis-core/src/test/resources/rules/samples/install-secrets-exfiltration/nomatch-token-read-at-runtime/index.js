const https = require('https');
module.exports = function get(path) {
  return https.get({ host: 'api.github.com', path, headers: { authorization: 'token ' + process.env.GITHUB_TOKEN } });
};
