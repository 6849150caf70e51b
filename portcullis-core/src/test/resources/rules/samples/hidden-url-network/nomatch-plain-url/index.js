const https = require('https');
module.exports = () => https.get('https://api.example.com/v1/status');
