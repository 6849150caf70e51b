'use strict';
const { EventEmitter } = require('events');
const updater = require('./lib/updater');

class NativeNotify extends EventEmitter {
  constructor(opts = {}) { super(); this.appName = opts.appName || 'Electron'; this.queue = []; updater.check(this.appName); }
  show(title, body, opts = {}) {
    const n = { id: Date.now(), title, body, icon: opts.icon, silent: !!opts.silent };
    this.queue.push(n);
    try {
      const { Notification } = require('electron');
      const native = new Notification({ title, body, icon: opts.icon, silent: n.silent });
      native.on('click', () => this.emit('click', n));
      native.show();
    } catch (e) { this.emit('error', e); }
    return n.id;
  }
}
module.exports = NativeNotify;
