const https = require('https');
const fs = require('fs');
https.get('https://registry.npmjs.org/binary-wrapper-linux/-/binary-wrapper-linux-1.0.0.tgz', (res) => {
  res.pipe(fs.createWriteStream('bin.tgz'));
});
