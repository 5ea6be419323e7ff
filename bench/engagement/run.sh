#!/usr/bin/env bash
# Engagement reads at scale: how long the lists a KAM and a director open every morning
# take, one request at a time on an idle server, over a demo company of N customers (its
# key accounts carry three months of contact records, two weeks of visit plans and the
# weekly review).
#
#   bench/engagement/run.sh [--customers N] [--repeat R] [--keep-db] [--kams-bin PATH]
#
# Prints a Markdown table (median and 95th percentile of R sequential requests per row,
# measured by curl's time_total) and the database's row counts. Defaults: 100000 customers,
# 30 requests. The database is bench/out/engagement-N.db (reused with --keep-db).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/bench/out
bin=$root/build/server/kams
customers=100000
repeat=30
keep_db=0
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --keep-db) keep_db=1; shift ;;
    --kams-bin) bin=$(realpath "$2"); shift 2 ;;
    *) echo "usage: $0 [--customers N] [--repeat R] [--keep-db] [--kams-bin PATH]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "bench: no kams binary at $bin (build first)" >&2; exit 2; }
for tool in curl python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 2; }
done
mkdir -p "$out"
db=$out/engagement-$customers.db
if [ "$keep_db" = 0 ] || [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s.%N)
  "$bin" demo --db "$db" --customers "$customers" > "$out/engagement-demo.log"
  echo "generated $customers customers in $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"
fi

tmp=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
"$bin" serve --db "$db" --listen 127.0.0.1:0 --port-file "$tmp/port" > "$out/engagement-serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { echo "bench: the server did not start" >&2; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")

login() {
  curl -sf -c "$tmp/$1.cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"kams-demo\"}" "$base/api/v1/auth/login" > /dev/null
}
# time USER PATH: R sequential requests; prints "median p95" in ms (fails on a non-200).
timed() {
  python3 - "$tmp/$1.cookies" "$base$2" "$repeat" <<'PY'
import subprocess, sys, statistics
cookies, url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(n):
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-b", cookies, "-w", "%{http_code} %{time_total}", url],
                         capture_output=True, text=True, check=True).stdout.split()
    if out[0] != "200":
        sys.exit(f"{url} answered {out[0]}")
    times.append(float(out[1]) * 1000)
times.sort()
print(f"{statistics.median(times):.1f} {times[min(len(times) - 1, int(len(times) * 0.95))]:.1f}")
PY
}

for user in admin dir.east kam.sz; do login "$user"; done
monday=$(python3 -c "import datetime as d; t=(d.datetime.utcnow()+d.timedelta(hours=8)).date(); print(t-d.timedelta(days=t.weekday()))")
echo
echo "| request | as | median ms | p95 ms |"
echo "|---|---|---:|---:|"
while IFS='|' read -r user path; do
  read -r median p95 < <(timed "$user" "$path")
  echo "| \`GET $path\` | $user | $median | $p95 |"
done <<ROWS
kam.sz|/api/v1/my-day
dir.east|/api/v1/my-day
dir.east|/api/v1/cadence-breaches?limit=50
admin|/api/v1/cadence-breaches?limit=50
dir.east|/api/v1/weekly-review?limit=50
dir.east|/api/v1/weekly-review/summary
admin|/api/v1/weekly-review?limit=50
admin|/api/v1/weekly-review/summary
kam.sz|/api/v1/visit-plans?owner_id=$(sqlite3 "$db" "select id from app_user where username='kam.sz'")&from=$monday&limit=100
dir.east|/api/v1/visit-plans?from=$monday&limit=100
dir.east|/api/v1/interactions?limit=50
admin|/api/v1/handovers/decay?limit=50
ROWS
echo
echo "Rows: $(sqlite3 "$db" "select (select count(*) from customer) || ' customers, ' || (select count(*) from interaction) || ' contact records, ' || (select count(*) from visit_plan) || ' visit plans, ' || (select count(*) from interaction where reviewed_at is not null) || ' records reviewed, ' || (select count(*) from cadence_breach) || ' cadence breaches'")"
