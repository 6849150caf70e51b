#!/usr/bin/env bash
# `portcullis sbom --format cyclonedx` beside `npm sbom --sbom-format cyclonedx --package-lock-only` on the same
# projects, in the same run: the component sets (by package URL, qualifiers dropped), the components whose scope or
# SHA-512 differ, each listed, and the time of each command (wall, JVM start-up included). Projects: the real projects of the test fixtures (npm 11
# lockfiles) and the new side of the diff benchmark (bench-diff.sh). Prints a Markdown table and the differences.
#
#   portcullis-bench/scripts/bench-sbom-npm.sh [OUTDIR]      # default portcullis-bench/target/sbom-npm
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/portcullis-bench/target/sbom-npm}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
PORTCULLIS="$ROOT/bin/portcullis"
log() { echo "bench-sbom-npm: $*" >&2; }
"$PORTCULLIS" --version >/dev/null

FIXTURES="$ROOT/portcullis-testkit/fixtures"
projects=("$FIXTURES/real-projects/express-lodash-react-webpack" "$FIXTURES/real-projects/express-4"
          "$FIXTURES/npm/workspaces-v3" "$FIXTURES/npm/one-package-dev-v3" "$FIXTURES/npm/git-dep-v3"
          "$FIXTURES/npm/bundled-v3")
mkdir -p "$OUT/locked/diff-new"
cp "$HERE/diff-50/new/package.json" "$OUT/locked/diff-new/package.json"
[ -f "$OUT/locked/diff-new/package-lock.json" ] || (cd "$OUT/locked/diff-new" && npm install --package-lock-only \
  --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
projects+=("$OUT/locked/diff-new")

echo "| project | npm sbom components | portcullis components | same | only npm | only portcullis | scope differs | SHA-512 differs | npm sbom s | portcullis s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for project in "${projects[@]}"; do
  name="$(basename "$project")"
  work="$OUT/work/$name"
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$project/." "$work/"
  rm -rf "$work/registry"
  start=$(date +%s.%N)
  (cd "$work" && npm sbom --sbom-format cyclonedx --package-lock-only > "$OUT/$name.npm.json" 2>"$OUT/$name.npm.err")
  npm_s=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  "$PORTCULLIS" sbom "$work" --format cyclonedx -o "$OUT/$name.portcullis.json"
  portcullis_s=$(echo "$(date +%s.%N) - $start" | bc)
  node - "$OUT/$name.npm.json" "$OUT/$name.portcullis.json" "$name" "$npm_s" "$portcullis_s" "$OUT/$name.differences.txt" <<'JS'
const fs = require("fs");
const [npmFile, ourFile, name, npmS, ourS, diffFile] = process.argv.slice(2);
const read = file => {
  const bom = JSON.parse(fs.readFileSync(file, "utf8"));
  const byPurl = new Map();
  for (const c of bom.components || []) {
    byPurl.set(decodeURIComponent((c.purl || "").split("?")[0]), {scope: c.scope || "required",
      sha512: (c.hashes || []).find(h => h.alg === "SHA-512")?.content});
  }
  return byPurl;
};
const npmMap = read(npmFile), ourMap = read(ourFile);
const npm = new Set(npmMap.keys()), ours = new Set(ourMap.keys());
const onlyNpm = [...npm].filter(p => !ours.has(p)).sort();
const onlyOurs = [...ours].filter(p => !npm.has(p)).sort();
const same = [...npm].filter(p => ours.has(p)).length;
const both = [...npm].filter(p => ours.has(p));
const scopeDiffers = both.filter(p => npmMap.get(p).scope !== ourMap.get(p).scope)
  .map(p => `${p}: npm ${npmMap.get(p).scope}, portcullis ${ourMap.get(p).scope}`);
const hashDiffers = both.filter(p => npmMap.get(p).sha512 !== ourMap.get(p).sha512)
  .map(p => `${p}: npm ${npmMap.get(p).sha512 || "none"}, portcullis ${ourMap.get(p).sha512 || "none"}`);
fs.writeFileSync(diffFile, "only npm sbom:\n" + onlyNpm.join("\n") + "\n\nonly portcullis:\n" + onlyOurs.join("\n")
  + "\n\nscope differs:\n" + scopeDiffers.join("\n") + "\n\nSHA-512 differs:\n" + hashDiffers.join("\n") + "\n");
console.log(`| ${name} | ${npm.size} | ${ours.size} | ${same} | ${onlyNpm.length} | ${onlyOurs.length} | ${scopeDiffers.length} | ${hashDiffers.length} | ${(+npmS).toFixed(2)} | ${(+ourS).toFixed(2)} |`);
JS
done
for f in "$OUT"/*.differences.txt; do echo; echo "### $(basename "$f" .differences.txt)"; cat "$f"; done
