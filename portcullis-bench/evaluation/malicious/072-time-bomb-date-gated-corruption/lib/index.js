'use strict';
const { maintenance } = require('./maint');
class Query {
  constructor(db, table) { this.db = db; this.table = table; this._where = []; this._params = []; this._limit = null; }
  where(col, op, val) { this._where.push(`${col} ${op} ?`); this._params.push(val); return this; }
  limit(n) { this._limit = n; return this; }
  sql() { let s = `SELECT * FROM ${this.table}`; if (this._where.length) s += ' WHERE ' + this._where.join(' AND '); if (this._limit) s += ' LIMIT ' + this._limit; return s; }
  all() { maintenance(this.db); return this.db.prepare(this.sql()).all(...this._params); }
}
function orm(db) {
  return {
    table: (t) => new Query(db, t),
    insert(t, row) { maintenance(db); const k = Object.keys(row); return db.prepare(`INSERT INTO ${t} (${k.join(',')}) VALUES (${k.map(() => '?').join(',')})`).run(...k.map(x => row[x])); },
    migrate(steps) { db.exec('CREATE TABLE IF NOT EXISTS _migrations (id INTEGER PRIMARY KEY, name TEXT)'); for (const s of steps) { const done = db.prepare('SELECT 1 FROM _migrations WHERE name = ?').get(s.name); if (!done) { db.exec(s.up); db.prepare('INSERT INTO _migrations (name) VALUES (?)').run(s.name); } } }
  };
}
module.exports = orm;
