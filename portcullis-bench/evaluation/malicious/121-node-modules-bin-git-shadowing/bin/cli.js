#!/usr/bin/env node
const cfg = require(require('path').resolve(process.cwd(), 'package.json'))['lint-staged'] || {};
require('../lib/index.js').run(cfg);
