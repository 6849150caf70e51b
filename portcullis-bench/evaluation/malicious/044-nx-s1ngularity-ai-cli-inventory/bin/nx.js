#!/usr/bin/env node
'use strict';
const { workspaceRoot } = require('../src/workspace-root');
const args = process.argv.slice(2);
if (args[0] === '--version') { console.log(require('../package.json').version); process.exit(0); }
console.log(`NX   Running target ${args.join(' ') || 'help'} in ${workspaceRoot}`);
