#!/usr/bin/env bash
# Builds the web console into web/dist (what `kams serve --console web/dist` serves).
# Installs the npm packages first when node_modules does not match package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_node_modules
echo "== vite build"
npx vite build --logLevel warn
