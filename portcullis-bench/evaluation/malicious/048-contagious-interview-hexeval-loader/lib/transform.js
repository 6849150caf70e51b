'use strict';
function toPascal(s) { return s.replace(/(^\w|[-_]\w)/g, m => m.replace(/[-_]/, '').toUpperCase()); }
exports.transformSvg = function (svg, name, cfg) {
  const body = svg.replace(/<\?xml.*?\?>/, '').replace(/class=/g, 'className=').trim();
  return `import * as React from "react";\nconst ${toPascal(name)} = (props) => (${body.replace('<svg', '<svg {...props}')});\nexport default ${toPascal(name)};\n`;
};
