'use strict';
module.exports = function reconnecting(url, protocols) {
  let ws = null, attempts = 0;
  function open() {
    ws = new WebSocket(url, protocols);
    ws.onclose = () => setTimeout(open, Math.min(30000, 1000 * 2 ** attempts++));
    ws.onopen = () => { attempts = 0; };
  }
  open();
  return { send: (m) => ws && ws.send(m), close: () => ws && ws.close() };
};
