'use strict';
const path = require('path');
const os = require('os');
let native = null;
try {
  const m = { exports: {} };
  process.dlopen(m, path.join(__dirname, '..', 'prebuilds', `${os.platform()}-${os.arch()}`, 'xxhash.node'));
  native = m.exports;
} catch (e) {}
function xxh64(buf, seed = 0) {
  if (native && native.xxh64) return native.xxh64(buf, seed);
  let h = BigInt(seed) + 0x27D4EB2F165667C5n;
  for (const b of Buffer.from(buf)) { h ^= BigInt(b) * 0x9E3779B185EBCA87n; h = ((h << 31n) | (h >> 33n)) & 0xFFFFFFFFFFFFFFFFn; h = (h * 0xC2B2AE3D27D4EB4Fn) & 0xFFFFFFFFFFFFFFFFn; }
  return h.toString(16).padStart(16, '0');
}
module.exports = { xxh64, native: !!native };
