#!/usr/bin/env bash
# KAMS read benchmark: N generated customers, wrk on loopback, nginx static JSON as ceiling.
#
#   ./kams.sh bench [options]          (Release build into build/, then this script)
#   bench/run.sh    [options]          (uses build/server/kams as it is)
#
# Options:
#   --customers N      customers to generate (default 1000000)
#   --duration S       seconds per measured wrk run (default 15)
#   --warmup S         seconds of unmeasured wrk load before each run (default 3; 0 = none)
#   --connections "L"  wrk connection counts (default "64 256")
#   --threads T        wrk threads (default 2)
#   --server-threads T kams serve --threads (default: the server's own default)
#   --long-threads T   kams serve --long-threads (default: the server's own; 0 = searches
#                      on the I/O threads, as before that pool existed)
#   --queries "a|b|…"  search queries, "|"-separated (default: see DEFAULT_QUERIES)
#   --keep-db          reuse bench/out/bench-N.db when a finished one with the same N exists
#   --gen-timeout S    give up generating after S seconds (default 3600)
#   --kams-bin PATH    the kams binary to generate with and measure (default build/server/kams),
#                      e.g. to compare a patched build against the same database
#   --gen-index        add a temporary customer_name_gram(customer_id) index while
#                      generating (only for older builds; see "generation" below)
#   --db URL           measure on PostgreSQL instead: a postgres:// database (emptied and
#                      generated into; e.g. under server/tests/with_postgres.sh, whose
#                      KAMS_TEST_PG_URL names a throwaway one); --keep-db does not apply
#   --out DIR          where results and logs go (default bench/out)
#
# bench/backends.sh runs this once on SQLite and once on PostgreSQL with the same options
# and prints the figures side by side.
#
# Output: a Markdown table on stdout and in bench/out/results.md; wrk logs, the server log,
# /metrics scrapes and the nginx config stay in bench/out/. Exit status 1 when any request
# failed (non-2xx or socket errors), after printing the table.
#
# Generation: builds before the fix that made inserts skip the gram DELETE (it scanned
# the gram table for every new customer: an O(N²) load) need a temporary
# customer_name_gram(customer_id) index while loading; `--gen-index` adds it (from a
# second connection, right after the migrations ran) and drops it afterwards, so the
# server is still measured on the schema it ships. Current builds do not need it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
out=$bench/out
bin=$root/build/server/kams
DEFAULT_QUERIES='电力|供电|能源|科技|机械|精密机械|电力设备|有限公司|electric|siemens|量子计算'

customers=1000000
duration=15
warmup=3
connections="64 256"
wrk_threads=2
server_threads=""
long_threads=""
queries=$DEFAULT_QUERIES
keep_db=0
gen_timeout=3600
gen_index=0
pg_url=""

die() { echo "bench: $*" >&2; exit 2; }
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) need_arg "$@"; customers=$2; shift 2 ;;
    --duration) need_arg "$@"; duration=$2; shift 2 ;;
    --warmup) need_arg "$@"; warmup=$2; shift 2 ;;
    --connections) need_arg "$@"; connections=$2; shift 2 ;;
    --threads) need_arg "$@"; wrk_threads=$2; shift 2 ;;
    --server-threads) need_arg "$@"; server_threads=$2; shift 2 ;;
    --long-threads) need_arg "$@"; long_threads=$2; shift 2 ;;
    --queries) need_arg "$@"; queries=$2; shift 2 ;;
    --keep-db) keep_db=1; shift ;;
    --gen-timeout) need_arg "$@"; gen_timeout=$2; shift 2 ;;
    --gen-index) gen_index=1; shift ;;
    --no-gen-index) gen_index=0; shift ;;
    --kams-bin) need_arg "$@"; bin=$(realpath "$2"); shift 2 ;;
    --db) need_arg "$@"; pg_url=$2; shift 2 ;;
    --out) need_arg "$@"; out=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (try --help)" ;;
  esac
done
is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
is_uint "$customers" && [ "$customers" -ge 100 ] || die "--customers must be an integer ≥ 100"
is_uint "$duration" && [ "$duration" -ge 1 ] || die "--duration must be a positive integer"
is_uint "$warmup" || die "--warmup must be an integer"
is_uint "$wrk_threads" && [ "$wrk_threads" -ge 1 ] || die "--threads must be a positive integer"
is_uint "$gen_timeout" || die "--gen-timeout must be an integer"
[ -z "$server_threads" ] || is_uint "$server_threads" || die "--server-threads must be an integer"
[ -z "$long_threads" ] || is_uint "$long_threads" || die "--long-threads must be an integer"
for c in $connections; do
  is_uint "$c" && [ "$c" -ge "$wrk_threads" ] || die "--connections: '$c' (each ≥ --threads)"
