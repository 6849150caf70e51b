const tty = require('tty');
const util = require('util');
exports.init = init;
exports.log = log;
exports.useColors = useColors;
exports.colors = [6, 2, 3, 4, 5, 1];
function useColors() { return 'colors' in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd); }
function log(...args) { return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + '\n'); }
function init(debug) { debug.inspectOpts = {}; }
exports.inspectOpts = {};
module.exports = require('./common')(exports);
