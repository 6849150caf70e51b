module.exports = require('./secp.wasm');
