const https = require('https');
module.exports = () => https.get('https://198.51.100.14/status');
