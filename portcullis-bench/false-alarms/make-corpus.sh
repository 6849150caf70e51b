#!/usr/bin/env bash
# Makes the package.json files of the false-alarm corpus (projects/<name>/) as a user makes a project: `npm init -y`,
# then `npm install <packages>` and `npm install -D <dev packages>` (lock only, --ignore-scripts), so each file has
# the caret ranges of the versions current on the registry npm is configured with. Monorepos get their workspace
# package.json files the same way. The lockfiles are not kept: scripts/false-alarms.sh locks every project with
# each client at benchmark time. Give project names to remake only those. express-ts-api takes typescript@5:
# ts-jest's peer range excludes typescript 7, and npm refuses to lock the conflict; sveltekit-app takes
# @sveltejs/adapter-auto@7, whose peer is @sveltejs/kit 2 (8 asks for the 3.0 prereleases).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# project → "dependencies | devDependencies"
table() {
  case "$1" in
    nextjs-app) echo "next react react-dom | typescript @types/node @types/react @types/react-dom eslint eslint-config-next tailwindcss @tailwindcss/postcss" ;;
    vite-react) echo "react react-dom | vite @vitejs/plugin-react typescript @types/react @types/react-dom eslint eslint-plugin-react-hooks globals" ;;
    angular-app) echo "@angular/core @angular/common @angular/compiler @angular/forms @angular/platform-browser @angular/router rxjs tslib zone.js | @angular/cli @angular/build @angular/compiler-cli typescript" ;;
    nestjs-api) echo "@nestjs/core @nestjs/common @nestjs/platform-express reflect-metadata rxjs | @nestjs/cli @nestjs/testing jest ts-jest ts-node typescript @types/jest @types/node supertest" ;;
    express-ts-api) echo "express cors dotenv zod | typescript@5 ts-node @types/express @types/node jest ts-jest @types/jest supertest" ;;
    electron-app) echo " | electron electron-builder" ;;
    expo-app) echo "expo react react-native expo-status-bar | typescript @types/react" ;;
    cli-tool) echo "commander chalk ora @inquirer/prompts | typescript tsup vitest @types/node" ;;
    library-rollup) echo " | rollup @rollup/plugin-node-resolve @rollup/plugin-commonjs @rollup/plugin-typescript typescript tslib @biomejs/biome" ;;
    vue-vite) echo "vue vue-router pinia | vite @vitejs/plugin-vue vue-tsc typescript" ;;
    sveltekit-app) echo " | @sveltejs/kit @sveltejs/adapter-auto@7 @sveltejs/vite-plugin-svelte svelte vite typescript" ;;
    fastify-api) echo "fastify @fastify/cors pino | vitest typescript @types/node" ;;
    prisma-api) echo "@prisma/client express | prisma typescript @types/express" ;;
    apollo-graphql) echo "@apollo/server graphql graphql-tag | typescript @types/node" ;;
    astro-site) echo "astro @astrojs/check | typescript" ;;
    koa-mongoose) echo "koa @koa/router mongoose | nodemon mocha chai" ;;
    webpack-babel) echo "lodash | webpack webpack-cli webpack-dev-server babel-loader @babel/core @babel/preset-env html-webpack-plugin" ;;
    image-service) echo "sharp express multer | typescript @types/express" ;;
    lint-tooling) echo " | eslint prettier husky lint-staged @commitlint/cli @commitlint/config-conventional" ;;
    esbuild-lib) echo " | esbuild typescript @types/node" ;;
    turbo-monorepo) echo " | turbo typescript" ;;
    nx-monorepo) echo " | nx @nx/js typescript" ;;
    *) echo "unknown project $1" >&2; return 1 ;;
  esac
}
ALL="nextjs-app vite-react angular-app nestjs-api express-ts-api electron-app expo-app cli-tool library-rollup vue-vite
sveltekit-app fastify-api prisma-api apollo-graphql astro-site koa-mongoose webpack-babel image-service lint-tooling
esbuild-lib turbo-monorepo nx-monorepo"

# workspace packages of the monorepos: "path:dependencies | devDependencies"
workspaces() {
  case "$1" in
    turbo-monorepo) printf '%s\n' "apps/web:next react react-dom | @types/react" "packages/ui:react | @types/react" ;;
    nx-monorepo) printf '%s\n' "packages/core:tslib | " "packages/api:express | @types/express" ;;
  esac
}

# npm install <names> in $1 (dev when $2 is -D), lock only, nothing run
add() {
  local dir=$1 flag=$2; shift 2
  [ $# -gt 0 ] || return 0
  (cd "$dir" && npm install $flag "$@" --package-lock-only --ignore-scripts --no-audit --no-fund --loglevel=error \
    --workspaces=false > /dev/null)
}

# A package.json with name and version only, as `npm init -y` writes it, in directory $1 named $2
init() {
  mkdir -p "$1"
  (cd "$1" && npm init -y --loglevel=error > /dev/null && npm pkg set name="$2" version=1.0.0 && npm pkg set private=true --json \
    && npm pkg delete main scripts keywords author license description > /dev/null)
}

[ $# -gt 0 ] || set -- $ALL
for project in "$@"; do
  IFS='|' read -r deps dev <<< "$(table "$project")"
  dir="$work/$project"
  init "$dir" "$project"
  mapfile -t spaces < <(workspaces "$project")
  if [ ${#spaces[@]} -gt 0 ]; then
    paths=$(printf '"%s",' "${spaces[@]%%:*}")
    (cd "$dir" && npm pkg set "workspaces=[${paths%,}]" --json)
    for space in "${spaces[@]}"; do
      path=${space%%:*}
      IFS='|' read -r wdeps wdev <<< "${space#*:}"
      init "$dir/$path" "@$project/$(basename "$path")"
      # shellcheck disable=SC2086
      add "$dir/$path" "" $wdeps
      # shellcheck disable=SC2086
      add "$dir/$path" -D $wdev
      rm -f "$dir/$path/package-lock.json"
    done
  fi
  # shellcheck disable=SC2086
  add "$dir" "" $deps
  # shellcheck disable=SC2086
  add "$dir" -D $dev
  rm -rf "$here/projects/$project"
  mkdir -p "$here/projects/$project"
  (cd "$dir" && find . -name package.json -not -path '*/node_modules/*' | while read -r f; do
    mkdir -p "$here/projects/$project/$(dirname "$f")"; cp "$f" "$here/projects/$project/$f"; done)
  echo "$project: $(find "$here/projects/$project" -name package.json | wc -l) package.json" >&2
done
