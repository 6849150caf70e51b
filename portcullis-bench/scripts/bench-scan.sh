#!/usr/bin/env bash
# Times `portcullis scan` on each lockfile that make-5000.sh wrote into OUTDIR, wall time including JVM start-up
# with at most a 256 MB heap, and lockfile-lint on the same package-lock.json (and yarn 1 yarn.lock) in the same run.
# Prints a markdown table; hyperfine's JSON and the table are also kept in OUTDIR/results/.
#
#   portcullis-bench/scripts/bench-scan.sh /tmp/portcullis-5000
#
# Environment: PORTCULLIS_HOME  the Portcullis checkout whose bin/portcullis is timed (default: this repository)
#              PORTCULLIS_REVISION  what to call it in the output (default: its git commit)
#              RUNS, WARMUP     timed and untimed runs per command (default 10 and 3)
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$1" && pwd)"
PORTCULLIS_HOME="$(cd "${PORTCULLIS_HOME:-$HERE/../..}" && pwd)"
PORTCULLIS="$PORTCULLIS_HOME/bin/portcullis"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-3}"
HEAP="-Xmx256m"
LOCKFILE_LINT_VERSION=5.0.1
RESULTS="$OUT/results"
mkdir -p "$RESULTS"
log() { echo "bench-scan: $*" >&2; }

