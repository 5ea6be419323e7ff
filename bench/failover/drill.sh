#!/usr/bin/env bash
# PostgreSQL failover drill: a primary with a synchronous standby on loopback, concurrent
# writers through `kams serve`, kill -9 of the primary's postmaster, promotion of the
# standby. Reports acknowledged writes lost (goal 0), seconds from the kill until the first
# acknowledged write, and the errors clients saw; checks the audit chain on the promoted
# server.
#
#   bench/failover/drill.sh [options]
#
# Options:
#   --duration S       seconds of writing (default 30)
#   --writers N        concurrent writers (default 8)
#   --kill-after S     seconds of writing before the kill (default 10)
#   --promote-after S  seconds between the kill and `pg_ctl promote`, i.e. how long the
#                      failover manager takes to decide (default 1)
#   --nodes N          kams serve nodes, 1 or 2 (default 2); writers are spread over them
#   --threads T        kams serve --threads (default 4)
#   --url-params P     libpq parameters appended to the two-host URL, e.g.
#                      'connect_timeout=3&keepalives_idle=5' (default none)
#   --kams-bin PATH    the kams binary (default build-failover/server/kams, else build/server/kams)
#   --kill-all         kill -9 the postmaster and all its processes at once (a host crash)
#                      instead of the postmaster alone
#   --async            negative control: asynchronous replication (no synchronous standby);
#                      acknowledged writes may then be lost, and the drill should say so
#   --keep             keep the temporary directory (logs, data directories, events)
#
# Progress goes to stderr; the report, a Markdown snippet for BENCHMARKS.md, to stdout.
# Exit status: 0 when no acknowledged write is lost, the audit chain verifies and writes
# resumed after the promotion; 1 otherwise; 2 on a set-up error.
#
# Everything lives in a fresh temporary directory on free loopback ports; all processes
# are stopped and the directory removed on exit, also on errors and interrupts (and, by a
# watchdog, when this script is killed). Run as root, PostgreSQL runs as `postgres`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

duration=30
writers=8
kill_after=10
promote_after=1
nodes=2
threads=4
kams_bin=
keep=0
url_params=
async=0
kill_all=0

die() { echo "drill: $*" >&2; exit 2; }
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) need_arg "$@"; duration=$2; shift 2 ;;
    --writers) need_arg "$@"; writers=$2; shift 2 ;;
    --kill-after) need_arg "$@"; kill_after=$2; shift 2 ;;
    --promote-after) need_arg "$@"; promote_after=$2; shift 2 ;;
    --nodes) need_arg "$@"; nodes=$2; shift 2 ;;
    --threads) need_arg "$@"; threads=$2; shift 2 ;;
    --kams-bin) need_arg "$@"; kams_bin=$2; shift 2 ;;
    --url-params) need_arg "$@"; url_params=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --async) async=1; shift ;;
    --kill-all) kill_all=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
