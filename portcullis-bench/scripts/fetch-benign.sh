#!/usr/bin/env bash
# Downloads the latest version tarball of every package named in the benign lists with npm's own client
# (`npm pack NAME... --pack-destination DIR`, through whatever registry npm is configured for), many names per npm
# call. Idempotent: a name already recorded in DIR/fetched.tsv is skipped. A batch that fails is retried one name
# at a time; names that still fail are listed in DIR/failed.txt and reported, and the script goes on.
#
#   portcullis-bench/scripts/fetch-benign.sh [LIST...]
#
# Default lists: evaluation/benign-top1000.txt, benign-suspicious.txt and benign-large.txt. Output:
# portcullis-bench/target/evaluation/benign/ (override with BENIGN_DIR): the .tgz files and fetched.tsv
# (name, version, file name). Never committed: target/ is build output.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
OUT="${BENIGN_DIR:-$BENCH/target/evaluation/benign}"
BATCH="${BATCH:-25}"
mkdir -p "$OUT"
FETCHED="$OUT/fetched.tsv"
FAILED="$OUT/failed.txt"
touch "$FETCHED"
: > "$FAILED"
log() { echo "fetch-benign: $*" >&2; }

if [ $# -eq 0 ]; then
  set -- "$BENCH/evaluation/benign-top1000.txt" "$BENCH/evaluation/benign-suspicious.txt" \
         "$BENCH/evaluation/benign-large.txt"
fi

# Every name once, in list order, without comments and names already fetched.
mapfile -t wanted < <(cat "$@" | sed -e 's/#.*//' -e 's/[[:space:]]//g' | awk 'NF && !seen[$0]++')
mapfile -t todo < <(printf '%s\n' "${wanted[@]}" | grep -vxF -f <(cut -f1 "$FETCHED") || true)
log "${#wanted[@]} names, ${#todo[@]} to fetch into $OUT"

# npm pack --json prints one object per packed spec; record name, version and file name.
record() {
  node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const start = s.indexOf("[");
      if (start < 0) process.exit(0);
      for (const p of JSON.parse(s.slice(start))) console.log([p.name, p.version, p.filename].join("\t"));
    });' >> "$FETCHED"
}

pack() {
  (cd "$OUT" && npm pack "$@" --json --pack-destination "$OUT" --ignore-scripts --loglevel=error --no-fund \
      --no-audit 2>>"$OUT/npm-errors.log") | record
}

for ((i = 0; i < ${#todo[@]}; i += BATCH)); do
  batch=("${todo[@]:i:BATCH}")
  if ! pack "${batch[@]}"; then
    log "a batch failed; retrying its ${#batch[@]} names one by one"
    for name in "${batch[@]}"; do
      if grep -q "^${name}	" "$FETCHED"; then continue; fi
      pack "$name" || { log "failed: $name"; echo "$name" >> "$FAILED"; }
    done
  fi
  log "$((i + ${#batch[@]}))/${#todo[@]}"
done

# The scoped file name npm writes (@scope/name -> scope-name-version.tgz) is what fetched.tsv records.
count=$(wc -l < "$FETCHED")
bytes=$(du -sb "$OUT" | cut -f1)
log "$count tarballs recorded, $((bytes / 1024 / 1024)) MiB on disk; $(wc -l < "$FAILED") failed$( [ -s "$FAILED" ] && echo ": $(tr '\n' ' ' < "$FAILED")")"
