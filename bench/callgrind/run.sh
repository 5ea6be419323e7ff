#!/usr/bin/env bash
# Instructions per request, counted by callgrind: repeatable whatever else the machine
# is doing (wall-clock figures are in bench/run.sh). One server thread, N keep-alive
# requests after a sign-in that is not counted.
#
#   bench/callgrind/run.sh [--kams-bin PATH] [--db FILE] [--requests N] [--queries "a|b|…"]
#
# --queries measures only search pages (/api/v1/customers?q=…&limit=20), one row per query.
#
# Needs a demo database (default bench/out/bench-20000.db, made by
# `bench/run.sh --customers 20000`); it is copied, never changed. Prints a Markdown table:
# instructions per request for GET /customers/{id}, a list page and a search page.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/server/kams
db=$root/bench/out/bench-20000.db
n=2000
queries=""
while [ $# -gt 0 ]; do
  case "$1" in
    --kams-bin) bin=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --requests) n=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    *) echo "usage: $0 [--kams-bin PATH] [--db FILE] [--requests N] [--queries \"a|b|…\"]" >&2; exit 2 ;;
  esac
done
[ -f "$db" ] || { echo "no database $db (run bench/run.sh --customers 20000 first)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
max_id=$(sqlite3 "$db" "SELECT max(id) FROM customer" 2>/dev/null || echo 20000)

measure() {  # label path
  cp "$db" "$work/db"
  rm -f "$work/port" "$work/cookie"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/cg" \
    "$bin" serve --db "$work/db" --listen 127.0.0.1:0 --port-file "$work/port" --threads 1 \
    >"$work/serve.log" 2>&1 &
  local vp=$!
  for _ in $(seq 1200); do [ -s "$work/port" ] && break; sleep 0.5; done
  local port; port=$(cat "$work/port")
  MAX_ID=$max_id python3 "$root/bench/callgrind/drive.py" "$port" 20 "$work/cookie" "$2"
  callgrind_control -i on "$vp" >/dev/null 2>&1
  MAX_ID=$max_id python3 "$root/bench/callgrind/drive.py" "$port" "$n" "$work/cookie" "$2"
  callgrind_control -i off "$vp" >/dev/null 2>&1
  kill -TERM "$vp"; wait "$vp" || true
  local total
  total=$(callgrind_annotate "$work/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  printf '| %s | %d | %s |\n' "$1" "$n" "$(( total / n ))"
}

echo "| request | requests | instructions per request |"
echo "|---|---:|---:|"
if [ -n "$queries" ]; then
  IFS='|' read -r -a qs <<<"$queries"
  for q in "${qs[@]}"; do
    enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
    measure "GET /api/v1/customers?q=$q&limit=20" "/api/v1/customers?q=$enc&limit=20"
  done
  exit 0
fi
measure 'GET /api/v1/customers/{id}' ''
measure 'GET /api/v1/customers?limit=20' '/api/v1/customers?limit=20'
measure 'GET /api/v1/customers?q=电力&limit=20' '/api/v1/customers?q=%E7%94%B5%E5%8A%9B&limit=20'
