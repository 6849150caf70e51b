#!/usr/bin/env node
require('../lib/index.js').signtool(process.argv[2]).then(o => console.log(o), e => { console.error(e.message); process.exit(1); });
