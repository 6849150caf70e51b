#!/usr/bin/env bash
# The registry firewall beside nginx and Verdaccio, all on loopback in one run (docs/benchmarks.md, "Registry
# firewall"): the express document and the lodash tarball, each served by
#   nginx      the files as they are (the floor: no policy, no proxy logic),
#   Verdaccio  6.8.0 proxying nginx as its uplink (warm: both asked once before measuring),
#   portcullis serve with the default policy, nginx as its upstream (warm: the version judged and stored).
# wrk: 2 threads x 32 connections x DURATION seconds per route and server.
# Needs: wrk and nginx (apt-get install wrk nginx), node/npm; Verdaccio is installed into the work directory
# from the npm registry (with the node-fetch override it needs). Fetches the two documents and the tarball through
# npm's own client (pacote) once.
# Usage: bench-server.sh [DURATION]   (default 15)
set -euo pipefail
. "$(dirname "$0")/common.sh"
DURATION=${1:-15}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx" >&2; exit 3; }
work=$(mktemp -d /tmp/portcullis-bench-server.XXXXXX)
chmod 755 "$work" # nginx workers run as another user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 3; }

echo "building the runnable jar" >&2
(cd "$ROOT" && ./mvnw -q -B ${MVN_ARGS--o} package -pl portcullis-cli -am -DskipTests) >&2
JAR="$ROOT/portcullis-cli/target/portcullis.jar"

# the documents and the tarball, through npm's own client
PACOTE=$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/pacote
mkdir -p "$work/www/docs"
node -e '
const pacote = require(process.argv[1]);
const fs = require("fs");
(async () => {
  for (const name of ["express", "lodash"]) {
    const doc = await pacote.packument(name, { fullMetadata: true });
    fs.writeFileSync(process.argv[2] + "/docs/" + name + ".json", JSON.stringify(doc));
  }
})();' "$PACOTE" "$work/www"
LODASH=$(node -e 'console.log(require(process.argv[1])["dist-tags"].latest)' "$work/www/docs/lodash.json")
mkdir -p "$work/www/lodash/-"
(cd "$work/www/lodash/-" && npm pack "lodash@$LODASH" --silent >/dev/null)
TARBALL="/lodash/-/lodash-$LODASH.tgz"
echo "express document: $(stat -c %s "$work/www/docs/express.json") bytes; lodash $LODASH tarball:" \
  "$(stat -c %s "$work/www/lodash/-/lodash-$LODASH.tgz") bytes" >&2

NGINX_PORT=$(port)
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { application/json json; application/octet-stream tgz; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location ~ ^/([^/]+)\$ { default_type application/json; try_files /docs/\$1.json =404; }
    location / { try_files \$uri =404; }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" & pids+=($!)
wait_for "http://127.0.0.1:$NGINX_PORT/express"

VERDACCIO_PORT=$(port)
mkdir -p "$work/verdaccio"
cat > "$work/verdaccio/package.json" <<'JSON'
{"name":"bench-verdaccio","private":true,"dependencies":{"verdaccio":"6.8.0"},"overrides":{"node-fetch@cjs":"2.7.0"}}
JSON
(cd "$work/verdaccio" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
cat > "$work/verdaccio/config.yaml" <<YAML
storage: $work/verdaccio/storage
uplinks:
  upstream:
    url: http://127.0.0.1:$NGINX_PORT/
packages:
  '**':
    access: \$all
    proxy: upstream
log: { type: stdout, format: pretty, level: error }
YAML
node "$work/verdaccio/node_modules/verdaccio/bin/verdaccio" --config "$work/verdaccio/config.yaml" \
  --listen "127.0.0.1:$VERDACCIO_PORT" > "$work/verdaccio/out.log" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$VERDACCIO_PORT/-/ping"

FIREWALL_PORT=$(port)
"$JAVA" -Xmx1g -jar "$JAR" serve --listen "127.0.0.1:$FIREWALL_PORT" --upstream "http://127.0.0.1:$NGINX_PORT/" \
  --data "$work/firewall" > "$work/firewall.out" 2>&1 & pids+=($!)
wait_for "http://127.0.0.1:$FIREWALL_PORT/-/ping"

for base in "http://127.0.0.1:$VERDACCIO_PORT" "http://127.0.0.1:$FIREWALL_PORT"; do
  curl -fs -o /dev/null "$base/express"
  curl -fs -o /dev/null "$base$TARBALL" || { echo "$base$TARBALL was not served:" >&2; curl -s "$base$TARBALL" >&2; exit 3; }
done

measure() { # name url
  local out rps p99
  out=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<< "$out" | tr '\n' ' ')
  printf '| %s | %s | %s | %s |\n' "$1" "$rps" "$p99" "${errors:-none}"
}
echo "| server and route | req/s | p99 | errors |"
echo "|---|---|---|---|"
for route in "/express" "$TARBALL"; do
  measure "nginx $route" "http://127.0.0.1:$NGINX_PORT$route"
  measure "Verdaccio $route" "http://127.0.0.1:$VERDACCIO_PORT$route"
  measure "portcullis serve $route" "http://127.0.0.1:$FIREWALL_PORT$route"
done
echo "firewall RSS after the run: $(ps -o rss= -p "${pids[2]}") KB" >&2
