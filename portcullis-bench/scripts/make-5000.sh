#!/usr/bin/env bash
# Builds one real project of about 5,000 packages and its lockfile in every format Portcullis reads, each written
# by the real client, into OUTDIR/<format>/ (package.json + that one lockfile, so a scan sees only it).
# Downloads only from the npm registry, only through the clients. Never commit OUTDIR.
#
#   portcullis-bench/scripts/make-5000.sh /tmp/portcullis-5000
#
# The project is project-5000/package.json next to this script: popular packages, direct versions pinned, chosen so
# that npm resolves about 5,000 packages. Transitive versions float with the registry, so counts drift a little.
#
# Environment: MAKE_FORMATS  the formats to (re)write, of: npm pnpm bun yarn-classic yarn-berry (default: all five).
#                            pnpm and bun start from OUTDIR/npm/package-lock.json, so leaving npm out reuses it.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
REGISTRY="https://registry.npmjs.org/"

# Pinned client versions: the lockfile formats they write are the ones benchmarked.
NPM_VERSION=11.19.1
PNPM_VERSION=10.34.9
YARN_CLASSIC_VERSION=1.22.22
YARN_BERRY_VERSION=4.18.1
BUN_VERSION=1.4.5

TOOLS="$OUT/.tools"
CACHE="$OUT/.cache"
MAKE_FORMATS="${MAKE_FORMATS:-npm pnpm bun yarn-classic yarn-berry}"
log() { echo "make-5000: $*" >&2; }
wanted() { [[ " $MAKE_FORMATS " == *" $1 "* ]]; }
for format in $MAKE_FORMATS; do
  case "$format" in
    npm | pnpm | bun | yarn-classic | yarn-berry) ;;
    *) echo "make-5000: unknown format in MAKE_FORMATS: $format" >&2; exit 2 ;;
  esac
done
if ! wanted npm && { wanted pnpm || wanted bun; } && [ ! -f "$OUT/npm/package-lock.json" ]; then
  echo "make-5000: pnpm and bun start from $OUT/npm/package-lock.json, which is missing: add npm to MAKE_FORMATS" >&2
  exit 2
fi

log "installing the clients into $TOOLS"
mkdir -p "$TOOLS" "$CACHE"
npm install --prefix "$TOOLS" --no-save --ignore-scripts --no-audit --no-fund --loglevel=error \
  "npm@$NPM_VERSION" "pnpm@$PNPM_VERSION" "yarn@$YARN_CLASSIC_VERSION" \
  "@yarnpkg/cli-dist@$YARN_BERRY_VERSION" "bun@$BUN_VERSION" >&2
NPM=("node" "$TOOLS/node_modules/npm/bin/npm-cli.js")
PNPM=("node" "$TOOLS/node_modules/pnpm/bin/pnpm.cjs")
YARN1=("node" "$TOOLS/node_modules/yarn/bin/yarn.js")
YARN4=("node" "$TOOLS/node_modules/@yarnpkg/cli-dist/bin/yarn.js")
# bun's own launcher is set up by a postinstall we do not run; its platform package ships the binary itself.
BUN=""
for candidate in "$TOOLS"/node_modules/@oven/bun-linux-*/bin/bun; do
  if [ -x "$candidate" ] && "$candidate" --version >/dev/null 2>&1; then
    BUN="$candidate"
    break
  fi
done
if [ -z "$BUN" ]; then
  echo "make-5000: no runnable bun binary in $TOOLS/node_modules/@oven" >&2
  exit 3
fi

fresh() {
  rm -rf "${OUT:?}/$1"
  mkdir -p "$OUT/$1"
  cp "$HERE/project-5000/package.json" "$OUT/$1/package.json"
}

if wanted npm; then
  log "npm $NPM_VERSION: package-lock.json (with resolved URLs)"
  fresh npm
  (cd "$OUT/npm" && "${NPM[@]}" install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error \
    --omit-lockfile-registry-resolved=false --registry="$REGISTRY" >&2)
fi

# The other clients start from npm's resolution where they can import it, so all formats lock nearly the same tree.
if wanted pnpm; then
  log "pnpm $PNPM_VERSION: pnpm-lock.yaml (pnpm import of package-lock.json)"
  fresh pnpm
  cp "$OUT/npm/package-lock.json" "$OUT/pnpm/"
  # pnpm import takes no store or cache options on its command line; npm_config_* reach it through its config.
  (cd "$OUT/pnpm" && npm_config_registry="$REGISTRY" npm_config_store_dir="$CACHE/pnpm-store" \
    npm_config_cache_dir="$CACHE/pnpm" "${PNPM[@]}" import >&2 && rm package-lock.json)
fi

