#!/usr/bin/env bash
# Package-analysis throughput in one command: builds portcullis-bench, downloads the benign tarballs (fetch-benign.sh,
# skipping what is there), runs InspectThroughput (unpack-only vs end-to-end analysis, same run, 2 threads, 3 rounds)
# under a fixed -Xmx, then js-x-ray (@nodesecure/js-x-ray, installed into portcullis-bench/target/jsxray) over the
# same packages unpacked by tar, and over the malicious samples. Writes throughput.{md,json} and jsxray.{md,json}
# into portcullis-bench/target/evaluation and prints both.
#
#   portcullis-bench/scripts/bench-inspect.sh
#
# Environment: INSPECT_HEAP   -Xmx for InspectThroughput (default 1g; 512m runs out of memory on this corpus
#                               when two of its largest tarballs are read at once)
#              THREADS        threads for both tools (default 2)
#              ROUNDS         timed rounds of each Portcullis mode (default 3); JSXRAY_ROUNDS for js-x-ray (default 1)
#              JSXRAY_VERSION (default 10.2.1: the newest that runs on Node 20; 11+ needs Node 24)
#              JSXRAY_FILE_TIMEOUT seconds one file may take in js-x-ray before it is stopped and counted as timed out
#                             (default 60; some 5-13 MB bundles take minutes)
#              SKIP_BUILD=1, SKIP_INSPECT=1 (js-x-ray only), SKIP_JSXRAY=1, MVN_ARGS (see common.sh)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"
BENIGN="$BENCH/target/evaluation/benign"
OUT="$BENCH/target/evaluation"
THREADS="${THREADS:-2}"
JSXRAY_VERSION="${JSXRAY_VERSION:-10.2.1}"
log() { echo "bench-inspect: $*" >&2; }

[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$BENCH_JAR" ] || build_bench
"$HERE/fetch-benign.sh"

if [ "${SKIP_INSPECT:-}" != 1 ]; then
  log "InspectThroughput with -Xmx${INSPECT_HEAP:-1g}"
  "$JAVA" -Xmx"${INSPECT_HEAP:-1g}" -cp "$BENCH_JAR" dev.portcullis.bench.eval.InspectThroughput \
    --benign "$BENIGN" --threads "$THREADS" --rounds "${ROUNDS:-3}" --out "$OUT"
fi

if [ "${SKIP_JSXRAY:-}" = 1 ]; then
  exit 0
fi
JSXRAY="$BENCH/target/jsxray"
if [ "$(node -p "try { require('$JSXRAY/node_modules/@nodesecure/js-x-ray/package.json').version } catch { '' }")" != "$JSXRAY_VERSION" ]; then
  log "installing @nodesecure/js-x-ray@$JSXRAY_VERSION into $JSXRAY"
  mkdir -p "$JSXRAY"
  echo '{ "private": true }' > "$JSXRAY/package.json"
  (cd "$JSXRAY" && npm install "@nodesecure/js-x-ray@$JSXRAY_VERSION" --ignore-scripts --no-audit --no-fund \
     --loglevel=error >&2)
fi

# The same tarballs, unpacked once (js-x-ray reads files, not tarballs); a package already unpacked is kept.
UNPACKED="$OUT/unpacked"
mkdir -p "$UNPACKED"
while IFS=$'\t' read -r _name _version file; do
  dir="$UNPACKED/${file%.tgz}"
  [ -d "$dir" ] && continue
  mkdir -p "$dir.tmp"
  tar -xzf "$BENIGN/$file" -C "$dir.tmp" --no-same-owner --no-same-permissions 2>/dev/null \
    || log "tar reported errors for $file (kept what it extracted)"
  mv "$dir.tmp" "$dir"
done < "$BENIGN/fetched.tsv"

node "$HERE/jsxray-bench.mjs" --jsxray "$JSXRAY" --unpacked "$UNPACKED" --malicious "$BENCH/evaluation/malicious" \
  --out "$OUT" --threads "$THREADS" --rounds "${JSXRAY_ROUNDS:-1}" --file-timeout "${JSXRAY_FILE_TIMEOUT:-60}"
