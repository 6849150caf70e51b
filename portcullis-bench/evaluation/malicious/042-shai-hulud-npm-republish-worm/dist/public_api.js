"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tinycolor = exports.TinyColor = void 0;
const util_js_1 = require("./util.js");
class TinyColor {
    constructor(color = '', opts = {}) {
        if (color instanceof TinyColor) { return color; }
        if (typeof color === 'number') { color = { r: color >> 16, g: (color & 0xff00) >> 8, b: color & 0xff }; }
        this.originalInput = color;
        const rgb = typeof color === 'object' ? color : { r: 0, g: 0, b: 0 };
        this.r = (0, util_js_1.bound01)(rgb.r, 255) * 255;
        this.g = (0, util_js_1.bound01)(rgb.g, 255) * 255;
        this.b = (0, util_js_1.bound01)(rgb.b, 255) * 255;
        this.a = 1;
        this.format = opts.format;
        this.isValid = true;
    }
    isDark() { return this.getBrightness() < 128; }
    isLight() { return !this.isDark(); }
    getBrightness() { return (this.r * 299 + this.g * 587 + this.b * 114) / 1000; }
    toHex() { return [this.r, this.g, this.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join(''); }
    toHexString() { return '#' + this.toHex(); }
}
exports.TinyColor = TinyColor;
function tinycolor(color = '', opts = {}) { return new TinyColor(color, opts); }
exports.tinycolor = tinycolor;
