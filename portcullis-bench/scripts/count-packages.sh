#!/usr/bin/env bash
# Prints, for each lockfile under OUTDIR (as make-5000.sh lays it out), how many distinct name@version packages it
# locks, counted from the file with node alone so the count does not depend on the readers being measured.
# Output: a tab-separated table (format, lockfile, packages).
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
exec node - "$1" <<'JS'
const fs = require('fs');
const path = require('path');
const out = process.argv[2];
const formats = [
  ['npm', 'package-lock.json'],
  ['yarn-classic', 'yarn.lock'],
  ['yarn-berry', 'yarn.lock'],
  ['pnpm', 'pnpm-lock.yaml'],
  ['bun', 'bun.lock'],
];
// "@scope/name@range" -> "@scope/name"
const nameOf = (descriptor) => descriptor.slice(0, descriptor.indexOf('@', 1));
const unquote = (s) => s.trim().replace(/^"|"$/g, '');

function npm(text) {
  const set = new Set();
  for (const [key, entry] of Object.entries(JSON.parse(text).packages)) {
    if (key === '' || entry.link || !key.includes('node_modules/')) continue;
    set.add(`${entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 13)}@${entry.version}`);
  }
  return set.size;
}

function yarnBlocks(text, versionLine) {
  const set = new Set();
  let name = null;
  for (const line of text.split('\n')) {
    if (line && !line.startsWith(' ') && !line.startsWith('#') && line.endsWith(':') && !line.startsWith('__metadata')) {
      name = nameOf(unquote(line.slice(0, -1).split(',')[0]));
    } else if (name !== null) {
      const m = versionLine.exec(line);
      if (m) {
        set.add(`${name}@${unquote(m[1])}`);
        name = null;
      } else if (/^\s+resolution: ".*@workspace:/.test(line)) {
        name = null;
      }
    }
  }
  return set.size;
}

function berry(text) {
  // Workspaces carry "version: 0.0.0-use.local"; their resolution line comes first and ends the block early.
  const set = new Set();
  let current = null;
  for (const line of text.split('\n')) {
    if (line && !line.startsWith(' ') && !line.startsWith('#') && line.endsWith(':') && !line.startsWith('__metadata')) {
      current = {};
    } else if (current) {
      const r = /^  resolution: "(.*)"$/.exec(line);
      const v = /^  version: (.*)$/.exec(line);
      if (r) current.resolution = r[1];
      if (v) current.version = unquote(v[1]);
      if (current.resolution && current.version) {
        if (!current.resolution.includes('@workspace:')) set.add(`${nameOf(current.resolution)}@${current.version}`);
        current = null;
      }
    }
  }
  return set.size;
}

function pnpm(text) {
  const set = new Set();
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inPackages = line === 'packages:';
    else if (inPackages && /^  \S.*:$/.test(line)) set.add(unquote(line.trim().slice(0, -1).replace(/^'|'$/g, '')));
  }
  return set.size;
}

function bun(text) {
  // bun.lock is JSON with trailing commas.
  const lock = JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'));
  return new Set(Object.values(lock.packages).map((entry) => entry[0])).size;
}

const counters = { npm, 'yarn-classic': (t) => yarnBlocks(t, /^  version "?([^"]*)"?$/), 'yarn-berry': berry, pnpm, bun };
console.log('format\tlockfile\tpackages');
for (const [format, file] of formats) {
  const p = path.join(out, format, file);
  if (!fs.existsSync(p)) {
    console.log(`${format}\t${file}\tmissing`);
    continue;
  }
  console.log(`${format}\t${file}\t${counters[format](fs.readFileSync(p, 'utf8'))}`);
}
JS
