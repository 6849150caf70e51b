#!/usr/bin/env bash
# The false-alarm benchmark: every project of portcullis-bench/false-alarms/projects/ (package.json files only) is
# locked at benchmark time by npm 11, pnpm 10, yarn 1, yarn 4 and bun 1 (installed with npm into a scratch prefix;
# lockfile-only modes and --ignore-scripts, so no package code runs; each with its release-age gate set to the
# default policy's minReleaseAge), then `portcullis init` writes the policy it
# proposes, the one edit init asks for is made (the proposed install-script allowlist accepted as a whole), and
# `portcullis scan --format json` judges the project with it. Prints a markdown table of findings per severity per
# project and format, and every high or critical finding, for docs/benchmarks.md.
#
# Usage: false-alarms.sh [project…]        (default: every project)
# Environment: WORK    scratch directory (default: a new one under /tmp, removed at the end unless KEEP=1)
#              FORMATS the formats to lock (default: npm pnpm yarn1 yarn4 bun)
#              PORTCULLIS the command to run (default: bin/portcullis, which builds the jar when sources changed)
#              KEEP    1: keep the installed clients and their caches in WORK for the next run
#              OUT     where the tables go (default: $WORK/results.md); raw reports stay in $WORK/<format>/<project>/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CORPUS="$ROOT/portcullis-bench/false-alarms/projects"
WORK="${WORK:-$(mktemp -d /tmp/portcullis-false-alarms.XXXXXX)}"
FORMATS="${FORMATS:-npm pnpm yarn1 yarn4 bun}"
OUT="${OUT:-$WORK/results.md}"
mkdir -p "$WORK"
read -ra portcullis <<< "${PORTCULLIS:-$ROOT/bin/portcullis}"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK/clients" "$WORK/cache"' EXIT

clients="$WORK/clients"
if [ ! -x "$clients/node_modules/.bin/pnpm" ]; then
  echo "installing the clients into $clients" >&2
  npm install --prefix "$clients" npm@11.19.1 pnpm@10.34.9 yarn@1.22.22 @yarnpkg/cli-dist@4.18.1 \
    @oven/bun-linux-x64@1.4.5 --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
bin="$clients/node_modules"
export YARN_ENABLE_TELEMETRY=0 YARN_ENABLE_GLOBAL_CACHE=0 YARN_CACHE_FOLDER="$WORK/cache/yarn4" \
  BUN_INSTALL="$WORK/cache/bun-home" BUN_INSTALL_CACHE_DIR="$WORK/cache/bun" COREPACK_ENABLE_STRICT=0

# The release-age gate every client is locked with: the default policy's minReleaseAge (3 days) and an hour, so
# that a version younger than the policy allows is not chosen (as a user of the default policy sets up the client).
GATE_MINUTES=$((3 * 24 * 60 + 60))
BEFORE=$(date -u -d "-$GATE_MINUTES minutes" +%Y-%m-%dT%H:%M:%SZ)

