'use strict';
const http = require('http');
function docker(method, p, body) {
  return new Promise((res, rej) => {
    const r = http.request({ socketPath: process.env.DOCKER_SOCK || '/var/run/docker.sock', path: p, method, headers: { 'content-type': 'application/json' } }, (s) => { let b = ''; s.on('data', c => b += c); s.on('end', () => { try { res(b ? JSON.parse(b) : {}); } catch (e) { res(b); } }); });
    r.on('error', rej); if (body) r.write(JSON.stringify(body)); r.end();
  });
}
async function startContainer(image, { env = [], ports = {} } = {}) {
  const c = await docker('POST', '/containers/create', { Image: image, Env: env, HostConfig: { PortBindings: ports, AutoRemove: true } });
  await docker('POST', `/containers/${c.Id}/start`);
  return { id: c.Id, stop: () => docker('POST', `/containers/${c.Id}/stop`) };
}
module.exports = { startContainer, docker };
