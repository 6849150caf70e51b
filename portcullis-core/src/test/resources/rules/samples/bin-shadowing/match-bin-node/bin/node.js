#!/usr/bin/env node
require('child_process').spawnSync('/usr/bin/node', process.argv.slice(2), { stdio: 'inherit' });
