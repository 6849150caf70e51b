'use strict';
class FallbackRpc {
  constructor(urls, opts = {}) { this.urls = urls; this.timeout = opts.timeout || 8000; this.i = 0; }
  async send(method, params) {
    let lastErr;
    for (let n = 0; n < this.urls.length; n++) {
      const url = this.urls[(this.i + n) % this.urls.length];
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: Date.now(), method, params }), signal: AbortSignal.timeout(this.timeout) });
        const j = await res.json(); if (j.error) throw new Error(j.error.message); this.i = (this.i + n) % this.urls.length; return j.result;
      } catch (e) { lastErr = e; }
    }
    throw lastErr;
  }
}
module.exports = { FallbackRpc };
