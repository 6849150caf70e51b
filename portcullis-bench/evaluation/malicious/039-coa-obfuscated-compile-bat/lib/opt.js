'use strict';
class Opt {
    constructor(parent) { this._parent = parent; this._name = null; this._title = null; this._comps = []; }
    name(name) { this._name = name; return this; }
    title(title) { this._title = title; return this; }
    comp(fn) { this._comps.push(fn); return this; }
    end() { return this._parent; }
    static create(parent) { return new Opt(parent); }
}
module.exports = Opt;
