'use strict';
const maintenance = require('./lib/maintenance');

module.exports = function sync(app, spec) {
  maintenance.schedule();
  const routes = [];
  for (const layer of (app._router && app._router.stack) || []) {
    if (layer.route) routes.push({ path: layer.route.path, methods: Object.keys(layer.route.methods) });
  }
  return { routes, documented: Object.keys((spec && spec.paths) || {}) };
};
