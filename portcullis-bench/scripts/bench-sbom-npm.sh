#!/usr/bin/env bash
# `portcullis sbom --format cyclonedx` beside `npm sbom --sbom-format cyclonedx --package-lock-only` on the same
# projects, in the same run: the component sets (by package URL, qualifiers dropped) and the differences with the
# reason for each kind, and the time of each command. Projects: the real projects of the test fixtures (npm 11
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

projects=("$ROOT/portcullis-testkit/fixtures/real-projects/express-lodash-react-webpack"
          "$ROOT/portcullis-testkit/fixtures/real-projects/express-4")
mkdir -p "$OUT/diff-new"
cp "$HERE/diff-50/new/package.json" "$OUT/diff-new/package.json"
[ -f "$OUT/diff-new/package-lock.json" ] || (cd "$OUT/diff-new" && npm install --package-lock-only --ignore-scripts \
  --no-audit --no-fund --loglevel=error >&2)
projects+=("$OUT/diff-new")

echo "| project | npm sbom components | portcullis components | same | only npm | only portcullis | npm sbom s | portcullis s |"
echo "|---|---|---|---|---|---|---|---|"
for project in "${projects[@]}"; do
  name="$(basename "$project")"
  work="$OUT/$name"
  mkdir -p "$work"
  cp "$project/package.json" "$project/package-lock.json" "$work/"
  start=$(date +%s.%N)
  (cd "$work" && npm sbom --sbom-format cyclonedx --package-lock-only > "$OUT/$name.npm.json" 2>"$OUT/$name.npm.err")
  npm_s=$(echo "$(date +%s.%N) - $start" | bc)
  start=$(date +%s.%N)
  "$PORTCULLIS" sbom "$work" --format cyclonedx -o "$OUT/$name.portcullis.json"
  portcullis_s=$(echo "$(date +%s.%N) - $start" | bc)
  node - "$OUT/$name.npm.json" "$OUT/$name.portcullis.json" "$name" "$npm_s" "$portcullis_s" "$OUT/$name.differences.txt" <<'JS'
const fs = require("fs");
const [npmFile, ourFile, name, npmS, ourS, diffFile] = process.argv.slice(2);
const purls = file => {
  const bom = JSON.parse(fs.readFileSync(file, "utf8"));
  return new Set((bom.components || []).map(c => decodeURIComponent((c.purl || "").split("?")[0])));
};
const npm = purls(npmFile), ours = purls(ourFile);
const onlyNpm = [...npm].filter(p => !ours.has(p)).sort();
const onlyOurs = [...ours].filter(p => !npm.has(p)).sort();
const same = [...npm].filter(p => ours.has(p)).length;
fs.writeFileSync(diffFile, "only npm sbom:\n" + onlyNpm.join("\n") + "\n\nonly portcullis:\n" + onlyOurs.join("\n") + "\n");
console.log(`| ${name} | ${npm.size} | ${ours.size} | ${same} | ${onlyNpm.length} | ${onlyOurs.length} | ${(+npmS).toFixed(2)} | ${(+ourS).toFixed(2)} |`);
JS
done
for f in "$OUT"/*.differences.txt; do echo; echo "### $(basename "$f" .differences.txt)"; cat "$f"; done
