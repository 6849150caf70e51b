#!/usr/bin/env bash
# Builds one real project of about 5,000 packages and its lockfile in every format Portcullis reads, each written
# by the real client, into OUTDIR/<format>/ (package.json + that one lockfile, so a scan sees only it).
# Downloads only from the npm registry, only through the clients. Never commit OUTDIR.
#
#   portcullis-bench/scripts/make-5000.sh /tmp/portcullis-5000
#
# The project is project-5000/package.json next to this script: popular packages, direct versions pinned, chosen so
# that npm resolves about 5,000 packages. Transitive versions float with the registry, so counts drift a little.
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
log() { echo "make-5000: $*" >&2; }

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

log "npm $NPM_VERSION: package-lock.json (with resolved URLs)"
fresh npm
(cd "$OUT/npm" && "${NPM[@]}" install --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error \
  --omit-lockfile-registry-resolved=false --registry="$REGISTRY" >&2)

# The other clients start from npm's resolution where they can import it, so all formats lock nearly the same tree.
log "pnpm $PNPM_VERSION: pnpm-lock.yaml (pnpm import of package-lock.json)"
fresh pnpm
cp "$OUT/npm/package-lock.json" "$OUT/pnpm/"
# pnpm import takes no store or cache options on its command line; npm_config_* reach it through its config.
(cd "$OUT/pnpm" && npm_config_registry="$REGISTRY" npm_config_store_dir="$CACHE/pnpm-store" \
  npm_config_cache_dir="$CACHE/pnpm" "${PNPM[@]}" import >&2 && rm package-lock.json)

log "bun $BUN_VERSION: bun.lock (migrated from package-lock.json)"
fresh bun
cp "$OUT/npm/package-lock.json" "$OUT/bun/"
(cd "$OUT/bun" && BUN_INSTALL_CACHE_DIR="$CACHE/bun" BUN_CONFIG_REGISTRY="$REGISTRY" \
  "$BUN" install --lockfile-only --ignore-scripts --save-text-lockfile >&2 && rm package-lock.json)

# yarn resolves every optional dependency for every platform and fails when one is missing from the registry,
# where npm skips it; so a registry that lags behind a release (a mirror) can stop the yarn formats alone. They are
# then reported as missing and the others are still written.
yarn_failed() {
  log "$1 could not lock the project (see its errors above); $2 is left out"
  rm -rf "${OUT:?}/$2"
}

log "yarn $YARN_CLASSIC_VERSION: yarn.lock v1"
fresh yarn-classic
# yarn 1 resolves and downloads every tarball; node_modules goes to the cache and is deleted.
if ! (cd "$OUT/yarn-classic" && "${YARN1[@]}" install --ignore-scripts --ignore-engines --ignore-platform \
  --non-interactive --no-progress --network-concurrency 16 --registry "$REGISTRY" --cache-folder "$CACHE/yarn1" \
  --modules-folder "$CACHE/yarn1-node_modules" >&2); then
  yarn_failed "yarn $YARN_CLASSIC_VERSION" yarn-classic
fi
rm -rf "$CACHE/yarn1-node_modules"

log "yarn $YARN_BERRY_VERSION: yarn.lock (berry), seeded from the yarn 1 lockfile when there is one"
fresh yarn-berry
if [ -f "$OUT/yarn-classic/yarn.lock" ]; then
  cp "$OUT/yarn-classic/yarn.lock" "$OUT/yarn-berry/yarn.lock"
else
  touch "$OUT/yarn-berry/yarn.lock"
fi
cat > "$OUT/yarn-berry/.yarnrc.yml" <<YML
enableScripts: false
enableTelemetry: false
enableGlobalCache: false
cacheFolder: "$CACHE/yarn-berry"
nodeLinker: node-modules
npmRegistryServer: "${REGISTRY%/}"
YML
if (cd "$OUT/yarn-berry" && YARN_IGNORE_PATH=1 YARN_ENABLE_IMMUTABLE_INSTALLS=false \
  "${YARN4[@]}" install --mode=update-lockfile >&2); then
  # The cache path is this machine's; the benchmarked project keeps only the registry setting.
  printf 'npmRegistryServer: "%s"\n' "${REGISTRY%/}" > "$OUT/yarn-berry/.yarnrc.yml"
  rm -rf "$OUT/yarn-berry/.yarn"
else
  yarn_failed "yarn $YARN_BERRY_VERSION" yarn-berry
fi

rm -rf "$CACHE"
"$HERE/count-packages.sh" "$OUT"
