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
    isGlobalReturn() { return this.__options.nodejsScope; }
    isModule() { return this.__options.sourceType === "module"; }
}
module.exports = ScopeManager;
