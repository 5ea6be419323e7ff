#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server:
#   server/tests/with_postgres.sh CMD [ARGS...]
# initialises a cluster in a temporary directory, starts it on a free loopback port (its
# Unix socket stays in that directory too), creates the database `kams`, exports
#   KAMS_TEST_PG_URL=postgres://kams@127.0.0.1:PORT/kams
# runs CMD, and then stops the server and removes the directory, also when CMD fails or
# the script is interrupted. Exits with CMD's status.
#
# Run as root (CI), the server runs as the `postgres` system user that the Debian package
# `postgresql` creates. The server settings below (fsync=off, no synchronous commit, no
# full-page writes) trade durability for speed: they are for this throwaway test cluster
# only and must never be used for a real database.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

bindir=${KAMS_PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for v in 15 16 17 14 13; do
    if [ -x "/usr/lib/postgresql/$v/bin/postgres" ]; then bindir=/usr/lib/postgresql/$v/bin; break; fi
  done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with_postgres.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 2
fi

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with_postgres.sh: running as root but there is no 'postgres' user to run the server" >&2
    exit 2
  fi
  run_as=(runuser -u postgres --)
fi

tmp=$(mktemp -d "${KAMS_PG_TMP:-/tmp}/kams-pg.XXXXXX")
chmod 700 "$tmp"
if [ ${#run_as[@]} -gt 0 ]; then chown postgres: "$tmp"; fi
data="$tmp/data"
log="$tmp/postgres.log"
started=0
child=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM -- "-$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ "$started" = 1 ]; then
    "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A watchdog outside this process tree stops the server and removes the directory should
# this script die without running its traps (CTest kills a test that times out with
# SIGKILL; the server, started by pg_ctl, is not a child of this script either).
setsid -f bash -c '
  while kill -0 "$1" 2>/dev/null; do sleep 2; done
  pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null) && [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null
  sleep 2
  rm -rf "$2"' kams-pg-watchdog "$$" "$tmp" </dev/null >/dev/null 2>&1

"${run_as[@]}" "$bindir/initdb" -D "$data" -U kams --auth=trust -E UTF8 --locale=C \
  >"$tmp/initdb.log" 2>&1 || {
  cat "$tmp/initdb.log" >&2
  echo "with_postgres.sh: initdb failed" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Another process may take the port between choosing and binding it: try a few.
port=
for attempt in 1 2 3 4 5; do
  candidate=$(free_port)
  if "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $candidate -k $tmp -c max_connections=200 \
       -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
       -c shared_buffers=64MB" start >/dev/null 2>&1; then
    port=$candidate
    started=1
    break
  fi
  sleep 0.2
done
if [ -z "$port" ]; then
  cat "$log" >&2 2>/dev/null || true
  echo "with_postgres.sh: the PostgreSQL server did not start" >&2
  exit 1
fi

"$bindir/createdb" -h 127.0.0.1 -p "$port" -U kams kams

export KAMS_TEST_PG_URL="postgres://kams@127.0.0.1:$port/kams"
echo "with_postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $tmp)" >&2

# CMD runs in its own process group (so that stopping it stops what it started, e.g. a kams
# server) and in the background, so that a signal to this script is handled at once.
set +e
setsid "$@" &
child=$!
wait "$child"
rc=$?
set -e
exit "$rc"
