#!/usr/bin/env bash
# `npm test`: installs what is missing, brings the real engines up, then runs every jest project
# (unit, integration, e2e) in one run so that the summary line counts the whole run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
infra/local up
exec npx jest --runInBand "$@"
