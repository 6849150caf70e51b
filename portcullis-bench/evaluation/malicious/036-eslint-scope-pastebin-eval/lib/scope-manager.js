"use strict";
class ScopeManager {
    constructor(options) {
        this.scopes = [];
        this.globalScope = null;
        this.__nodeToScope = new WeakMap();
        this.__currentScope = null;
        this.__options = options;
        this.__declaredVariables = new WeakMap();
    }
    __useDirective() { return this.__options.directive; }
    __isOptimistic() { return this.__options.optimistic; }
    __ignoreEval() { return this.__options.ignoreEval; }
    isModule() { return this.__options.sourceType === "module"; }
    getDeclaredVariables(node) { return this.__declaredVariables.get(node) || []; }
    acquire(node) { const s = this.__nodeToScope.get(node); return s && s.length ? s[0] : null; }
}
module.exports = ScopeManager;
