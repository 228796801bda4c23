#!/usr/bin/env bash
# Install what is missing, build the release app and serve it with the bundled data on
# http://127.0.0.1:8080 (a static server with SPA fallback, like the static hosts we deploy to).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
PORT="${PORT:-8080}"
echo "Versterkingsmonitor: http://127.0.0.1:$PORT/"
exec node scripts/serve-static.mjs dist "$PORT"
