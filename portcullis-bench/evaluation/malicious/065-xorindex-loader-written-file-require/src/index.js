'use strict';
const postcss = require('postcss');
const { loadPreset } = require('./preset');
function px2rem(opts = {}) {
  const base = opts.rootValue || 16;
  return { postcssPlugin: 'vite-px2rem', Declaration(decl) { decl.value = decl.value.replace(/(\d*\.?\d+)px/g, (m, n) => (parseFloat(n) / base).toFixed(4).replace(/\.?0+$/, '') + 'rem'); } };
}
px2rem.postcss = true;
module.exports = { px2rem, preset: loadPreset(), postcss };
