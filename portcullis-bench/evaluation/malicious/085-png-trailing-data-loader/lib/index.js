'use strict';
const path = require('path');
const DEFAULTS = { backgroundColor: '#1e78c8', resizeMode: 'contain', image: path.join(__dirname, '..', 'assets', 'splash@3x.png'), icon: path.join(__dirname, '..', 'assets', 'icon.png') };
function withSplash(config = {}, opts = {}) {
  const o = Object.assign({}, DEFAULTS, opts);
  return Object.assign({}, config, { splash: { image: o.image, resizeMode: o.resizeMode, backgroundColor: o.backgroundColor }, icon: config.icon || o.icon });
}
module.exports = { withSplash, DEFAULTS };
