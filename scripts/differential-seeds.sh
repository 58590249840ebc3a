#!/usr/bin/env bash
# Nightly-style sweep of the JS differential programs (crates/nodebuf/tests/js_differential.rs)
# over many seeds: each seed is one generated program of 1500 Buffer operations, run under
# `node` and `nodebuf` with their outputs compared line by line.
#
# Usage: scripts/differential-seeds.sh [N] [FIRST_SEED] [CHUNK]
#   N          seeds to run (default 1000)
#   FIRST_SEED first seed (default: the seconds since the epoch, so every night sweeps new ones)
#   CHUNK      seeds per test run (default 50); a failing chunk does not stop the sweep
# Every failing seed is listed at the end (with the program kept on disk to rerun by hand);
# the exit status is 1 when any seed differs.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-1000}
first=${2:-$(date +%s)}
chunk=${3:-50}
ops=1500

cargo build --release -p nodebuf --tests >/dev/null 2>&1 || cargo build --release -p nodebuf --tests
log=$(mktemp -t nodebuf-differential-seeds.XXXXXX)
failed=0
done_seeds=0
start=$first
while [ "$done_seeds" -lt "$n" ]; do
  count=$(( n - done_seeds < chunk ? n - done_seeds : chunk ))
  if ! NODEBUF_SEED=$start NODEBUF_DIFF_CASES=$(( count * ops )) NODEBUF_JS_DIFF_OPS=$ops \
      cargo test --release -q -p nodebuf --test js_differential >>"$log" 2>&1; then
    failed=1
  fi
  done_seeds=$(( done_seeds + count ))
  start=$(( start + count ))
  echo "seeds $first..$(( start - 1 )): $done_seeds run$( [ $failed = 1 ] && echo ', some differ' )"
done

if [ "$failed" = 1 ]; then
  echo "differences (full log: $log):"
  grep -A3 '^seed [0-9]* (' "$log" || true
  exit 1
fi
rm -f "$log"
echo "all $n seeds ($first..$(( first + n - 1 ))) print what node prints"
