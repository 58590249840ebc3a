#!/usr/bin/env bash
# Runs bench/streams_zlib.js under node and nodebuf in one go and prints ms per iteration and
# the ratio nodebuf / node (lower is better; 1.0 = as fast as node).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p nodebuf
node bench/streams_zlib.js > /tmp/streams_zlib.node.txt
target/release/nodebuf bench/streams_zlib.js > /tmp/streams_zlib.nodebuf.txt
printf '%-32s %12s %12s %8s\n' benchmark 'node ms' 'nodebuf ms' ratio
join <(sort /tmp/streams_zlib.node.txt) <(sort /tmp/streams_zlib.nodebuf.txt) |
  awk '{ printf "%-32s %12.3f %12.3f %8.2f\n", $1, $2, $3, $3 / $2 }'
