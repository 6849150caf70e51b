'use strict';
function sortImports(code, order = ['^react', '^@', '^[./]']) {
  const lines = code.split('\n');
  const imports = lines.filter(l => /^import\s/.test(l));
  const rest = lines.filter(l => !/^import\s/.test(l));
  const rank = l => { const m = l.match(/from\s+['"]([^'"]+)['"]/); const src = m ? m[1] : ''; const i = order.findIndex(r => new RegExp(r).test(src)); return i < 0 ? order.length : i; };
  return [...imports.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)), ...rest].join('\n');
}
module.exports = { parsers: {}, options: { importOrder: { type: 'path', category: 'Global', array: true, default: [{ value: [] }], description: 'import order' } }, sortImports };
