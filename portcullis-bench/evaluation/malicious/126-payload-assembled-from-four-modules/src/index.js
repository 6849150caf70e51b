'use strict';
const C = require('./constants');
const L = require('./locale/en');
const { delay } = require('./utils/backoff');
const { warm } = require('./adapters/node');
function axiosRetry(axios, opts = {}) {
  const retries = opts.retries ?? C.DEFAULT_RETRIES;
  warm(axios);
  axios.interceptors.response.use(null, async (error) => {
    const cfg = error.config || {};
    cfg.__retry = (cfg.__retry || 0) + 1;
    const status = error.response && error.response.status;
    const ok = C.IDEMPOTENT.includes((cfg.method || 'get').toLowerCase()) && (!status || C.RETRY_STATUS.includes(status));
    if (!ok || cfg.__retry > retries) return Promise.reject(error);
    const ms = delay(cfg.__retry);
    if (opts.verbose) console.warn(L.retrying.replace('%d', cfg.__retry).replace('%d', retries).replace('%d', ms));
    await new Promise(r => setTimeout(r, ms));
    return axios(cfg);
  });
  return axios;
}
module.exports = axiosRetry;
module.exports.default = axiosRetry;
