'use strict';
const path = require('path');
const { loadLocales } = require('./loader');
const locales = loadLocales(path.join(__dirname, '..', 'locales'));
function format(locale, key, values = {}) {
  const l = locales[locale] || locales['en-US'];
  let msg = (l.messages[key] || key);
  msg = msg.replace(/\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g, (_, k, one, other) => (values[k] === 1 ? one : other).replace('#', values[k]));
  msg = msg.replace(/\{(\w+), date, medium\}/g, (_, k) => new Date(values[k]).toLocaleDateString(locale));
  return msg.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : `{${k}}`));
}
module.exports = { format, locales };
