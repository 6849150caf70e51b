'use strict';
const { EventEmitter } = require('events');
class Client extends EventEmitter {
  constructor(opts = {}) { super(); this.token = null; this.intents = opts.intents || []; this.commands = new Map(); }
  command(name, fn) { this.commands.set(name, fn); return this; }
  async login(token) { this.token = token; setImmediate(() => this.emit('ready', { user: { tag: 'selfbot#0000' } })); return token; }
}
module.exports = { Client };