num='^[0-9]+([.][0-9]+)?$'
[[ $duration =~ $num && $kill_after =~ $num && $promote_after =~ $num ]] || die "durations are seconds"
[[ $writers =~ ^[1-9][0-9]*$ ]] || die "--writers must be a positive integer"
[[ $threads =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer"
[[ $nodes == 1 || $nodes == 2 ]] || die "--nodes must be 1 or 2"
awk -v k="$kill_after" -v p="$promote_after" -v d="$duration" 'BEGIN { exit !(k + p + 3 <= d) }' ||
  die "--duration must leave at least 3 s of writing after the promotion (kill-after + promote-after + 3)"

if [ -z "$kams_bin" ]; then
  for b in "$root/build-failover/server/kams" "$root/build/server/kams"; do
    if [ -x "$b" ]; then kams_bin=$b; break; fi
  done
fi
[ -n "$kams_bin" ] && [ -x "$kams_bin" ] || die "no kams binary (build it, or pass --kams-bin)"
kams_bin=$(cd "$(dirname "$kams_bin")" && pwd)/$(basename "$kams_bin")

bindir=${KAMS_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for v in 15 16 17 14 13; do
    if [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then bindir=/usr/lib/postgresql/$v/bin; break; fi
  done
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || die "PostgreSQL server binaries not found (apt-get install postgresql)"
command -v python3 >/dev/null || die "python3 is needed"

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
  run_as=(runuser -u postgres --)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kams-failover.XXXXXX")
chmod 755 "$tmp"   # the postgres user writes its data directories and logs under it
pgdir=$tmp/pg
mkdir -m 700 "$pgdir"
if [ ${#run_as[@]} -gt 0 ]; then chown postgres: "$pgdir"; fi
primary=$pgdir/primary
standby=$pgdir/standby
pids_file=$tmp/pids          # every process this script starts, for the cleanup and watchdog
: >"$pids_file"
orphans=()                   # the killed postmaster's children (they exit on their own)

log() { echo "drill: $*" >&2; }
now() { python3 -c 'import time; print(f"{time.time():.3f}")'; }

pg() { "${run_as[@]}" "$@"; }
# Commands that could block (e.g. a commit waiting for a standby) get a time limit: bash
# runs the cleanup trap only once a foreground command returns.
bounded() { timeout -k 5 120 "$@"; }
# sleep that lets a signal run the trap at once.
nap() { sleep "$1" & wait $!; }
psql_at() {  # psql_at PORT SQL: one value, unaligned
  bounded "$bindir/psql" -X -q -A -t -h 127.0.0.1 -p "$1" -U kams -d "${3:-kams}" -c "$2"
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  local pid i
  while read -r pid; do
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done <"$pids_file"
  for i in $(seq 1 20); do   # up to 2 s to stop; whatever is left gets SIGKILL below
    pids_alive=0
    while read -r pid; do
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && pids_alive=1
    done <"$pids_file"
    [ "$pids_alive" = 0 ] && break
    sleep 0.1
  done
  for d in "$primary" "$standby"; do
    if [ -f "$d/postmaster.pid" ]; then
      pg "$bindir/pg_ctl" -D "$d" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
  done
  # Backends of the killed postmaster notice its death and exit; make sure, by pid.
  for pid in "${orphans[@]}"; do
    if [ -d "/proc/$pid" ] && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  while read -r pid; do
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  done <"$pids_file"
  if [ "$keep" = 1 ]; then
    log "kept $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Should this script be killed without running its traps, a watchdog outside its process
# tree stops what it started (pg_ctl's servers are not its children) and removes the
# directory (unless --keep).
setsid -f bash -c '
  while kill -0 "$1" 2>/dev/null; do sleep 2; done
  [ -d "$2" ] || exit 0
  while read -r pid; do [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; done <"$2/pids"
  for d in "$2/pg/primary" "$2/pg/standby"; do
    pid=$(head -n 1 "$d/postmaster.pid" 2>/dev/null) && [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null
  done
  sleep 2
  [ "$3" = 1 ] || rm -rf "$2"' kams-failover-watchdog "$$" "$tmp" "$keep" </dev/null >/dev/null 2>&1

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_pg DATADIR LOGNAME: starts a cluster on a free port (retrying should another process
# take the port first) and prints the port.
start_pg() {
  local d=$1 name=$2 port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if pg "$bindir/pg_ctl" -D "$d" -l "$pgdir/$name.log" -w -t 60 -o "-p $port" start >/dev/null 2>&1; then
      echo "$port"
      return 0
    fi
    sleep 0.2
  done
  tail -n 20 "$pgdir/$name.log" >&2 2>/dev/null || true
  die "the $name PostgreSQL server did not start"
}

# --- 1. primary + synchronous standby -----------------------------------------------------
log "temporary directory $tmp"
pg "$bindir/initdb" -D "$primary" -U kams --auth=trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; die "initdb failed"; }
# Durable settings (fsync, full-page writes and synchronous commit stay on): the drill
# measures exactly what a real cluster promises. synchronous_standby_names is set once the
# standby runs (until then every commit would wait), and only on the primary: the promoted
# standby then runs alone, as a failover manager's non-strict synchronous mode would leave it.
pg tee -a "$primary/postgresql.conf" >/dev/null <<EOF

# --- failover drill ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdir'
max_connections = 100
shared_buffers = 64MB
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
synchronous_commit = on
wal_keep_size = 256MB
EOF
p1=$(start_pg "$primary" primary)
log "primary on 127.0.0.1:$p1"
bounded "$bindir/createdb" -h 127.0.0.1 -p "$p1" -U kams kams

# A standby from a base backup of the primary; -R writes standby.signal and primary_conninfo,
# which then gets the application_name that synchronous_standby_names names.
bounded "${run_as[@]}" "$bindir/pg_basebackup" -h 127.0.0.1 -p "$p1" -U kams -D "$standby" -R -X stream -c fast \
  >"$tmp/basebackup.log" 2>&1 || { cat "$tmp/basebackup.log" >&2; die "pg_basebackup failed"; }
pg tee -a "$standby/postgresql.auto.conf" >/dev/null <<EOF
primary_conninfo = 'host=127.0.0.1 port=$p1 user=kams application_name=standby1'
EOF
p2=$(start_pg "$standby" standby)
log "standby on 127.0.0.1:$p2"
# The standby named standby1 must now confirm every commit (flushed to its disk) before
# the client gets its answer.
want=streaming/sync
if [ "$async" = 1 ]; then
  want=streaming/async
else
  psql_at "$p1" "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" postgres >/dev/null
  psql_at "$p1" "SELECT pg_reload_conf()" postgres >/dev/null
fi

for i in $(seq 1 300); do
  state=$(psql_at "$p1" "SELECT state || '/' || sync_state FROM pg_stat_replication WHERE application_name = 'standby1'" postgres 2>/dev/null || true)
  [ "$state" = "$want" ] && break
  sleep 0.1
done
[ "$state" = "$want" ] || die "the standby is not $want (state: '${state:-none}')"
log "standby1: state/sync_state = $state"

# --- 2. schema, an admin, kams serve nodes ------------------------------------------------
url="postgres://kams@127.0.0.1:$p1,127.0.0.1:$p2/kams${url_params:+?$url_params}"
bounded "$kams_bin" migrate --db "$url" >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; die "kams migrate failed"; }
password=drill-$(python3 -c 'import secrets; print(secrets.token_hex(8))')
bounded "$kams_bin" init --db "$url" --company "故障切换演练" --admin admin --password "$password" \
  >"$tmp/init.log" 2>&1 || { cat "$tmp/init.log" >&2; die "kams init failed"; }

node_urls=()
for n in $(seq 1 "$nodes"); do
  "$kams_bin" serve --db "$url" --listen 127.0.0.1:0 --threads "$threads" \
    --port-file "$tmp/node$n.port" >"$tmp/node$n.log" 2>&1 &
  echo $! >>"$pids_file"
  for i in $(seq 1 200); do
    [ -s "$tmp/node$n.port" ] && break
    kill -0 "$!" 2>/dev/null || { cat "$tmp/node$n.log" >&2; die "kams serve node $n exited"; }
    sleep 0.05
  done
  [ -s "$tmp/node$n.port" ] || die "kams serve node $n did not start listening"
  node_urls+=("http://127.0.0.1:$(cat "$tmp/node$n.port")")
done
log "kams serve nodes: ${node_urls[*]} (db $url)"
token=$(bounded python3 "$here/drill.py" token --url "${node_urls[0]}" --user admin --password "$password")
urls=$(IFS=,; echo "${node_urls[*]}")

# --- 3./4. writers; kill -9 the primary; promote the standby ------------------------------
prefix=fo$(date +%s)
python3 "$here/drill.py" write --urls "$urls" --token "$token" --writers "$writers" \
  --duration "$duration" --prefix "$prefix" --out "$tmp/events.jsonl" 2>"$tmp/writer.log" &
writer=$!
echo "$writer" >>"$pids_file"
log "$writers writers for ${duration} s; kill -9 of the primary after ${kill_after} s"
pm=$(head -n 1 "$primary/postmaster.pid")
if [ "$async" = 1 ]; then
  # Negative control: on loopback an asynchronous standby is only microseconds behind, so
  # the last second before the crash is made to lag: the walsender is stopped, and what it
  # has not sent dies with it. The commits acknowledged in that second must show up as lost.
  nap "$(awk -v k="$kill_after" 'BEGIN { print (k > 1 ? k - 1 : 0) }')"
  mapfile -t walsenders < <(ps -o pid=,args= --ppid "$pm" | awk '/walsender/ { print $1 }')
  [ ${#walsenders[@]} -gt 0 ] && kill -STOP "${walsenders[@]}"
  nap "$(awk -v k="$kill_after" 'BEGIN { print (k > 1 ? 1 : k) }')"
else
  nap "$kill_after"
fi
mapfile -t orphans < <(ps -o pid= --ppid "$pm" | tr -d ' ')
kill_at=$(now)
if [ "$kill_all" = 1 ] || [ "$async" = 1 ]; then
  kill -KILL "$pm" "${orphans[@]}" 2>/dev/null || true   # the whole server at once, like a host crash
  what="postmaster and its ${#orphans[@]} children"
else
  kill -KILL "$pm"   # its backends notice and exit; none can get a commit confirmed any more
  what="postmaster"
fi
# The stale pid file must not make the cleanup signal whatever process gets that pid next.
mv "$primary/postmaster.pid" "$primary/postmaster.pid.killed"
log "kill -9 of the primary's $what (pid $pm) at +${kill_after} s"
nap "$promote_after"
promote_at=$(now)
bounded "${run_as[@]}" "$bindir/pg_ctl" -D "$standby" -w -t 60 promote >"$tmp/promote.log" 2>&1 ||
  { cat "$tmp/promote.log" >&2; die "pg_ctl promote failed"; }
promoted_at=$(now)
log "promoted the standby ($(awk -v a="$promote_at" -v b="$promoted_at" 'BEGIN { printf "%.2f", b - a }') s)"
wait "$writer" || die "the writer failed: $(tail -n 5 "$tmp/writer.log")"

# --- 5. verification on the promoted server -----------------------------------------------
[ "$(psql_at "$p2" "SELECT pg_is_in_recovery()")" = f ] || die "the standby is still in recovery"
psql_at "$p2" "SELECT external_ref FROM customer WHERE external_ref LIKE '$prefix-%'" >"$tmp/committed.txt"
# Each customer the drill created must have its audit row (same transaction).
unaudited=$(psql_at "$p2" "SELECT count(*) FROM customer c WHERE c.external_ref LIKE '$prefix-%'
  AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.action = 'customer.create' AND a.entity_id = c.id)")
node_logs=()
for n in $(seq 1 "$nodes"); do node_logs+=(--node-log "$tmp/node$n.log"); done
set +e
report=$(python3 "$here/drill.py" report --events "$tmp/events.jsonl" --committed "$tmp/committed.txt" \
  --kill-at "$kill_at" --promote-at "$promote_at" --summary "$tmp/summary.json" "${node_logs[@]}")
report_rc=$?
bounded "$kams_bin" audit verify --db "postgres://kams@127.0.0.1:$p2/kams" >"$tmp/audit.log" 2>&1
audit_rc=$?
set -e
audit_text=$(tr '\n' ' ' <"$tmp/audit.log" | sed 's/ *$//')
if [ "$audit_rc" = 0 ]; then log "audit verify: ok (${audit_text})"; else log "audit verify FAILED: ${audit_text}"; fi
resumed=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(1 if s["first_write_after_kill_s"] is not None else 0)' "$tmp/summary.json" 2>/dev/null || echo 0)
[ "$resumed" = 1 ] || log "no write was acknowledged after the kill: the nodes did not follow the failover"
[ "$unaudited" = 0 ] || log "$unaudited drill customers have no customer.create audit row"

rc=0
[ "$report_rc" = 0 ] && [ "$audit_rc" = 0 ] && [ "$resumed" = 1 ] && [ "$unaudited" = 0 ] || rc=1
pg_version=$("$bindir/postgres" --version | awk '{print $3}')
cat <<EOF

### PostgreSQL failover drill

\`bench/failover/drill.sh$([ "$async" = 1 ] && echo " --async")$([ "$kill_all" = 1 ] && echo " --kill-all") --duration $duration --writers $writers --kill-after $kill_after --promote-after $promote_after --nodes $nodes --threads $threads${url_params:+ --url-params '$url_params'}\`
(PostgreSQL $pg_version primary + $([ "$async" = 1 ] && echo "ASYNCHRONOUS (negative control)" || echo synchronous) standby on loopback, $nodes \`kams serve\` node(s) on the two-host URL, $writers writers creating customers; kill -9 of the primary's $what at +${kill_after} s, \`pg_ctl promote\` ${promote_after} s later)

$report
- \`kams audit verify\` on the promoted server: $([ "$audit_rc" = 0 ] && echo "passes" || echo "**FAILS**") ($audit_text); customers without their audit row: $unaudited
- result: $([ "$rc" = 0 ] && echo "PASS" || echo "**FAIL**")
EOF
exit "$rc"
