#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a bounded time on a
# fresh copy of its seed corpus; prints executions and executions per second per harness.
#
#   server/fuzz/run.sh [--seconds N] [--runs N] [--build-dir DIR] [--no-build] [HARNESS...]
#
#   --seconds N    time per harness (default 10)
#   --runs N       also stop a harness after N executions (whichever comes first)
#   --build-dir D  build directory (default build-fuzz, beside the sources)
#   --no-build     run what is already built (e.g. several runs of one build at once)
#   HARNESS...     only these harnesses (default: all)
#
# Exit status is non-zero when any harness finds a crash, leak, timeout, out-of-memory or
# broken property. Its log and the input that caused it are kept in
# DIR/fuzz-artifacts/<harness>/; nothing is ever written into the repository's corpus —
# add a reproducer there by hand, with a regression test in server/tests/unit/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

seconds=10
runs=
build_dir=build-fuzz
build=yes
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build-dir) build_dir=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac

# Longest input per harness: bodies of a few KB, whole CSV files, URLs.
declare -A max_len=(
  [fuzz_json_customers]=4096 [fuzz_json_contacts]=4096 [fuzz_json_users_org]=4096
  [fuzz_json_auth]=4096 [fuzz_json_interactions]=4096 [fuzz_json_visits]=4096
  [fuzz_json_cadence]=4096 [fuzz_json_nominations]=4096 [fuzz_json_teams_alerts]=4096
  [fuzz_tier_scheme]=4096
  [fuzz_csv_customers]=8192 [fuzz_csv_transactions]=8192
  [fuzz_query]=2048
)
harnesses=(fuzz_json_customers fuzz_json_contacts fuzz_json_users_org fuzz_json_auth
           fuzz_json_interactions fuzz_json_visits fuzz_json_cadence fuzz_json_nominations
           fuzz_json_teams_alerts fuzz_tier_scheme fuzz_csv_customers fuzz_csv_transactions
           fuzz_query)
if [ ${#only[@]} -gt 0 ]; then
  for h in "${only[@]}"; do
    [ -n "${max_len[$h]:-}" ] || { echo "run.sh: no harness $h" >&2; exit 2; }
  done
  harnesses=("${only[@]}")
fi

if [ "$build" = yes ]; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
  CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAMS_FUZZ=ON -DKAMS_WERROR=ON >/dev/null
  cmake --build "$build_dir" --target fuzzers -j "$(nproc 2>/dev/null || echo 2)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kams-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

stat() {  # log, name → the value of libFuzzer's final "stat::name:" line
  sed -n "s/^stat::$2: *//p" "$1" | tail -n 1
}

failed=()
printf '%-24s %12s %10s %8s %6s  %s\n' harness executions exec/s new cov result
for h in "${harnesses[@]}"; do
  bin="$build_dir/server/fuzz/$h"
  corpus="$work/$h"
  artifacts="$build_dir/fuzz-artifacts/$h"
  mkdir -p "$corpus"
  rm -rf "$artifacts" && mkdir -p "$artifacts"
  cp "$here/corpus/$h"/* "$corpus/"
  args=(-max_total_time="$seconds" -max_len="${max_len[$h]}" -timeout=10 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$artifacts/" -dict="$here/dicts/$h.dict")
  [ -n "$runs" ] && args+=(-runs="$runs")
  log="$artifacts/$h.log"
  status=0
  "$bin" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status): see $artifacts/"
    failed+=("$h")
  fi
  printf '%-24s %12s %10s %8s %6s  %s\n' "$h" "$(stat "$log" number_of_executed_units)" \
    "$(stat "$log" average_exec_per_sec)" "$(stat "$log" new_units_added)" "${cov:-?}" "$result"
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR: |SUMMARY: |property broken|Test unit written|runtime error' "$log" | head -n 8 | sed 's/^/    /'
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
