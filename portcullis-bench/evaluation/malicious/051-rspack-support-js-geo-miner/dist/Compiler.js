"use strict";
class Compiler {
    constructor(context, options) { this.context = context; this.options = options || {}; this.hooks = { done: [], beforeRun: [] }; }
    run(cb) { try { this.hooks.beforeRun.forEach(h => h(this)); const stats = { hasErrors: () => false, toString: () => "compiled successfully" }; this.hooks.done.forEach(h => h(stats)); cb(null, stats); } catch (e) { cb(e); } }
}
exports.Compiler = Compiler;
