#!/usr/bin/env bash
# Import and re-tiering at scale (issue 5): one run on the same generated data of
#   KAMS     `kams import customers|transactions --json` into a fresh SQLite database, a
#            duplicate re-import, then `kams retier` with the abc and stars schemes (dry run,
#            first apply, re-apply);
#   SQLite   the CSV loaded with the sqlite3 shell (`.import`, then the two indexes KAMS
#            keeps), the same classifications as SQL over the raw transactions, and over
#            KAMS's own roll-ups;
#   DuckDB   the CSV loaded into its column store (@duckdb/node-api, 2 threads) and the same
#            SQL over the raw transactions.
# Counts per tier must agree everywhere (exit 1 if not). Prints a Markdown table with the
# ratios and writes it, with every step's JSON, to the output folder.
#
#   bench/import/run.sh [--customers 1000000] [--transactions 50000000] [options]
#
# Options:
#   --out DIR         output folder (default bench/out/import)
#   --kams-bin PATH   the kams binary (default build/server/kams)
#   --keep-data       reuse generated CSV files of the same size in DIR
#   --skip-sqlite     leave out the sqlite3 shell side
#   --skip-duckdb     leave out the DuckDB side
#   --clean           remove the databases and CSV files at the end (keeps the results)
# Needs: a Release build (cmake --build build --target kams bench_gen_data), sqlite3, node,
# GNU time (/usr/bin/time, Debian package `time`);
# `npm ci` in bench/import installs @duckdb/node-api from package-lock.json when missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
customers=1000000
transactions=50000000
out=$root/bench/out/import
kams=$root/build/server/kams
gen=$root/build/bench/bench_gen_data
keep_data=0
skip_sqlite=0
skip_duckdb=0
clean=0
last_month=2026-10   # the data's last month; tiers are evaluated as of its last day

die() { echo "bench/import: $*" >&2; exit 2; }
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) need_arg "$@"; customers=$2; shift 2 ;;
    --transactions) need_arg "$@"; transactions=$2; shift 2 ;;
    --out) need_arg "$@"; out=$2; shift 2 ;;
    --kams-bin) need_arg "$@"; kams=$2; shift 2 ;;
    --keep-data) keep_data=1; shift ;;
    --skip-sqlite) skip_sqlite=1; shift ;;
    --skip-duckdb) skip_duckdb=1; shift ;;
    --clean) clean=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -x "$kams" ] || die "no kams binary at $kams (cmake --build build --target kams)"
if [ ! -x "$gen" ]; then
  cmake --build "$root/build" --target bench_gen_data >/dev/null || die "cannot build bench_gen_data"
