#!/usr/bin/env bash
# Tests the web console: npm ci (when needed), lint, typecheck, the generated API types
# against the OpenAPI document, Vitest, the production build, and then the browser tests:
# Debian's Chromium (playwright-core) against a real `kams serve` with demo data that
# serves the built console. Screenshots go to web/test-results/.
#
#   web/scripts/test.sh KAMS_BINARY
#
# With KAMS_CONSOLE_BENCH_DB=path (e.g. bench/out/bench-1000000.db) it then also starts a
# server on a copy of that database and prints the console's timings there.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 KAMS_BINARY" >&2
  exit 2
fi
kams=$(realpath "$1")
cd "$(dirname "$0")/.."
web=$(pwd)
. scripts/lib.sh

ensure_node_modules
echo "== lint";      npx eslint . --max-warnings 0 && npx prettier --check . --log-level warn
echo "== typecheck"; npx tsc --noEmit -p .
echo "== api types"; node scripts/gen-api.mjs --check
echo "== vitest";    npx vitest run --reporter=dot
echo "== build";     npx vite build --logLevel warn

tmp=$(mktemp -d)
server_pid=
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=
}
trap 'stop_server; rm -rf "$tmp"' EXIT

# Starts `kams serve` on DB with the built console on a free loopback port; sets $base.
start_server() {
  local db=$1
  rm -f "$tmp/port"
  "$kams" serve --db "$db" --listen 127.0.0.1:0 --port-file "$tmp/port" --console "$web/dist" \
    >"$tmp/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    [ -s "$tmp/port" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$tmp/serve.log" >&2
      echo "kams serve exited" >&2
      exit 1
    fi
    sleep 0.1
  done
  [ -s "$tmp/port" ] || { echo "kams serve did not start" >&2; exit 1; }
  base="http://127.0.0.1:$(tr -d '[:space:]' <"$tmp/port")"
}

echo "== browser tests (demo data)"
"$kams" demo --db "$tmp/demo.db" >/dev/null
start_server "$tmp/demo.db"
KAMS_CONSOLE_URL=$base node e2e/console.e2e.mjs
stop_server

if [ -n "${KAMS_CONSOLE_BENCH_DB:-}" ]; then
  echo "== browser timings on a copy of $KAMS_CONSOLE_BENCH_DB"
  # A copy: serving migrates the database and records sessions and audit rows.
  cp "$KAMS_CONSOLE_BENCH_DB" "$tmp/bench.db"
  for ext in -wal -shm; do
    [ -f "$KAMS_CONSOLE_BENCH_DB$ext" ] && cp "$KAMS_CONSOLE_BENCH_DB$ext" "$tmp/bench.db$ext"
  done
  start_server "$tmp/bench.db"
  KAMS_CONSOLE_URL=$base KAMS_E2E_MODE=bench node e2e/console.e2e.mjs
  stop_server
fi
