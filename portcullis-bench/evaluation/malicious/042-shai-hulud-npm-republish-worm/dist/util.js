"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bound01 = void 0;
function bound01(n, max) { n = Math.min(max, Math.max(0, parseFloat(n))); if (Math.abs(n - max) < 0.000001) { return 1; } return (n % max) / parseFloat(String(max)); }
exports.bound01 = bound01;