if wanted bun; then
  log "bun $BUN_VERSION: bun.lock (migrated from package-lock.json)"
  fresh bun
  cp "$OUT/npm/package-lock.json" "$OUT/bun/"
  (cd "$OUT/bun" && BUN_INSTALL_CACHE_DIR="$CACHE/bun" BUN_CONFIG_REGISTRY="$REGISTRY" \
    "$BUN" install --lockfile-only --ignore-scripts --save-text-lockfile >&2 && rm package-lock.json)
fi

# yarn resolves every optional dependency for every platform and fails when one is missing from the registry,
# where npm, pnpm and bun skip it; so a registry that lags behind a release (a mirror) can stop the yarn formats
# alone. Each yarn client then gets a second try with project-5000/yarn-resolutions.json added as package.json
# "resolutions" (which both yarn 1 and yarn 4 honour): it pins the packages whose newest releases ask for platform
# packages such a mirror lacks (rollup, @swc/core, nx, oxc-parser, unrs-resolver, msgpackr-extract) to slightly
# older releases whose platform packages it has. yarn 1 applies resolutions to transitive dependencies only, so a
# direct dependency named there (rollup, nx) is set to the same version too. Against a complete registry the first
# try succeeds and the resolutions are never used. A format that fails both tries is reported as missing; the
# others are still written.
RESOLUTIONS="$HERE/project-5000/yarn-resolutions.json"
with_resolutions() {
  log "$1 failed on the project as it is (see its errors above); retrying $2 with these package.json resolutions (a direct dependency of the same name gets the same version):"
  jq -r 'to_entries[] | "make-5000:   \(.key): \(.value)"' "$RESOLUTIONS" >&2
  jq --slurpfile r "$RESOLUTIONS" '$r[0] as $pins
    | reduce ("dependencies", "devDependencies") as $field (.;
        if .[$field] then .[$field] |= with_entries(.value = ($pins[.key] // .value)) else . end)
    | . + {resolutions: $pins}' "$HERE/project-5000/package.json" > "$OUT/$2/package.json"
}
yarn_failed() {
  log "$1 could not lock the project, even with the resolutions (see its errors above); $2 is left out"
  rm -rf "${OUT:?}/$2"
}

yarn1_install() {
  # yarn 1 resolves and downloads every tarball; node_modules goes to the cache and is deleted.
  (cd "$OUT/yarn-classic" && "${YARN1[@]}" install --ignore-scripts --ignore-engines --ignore-platform \
    --non-interactive --no-progress --network-concurrency 16 --registry "$REGISTRY" --cache-folder "$CACHE/yarn1" \
    --modules-folder "$CACHE/yarn1-node_modules" >&2)
}
if wanted yarn-classic; then
  log "yarn $YARN_CLASSIC_VERSION: yarn.lock v1"
  fresh yarn-classic
  if ! yarn1_install; then
    rm -f "$OUT/yarn-classic/yarn.lock"
    with_resolutions "yarn $YARN_CLASSIC_VERSION" yarn-classic
    yarn1_install || yarn_failed "yarn $YARN_CLASSIC_VERSION" yarn-classic
  fi
  rm -rf "$CACHE/yarn1-node_modules"
fi

# Seeded from the yarn 1 lockfile when there is one, so both yarn formats lock nearly the same tree.
berry_seed() {
  if [ -f "$OUT/yarn-classic/yarn.lock" ]; then
    cp "$OUT/yarn-classic/yarn.lock" "$OUT/yarn-berry/yarn.lock"
  else
    : > "$OUT/yarn-berry/yarn.lock"
  fi
  cat > "$OUT/yarn-berry/.yarnrc.yml" <<YML
enableScripts: false
enableTelemetry: false
enableGlobalCache: false
cacheFolder: "$CACHE/yarn-berry"
nodeLinker: node-modules
npmRegistryServer: "${REGISTRY%/}"
YML
}
berry_install() {
  (cd "$OUT/yarn-berry" && YARN_IGNORE_PATH=1 YARN_ENABLE_IMMUTABLE_INSTALLS=false \
    "${YARN4[@]}" install --mode=update-lockfile >&2)
}
if wanted yarn-berry; then
  log "yarn $YARN_BERRY_VERSION: yarn.lock (berry), seeded from the yarn 1 lockfile when there is one"
  fresh yarn-berry
  berry_seed
  berry_ok=true
  if ! berry_install; then
    with_resolutions "yarn $YARN_BERRY_VERSION" yarn-berry
    berry_seed
    berry_install || berry_ok=false
  fi
  if $berry_ok; then
    # The cache path is this machine's; the benchmarked project keeps only the registry setting.
    printf 'npmRegistryServer: "%s"\n' "${REGISTRY%/}" > "$OUT/yarn-berry/.yarnrc.yml"
    rm -rf "$OUT/yarn-berry/.yarn"
  else
    yarn_failed "yarn $YARN_BERRY_VERSION" yarn-berry
  fi
fi

rm -rf "$CACHE"
"$HERE/count-packages.sh" "$OUT"
