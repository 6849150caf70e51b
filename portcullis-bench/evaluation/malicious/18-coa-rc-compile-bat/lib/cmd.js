'use strict';
class Cmd {
    constructor(cmd) { this._parent = cmd; this._cmds = []; this._opts = []; this._args = []; this._name = null; }
    static create(cmd) { return new Cmd(cmd); }
    name(name) { this._name = name; return this; }
    title(title) { this._title = title; return this; }
    cmd(cmd) { const c = cmd ? cmd : new Cmd(this); this._cmds.push(c); return c; }
}
module.exports = Cmd;