fi
command -v node >/dev/null || die "node is needed"
[ -x /usr/bin/time ] || die "GNU time is needed (apt-get install time)"
[ "$skip_sqlite" = 1 ] || command -v sqlite3 >/dev/null || die "sqlite3 is needed (or --skip-sqlite)"
if [ "$skip_duckdb" = 0 ] && [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
  # npm 11's `npm ci` wants every platform's optional DuckDB binding in the lock file; a
  # registry mirror that holds only this machine's refuses that, so fall back to an install
  # of the locked version that leaves the lock file as it is.
  (cd "$here" && { npm ci --no-audit --no-fund >/dev/null 2>&1 ||
                   npm install --no-audit --no-fund --no-save >/dev/null; }) ||
    die "installing @duckdb/node-api in bench/import failed"
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
data=$out/data-$customers-$transactions
results=$out/results-$customers-$transactions
rm -rf "$results"
mkdir -p "$data" "$results"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { printf '[%s load %s] %s\n' "$(date +%H:%M:%S)" "$(load)" "$*" >&2; }
# Appends one step's figures (a JSON object) to the run's record.
record() { printf '%s\n' "$1" >>"$results/steps.jsonl"; }
# Runs a command under GNU time: its wall and CPU seconds go to $results/NAME.time as JSON
# (the machine is shared: CPU seconds say what a run cost when wall time waited for others).
timed() {
  local name=$1
  shift
  /usr/bin/time -f '{"wall": %e, "user": %U, "sys": %S}' -o "$results/$name.time" "$@"
}

# Window bounds: abc over 12 months, stars over 6, both ending with $last_month.
to=$(date -d "$last_month-01 +1 month -1 day" +%F)
abc_from=$(date -d "$last_month-01 -11 months" +%F)
stars_from=$(date -d "$last_month-01 -5 months" +%F)
month_index() { local y=${1%%-*} m=${1#*-}; echo $((10#$y * 12 + 10#${m:0:2} - 1)); }
last_index=$(month_index "$last_month")

log "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(uname -sr)"
record "{\"step\": \"run\", \"customers\": $customers, \"transactions\": $transactions, \"as_of\": \"$to\", \"started\": \"$(date -u +%FT%TZ)\", \"cores\": $(nproc), \"load\": \"$(load)\"}"

# 1. Data.
if [ "$keep_data" = 1 ] && [ -s "$data/transactions.csv" ] && [ -e "$data/done" ]; then
  log "reusing $data"
else
  rm -f "$data"/*.csv "$data/done"
  log "generating $customers customers, $transactions transactions"
  t=$(now)
  "$gen" --out "$data" --customers "$customers" --transactions "$transactions" \
    --last-month "$last_month" >"$results/gen.json"
  touch "$data/done"
  record "{\"step\": \"generate\", \"seconds\": $(elapsed "$t"), \"bytes\": $(stat -c %s "$data/transactions.csv"), \"load\": \"$(load)\"}"
fi

# 2. KAMS import into a fresh database.
db=$out/kams-$customers-$transactions.db
rm -f "$db" "$db-wal" "$db-shm"
"$kams" init --db "$db" --company "基准公司" --password "bench-2026" >/dev/null
for what in customers transactions; do
  log "kams import $what"
  t=$(now)
  status=0
  timed "import-$what" "$kams" import "$what" --db "$db" "$data/$what.csv" --json \
    >"$results/import-$what.json" || status=$?
  [ "$status" = 0 ] || die "kams import $what exited $status (see $results/import-$what.json)"
  record "{\"step\": \"kams_import_$what\", \"wall_seconds\": $(elapsed "$t"), \"process\": $(cat "$results/import-$what.time"), \"report\": $(cat "$results/import-$what.json"), \"load\": \"$(load)\"}"
done
# The first 100,000 transactions again: every row must be refused as a duplicate (exit 3).
head -n 100001 "$data/transactions.csv" >"$out/duplicates.csv"
log "kams import transactions (duplicates)"
status=0
"$kams" import transactions --db "$db" "$out/duplicates.csv" --json >"$results/import-duplicates.json" || status=$?
[ "$status" = 3 ] || die "re-importing transactions exited $status, expected 3 (rows rejected)"
record "{\"step\": \"kams_import_duplicates\", \"report\": $(cat "$results/import-duplicates.json"), \"load\": \"$(load)\"}"
rm -f "$out/duplicates.csv"
record "{\"step\": \"kams_db\", \"bytes\": $(stat -c %s "$db")}"

# 3. Re-tiering: the two example schemes of the issue.
cat >"$results/abc.json" <<'EOF'
{"name": "ABC by revenue", "kind": "abc", "metric": "revenue", "window_months": 12, "cuts_percent": [80, 95], "tiers": ["A", "B", "C"]}
EOF
cat >"$results/stars.json" <<'EOF'
{"name": "Star level", "kind": "stars", "metric": "revenue", "months": 6, "levels": [{"tier": "3star", "min_fen": 3000000}, {"tier": "4star", "min_fen": 5000000}, {"tier": "5star", "min_fen": 8000000}]}
EOF
for scheme in abc stars; do
  for run in dry_run first_apply reapply; do
    flags=()
    [ "$run" = dry_run ] && flags=(--dry-run)
    log "kams retier $scheme ($run)"
    t=$(now)
    timed "retier-$scheme-$run" "$kams" retier --db "$db" --scheme "$results/$scheme.json" \
      --as-of "$to" --movers 0 --json "${flags[@]}" >"$results/retier-$scheme-$run.json"
    record "{\"step\": \"kams_retier\", \"scheme\": \"$scheme\", \"run\": \"$run\", \"wall_seconds\": $(elapsed "$t"), \"process\": $(cat "$results/retier-$scheme-$run.time"), \"report\": $(cat "$results/retier-$scheme-$run.json"), \"load\": \"$(load)\"}"
  done
done

# 4. SQLite: the sqlite3 shell's CSV import, then the same classifications as SQL.
if [ "$skip_sqlite" = 0 ]; then
  sdb=$out/sqlite-$customers-$transactions.db
  rm -f "$sdb" "$sdb-journal"
  log "sqlite3 .import"
  t=$(now)
  sqlite3 "$sdb" <<EOF
CREATE TABLE customer (customer_id TEXT, name TEXT, region TEXT, industry TEXT, created_at TEXT);
CREATE TABLE txn (txn_id TEXT, customer_id TEXT, date TEXT, amount REAL);
.import --csv --skip 1 $data/customers.csv customer
EOF
  record "{\"step\": \"sqlite_load_customers\", \"seconds\": $(elapsed "$t"), \"load\": \"$(load)\"}"
  t=$(now)
  timed sqlite-import sqlite3 "$sdb" ".import --csv --skip 1 $data/transactions.csv txn"
  load_seconds=$(elapsed "$t")
  log "sqlite3 indexes"
  t=$(now)
  timed sqlite-index sqlite3 "$sdb" \
    "CREATE UNIQUE INDEX txn_id ON txn(txn_id); CREATE INDEX txn_customer ON txn(customer_id, date);"
  record "{\"step\": \"sqlite_load_transactions\", \"seconds\": $load_seconds, \"index_seconds\": $(elapsed "$t"), \"process\": $(cat "$results/sqlite-import.time"), \"index_process\": $(cat "$results/sqlite-index.time"), \"bytes\": $(stat -c %s "$sdb"), \"load\": \"$(load)\"}"
  # SQL over the raw transactions; then over KAMS's roll-ups (what KAMS itself reads).
  for scheme in abc stars; do
    from=$abc_from
    [ "$scheme" = stars ] && from=$stars_from
    for engine in sqlite rollups; do
      if [ "$engine" = sqlite ]; then target=$sdb; lo=$from; hi=$to; else
        target=$db; lo=$(month_index "${from:0:7}"); hi=$last_index; fi
      query=$(node "$here/queries.mjs" "$engine" "$scheme" "$lo" "$hi")
      log "sqlite3 $scheme over $engine"
      t=$(now)
      counts=$(printf '.output /dev/null\nPRAGMA threads=2;\n.output stdout\n.mode json\n%s\n' "$query" |
        timed "sqlite-$scheme-$engine" sqlite3 -readonly "$target" | tr -d "\n")
      record "{\"step\": \"sqlite_sql\", \"source\": \"$engine\", \"scheme\": \"$scheme\", \"seconds\": $(elapsed "$t"), \"process\": $(cat "$results/sqlite-$scheme-$engine.time"), \"counts\": ${counts:-[]}, \"load\": \"$(load)\"}"
    done
  done
fi

# 5. DuckDB.
if [ "$skip_duckdb" = 0 ]; then
  ddb=$out/duckdb-$customers-$transactions.duckdb
  rm -f "$ddb" "$ddb.wal"
  log "duckdb load and SQL"
  timed duckdb node "$here/duckdb.mjs" --data "$data" --db "$ddb" --abc-from "$abc_from" --stars-from "$stars_from" \
    --to "$to" --threads 2 --repeat 3 >"$results/duckdb.json"
  record "{\"step\": \"duckdb\", \"result\": $(cat "$results/duckdb.json"), \"process\": $(cat "$results/duckdb.time"), \"load\": \"$(load)\"}"
fi

# 6. The table.
status=0
node "$here/report.mjs" "$results/steps.jsonl" | tee "$results/results.md" || status=$?
if [ "$clean" = 1 ]; then
  rm -rf "$data" "$db" "$db-wal" "$db-shm" "${sdb:-}" "${ddb:-}" "${ddb:-}.wal"
fi
exit "$status"
