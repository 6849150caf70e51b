#!/usr/bin/env bash
# `portcullis diff --lockfile OLD NEW` of about 50 changed packages from a warm cache (issue 12: at most 5 s).
# scripts/diff-50/{old,new}/package.json pin the same direct dependencies at older and newer versions; each is
# locked with `npm install --package-lock-only --ignore-scripts` (once; again when its package.json changes), so the
# two lockfiles differ in about 50 registry versions (counted and printed). One untimed online run fills
# Portcullis's own cache (OUTDIR/cache: every tarball, the metadata store); then RUNS warm runs online (the
# advisory request and metadata revalidation still go out) and RUNS with --offline are timed with GNU time (wall
# time with JVM start-up, CPU time, peak RSS) under -Xmx$DIFF_HEAP. Prints a Markdown table.
#
#   portcullis-bench/scripts/bench-diff.sh [OUTDIR]      # default portcullis-bench/target/diff
#
# Environment: DIFF_HEAP (default 512m), RUNS (default 3), PORTCULLIS_HOME (the checkout whose bin/portcullis is
#              timed; default this repository)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/portcullis-bench/target/diff}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
PORTCULLIS="$(cd "${PORTCULLIS_HOME:-$ROOT}" && pwd)/bin/portcullis"
HEAP="${DIFF_HEAP:-512m}"
RUNS="${RUNS:-3}"
log() { echo "bench-diff: $*" >&2; }

for side in old new; do
  mkdir -p "$OUT/$side"
  if ! cmp -s "$HERE/diff-50/$side/package.json" "$OUT/$side/package.json" || [ ! -f "$OUT/$side/package-lock.json" ]; then
    cp "$HERE/diff-50/$side/package.json" "$OUT/$side/package.json"
    rm -f "$OUT/$side/package-lock.json"
    log "locking $side (npm install --package-lock-only --ignore-scripts)"
    (cd "$OUT/$side" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  fi
done
changed=$(node -e '
const f = p => new Set(Object.entries(require(p).packages).filter(([k]) => k)
  .map(([k, v]) => k.split("node_modules/").pop() + "@" + v.version));
const a = f(process.argv[1]), b = f(process.argv[2]);
console.log([...b].filter(x => !a.has(x)).length + " added, " + [...a].filter(x => !b.has(x)).length + " removed");
' "$OUT/old/package-lock.json" "$OUT/new/package-lock.json")
log "registry versions between the lockfiles: $changed"

export PORTCULLIS_CACHE="$OUT/cache"
export PORTCULLIS_JAVA_OPTS="-Xmx$HEAP ${PORTCULLIS_JAVA_OPTS:-}"
# Exit status 0 (passed) and 1 (a new version blocked) are both a completed diff; anything else is an error.
run() { # REPORT TIMEFILE EXTRA...
  local report="$1" timefile="$2" status=0
  shift 2
  /usr/bin/time -f '%e %M %U %S' -o "$timefile" "$PORTCULLIS" diff --lockfile "$OUT/old/package-lock.json" \
    "$OUT/new/package-lock.json" --format json -o "$report" "$@" || status=$?
  if [ "$status" -gt 1 ]; then
    log "portcullis diff failed with exit status $status"
    exit "$status"
  fi
}
log "warming the cache (untimed; downloads every tarball once)"
"$PORTCULLIS" --version >/dev/null
run "$OUT/cold.json" "$OUT/cold.time"
entries=$(node -p "require('$OUT/cold.json').packages.length")
log "$entries packages compared; cold run $(tail -n 1 "$OUT/cold.time" | cut -d' ' -f1) s"

echo "| run | packages compared | wall s | CPU s (user+sys) | peak RSS MB | load before |"
echo "|---|---|---|---|---|---|"
for mode in online offline; do
  for i in $(seq 1 "$RUNS"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$mode" = offline ]; then run "$OUT/$mode-$i.json" "$OUT/$mode-$i.time" --offline
    else run "$OUT/$mode-$i.json" "$OUT/$mode-$i.time"; fi
    tail -n 1 "$OUT/$mode-$i.time" | awk -v m="warm $mode $i" -v n="$entries" -v l="$load" \
      '{printf "| %s | %s | %.2f | %.2f | %d | %s |\n", m, n, $1, $3 + $4, $2 / 1024, l}'
  done
done