# lock <format> <dir>: writes the format's lockfile in dir without running any package script
lock() {
  local format=$1 dir=$2
  case "$format" in
    npm) (cd "$dir" && node "$bin/npm/bin/npm-cli.js" install --package-lock-only --ignore-scripts --no-audit \
        --no-fund --loglevel=error --before="$BEFORE" > /dev/null) ;;
    pnpm)
      if node -e 'process.exit(require(process.argv[1]).workspaces ? 0 : 1)' "$dir/package.json"; then
        node -e 'console.log("packages:\n" + require(process.argv[1]).workspaces.map(w => "  - " + JSON.stringify(w)).join("\n"))' \
          "$dir/package.json" > "$dir/pnpm-workspace.yaml"
      fi
      (cd "$dir" && node "$bin/pnpm/bin/pnpm.cjs" install --lockfile-only --ignore-scripts \
        --config.minimum-release-age="$GATE_MINUTES" --store-dir "$WORK/cache/pnpm" --loglevel=error > /dev/null) ;;
    yarn1)
      if node -e 'process.exit(require(process.argv[1]).workspaces ? 0 : 1)' "$dir/package.json"; then
        # `yarn import` does not take workspaces: yarn 1 resolves them itself, without a release-age gate (it has
        # none), installing with scripts off into a scratch folder that is removed after
        (cd "$dir" && node "$bin/yarn/bin/yarn.js" install --ignore-scripts --non-interactive --no-progress \
          --ignore-engines --network-timeout 600000 --cache-folder "$WORK/cache/yarn1" --silent > /dev/null) \
          || return 1
        find "$dir" -name node_modules -type d -prune -exec rm -rf {} +
        [ -s "$dir/yarn.lock" ]
        return
      fi
      # yarn 1 has neither a lockfile-only mode nor a release-age gate: it imports the gated package-lock.json npm
      # writes (`yarn import`, its migration path, reads the v1 part that lockfile version 2 still has)
      (cd "$dir" && node "$bin/npm/bin/npm-cli.js" install --package-lock-only --ignore-scripts --no-audit \
        --no-fund --loglevel=error --before="$BEFORE" --lockfile-version=2 > /dev/null)
      (cd "$dir" && node "$bin/yarn/bin/yarn.js" import --non-interactive --no-progress --ignore-engines \
        --network-timeout 600000 --cache-folder "$WORK/cache/yarn1" --silent > /dev/null) || return 1
      rm -rf "$dir/package-lock.json" "$dir/node_modules" ;;
    yarn4)
      printf 'enableScripts: false\nenableTelemetry: false\nnodeLinker: node-modules\nnpmMinimalAgeGate: %s\n' \
        "$GATE_MINUTES" > "$dir/.yarnrc.yml"
      touch "$dir/yarn.lock"
      (cd "$dir" && node "$bin/@yarnpkg/cli-dist/bin/yarn.js" install --mode=update-lockfile > "$dir/.yarn-install.log") ;;
    bun)
      printf '[install]\nminimumReleaseAge = %s\n' "$((GATE_MINUTES * 60))" > "$dir/bunfig.toml"
      (cd "$dir" && "$bin/@oven/bun-linux-x64/bin/bun" install --lockfile-only --ignore-scripts --no-progress \
        > /dev/null 2>&1) ;;
    *) echo "unknown format $format" >&2; return 2 ;;
  esac
  # called where `set -e` does not apply: a client that failed must have written its lockfile all the same
  local written
  case "$format" in
    npm) written=package-lock.json ;; pnpm) written=pnpm-lock.yaml ;; yarn1 | yarn4) written=yarn.lock ;;
    bun) written=bun.lock ;;
  esac
  [ -s "$dir/$written" ]
}

# accept: the one edit `portcullis init` asks for — the proposed install-script allowlist accepted as a whole
accept() {
  sed -i -E 's/^  # allow: \[/  allow: [/' "$1/portcullis.yml"
}

"${portcullis[@]}" --version >&2
[ $# -gt 0 ] || set -- $(ls "$CORPUS")
for format in $FORMATS; do
  for project in "$@"; do
    dir="$WORK/$format/$project"
    rm -rf "$dir"
    mkdir -p "$dir"
    cp -r "$CORPUS/$project/." "$dir/"
    if ! lock "$format" "$dir" 2> "$dir/.lock.err"; then
      echo "$format $project: the client could not lock it ($(tail -1 "$dir/.lock.err"))" >&2
      echo "lock-failed" > "$dir/.status"
      continue
    fi
    "${portcullis[@]}" init "$dir" > /dev/null 2> "$dir/.init.err" || { echo "init-failed" > "$dir/.status"; continue; }
    accept "$dir"
    set +e
    "${portcullis[@]}" scan "$dir" --format json -o "$dir/.scan.json" 2> "$dir/.scan.err"
    echo "$?" > "$dir/.status"
    set -e
    echo "$format $project: exit $(cat "$dir/.status")" >&2
  done
done

node "$ROOT/portcullis-bench/scripts/false-alarms-table.mjs" "$WORK" $FORMATS -- "$@" > "$OUT"
cat "$OUT"
