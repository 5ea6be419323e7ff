#!/usr/bin/env bash
# KAMS: the two commands a newcomer needs.
#   ./kams.sh run    build, load the demo company (first time) and serve http://127.0.0.1:8080
#   ./kams.sh test   build everything and run every test
# Further: ./kams.sh build | setup | bench
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
# ccache hits across clones in different folders (CI clones afresh each run).
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true

configure_and_build() {  # dir, extra cmake args...
  local dir=$1; shift
  cmake -S "$root" -B "$root/$dir" -G Ninja "$@" >/dev/null
  cmake --build "$root/$dir" -j "$jobs"
}

cmd=${1:-run}
shift || true
case "$cmd" in
  setup)
    scripts/install-deps.sh ;;
  build)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release ;;
  run)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    web/scripts/build.sh
    db=${KAMS_DB:-$root/kams.db}
    if [ ! -f "$db" ] || [ "${1:-}" = "--reset" ]; then
      build/server/kams demo --db "$db"
    fi
    exec build/server/kams serve --db "$db" --listen "${KAMS_LISTEN:-127.0.0.1:8080}" \
      --console "$root/web/dist" ;;
  test)
    scripts/install-deps.sh
    echo "== release build (warnings are errors)"
    configure_and_build build -DCMAKE_BUILD_TYPE=Release -DKAMS_WERROR=ON
    (cd build && ctest --output-on-failure -j "$jobs")
    echo "== web console: lint, types, unit tests, build, browser tests in Chromium"
    web/scripts/test.sh build/server/kams
    echo "== ASan+UBSan build"
    configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DKAMS_WERROR=ON -DKAMS_SANITIZE=ON
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
       ctest --output-on-failure -j "$jobs")
    echo "== ThreadSanitizer build: unit and store tests, the API suite and a crash run against it"
    server/tests/tsan.sh
    echo "== fuzzing (short)"
    server/fuzz/run.sh --seconds 10
    ;;
  bench)
    scripts/install-deps.sh
    configure_and_build build -DCMAKE_BUILD_TYPE=Release
    exec bench/run.sh "$@" ;;
  *)
    echo "usage: ./kams.sh run [--reset] | test | build | setup | bench" >&2; exit 2 ;;
esac
