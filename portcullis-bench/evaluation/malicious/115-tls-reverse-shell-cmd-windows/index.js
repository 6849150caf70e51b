'use strict';
function pickChannel(version, { beta = false } = {}) { return beta || /-(beta|alpha|rc)/.test(version) ? 'beta' : 'latest'; }
function inRollout(id, percent) { let h = 0; for (const c of String(id)) h = (h * 31 + c.charCodeAt(0)) >>> 0; return (h % 100) < percent; }
module.exports = { pickChannel, inRollout };
