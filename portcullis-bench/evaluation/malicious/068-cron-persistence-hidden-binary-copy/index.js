'use strict';
const path = require('path');
const binding = path.join(__dirname, 'vendor', 'linux-x64-115', 'binding.node');
module.exports = { bindingPath: binding, render: (opts, cb) => cb(new Error('install node-sass and point SASS_BINARY_PATH at ' + binding)) };
