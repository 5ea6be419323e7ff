#!/usr/bin/env bash
# ThreadSanitizer stage: builds kams, the unit tests and the store tests with
# -fsanitize=thread (-DKAMS_TSAN=ON, into build-tsan) and runs
#   - the unit tests and the SQLite store contract tests, under TSan themselves;
#   - the whole API suite against the TSan kams: the release api_tests is only the client
#     (an instrumented client made the suite ten times slower and has no server code), in
#     two shards at once, each with its own server and demo database;
#   - kams_crash (release) for a few SIGKILLs of the TSan kams under 8 concurrent writers;
#   - kams_iofault (release) for a few rounds of failing fsyncs, writes and reads under the
#     TSan kams (through sanitizer-fiu-run.sh): the storage-fault paths under TSan.
# The TSan kams reports a data race or lock-order inversion in its log (the API tests'
# server and CLI logs, the crash programs' server logs) and keeps serving; every report
# fails the suite that saw it (server/tests/api/environment.cc, sanitizer_reports of
# kams_crash and kams_iofault). tsan.supp: what TSan reports of other people's code.
#
#   server/tests/tsan.sh [--full] [--kills N] [--rounds N] [--no-build] [--build-dir DIR]
#                        [--clients DIR]
#
#   --full         also the store tests, the API suite (unsharded), kams_crash and
#                  kams_iofault against PostgreSQL (tests/with_postgres.sh), with 50 kills
#                  in each crash run and 40 rounds in each I/O-fault run
#   --kills N      SIGKILLs in the crash run (default 10; 50 with --full)
#   --rounds N     rounds of the I/O-fault run (default 12; 40 with --full)
#   --no-build     run what is already built
#   --build-dir D  the TSan build (default build-tsan, beside the sources)
#   --clients D    the release build whose api_tests, kams_crash and kams_iofault drive
#                  the server (default build; configured as Release and built when missing)
#
# A report's full text stays in DIR/server/test-tmp (api-PID/*.log, and crash-PID/ or
# iofault-PID/server.log of a crash program that failed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

full=no
kills=
rounds=
build=yes
build_dir=build-tsan
clients=build
shards=no
while [ $# -gt 0 ]; do
  case "$1" in
    --full) full=yes; shift ;;
    --kills) kills=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --shards) shards=yes; shift ;;  # internal: only the API suite's two shards
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "tsan.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac
case "$clients" in /*) ;; *) clients="$root/$clients" ;; esac
[ -n "$kills" ] || { [ "$full" = yes ] && kills=50 || kills=10; }
[ -n "$rounds" ] || { [ "$full" = yes ] && rounds=40 || rounds=12; }
jobs=$(nproc 2>/dev/null || echo 2)
started=$(date +%s)

# The API suite in two shards at once, each with its own server, database and logs (in
# KAMS_TEST_TMP); prints both outputs.
if [ "$shards" = yes ]; then
  pids=()
  for i in 0 1; do
    GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=$i "$clients/server/api_tests" \
      >"$KAMS_TEST_TMP/api-shard-$i.txt" 2>&1 &
    pids+=($!)
  done
  status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  cat "$KAMS_TEST_TMP/api-shard-0.txt" "$KAMS_TEST_TMP/api-shard-1.txt"
  exit "$status"
fi

# GCC 12's TSan runtime cannot map its shadow memory when the kernel randomises mmap with
# more than 28 bits (the default of newer kernels): then everything runs without address
# randomisation (inherited by every process started from here).
if [ "$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28)" -gt 28 ] &&
   [ -z "${KAMS_TSAN_NO_ASLR:-}" ]; then
  if setarch "$(uname -m)" -R true 2>/dev/null; then
    KAMS_TSAN_NO_ASLR=1 exec setarch "$(uname -m)" -R "$0" "$@"
  fi
  echo "tsan.sh: vm.mmap_rnd_bits > 28 and setarch -R is not permitted; TSan may fail" >&2
fi

if [ "$build" = yes ]; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DKAMS_TSAN=ON -DKAMS_WERROR=ON >/dev/null
  cmake --build "$build_dir" --target kams unit_tests store_tests -j "$jobs"
  if [ ! -f "$clients/build.ninja" ]; then
    cmake -S "$root" -B "$clients" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$clients" --target api_tests kams_crash kams_iofault -j "$jobs"
fi

kams="$build_dir/server/kams"
tmp="$build_dir/server/test-tmp"
rm -rf "$tmp" && mkdir -p "$tmp"
export KAMS_BIN="$kams" KAMS_TEST_TMP="$tmp"
# halt_on_error=0: the server reports every race it meets and goes on; the harness fails
# the run on any report. exitcode 66 (TSan's default) also makes a CLI run or a shutdown
# with reports fail. tsan.supp lists what is not KAMS's (each entry with its reason).
tsan_options="halt_on_error=0:exitcode=66:second_deadlock_stack=1:suppressions=$here/tsan.supp"
export TSAN_OPTIONS=${TSAN_OPTIONS:-$tsan_options}

failed=()
step() {  # name, command...: runs it with its output in $tmp/NAME.out; prints one line
  local name=$1; shift
  local t0 status=0 tests summary
  t0=$(date +%s)
  "$@" >"$tmp/$name.out" 2>&1 || status=$?
  tests=$(sed -n 's/^\[==========\] \([0-9]*\) tests\{0,1\} from .* ran\..*/\1/p' \
    "$tmp/$name.out" | awk '{n += $1} END {print n + 0}')
  if [ "$tests" -gt 0 ]; then
    summary="$tests tests"
    total_tests=$((total_tests + tests))
  else
    summary=$(grep -E '^kams_(crash|iofault): (sqlite|postgresql),' "$tmp/$name.out" |
      grep -oE '\b(kills|rounds|acknowledged|sanitizer_reports)=[0-9]+' | tr '\n' ' ' || true)
  fi
  printf '%-15s %4s s  %s\n' "$name" "$(( $(date +%s) - t0 ))" \
    "$([ "$status" -eq 0 ] && echo "ok, $summary" || echo "FAILED (exit $status), $summary")"
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    grep -E 'Failure|FAILED|SANITIZER|WARNING: ThreadSanitizer|^SUMMARY|sanitizer_reports: ' \
      "$tmp/$name.out" | head -n 40 | sed 's/^/    /'
    echo "    (all of it: $tmp/$name.out)"
  fi
}