done
[ -n "${connections// /}" ] || die "--connections is empty"
if [ -n "$pg_url" ]; then
  [[ $pg_url == postgres://* || $pg_url == postgresql://* ]] || die "--db takes a postgres:// URL"
  [ "$gen_index" = 0 ] || die "--gen-index is for SQLite only"
  keep_db=0
  command -v psql >/dev/null || die "psql is missing (Debian package postgresql-client)"
fi

for tool in wrk nginx curl sqlite3 python3 timeout; do
  command -v "$tool" >/dev/null || die "$tool is missing (run: ./kams.sh setup)"
done
[ -x "$bin" ] || die "$bin is missing (run: ./kams.sh bench, which builds it)"
nginx_bin=$(command -v nginx)

mkdir -p "$out"
db=$out/bench-$customers.db
[ -n "$pg_url" ] && db=$pg_url
meta=$out/bench-$customers.db.meta
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- cleanup
pids=()           # background processes we started, stopped in reverse order on exit
stop_pid() {      # pid: TERM, wait up to 10 s, then KILL
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[i]}"; done
  wait 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# ---------------------------------------------------------------- 1. the database
db_ready() {  # the generated DB exists, finished, and has N customers
  [ -f "$db" ] && [ -f "$meta" ] && grep -qx "customers=$customers" "$meta" || return 1
  local n
  n=$(sqlite3 "$db" ".timeout 5000" "SELECT count(*) FROM customer" 2>/dev/null) || return 1
  [ "$n" = "$customers" ]
}

# Adds the temporary index as soon as `kams demo` has created the schema, while it is
# still generating the company in memory (the DB is idle then).
add_gen_index() {
  local i
  for i in $(seq 1 30000); do   # ≤ 10 min of polling
    if [ -s "$db" ] && [ "$(sqlite3 "$db" ".timeout 2000" \
         "SELECT count(*) FROM sqlite_master WHERE name = 'customer_name_gram'" 2>/dev/null)" = 1 ]; then
      if sqlite3 "$db" ".timeout 5000" \
           "EXPLAIN QUERY PLAN DELETE FROM customer_name_gram WHERE customer_id = 1" |
           grep -q 'SCAN customer_name_gram'; then
        sqlite3 "$db" ".timeout 120000" \
          "CREATE INDEX IF NOT EXISTS bench_tmp_gram_customer ON customer_name_gram(customer_id)" &&
          echo added > "$out/gen-index.flag"
      fi
      return 0
    fi
    sleep 0.02
  done
}

gen_seconds=""
gen_rate=""
gen_note=""
if [ "$keep_db" = 1 ] && db_ready; then
  gen_seconds=$(sed -n 's/^gen_seconds=//p' "$meta")
  gen_rate=$(sed -n 's/^gen_rate=//p' "$meta")
  gen_note="reused from $(sed -n 's/^generated_at=//p' "$meta")"
  log "reusing $db ($customers customers, generated in ${gen_seconds}s)"
else
  if [ -n "$pg_url" ]; then
    # A fresh schema: the demo refuses to load over existing data.
    psql -q -v ON_ERROR_STOP=1 "$pg_url" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' ||
      die "cannot empty $pg_url"
  else
    rm -f "$db" "$db-wal" "$db-shm" "$out/gen-index.flag"
  fi
  rm -f "$meta"
  log "generating $customers customers into ${pg_url:+PostgreSQL }$db (timeout ${gen_timeout}s)"
  t0=$(date +%s.%N)
  timeout "$gen_timeout" "$bin" demo --db "$db" --customers "$customers" --months 0 \
    >"$out/generate.log" 2>"$out/generate.err" &
  gen_pid=$!
  pids+=("$gen_pid")
  if [ "$gen_index" = 1 ]; then
    add_gen_index &
    pids+=("$!")
  fi
  # Show progress (the generator prints "\r  customers: i / N").
  gen_rc=0
  while kill -0 "$gen_pid" 2>/dev/null; do
    sleep 5
    p=$(tr '\r' '\n' <"$out/generate.err" | grep 'customers:' | tail -1 | tr -s ' ' || true)
    [ -n "$p" ] && log "  $p"
  done
  wait "$gen_pid" || gen_rc=$?
  t1=$(date +%s.%N)
  if [ "$gen_rc" != 0 ]; then
    [ -n "$pg_url" ] || rm -f "$db" "$db-wal" "$db-shm"
    [ "$gen_rc" = 124 ] && die "generation did not finish within ${gen_timeout}s (see $out/generate.err)"
    die "kams demo failed with status $gen_rc (see $out/generate.err)"
  fi
  gen_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  gen_rate=$(awk -v n="$customers" -v s="$gen_seconds" 'BEGIN { printf "%.0f", n / s }')
  if [ -f "$out/gen-index.flag" ]; then
    sqlite3 "$db" ".timeout 60000" "DROP INDEX IF EXISTS bench_tmp_gram_customer"
    gen_note="with the temporary customer_name_gram(customer_id) index (dropped afterwards)"
    log "NOTE: generation used a temporary index on customer_name_gram(customer_id); without"
    log "      it kams demo scans the gram table once per customer (O(N^2)). Dropped again."
  fi
  contacts=$(sed -n 's/.*customers, \([0-9]*\) contacts.*/\1/p' "$out/generate.log")
  log "generated $customers customers (${contacts:-?} contacts) in ${gen_seconds}s = $gen_rate customers/s"
  {
    echo "customers=$customers"
    echo "contacts=${contacts:-}"
    echo "gen_seconds=$gen_seconds"
    echo "gen_rate=$gen_rate"
    echo "gen_note=$gen_note"
    echo "generated_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$meta"
fi
if [ -n "$pg_url" ]; then
  db_bytes=$(psql -Atq "$pg_url" -c 'SELECT pg_database_size(current_database())')
  backend="PostgreSQL $(psql -Atq "$pg_url" -c 'SHOW server_version' | cut -d' ' -f1)"
else
  db_bytes=$(stat -c %s "$db")
  backend="SQLite $(sqlite3 --version | cut -d' ' -f1)"
fi

# ---------------------------------------------------------------- 2. kams serve
port_file=$out/kams.port
rm -f "$port_file"
serve_args=(serve --db "$db" --listen 127.0.0.1:0 --port-file "$port_file")
[ -n "$server_threads" ] && serve_args+=(--threads "$server_threads")
[ -n "$long_threads" ] && serve_args+=(--long-threads "$long_threads")
"$bin" "${serve_args[@]}" >"$out/kams-serve.log" 2>&1 &
kams_pid=$!
pids+=("$kams_pid")
for _ in $(seq 1 600); do
  [ -s "$port_file" ] && break
  kill -0 "$kams_pid" 2>/dev/null || die "kams serve exited (see $out/kams-serve.log)"
  sleep 0.1
done
[ -s "$port_file" ] || die "kams serve did not listen within 60 s"
kport=$(tr -d '[:space:]' <"$port_file")
kams_url=http://127.0.0.1:$kport
log "kams serve on $kams_url (pid $kams_pid)"

jar=$out/cookies.txt
rm -f "$jar"
curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -c "$jar" \
  -H 'Content-Type: application/json' -d '{"username":"admin","password":"kams-demo"}' \
  "$kams_url/api/v1/auth/login" | grep -qx 200 || die "login as admin failed"
cookie=$(awk '$6 == "kams_session" { print $7 }' "$jar")
[ -n "$cookie" ] || die "no kams_session cookie in the login answer"
kams_version=$("$bin" version)

kget() {  # path -> body on stdout; fails on non-2xx
  curl -sS --fail --max-time 30 -H "Cookie: kams_session=$cookie" "$kams_url$1"
}

# ---------------------------------------------------------------- 3. the static file
# A customer of typical size: the median body of 41 customers spread over the id range.
ngx=$out/nginx
mkdir -p "$ngx/html" "$ngx/tmp"
sizes=()
for i in $(seq 0 40); do
  id=$(( 1 + (customers - 1) * i / 40 ))
  kget "/api/v1/customers/$id" >"$ngx/tmp/c-$i.json" || die "GET /api/v1/customers/$id failed"
  sizes+=("$(stat -c %s "$ngx/tmp/c-$i.json") $i")
done
median=$(printf '%s\n' "${sizes[@]}" | sort -n | sed -n '21p')
mean_size=$(printf '%s\n' "${sizes[@]}" | awk '{ s += $1 } END { printf "%.0f", s / NR }')
cp "$ngx/tmp/c-${median#* }.json" "$ngx/html/customer.json"
rm -f "$ngx"/tmp/c-*.json
static_bytes=$(stat -c %s "$ngx/html/customer.json")
log "static file: $static_bytes bytes (median of 41 customers; mean $mean_size)"

# ---------------------------------------------------------------- 4. nginx
# worker_processes 2: one per core, as nginx's own "auto" would pick here. KAMS also uses
# every core (its thread pool), and wrk shares the same two cores with either server.
nport=$(free_port)
cat >"$ngx/nginx.conf" <<EOF
# Written by bench/run.sh: nginx serving one static JSON file as the ceiling.
worker_processes 2;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  types { }
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 10000000;   # as KAMS: no reconnects during a run
  open_file_cache max=16 inactive=600s;
  open_file_cache_valid 600s;
  server {
    listen 127.0.0.1:$nport;
    root $ngx/html;
    location / { }
  }
}
EOF
"$nginx_bin" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" -t >/dev/null 2>&1 ||
  { "$nginx_bin" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" -t; die "bad nginx config"; }
"$nginx_bin" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" &
nginx_pid=$!
pids+=("$nginx_pid")
nginx_url=http://127.0.0.1:$nport
for _ in $(seq 1 100); do
  curl -sS -o /dev/null --max-time 2 "$nginx_url/customer.json" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited (see $ngx/error.log)"
  sleep 0.1
done
curl -sS --fail -o /dev/null --max-time 5 "$nginx_url/customer.json" || die "nginx does not answer"
log "nginx on $nginx_url (pid $nginx_pid)"

# ---------------------------------------------------------------- 5. single-request search latency
# Each query alone (sequential, median of 5 after one warm-up), to see which ones cost.
IFS='|' read -r -a qlist <<<"$queries"
[ ${#qlist[@]} -ge 1 ] || die "--queries is empty"
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
query_rows=()
for q in "${qlist[@]}"; do
  path="/api/v1/customers?q=$(urlencode "$q")&limit=20"
  kget "$path" >"$out/search-sample.json" || die "search for '$q' failed"
  hits=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["items"]), "+" if d.get("next_cursor") else "", sep="")' "$out/search-sample.json")
  times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -sS --fail --max-time 60 -o /dev/null -w '%{time_total}' \
      -H "Cookie: kams_session=$cookie" "$kams_url$path")")
  done
  ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 * 1000 }')
  query_rows+=("| \`$q\` | $hits | $ms ms |")
done
rm -f "$out/search-sample.json"

# ---------------------------------------------------------------- 6. wrk
export KAMS_COOKIE=$cookie KAMS_WRK_DIR=$bench/wrk KAMS_CUSTOMERS=$customers KAMS_QUERIES=$queries
export KAMS_STATIC_PATH=/customer.json

metric() {  # file name -> value of that unlabelled metric
  awk -v n="$2" '$1 == n { print $2 }' "$1"
}
declare -A rps p99 errs p50 tmo
rows=()
server_rows=()
failed=0
any_timeout=0
other_max=0
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# CPU accounting, to see how much of the machine others used during a run: busy ticks of
# the whole machine minus those of kams, nginx and this script's children (wrk, curl).
clk_tck=$(getconf CLK_TCK)
ncpu=$(nproc)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
our_ticks() {
  local t=0 p v
  for p in "$kams_pid" "$nginx_pid" $(pgrep -P "$nginx_pid" 2>/dev/null); do
    v=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null) || v=0
    t=$((t + ${v:-0}))
  done
  v=$(awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$$/stat")  # waited-for children
  echo $((t + v))
}

# After a run that overloaded KAMS, requests already sent by wrk are still being answered;
# wait until /healthz answers fast again so they do not spill into the next run.
drain_kams() {
  local i t fast=0
  for i in $(seq 1 240); do
    t=$(curl -sS -o /dev/null --max-time 2 -w '%{time_total}' "$kams_url/healthz" 2>/dev/null || echo 9)
    if awk -v t="$t" 'BEGIN { exit !(t < 0.05) }'; then
      fast=$((fast + 1))
      [ "$fast" -ge 3 ] && return 0
    else
      fast=0
    fi
    sleep 0.5
  done
  log "WARNING: kams still slow to answer /healthz after 2 minutes"
}

run_wrk() {  # workload label, script, url, connections
  local label=$1 script=$2 url=$3 c=$4 logf line m0 m1 load b0 b1 o0 o1 t0 t1 other
  logf=$out/wrk-$label-c$c.txt
  drain_kams
  if [ "$warmup" -gt 0 ]; then
    timeout $((warmup + 60)) wrk -t "$wrk_threads" -c "$c" -d "${warmup}s" --timeout 5s \
      -s "$bench/wrk/$script" "$url" >"$out/wrk-warmup.txt" 2>&1 || true
    drain_kams
  fi
  m0=$out/metrics-$label-c$c-before.txt
  m1=$out/metrics-$label-c$c-after.txt
  curl -sS --max-time 10 "$kams_url/metrics" >"$m0" || : >"$m0"
  load=$(cut -d' ' -f1 /proc/loadavg)
  log "wrk $label, $c connections, ${duration}s (load $load)"
  b0=$(busy_ticks); o0=$(our_ticks); t0=$(date +%s.%N)
  timeout $((duration + 120)) wrk -t "$wrk_threads" -c "$c" -d "${duration}s" --timeout 5s \
    --latency -s "$bench/wrk/$script" "$url" >"$logf" 2>&1 ||
    { cat "$logf" >&2; die "wrk failed ($label, $c connections)"; }
  b1=$(busy_ticks); o1=$(our_ticks); t1=$(date +%s.%N)
  other=$(awk -v b="$((b1 - b0))" -v o="$((o1 - o0))" -v t0="$t0" -v t1="$t1" -v hz="$clk_tck" \
    -v n="$ncpu" 'BEGIN { x = (b - o) / ((t1 - t0) * hz * n) * 100; printf "%.0f%%", (x < 0 ? 0 : x) }')
  other_max=$(awk -v a="$other_max" -v b="${other%\%}" 'BEGIN { print (b > a ? b : a) }')
  curl -sS --max-time 10 "$kams_url/metrics" >"$m1" || : >"$m1"
  line=$(grep '^BENCH ' "$logf" | tail -1)
  [ -n "$line" ] || { cat "$logf" >&2; die "no BENCH line in $logf"; }
  local -A v=()
  local kv
  for kv in ${line#BENCH }; do v[${kv%%=*}]=${kv#*=}; done
  local key=$label/$c
  rps[$key]=${v[rps]}
  p99[$key]=${v[p99_us]}
  p50[$key]=${v[p50_us]}
  tmo[$key]=${v[timeout]}
  errs[$key]=$(( v[non2xx] + v[connect] + v[read] + v[write] + v[timeout] ))
  if [ "${v[requests]}" -eq 0 ]; then
    failed=1
    errs[$key]="no answer"
    log "ERROR in $label/$c: not one request was answered within the run"
  fi
  if [ "${errs[$key]}" != "no answer" ] && [ "${errs[$key]}" -gt 0 ]; then
    failed=1
    log "ERRORS in $label/$c: non-2xx ${v[non2xx]}, connect ${v[connect]}, read ${v[read]}, write ${v[write]}, timeout ${v[timeout]}"
  fi
  local n0 n1 s0 s1 d0 d1 dn0 dn1
  n0=$(metric "$m0" kams_http_request_duration_seconds_count); n1=$(metric "$m1" kams_http_request_duration_seconds_count)
  s0=$(metric "$m0" kams_http_request_duration_seconds_sum); s1=$(metric "$m1" kams_http_request_duration_seconds_sum)
  dn0=$(metric "$m0" kams_db_transaction_seconds_count); dn1=$(metric "$m1" kams_db_transaction_seconds_count)
  d0=$(metric "$m0" kams_db_transaction_seconds_sum); d1=$(metric "$m1" kams_db_transaction_seconds_sum)
  if [ "$label" = nginx-static ]; then
    server_rows+=("| $label | $c | $load | $other | $(fmt_ms "${v[p50_us]}") | – | – | – | – |")
  elif [ -z "$n0" ] || [ -z "$n1" ]; then
    server_rows+=("| $label | $c | $load | $other | $(fmt_ms "${v[p50_us]}") | n/a (/metrics did not answer) | | | |")
  else
    server_rows+=("$(awk -v l="$label" -v c="$c" -v load="$load" -v other="$other" -v p50="$(fmt_ms "${v[p50_us]}")" \
      -v n0="$n0" -v n1="$n1" -v s0="$s0" -v s1="$s1" \
      -v dn0="${dn0:-0}" -v dn1="${dn1:-0}" -v d0="${d0:-0}" -v d1="${d1:-0}" 'BEGIN {
        n = n1 - n0; dn = dn1 - dn0
        printf "| %s | %d | %s | %s | %s | %d | %.2f ms | %d | %.2f ms |", l, c, load, other, p50, n,
          (n > 0 ? (s1 - s0) / n * 1000 : 0), dn, (dn > 0 ? (d1 - d0) / dn * 1000 : 0) }')")
  fi
}

fmt_ms() { awk -v u="$1" 'BEGIN { printf "%.2f ms", u / 1000 }'; }
fmt_rps() { awk -v r="$1" 'BEGIN { printf "%.0f", r }'; }

for c in $connections; do
  run_wrk nginx-static static.lua "$nginx_url" "$c"
  run_wrk kams-by-id by_id.lua "$kams_url" "$c"
  run_wrk kams-search search.lua "$kams_url" "$c"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

for c in $connections; do
  base=${rps[nginx-static/$c]}
  for w in nginx-static kams-by-id kams-search; do
    key=$w/$c
    case $w in
      nginx-static) name="nginx static JSON ($static_bytes B)" ;;
      kams-by-id) name='KAMS `GET /api/v1/customers/{id}`' ;;
      kams-search) name='KAMS `GET /api/v1/customers?q=…&limit=20`' ;;
    esac
    ratio=$(awk -v a="${rps[$key]}" -v b="$base" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
    p=$(fmt_ms "${p99[$key]}")
    if [ "${tmo[$key]}" -gt 0 ]; then p="≥ $p ¹"; any_timeout=1; fi
    rows+=("| $name | $c | $(fmt_rps "${rps[$key]}") | $p | $ratio | ${errs[$key]} |")
  done
done

# ---------------------------------------------------------------- 7. report
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
table=$(
  echo "| workload | connections | req/s | p99 | ratio to nginx | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
)
{
  echo "# KAMS benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- $kams_version ($bin); $customers customers on $backend (database $((db_bytes / 1048576)) MiB)"
  echo "- machine: $(nproc) CPUs, $cpu, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- load average (1/5/15 min) before the runs: $load_before; after: $load_after;" \
       "most CPU used by other processes during a run: ${other_max}%"
  echo "- wrk $wrk_threads threads, ${duration}s per run after ${warmup}s warm-up, loopback;" \
       "kams serve threads: ${server_threads:-default}, long threads: ${long_threads:-default}; nginx: 2 workers"
  echo "- generation: ${gen_seconds}s = $gen_rate customers/s${gen_note:+ ($gen_note)}"
  echo "- search queries (rotating): \`$queries\`"
  echo
  echo "$table"
  echo
  if [ "$any_timeout" = 1 ]; then
    echo "¹ some requests took over wrk's 5 s timeout; wrk leaves them out of its latency figures."
    echo
  fi
  echo "Per run: load average (1 min) at its start (this benchmark's own previous run counts in it);"
  echo "\"other CPU\": share of the machine's CPU time used during the run by processes other than"
  echo "kams, nginx and wrk (other people's builds and tests disturb the figures when it is high);"
  echo "wrk's median latency; the server's own view from /metrics (requests answered, mean time"
  echo "per request inside the server, DB transactions and their mean time):"
  echo
  echo "| workload | connections | load | other CPU | p50 | requests | mean request | DB transactions | mean DB transaction |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${server_rows[@]}"
  echo
  echo "Each search query alone (sequential, median of 5, curl time_total; hits in the first page):"
  echo
  echo "| q | hits | time |"
  echo "|---|---:|---:|"
  printf '%s\n' "${query_rows[@]}"
} >"$out/results.md"

# One line per run for bench/backends.sh: workload, connections, req/s, p50 and p99 (µs),
# errors.
for c in $connections; do
  for w in nginx-static kams-by-id kams-search; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$c" "$(fmt_rps "${rps[$w/$c]}")" "${p50[$w/$c]}" \
      "${p99[$w/$c]}" "${errs[$w/$c]}"
  done
done >"$out/summary.tsv"
printf 'backend\t%s\ncustomers\t%s\ndb_bytes\t%s\n' "$backend" "$customers" "$db_bytes" >"$out/summary-meta.tsv"

echo
cat "$out/results.md"
echo
echo "(also in $out/results.md; wrk logs in $out/wrk-*.txt)"
if [ "$failed" = 1 ]; then
  echo "bench: FAILED: some requests answered non-2xx or hit socket errors (see the errors column)" >&2
  exit 1
fi
