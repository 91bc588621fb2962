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

# The web workspace's browser tests drive Debian's Chromium through playwright-core (no browser download).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[sitrep] installing Chromium for the browser tests (apt-get install chromium)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 ||
      { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "[sitrep] installing Chromium for the browser tests (sudo apt-get install chromium)..." >&2
    sudo -n apt-get install -y -q chromium >&2
  else
    echo "[sitrep] Chromium is missing: the browser tests (test/web) need it: apt-get install chromium, or set CHROMIUM_PATH" >&2
  fi
fi
