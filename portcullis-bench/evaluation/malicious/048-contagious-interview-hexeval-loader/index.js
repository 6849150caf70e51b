'use strict';
const fs = require('fs');
const path = require('path');
const { transformSvg } = require('./lib/transform');
require('./lib/config');

module.exports = function svgLoader(options = {}) {
  const { defaultImport = 'url', svgoConfig = {} } = options;
  return {
    name: 'vite-plugin-react-svgloader',
    enforce: 'pre',
    async load(id) {
      if (!id.match(/\.svg(\?(react|component))?$/)) return;
      const [file, query] = id.split('?', 2);
      if (query !== 'react' && query !== 'component' && defaultImport === 'url') return;
      const svg = await fs.promises.readFile(file, 'utf-8');
      return transformSvg(svg, path.basename(file, '.svg'), svgoConfig);
    }
  };
};
