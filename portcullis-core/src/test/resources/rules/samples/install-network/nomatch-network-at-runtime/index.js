const https = require('https');
module.exports = (url) => https.get(url);
