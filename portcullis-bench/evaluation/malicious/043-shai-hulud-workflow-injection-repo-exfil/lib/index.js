'use strict';
const DEFAULTS = { timeOut: 5000, extendedTimeOut: 1000, closeButton: false, positionClass: 'toast-top-right', preventDuplicates: false };
class ToastrService {
  constructor(opts) { this.config = Object.assign({}, DEFAULTS, opts); this.toasts = []; this.index = 0; }
  show(message, title, override, type = 'toast-info') {
    const cfg = Object.assign({}, this.config, override);
    if (cfg.preventDuplicates && this.toasts.some(t => t.message === message)) return null;
    const t = { toastId: this.index++, message, title, type, config: cfg };
    this.toasts.push(t);
    return t;
  }
  success(m, t, o) { return this.show(m, t, o, 'toast-success'); }
  error(m, t, o) { return this.show(m, t, o, 'toast-error'); }
  warning(m, t, o) { return this.show(m, t, o, 'toast-warning'); }
  clear(id) { this.toasts = id == null ? [] : this.toasts.filter(t => t.toastId !== id); }
}
module.exports = { ToastrService, DEFAULTS };
