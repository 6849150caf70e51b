#!/usr/bin/env bash
# The package-analysis evaluation in one command: builds portcullis-bench, downloads the benign tarballs (skipping
# what is already there), analyses the malicious samples and the benign packages, prints the report and writes
# portcullis-bench/target/evaluation/report.md and report.json. Exit status 0 when every target is met (every
# malicious sample at least its SAMPLE.md verdict, no benign package blocked, at most 2 % of the top 1,000 in
# review), 1 when one is missed, 2+ on errors.
#
#   portcullis-bench/scripts/evaluate.sh                   # everything
#   portcullis-bench/scripts/evaluate.sh --malicious-only  # no download, samples only
#   portcullis-bench/scripts/evaluate.sh --malicious-only --write-known-misses
#                     # also rewrites evaluation/known-misses.txt (the ratchet MaliciousSamplesTest checks)
#
# Environment: MVN_ARGS (see common.sh), SKIP_BUILD=1 to reuse the built jar, EVAL_HEAP (default 2g),
#              EVAL_THREADS (default 2).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

benign=(--benign "$BENCH/target/evaluation/benign")
extra=()
for arg in "$@"; do
  case "$arg" in
    --malicious-only) benign=() ;;
    --write-known-misses) extra=(--write-known-misses "$BENCH/evaluation/known-misses.txt") ;;
    *) echo "usage: $0 [--malicious-only] [--write-known-misses]" >&2; exit 2 ;;
  esac
done

[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$BENCH_JAR" ] || build_bench
if [ ${#benign[@]} -gt 0 ]; then
  "$HERE/fetch-benign.sh"
fi
exec "$JAVA" -Xmx"${EVAL_HEAP:-2g}" -cp "$BENCH_JAR" dev.portcullis.bench.eval.Evaluation \
  --malicious "$BENCH/evaluation/malicious" "${benign[@]}" --out "$BENCH/target/evaluation" \
  --threads "${EVAL_THREADS:-2}" "${extra[@]}"
