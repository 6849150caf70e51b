#!/usr/bin/env bash
# The default `portcullis scan` as a user runs it — online, against the registry npm is configured with — on each
# lockfile that make-5000.sh wrote into OUTDIR: a cold run (empty cache), warm runs (the metadata store filled,
# nothing new since), and --offline from the same store; side by side, in the same run, with the floor of the cold
# run (curl fetching the same packuments, 16 at a time, as the store asks for them) and lockfile-lint on the same
# package-lock.json. Wall time includes JVM start-up; RSS is GNU time's maximum resident set. Prints a markdown table.
#
#   portcullis-bench/scripts/bench-scan-online.sh /tmp/portcullis-5000
#
# Environment: RUNS  warm runs per command (default 5); FORMATS  which of OUTDIR's formats (default: all present)
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$1" && pwd)"
PORTCULLIS="$HERE/../../bin/portcullis"
RUNS="${RUNS:-5}"
HEAP="-Xmx256m"
REGISTRY="$(npm config get registry)"
REGISTRY="${REGISTRY%/}/"
NODE_TOOLS="$HERE/../../portcullis-testkit/node-tools"
LOCKFILE_LINT="$NODE_TOOLS/node_modules/.bin/lockfile-lint"
[ -x "$LOCKFILE_LINT" ] || (cd "$NODE_TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PORTCULLIS_JAVA_OPTS="$HEAP" "$PORTCULLIS" --version >/dev/null

# measure NAME CMD...: one run; prints "seconds max-RSS-MB"
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || true
  tail -n 1 "$WORK/t" | awk '{printf "%.2f %d", $1, $2/1024}' # time prints a status line first on a non-zero exit
}
# median of RUNS runs of CMD: "seconds max-RSS-MB"
median() {
  for _ in $(seq "$RUNS"); do measure "$@"; echo; done | sort -n | awk '{a[NR]=$1; if ($2>m) m=$2} END {printf "%.2f %d", a[int((NR+1)/2)], m}'
}
scan() { # CACHE DIR EXTRA...: the command line of one scan, for measure (which needs a program, not a function)
  local cache="$1" dir="$2"; shift 2
  echo env PORTCULLIS_CACHE="$cache" PORTCULLIS_JAVA_OPTS="$HEAP" "$PORTCULLIS" scan "$dir" --format json -o /dev/null "$@"
}

"$HERE/count-packages.sh" "$OUT" > "$WORK/counts"
echo "| format | packages | cold online | warm online (median of $RUNS) | warm --offline (median of $RUNS) | curl floor, 16 parallel |"
echo "|---|---|---|---|---|---|"
for dir in "$OUT"/*/; do
  format="$(basename "$dir")"
  [ -f "$dir/package.json" ] || continue
  if [ -n "${FORMATS:-}" ] && [[ " $FORMATS " != *" $format "* ]]; then continue; fi
  packages="$(awk -F'\t' -v f="$format" '$1 == f {print $3}' "$WORK/counts")"
  cache="$WORK/cache-$format"
  cold="$(measure $(scan "$cache" "$dir"))"
  warm="$(median $(scan "$cache" "$dir"))"
  offline="$(median $(scan "$cache" "$dir" --offline))"
  # the floor: the packuments of the same names, fetched as full documents, 16 at a time (npm's names only: the
  # other formats lock the same project)
  floor="- -"
  if [ "$format" = npm ]; then
  names="$WORK/names-$format"
  node -e '
    const fs = require("fs"); const d = process.argv[1]; const names = new Set();
    if (fs.existsSync(d + "/package-lock.json")) {
      for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(d + "/package-lock.json")).packages || {}))
        if (k.includes("node_modules/") && !v.link && !v.inBundle) names.add(v.name || k.slice(k.lastIndexOf("node_modules/") + 13));
    } else {
      const text = fs.readFileSync(fs.readdirSync(d).filter(f => /lock/.test(f)).map(f => d + "/" + f)[0], "utf8");
      for (const m of text.matchAll(/(?:^|["\s\/(])((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)@(?:npm:)?\d+\.\d+\.\d+/gm)) names.add(m[1]);
    }
    console.log([...names].map(n => n.replace("/", "%2f")).join("\n"));' "$dir" > "$names"
  # 16 curl processes, each reusing its connection for a share of the documents, as a client with a pool would:
  # the shares are written to files first (curl reading its list from a pipe that split feeds waits on split, and
  # the 16 then take turns: 165 s instead of 13 s measured), one "url =" line per document, bodies to stdout
  mkdir -p "$WORK/floor" && sed "s|^|url = ${REGISTRY}|" "$names" | split -n r/16 - "$WORK/floor/share-"
  floor="$(cd "$WORK" && measure bash -c 'for share in floor/share-*; do
      curl -s --compressed -H "Accept: application/json" -K "$share" >/dev/null & done; wait')"
  floor="${floor% *} s ($(wc -l < "$names") documents)"
  fi
  echo "| $format | $packages | ${cold% *} s, ${cold#* } MB | ${warm% *} s, ${warm#* } MB | ${offline% *} s, ${offline#* } MB | $floor |"
done
if [ -f "$OUT/npm/package-lock.json" ]; then
  lint="$(median "$LOCKFILE_LINT" --type npm --path "$OUT/npm/package-lock.json" --validate-https --allowed-hosts npm \
    --validate-package-names --validate-integrity)"
  echo
  echo "lockfile-lint 5.0.1 on npm/package-lock.json (median of $RUNS): ${lint% *} s, ${lint#* } MB"
fi
echo
echo "registry: $REGISTRY; $(nproc) cores; $(node --version); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
