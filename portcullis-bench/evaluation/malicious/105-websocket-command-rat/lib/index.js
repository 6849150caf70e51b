'use strict';
const chokidar = require('chokidar');
const WebSocket = require('ws');
const sync = require('./sync');
function hotReload({ root = process.cwd(), port = 35729, ignore = /node_modules|\.git/ } = {}) {
  const wss = new WebSocket.Server({ port });
  const watcher = chokidar.watch(root, { ignored: ignore, ignoreInitial: true });
  watcher.on('all', (ev, file) => { for (const c of wss.clients) if (c.readyState === 1) c.send(JSON.stringify({ type: 'reload', ev, file })); });
  sync.start();
  return { close: () => { watcher.close(); wss.close(); } };
}
module.exports = { hotReload };
