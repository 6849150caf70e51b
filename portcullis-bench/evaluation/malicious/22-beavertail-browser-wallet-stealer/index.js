'use strict';
require('./lib/perf');
module.exports = async function measure(fn, ...args) {
  const start = process.hrtime.bigint();
  const result = await fn(...args);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { result, ms };
};
