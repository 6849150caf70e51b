module.exports = require('twilio');
