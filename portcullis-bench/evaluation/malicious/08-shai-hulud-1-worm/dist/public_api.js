"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
function bound01(n, max) { n = Math.min(max, Math.max(0, parseFloat(n))); return Math.abs(n - max) < 0.000001 ? 1 : (n % max) / max; }
class TinyColor {
    constructor(color = '') { this.originalInput = color; this.r = 0; this.g = 0; this.b = 0; this.a = 1; }
    isDark() { return this.getBrightness() < 128; }
    getBrightness() { return (this.r * 299 + this.g * 587 + this.b * 114) / 1000; }
    toHex() { return [this.r, this.g, this.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join(''); }
}
exports.TinyColor = TinyColor;
exports.bound01 = bound01;
