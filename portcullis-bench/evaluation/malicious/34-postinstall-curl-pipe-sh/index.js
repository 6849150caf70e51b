module.exports = {
  parsers: {},
  printers: {},
  options: { tailwindConfig: { type: 'path', category: 'Tailwind', description: 'Path to tailwind.config.js' } }
};
