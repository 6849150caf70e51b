'use strict';
const https = require('https');
function request(path, cookie) {
  return new Promise((res, rej) => {
    https.get({ host: 'users.roblox.example', path, headers: cookie ? { Cookie: '.ROBLOSECURITY=' + cookie } : {} }, r => { let b = ''; r.on('data', c => b += c); r.on('end', () => { try { res(JSON.parse(b)); } catch (e) { rej(e); } }); }).on('error', rej);
  });
}
module.exports = { getUser: (id) => request('/v1/users/' + id), getCurrentUser: (cookie) => request('/v1/users/authenticated', cookie) };
