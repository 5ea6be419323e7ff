#!/usr/bin/env bash
# Export speed: the whole customer list from the command line (CSV and XLSX) and over the
# API (as an administrator, and as a director for one region), on a generated database.
#
#   bench/export/run.sh [--kams-bin PATH] [--customers N] [--db FILE] [--fresh]
#
# Defaults: build/server/kams, 200,000 customers in a database made for the run (kams demo
# --months 0, about 45 s) unless --db names one. The server runs with --export-max-rows N so
# that one request may export everything. Prints a Markdown table: rows, seconds, rows/s,
# file size, and the peak memory of the process that wrote the file (for the server: its
# peak during that one request, the high-water mark being reset before each through
# /proc/PID/clear_refs, with its resident size at rest before the request beside it).
# --fresh starts the server anew before each request, so that no earlier export's caches
# and freed-but-kept heap are in the figures (cold caches: slower).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/server/kams
customers=200000
db=""
fresh=0
while [ $# -gt 0 ]; do
  case "$1" in
    --kams-bin) bin=$2; shift 2 ;;
    --customers) customers=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
serve_pid=""
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
if [ -z "$db" ]; then
  db=$work/export.db
  echo "generating $customers customers …" >&2
  "$bin" demo --db "$db" --customers "$customers" --months 0 >/dev/null
fi

echo "| what | rows | seconds | rows/s | file MB | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"

# kams export customers: wall time and peak RSS from /usr/bin/time.
for format in csv xlsx; do
  out=$work/all.$format
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" export customers --db "$db" --out "$out" \
    --lang zh-CN >"$work/cli.out"
  rows=$(sed -E 's/^exported ([0-9]+) customers.*/\1/' "$work/cli.out")
  read -r secs kb <"$work/time"
  bytes=$(stat -c %s "$out")
  awk -v f="$format" -v r="$rows" -v s="$secs" -v b="$bytes" -v k="$kb" 'BEGIN {
    printf "| `kams export customers` %s | %d | %.2f | %.0f | %.1f | %.0f |\n", f, r, s, r / s, b / 1048576, k / 1024 }'
done

all=$("$bin" export customers --db "$db" --out "$work/count.csv" | sed -E 's/^exported ([0-9]+).*/\1/')
start_server() {
  if [ -n "$serve_pid" ]; then
    kill "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  rm -f "$work/port"
  "$bin" serve --db "$db" --listen 127.0.0.1:0 --port-file "$work/port" \
    --export-max-rows "$all" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 1200); do
    [ -s "$work/port" ] && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -s "$work/port" ] || { echo "kams serve did not listen within 120 s" >&2; exit 1; }
  base=http://127.0.0.1:$(cat "$work/port")/api/v1
}
start_server

# GET /customers/export as USER: wall time from curl, rows from X-Export-Rows; the server's
# peak RSS during the request (VmHWM reset first) and at rest before it (VmRSS).
api() {
  local user=$1 format=$2 label=$3 extra=${4:-}
  local jar=$work/jar-$user rows secs bytes kb rest
  [ "$fresh" = 1 ] && start_server
  curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"kams-demo\"}" "$base/auth/login" >/dev/null
  echo 5 >"/proc/$serve_pid/clear_refs"
  rest=$(awk '/VmRSS/ { print $2 }' "/proc/$serve_pid/status")
  curl -sf -b "$jar" -D "$work/headers" -o "$work/api.$format" -w '%{time_total} %{size_download}\n' \
    "$base/customers/export?format=$format&lang=zh-CN$extra" >"$work/curl"
  rows=$(tr -d '\r' <"$work/headers" | awk -F': ' 'tolower($1) == "x-export-rows" { print $2 }')
  read -r secs bytes <"$work/curl"
  kb=$(awk '/VmHWM/ { print $2 }' "/proc/$serve_pid/status")
  awk -v w="$label $format" -v r="$rows" -v s="$secs" -v b="$bytes" -v k="$kb" -v z="$rest" 'BEGIN {
    printf "| %s | %d | %.2f | %.0f | %.1f | %.0f (server; %.0f at rest) |\n", w, r, s, r / s, b / 1048576, k / 1024, z / 1024 }'
}
for format in csv xlsx; do
  api dir.east "$format" 'API, director (one region)'
  api admin "$format" 'API, admin (all)'
done
api dir.east csv 'API, director (one region), sorted by name,' '&sort=name'
api admin csv 'API, admin (all), sorted by name,' '&sort=name'