# lockfile-lint, pinned by the node-tools lockfile, installed the way the tests install it.
NODE_TOOLS="$HERE/../../portcullis-testkit/node-tools"
LOCKFILE_LINT="$NODE_TOOLS/node_modules/.bin/lockfile-lint"
if [ ! -x "$LOCKFILE_LINT" ]; then
  log "installing lockfile-lint into $NODE_TOOLS"
  (cd "$NODE_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
actual="$(node -p "require('$NODE_TOOLS/node_modules/lockfile-lint/package.json').version")"
if [ "$actual" != "$LOCKFILE_LINT_VERSION" ]; then
  echo "bench-scan: lockfile-lint $actual installed, expected $LOCKFILE_LINT_VERSION" >&2
  exit 3
fi

# The launcher builds the jar and its class-data archive on first use; neither belongs in the timings.
# When it cannot start (a checkout that does not build), lockfile-lint is still measured.
log "preparing $PORTCULLIS"
PORTCULLIS_READY=true
if ! PORTCULLIS_JAVA_OPTS="$HEAP" "$PORTCULLIS" --version >&2; then
  log "$PORTCULLIS does not start; measuring lockfile-lint only"
  PORTCULLIS_READY=false
fi

HAVE_HYPERFINE=false
if command -v hyperfine >/dev/null; then
  HAVE_HYPERFINE=true
else
  log "hyperfine not found (Debian: apt-get install hyperfine); timing with a bash loop"
fi

# time_command NAME COMMAND: mean and standard deviation of the wall time in seconds, written to RESULTS/NAME.json
# in hyperfine's layout. Exit codes are ignored: a policy failure (1) or lint findings (1) are normal results.
time_command() {
  local name="$1" command="$2"
  if $HAVE_HYPERFINE; then
    hyperfine --style basic --ignore-failure --warmup "$WARMUP" --runs "$RUNS" \
      --export-json "$RESULTS/$name.json" --command-name "$name" "$command" >&2
  else
    local i start end times=()
    for ((i = 0; i < WARMUP; i++)); do bash -c "$command" >/dev/null 2>&1 || true; done
    for ((i = 0; i < RUNS; i++)); do
      start=$(date +%s%N)
      bash -c "$command" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      times+=("$(( (end - start) / 1000 ))")
    done
    printf '%s\n' "${times[@]}" | awk -v name="$name" '
      { t[NR] = $1 / 1e6; s += t[NR] }
      END { m = s / NR; for (i = 1; i <= NR; i++) v += (t[i] - m) ^ 2;
            printf "{\"results\":[{\"command\":\"%s\",\"mean\":%f,\"stddev\":%f}]}\n", name, m, sqrt(v / (NR - 1)) }' \
      > "$RESULTS/$name.json"
  fi
}

# max_rss COMMAND: the largest resident set, in MB, over three runs.
max_rss() {
  local i kb max=0
  for i in 1 2 3; do
    # GNU time reports the largest resident set among the processes it waited for: the JVM or node, not bash.
    kb=$(/usr/bin/time -f '%M' -o "$RESULTS/.rss" bash -c "$1" >/dev/null 2>&1 || true; tail -1 "$RESULTS/.rss")
    [ "$kb" -gt "$max" ] && max="$kb"
  done
  rm -f "$RESULTS/.rss"
  echo $(( (max + 512) / 1024 ))
}

mean_sd() { jq -r '.results[0] | "\(.mean) \(.stddev)"' "$RESULTS/$1.json"; }

q() { printf '%q' "$1"; }

# format, lockfile, lockfile-lint --type where lockfile-lint reads the format, else -
FORMATS=(
  "npm package-lock.json npm"
  "yarn-classic yarn.lock yarn"
  "yarn-berry yarn.lock -"
  "pnpm pnpm-lock.yaml -"
  "bun bun.lock -"
)
declare -A COUNTS
while IFS=$'\t' read -r format _ count; do COUNTS[$format]="$count"; done < <("$HERE/count-packages.sh" "$OUT" | tail -n +2)

ROWS=()
for spec in "${FORMATS[@]}"; do
  read -r format lockfile lint_type <<<"$spec"
  dir="$OUT/$format"
  if [ ! -f "$dir/$lockfile" ]; then
    ROWS+=("| $format | $lockfile | missing | – | – | – | – | – |")
    continue
  fi
  size="$(awk -v b="$(stat -c %s "$dir/$lockfile")" 'BEGIN { printf "%.1f MB", b / 1048576 }')"
  scan="PORTCULLIS_JAVA_OPTS=$HEAP $(q "$PORTCULLIS") scan $(q "$dir") --offline --format json -o /dev/null"
  lint="–"
  lint_rss="–"
  ratio="–"
  if [ "$lint_type" != "-" ]; then
    hosts="npm"
    [ "$lint_type" = "yarn" ] && hosts="npm yarn"
    lint_cmd="$(q "$LOCKFILE_LINT") --type $lint_type --path $(q "$dir/$lockfile") --validate-https --allowed-hosts $hosts --validate-package-names --validate-integrity"
    log "lockfile-lint on $format/$lockfile"
    time_command "lockfile-lint-$format" "$lint_cmd > /dev/null"
    read -r lmean lsd < <(mean_sd "lockfile-lint-$format")
    lint="$(printf '%.3f ± %.3f s' "$lmean" "$lsd")"
    lint_rss="$(max_rss "$lint_cmd") MB"
  fi
  if ! $PORTCULLIS_READY; then
    ROWS+=("| $format | $lockfile | ${COUNTS[$format]} | $size | not measured: bin/portcullis does not start | – | $lint ($lint_rss) | – |")
    continue
  fi
  # One untimed scan shows whether this checkout reads the format at all (exit 2 or 3: it does not, yet).
  set +e
  error="$(bash -c "$scan" 2>&1 >/dev/null)"
  status=$?
  set -e
  if [ "$status" -ge 2 ]; then
    log "$format: scan exits $status: $error"
    ROWS+=("| $format | $lockfile | ${COUNTS[$format]} | $size | not measured: exit $status (${error//|/\\|}) | – | $lint ($lint_rss) | – |")
    continue
  fi
  log "portcullis scan on $format/$lockfile"
  time_command "portcullis-$format" "$scan"
  read -r pmean psd < <(mean_sd "portcullis-$format")
  rss="$(max_rss "$scan")"
  if [ "$lint" != "–" ]; then
    ratio="$(awk -v p="$pmean" -v l="$lmean" 'BEGIN { printf "%.2f× %s", (p < l ? l / p : p / l), (p < l ? "faster" : "slower") }')"
  fi
  ROWS+=("| $format | $lockfile | ${COUNTS[$format]} | $size | $(printf '%.3f ± %.3f s' "$pmean" "$psd") | $rss MB | $lint ($lint_rss) | $ratio |")
done

{
  echo "Portcullis: ${PORTCULLIS_REVISION:-$(cd "$PORTCULLIS_HOME" && git rev-parse --short HEAD 2>/dev/null || echo unknown)} ($PORTCULLIS_HOME), \`scan DIR --offline --format json -o /dev/null\`, PORTCULLIS_JAVA_OPTS=$HEAP"
  echo "lockfile-lint $LOCKFILE_LINT_VERSION: --validate-https --allowed-hosts npm [yarn] --validate-package-names --validate-integrity"
  echo "$RUNS timed runs after $WARMUP warm-up runs each ($($HAVE_HYPERFINE && hyperfine --version || echo 'bash loop')); $(nproc) cores; $(node --version); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| format | lockfile | packages | size | portcullis scan (mean ± σ) | max RSS | lockfile-lint (mean ± σ, max RSS) | portcullis vs lockfile-lint |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "packages: distinct name@version locked, counted by count-packages.sh. Offline: nothing is fetched, so install"
  echo "scripts of packages whose lockfile does not record them are listed as unchecked rather than looked up."
} | tee "$RESULTS/bench-scan.md"
