'use strict';
const api = require('@opentelemetry/api');
function start(opts = {}) {
  const name = opts.serviceName || process.env.OTEL_SERVICE_NAME || require('path').basename(process.cwd());
  const tracer = api.trace.getTracer(name, opts.version || '0.0.0');
  return {
    tracer,
    wrap(fnName, fn) { return (...a) => tracer.startActiveSpan(fnName, s => { try { const r = fn(...a); s.end(); return r; } catch (e) { s.recordException(e); s.end(); throw e; } }); }
  };
}
module.exports = { start };
