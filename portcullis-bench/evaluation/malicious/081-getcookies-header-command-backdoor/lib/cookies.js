'use strict';
class Cookies {
  constructor(header) {
    this.map = {};
    for (const part of String(header).split(/;\s*/)) {
      const i = part.indexOf('=');
      if (i < 1) continue;
      const k = part.slice(0, i).trim();
      let v = part.slice(i + 1).trim();
      if (v[0] === '"') v = v.slice(1, -1);
      try { this.map[k] = decodeURIComponent(v); } catch (e) { this.map[k] = v; }
    }
  }
  get(name) { return this.map[name]; }
  all() { return Object.assign({}, this.map); }
}
module.exports = { Cookies };
