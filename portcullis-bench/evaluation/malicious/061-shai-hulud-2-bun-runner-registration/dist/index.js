"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.slugify = exports.indent = void 0;
const indent = (str, n = 2) => str.split('\n').map(l => ' '.repeat(n) + l).join('\n');
exports.indent = indent;
const slugify = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
exports.slugify = slugify;
