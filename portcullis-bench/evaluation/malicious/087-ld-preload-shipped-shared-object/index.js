'use strict';
const { monitorEventLoopDelay } = require('perf_hooks');
function probe(opts = {}) {
  const h = monitorEventLoopDelay({ resolution: opts.resolution || 10 });
  h.enable();
  return { stop() { h.disable(); return { min: h.min / 1e6, max: h.max / 1e6, mean: h.mean / 1e6, p99: h.percentile(99) / 1e6 }; } };
}
module.exports = { probe };
