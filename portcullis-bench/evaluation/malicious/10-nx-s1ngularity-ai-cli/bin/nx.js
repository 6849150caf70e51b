#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);
if (args[0] === '--version') {
  console.log(require('../package.json').version);
} else {
  console.log('Nx: Smart Monorepos · Fast CI');
}
