#!/usr/bin/env bash
# Runs nodebuf under valgrind memcheck and fails unless every run reports 0 errors.
#
#   scripts/memcheck.sh                 everything below (slow: ~20-40 min on 2 cores)
#   scripts/memcheck.sh --quick         the part CI runs (a few minutes)
#   scripts/memcheck.sh ITEM...         only these items; an ITEM is
#       path/to/script.js               run `nodebuf script.js` (its `// flags:` line honoured)
#       CRATE:TEST                      run that integration test binary (cargo test -p CRATE
#                                       --test TEST); the nodebuf processes it spawns are
#                                       checked too (valgrind follows children, skipping node),
#                                       e.g. nodebuf:boundary_differential, nodebuf-js:embedding
#
# Environment: NODEBUF_DIFF_CASES / NODEBUF_SEED reach the tests as usual (the default full run
# sets small case counts: valgrind runs code ~30x slower). MEMCHECK_LOGS=dir keeps valgrind's logs
# there (default: a temporary directory, printed at the end). MEMCHECK_VALGRIND_FLAGS adds
# valgrind options (e.g. --track-origins=yes to find where an uninitialised value came from).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v valgrind >/dev/null 2>&1; then
  echo "memcheck: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi

QUICK_ITEMS=(
  crates/nodebuf/tests/scripts/buffer_basics.js
  crates/nodebuf/tests/scripts/buffer_hostile_memory.js
  crates/nodebuf/tests/scripts/buffer_onheap_typed_arrays.js
  crates/nodebuf/tests/scripts/worker_terminate_waiting.js
  nodebuf-js:memory_budget
)
FULL_ITEMS=(
  nodebuf:scripts_match_node
  nodebuf:examples_match_node
  nodebuf:workers
  nodebuf:stoppable_waits
  nodebuf:memory_budget
  nodebuf:js_differential
  nodebuf-js:embedding
  nodebuf-js:memory_budget
  nodebuf-js:fuzz_boundary
)

items=()
if [ "${1:-}" = "--quick" ]; then
  items=("${QUICK_ITEMS[@]}")
  export NODEBUF_DIFF_CASES="${NODEBUF_DIFF_CASES:-200}"
elif [ $# -eq 0 ]; then
  items=("${FULL_ITEMS[@]}")
  # Under valgrind every case costs ~30x: keep the seeded suites short unless asked.
  export NODEBUF_DIFF_CASES="${NODEBUF_DIFF_CASES:-2000}"
else
  items=("$@")
fi

# The main thread frees its JS runtime at exit, so its finalizers run under the check too and
# QuickJS aborts (a counted crash) on a leaked object.
export NODEBUF_FREE_AT_EXIT=1
logs="${MEMCHECK_LOGS:-$(mktemp -d /tmp/nodebuf-memcheck.XXXXXX)}"
mkdir -p "$logs"
# --error-exitcode makes a checked process fail on its first report; the summary below counts
# every report from every process. Children are followed so tests that spawn nodebuf check it,
# but node (the oracle) and shells are skipped.
# shellcheck disable=SC2206
VALGRIND=(valgrind --tool=memcheck --error-exitcode=99 ${MEMCHECK_VALGRIND_FLAGS:-}
  --trace-children=yes --trace-children-skip='*/node,*/sh,*/bash,*/env'
  --log-file="$logs/%q{MEMCHECK_ITEM}.%p.log")

cargo build --release -p nodebuf >/dev/null
NODEBUF="$PWD/target/release/nodebuf"

test_binary() { # crate test -> path of the built test binary
  cargo test --release -p "$1" --test "$2" --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] == sys.argv[1]:
        print(m["executable"])
' "$2" | tail -1
}

failed=0
for item in "${items[@]}"; do
  tag="$(echo "$item" | tr '/:.' '___')"
  export MEMCHECK_ITEM="$tag"
  start=$SECONDS
  if [[ "$item" == *.js ]]; then
    dir="$(dirname "$item")"
    flags="$(sed -n '1,5s#^// flags:##p' "$item" | head -1)"
    # shellcheck disable=SC2086
    if (cd "$dir" && "${VALGRIND[@]}" "$NODEBUF" $flags "$(basename "$item")" >/dev/null 2>&1); then
      status=ok
    else
      status="exit $?"
    fi
  else
    crate="${item%%:*}"
    name="${item#*:}"
    bin="$(test_binary "$crate" "$name")"
    if [ -z "$bin" ]; then
      echo "memcheck: no test binary $crate:$name" >&2
      failed=1
      continue
    fi
    if (cd "crates/$crate" && "${VALGRIND[@]}" "$bin" --test-threads=2 >/dev/null 2>&1); then
      status=ok
    else
      status="exit $?"
    fi
  fi
  errors=$(cat "$logs/$tag".*.log 2>/dev/null | sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' | awk '{s+=$1} END {print s+0}')
  runs=$(ls "$logs/$tag".*.log 2>/dev/null | wc -l)
  crashes=$(cat "$logs/$tag".*.log 2>/dev/null | grep -cE 'terminating with default action of signal (4|6|7|8|11) ' || true)
  # The exit status is shown but not judged: scripts may exit non-zero on purpose, and a
  # differential test can fail under valgrind for timing alone (it runs ~30x slower). Memory
  # errors and crashes are judged, from every process's log.
  printf '%-52s %3d processes %4d errors %2d crashes %5ds  %s\n' "$item" "$runs" "$errors" "$crashes" $((SECONDS - start)) "$status"
  if [ "$errors" != 0 ] || [ "$crashes" != 0 ]; then
    failed=1
  fi
done

echo "valgrind logs: $logs"
if [ $failed != 0 ]; then
  echo "memcheck: FAILED (errors above; see the logs)" >&2
  exit 1
fi
echo "memcheck: 0 errors"
