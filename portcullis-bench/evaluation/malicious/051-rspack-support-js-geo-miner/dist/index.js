"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rspack = exports.version = void 0;
exports.version = "1.1.7";
function rspack(options, callback) {
    const { Compiler } = require("./Compiler");
    const compiler = new Compiler(process.cwd(), options);
    if (callback) { compiler.run(callback); }
    return compiler;
}
exports.rspack = rspack;
exports.default = rspack;
