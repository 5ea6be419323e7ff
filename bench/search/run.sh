#!/usr/bin/env bash
# Single-request latency of name searches on a generated database, and a fingerprint of
# their answers (so two builds can be shown to answer the same on the same data).
#
#   bench/search/run.sh [--kams-bin PATH] [--db FILE] [--as USER] [--requests N]
#                       [--pages P] [--queries "a|b|…"]
#
# Defaults: build/server/kams, bench/out/bench-1000000.db (made by bench/run.sh), admin,
# 21 requests per query, 5 pages followed. The database is opened in place: a build with a
# newer schema migrates it (copy it first to keep one for older builds). Prints a Markdown
# table: items on the first page and over the followed pages, median / p95 / max ms of the
# first page (Python client, keep-alive, one request at a time), and the fingerprint.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/server/kams
db=$root/bench/out/bench-1000000.db
user=admin
n=21
pages=5
queries='电力|供电|能源|科技|机械|精密机械|电力设备|有限公司|electric|siemens|量子计算|energy technology|co., ltd.|gy t|suzhou power|ens ele|苏州 Power|SIEMENS'
while [ $# -gt 0 ]; do
  case "$1" in
    --kams-bin) bin=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --as) user=$2; shift 2 ;;
    --requests) n=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    *) sed -n '2,12p' "$0" >&2; exit 2 ;;
  esac
done
[ -f "$db" ] || { echo "no database $db (bench/run.sh generates one)" >&2; exit 2; }
work=$(mktemp -d)
serve_pid=""
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"' EXIT
"$bin" serve --db "$db" --listen 127.0.0.1:0 --port-file "$work/port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1200); do
  [ -s "$work/port" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/port" ] || { echo "kams serve did not listen within 120 s" >&2; exit 1; }
IFS='|' read -r -a qs <<<"$queries"
echo "| query | page 1 | $pages pages | median ms | p95 ms | max ms | fingerprint |"
echo "|---|---:|---:|---:|---:|---:|---|"
python3 "$root/bench/search/drive.py" "$(cat "$work/port")" "$user" "$n" "$pages" "${qs[@]}" |
  while IFS=$'\t' read -r q first followed med p95 max fp; do
    echo "| \`$q\` | $first | $followed | $med | $p95 | $max | $fp |"
  done
