#!/usr/bin/env bash
# fiu-run for a sanitizer build (ASan or TSan) of kams, as kams_iofault calls it:
#   server/tests/sanitizer-fiu-run.sh -x -f PREFIX PROGRAM [ARGS...]
# sets what `fiu-run -x -f PREFIX` sets (libfiu's POSIX preload library, its remote control
# at PREFIX-PID, no failure point on), but with the program's sanitizer runtime first in
# LD_PRELOAD. fiu-run puts only its own libraries there: an ASan program then refuses to
# start ("ASan runtime does not come first in initial library list"), and a TSan program
# dies at once (SIGSEGV; libfiu's wrappers run before TSan has set itself up).
set -euo pipefail
if [ $# -lt 4 ] || [ "$1" != -x ] || [ "$2" != -f ]; then
  echo "usage: $0 -x -f PREFIX PROGRAM [ARGS...]" >&2
  exit 2
fi
prefix=$3
shift 3
runtime=$(ldd "$1" | awk '/lib(asan|tsan)\.so/ {print $3}')
fiu=${KAMS_FIU_LIB:-/usr/lib/fiu}
export FIU_ENABLE="" FIU_CTRL_FIFO="$prefix"
export LD_PRELOAD="${runtime:+$runtime }$fiu/fiu_run_preload.so $fiu/fiu_posix_preload.so"
exec "$@"
