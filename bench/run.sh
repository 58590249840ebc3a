#!/usr/bin/env bash
# Runs every nodebuf benchmark against Node in one go (each measures both sides in the same run,
# so ratios are comparable even on a busy machine). Not part of the tests: timings are reported,
# never asserted. Usage: bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --release -p nodebuf
echo "== the JS-facing suite (nodebuf, node, and bun/deno when present)"
node bench/report.js

echo
echo "== encodings, 1 MiB (ratio = nodebuf time / node time)"
bench/encodings.sh

echo
echo "== Buffer operations, 1 MiB"
cargo run --quiet --release -p nodebuf-core --example ops_bench

echo
echo "== allocation, per call"
cargo run --quiet --release -p nodebuf-core --example alloc_bench

echo
echo "== shared memory (nodebuf only; memcpy as the yardstick)"
cargo run --quiet --release -p nodebuf-core --example shared_memory_bench

echo
echo "== crypto, string_decoder, querystring (ratio = nodebuf time / node time)"
bench/modules.sh

cargo build --quiet --release -p nodebuf
for script in crates/nodebuf-js/benches/calls.js crates/nodebuf/benches/worker_messages.js; do
  echo
  echo "== $script: node"
  node "$script"
  echo "== $script: nodebuf"
  target/release/nodebuf "$script"
done

echo
echo "== retention tracing cost (off / on)"
bench/trace_retention.sh
echo "== streams and zlib (ratio = nodebuf time / node time)"
bench/streams_zlib.sh