echo "ThreadSanitizer: $kams ($TSAN_OPTIONS)"
total_tests=0
step unit "$build_dir/server/unit_tests"
step store "$build_dir/server/store_tests" --gtest_filter='*/sqlite'
step api env KAMS_TEST_PG_URL= "$0" --shards --clients "$clients"
step crash env KAMS_TEST_PG_URL= "$clients/server/kams_crash" --kills "$kills"
# Under libfiu, TSan's symbolizer goes through libfiu's wrappers, and a report can then
# deadlock the server instead of being printed: the I/O-fault runs print reports without
# symbols (kams+0xOFFSET; addr2line -Cfe build-tsan/server/kams 0xOFFSET names the line).
iofault_tsan="TSAN_OPTIONS=$TSAN_OPTIONS:symbolize=0"
step iofault env KAMS_TEST_PG_URL= "$iofault_tsan" "$clients/server/kams_iofault" \
  --rounds "$rounds" --fiu-run "$here/sanitizer-fiu-run.sh"
if [ "$full" = yes ]; then
  step store_postgres bash "$here/with_postgres.sh" "$build_dir/server/store_tests" \
    --gtest_filter='*/postgres'
  # One process: both shards would load the demo company into the one database.
  step api_postgres bash "$here/with_postgres.sh" "$clients/server/api_tests"
  step crash_postgres bash "$here/with_postgres.sh" "$clients/server/kams_crash" \
    --kills "$kills"
  step iofault_postgres env "$iofault_tsan" bash "$here/with_postgres.sh" \
    "$clients/server/kams_iofault" --rounds "$rounds" \
    --fiu-run "$here/sanitizer-fiu-run.sh"
fi

# Every report, counted where it was written: the unit and store tests' own output and the
# kams logs (a crash program keeps its folder, server log included, only when it fails; the
# output of the API suite and the crash programs repeats what they found, so is not counted).
reports=$(cat "$tmp"/unit.out "$tmp"/store*.out "$tmp"/*/*.log 2>/dev/null |
  grep -c '^WARNING: ThreadSanitizer' || true)
echo "ThreadSanitizer stage: $total_tests tests, $reports reports," \
  "$(( $(date +%s) - started )) s"
if [ ${#failed[@]} -gt 0 ] || [ "$reports" -ne 0 ]; then
  echo "ThreadSanitizer stage failed: ${failed[*]:-reports}" >&2
  exit 1
fi
