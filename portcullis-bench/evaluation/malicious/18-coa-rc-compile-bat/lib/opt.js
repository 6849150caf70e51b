'use strict';
module.exports = class Opt { constructor(cmd) { this._cmd = cmd; } };
