#!/usr/bin/env node
'use strict';
const fs = require('fs');
// Reads commands until end of input: the top-level loop has its way out.
for (;;) {
  const line = readLine(fs);
  if (line === null) break;
  console.log(line.toUpperCase());
}
function readLine(f) {
  const buf = Buffer.alloc(256);
  const n = f.readSync(0, buf, 0, buf.length, null);
  return n === 0 ? null : buf.toString('utf8', 0, n);
}
