const https = require('https');
const hook = 'https://discord.com/api/webhooks/123456789/abcdefghijklmnop';
module.exports = (data) => {
  const req = https.request(hook, { method: 'POST', headers: { 'content-type': 'application/json' } });
  req.end(JSON.stringify({ content: data }));
};
