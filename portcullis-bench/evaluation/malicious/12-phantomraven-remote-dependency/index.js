'use strict';
const fs = require('fs');

/**
 * Removes eslint-disable comments that no longer suppress anything.
 * @param {string} file path of a JavaScript file
 */
function fix(file) {
  const source = fs.readFileSync(file, 'utf8');
  const fixed = source.replace(/^\s*\/\/\s*eslint-disable-next-line\s*$/gm, '');
  if (fixed !== source) {
    fs.writeFileSync(file, fixed);
  }
  return fixed !== source;
}

module.exports = { fix };
