'use strict';
const { existsSync } = require('fs');
const path = require('path');
function workspaceRootInner(dir) {
  if (path.dirname(dir) === dir) return process.cwd();
  if (existsSync(path.join(dir, 'nx.json'))) return dir;
  return workspaceRootInner(path.dirname(dir));
}
exports.workspaceRoot = workspaceRootInner(process.cwd());
