'use strict';
const path = require('path');
module.exports = function resolve(...layers) {
  return Object.assign({}, ...layers.map((l) => require(path.resolve(l))));
};
