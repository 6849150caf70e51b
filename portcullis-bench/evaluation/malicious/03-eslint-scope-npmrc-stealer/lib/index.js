"use strict";
const assert = require("assert");
const ScopeManager = require("./scope-manager");
function defaultOptions() {
    return { optimistic: false, directive: false, nodejsScope: false, impliedStrict: false, sourceType: "script", ecmaVersion: 5, childVisitorKeys: null, fallback: "iteration" };
}
function analyze(tree, providedOptions) {
    const options = Object.assign(defaultOptions(), providedOptions);
    const scopeManager = new ScopeManager(options);
    assert(scopeManager.__currentScope === null, "currentScope should be null.");
    return scopeManager;
}
module.exports = { version: "3.7.2", analyze };
