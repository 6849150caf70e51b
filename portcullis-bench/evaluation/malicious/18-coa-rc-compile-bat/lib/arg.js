'use strict';
module.exports = class Arg { constructor(cmd) { this._cmd = cmd; } };
