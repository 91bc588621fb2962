#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json (fresh clone, CI).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.sitrep-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[sitrep] installing npm dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi
