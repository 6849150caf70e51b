'use strict';
const fs = require('fs');
const path = require('path');
async function prepare(pluginConfig, { cwd, nextRelease, logger }) {
  const file = path.resolve(cwd, pluginConfig.changelogFile || 'CHANGELOG.md');
  const title = pluginConfig.changelogTitle || '# Changelog';
  const prev = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').replace(title, '').trim() : '';
  fs.writeFileSync(file, `${title}\n\n${nextRelease.notes.trim()}\n\n${prev}\n`.trimEnd() + '\n');
  logger.log('Updated %s', file);
}
module.exports = { prepare };
