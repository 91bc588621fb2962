#!/usr/bin/env bash
# `npm start`: installs what is missing, brings the engines up, builds (apps and the web client), migrates
# and runs every app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
infra/local up
echo "[sitrep] building..." >&2
npm run --silent build
echo "[sitrep] migrating..." >&2
npm run --silent migrate
# Every endpoint but /health needs an API key: make an admin key when none exists (README "API").
admin_key_file="${SITREP_STATE_DIR:-.sitrep}/admin-api-key"
npm run --silent api-key -- bootstrap --file "$admin_key_file"

apps=(api ingest extractor indexer alerts web)
# The web app proxies to the other apps wherever their ports are.
export WEB_API_URL=${WEB_API_URL:-http://127.0.0.1:${API_PORT:-3000}}
export WEB_INGEST_URL=${WEB_INGEST_URL:-http://127.0.0.1:${INGEST_PORT:-3001}}
export WEB_ALERTS_URL=${WEB_ALERTS_URL:-http://127.0.0.1:${ALERTS_PORT:-3004}}
pids=()
stop() {
  trap - INT TERM EXIT
  echo "[sitrep] stopping apps..." >&2
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
# V8 flags of every app (a larger young generation: see the README, "Configuration").
read -r -a node_flags < scripts/app-node-options
for app in "${apps[@]}"; do
  # Process substitution, not a pipe: $! must be node's pid so that stop() reaches the app itself.
  node "${node_flags[@]}" "dist/apps/$app/src/main.js" > >(sed -u "s/^/[$app] /") 2>&1 &
  pids+=($!)
done
api_port=${API_PORT:-3000}
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$api_port/health" >/dev/null 2>&1 && break
  sleep 1
done
cat >&2 <<MSG
[sitrep] running:
  workspace    http://127.0.0.1:${WEB_PORT:-3005}/   (the analysts' web app; /api/core, /api/ingest, /api/alerts proxy the apps)
  API          http://127.0.0.1:$api_port/v1      docs: http://127.0.0.1:$api_port/docs
  ingest       http://127.0.0.1:${INGEST_PORT:-3001}/v1/articles   (feeds: /v1/feeds)   docs: http://127.0.0.1:${INGEST_PORT:-3001}/docs
  alerts       http://127.0.0.1:${ALERTS_PORT:-3004}/v1/alert-rules   docs: http://127.0.0.1:${ALERTS_PORT:-3004}/docs
  OpenAPI 3.1  /v1/openapi.json on api, ingest and alerts
  health       /health on each: api $api_port, ingest ${INGEST_PORT:-3001}, extractor ${EXTRACTOR_PORT:-3002}, indexer ${INDEXER_PORT:-3003}, alerts ${ALERTS_PORT:-3004}, web ${WEB_PORT:-3005}
  engines      infra/local status | infra/local down
  API key      admin key in $admin_key_file (if this start or an earlier one created it); try
               curl -H "Authorization: Bearer \$(cat $admin_key_file)" http://127.0.0.1:$api_port/v1/actors?q=Korea
               more keys: npm run api-key -- create --name NAME --scopes read,ingest,alerts
Ctrl-C stops the apps (the engines keep running; 'infra/local down' stops them).
MSG
wait -n "${pids[@]}" || true
echo "[sitrep] an app exited; stopping the others" >&2
exit 1
