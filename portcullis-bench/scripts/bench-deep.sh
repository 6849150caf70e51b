#!/usr/bin/env bash
# `portcullis scan --deep` on a real project of about 1,000 packages from a warm cache. Copies
# scripts/project-1000/package.json into OUTDIR/project, generates its package-lock.json with
# `npm install --package-lock-only --ignore-scripts` (once; again when package.json changes), warms Portcullis's cache
# (its own, OUTDIR/cache, so the run does not depend on the user's) with one untimed `scan --deep`, then times RUNS
# warm runs of `bin/portcullis scan --deep OUTDIR/project --format json` with GNU time (wall time, JVM start-up
# included, CPU time (user + system) and peak RSS) under -Xmx$DEEP_HEAP. Target: at most 15 s warm in a 512 MB heap.
# The CPU time and the load average before each run are printed too: on a machine shared with other work the wall
# time says little, the CPU time much more. Prints a Markdown table; the reports and timings stay in OUTDIR.
#
#   portcullis-bench/scripts/bench-deep.sh [OUTDIR]      # default portcullis-bench/target/deep
#
# Environment: DEEP_HEAP (default 512m), RUNS (default 3),
#              PORTCULLIS_JAVA_OPTS (more JVM options, e.g. -XX:TieredStopAtLevel=4 to undo the launcher's C1-only
#              start-up tuning), PORTCULLIS_HOME (the checkout whose bin/portcullis is timed; default this repository)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/portcullis-bench/target/deep}"
mkdir -p "$OUT/project"
OUT="$(cd "$OUT" && pwd)"
PORTCULLIS="$(cd "${PORTCULLIS_HOME:-$ROOT}" && pwd)/bin/portcullis"
HEAP="${DEEP_HEAP:-512m}"
RUNS="${RUNS:-3}"
log() { echo "bench-deep: $*" >&2; }

project="$OUT/project"
if ! cmp -s "$HERE/project-1000/package.json" "$project/package.json" || [ ! -f "$project/package-lock.json" ]; then
  cp "$HERE/project-1000/package.json" "$project/package.json"
  rm -f "$project/package-lock.json"
  log "resolving the lockfile (npm install --package-lock-only --ignore-scripts)"
  (cd "$project" && npm install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
packages=$(node -p "Object.keys(require('$project/package-lock.json').packages).filter(k => k).length")
log "$packages packages in the lockfile"

export PORTCULLIS_CACHE="$OUT/cache"
export PORTCULLIS_JAVA_OPTS="-Xmx$HEAP ${PORTCULLIS_JAVA_OPTS:-}"

# Exit status 0 (passed) and 1 (policy failed on findings) are both a completed scan; anything else is an error.
scan() { # scan REPORT TIMEFILE
  local status=0
  /usr/bin/time -f '%e %M %U %S' -o "$2" "$PORTCULLIS" scan --deep "$project" --format json -o "$1" || status=$?
  if [ "$status" -gt 1 ]; then
    log "portcullis scan --deep failed with exit status $status"
    exit "$status"
  fi
}

log "warming the cache (untimed; downloads every tarball once) with -Xmx$HEAP"
start=$(date +%s)
scan "$OUT/cold.json" "$OUT/cold.time"
log "cold run: $(( $(date +%s) - start )) s"

: > "$OUT/warm.times"
: > "$OUT/warm.loads"
for i in $(seq 1 "$RUNS"); do
  cut -d' ' -f1 /proc/loadavg >> "$OUT/warm.loads"
  scan "$OUT/warm-$i.json" "$OUT/warm-$i.time"
  # GNU time writes "Command exited with non-zero status 1" first when the scan fails on findings: keep the last line
  tail -n 1 "$OUT/warm-$i.time" >> "$OUT/warm.times"
  read -r wall rss_kib user sys < <(tail -n 1 "$OUT/warm-$i.time")
  log "warm run $i: $wall s, CPU $(awk "BEGIN { print $user + $sys }") s, peak RSS $(( rss_kib / 1024 )) MiB"
done

median=$(cut -d' ' -f1 "$OUT/warm.times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
rss=$(cut -d' ' -f2 "$OUT/warm.times" | sort -n | tail -1)
cpu=$(awk '{ print $3 + $4 }' "$OUT/warm.times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
verdicts=$(node -e '
  const r = require(process.argv[1]);
  const found = JSON.stringify(r).match(/"verdict":"(allow|review|block)"/g) || [];
  const c = {}; for (const v of found) { const k = v.slice(11, -1); c[k] = (c[k] || 0) + 1; }
  console.log(Object.entries(c).map(([k, n]) => `${n} ${k}`).join(", ") || "no verdicts in the report");' "$OUT/warm-1.json")
cat <<TABLE
| measure | value |
| --- | --- |
| project | scripts/project-1000 ($packages packages in the generated package-lock.json) |
| warm \`scan --deep\` wall time, median of $RUNS (JVM start included) | $median s (target ≤ 15 s) |
| runs (s) | $(cut -d' ' -f1 "$OUT/warm.times" | tr '\n' ' ') |
| CPU time (user + system), median | $cpu s |
| load average (1 min) before each run | $(tr '\n' ' ' < "$OUT/warm.loads") |
| heap | -Xmx$HEAP; peak RSS of the process $(( rss / 1024 )) MiB |
| verdicts in the report (first warm run) | $verdicts |
| machine | $(nproc) cores, $(date -u +%Y-%m-%d), $("$PORTCULLIS" --version 2>/dev/null | head -1 || echo portcullis) |
TABLE
