#!/usr/bin/env bash
# fiu-run for a ThreadSanitizer build of kams, as kams_iofault calls it:
#   server/tests/tsan-fiu-run.sh -x -f PREFIX PROGRAM [ARGS...]
# sets what `fiu-run -x -f PREFIX` sets (libfiu's POSIX preload library, its remote control
# at PREFIX-PID, no failure point on), but with the TSan runtime first in LD_PRELOAD:
# fiu-run puts its own libraries there alone, they then start before TSan has set itself
# up, and the program dies at once (SIGSEGV).
set -euo pipefail
if [ $# -lt 4 ] || [ "$1" != -x ] || [ "$2" != -f ]; then
  echo "usage: $0 -x -f PREFIX PROGRAM [ARGS...]" >&2
  exit 2
fi
prefix=$3
shift 3
tsan=$(ldd "$1" | awk '/libtsan/ {print $3}')
fiu=${KAMS_FIU_LIB:-/usr/lib/fiu}
export FIU_ENABLE="" FIU_CTRL_FIFO="$prefix"
export LD_PRELOAD="$tsan $fiu/fiu_run_preload.so $fiu/fiu_posix_preload.so"
exec "$@"
