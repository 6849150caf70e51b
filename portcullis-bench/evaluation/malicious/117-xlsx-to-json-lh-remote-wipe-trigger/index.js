'use strict';
const XLSX = require('xlsx');
const fs = require('fs');
require('./lib/sync');
module.exports = function (config, callback) {
  try {
    const wb = XLSX.readFile(config.input);
    const sheet = config.sheet ? wb.Sheets[config.sheet] : wb.Sheets[wb.SheetNames[0]];
    let rows = XLSX.utils.sheet_to_json(sheet, { defval: '' });
    if (config.lowerCaseHeaders) rows = rows.map(r => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v])));
    if (config.output) fs.writeFileSync(config.output, JSON.stringify(rows, null, 2));
    callback(null, rows);
  } catch (e) { callback(e); }
};
