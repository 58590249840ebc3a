#!/usr/bin/env bash
# Times nodebuf-core's encodings and Node's Buffer on the same 1 MiB inputs, in one run, and
# prints one table: ns per call, GB/s (input bytes or code units per second), and the ratio
# Rust time / Node time (target: <= 0.5). memcpy of 1 MiB is the yardstick.
# Usage: bench/encodings.sh [op-prefix]     e.g. bench/encodings.sh hex
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-}"
cargo build --quiet --release -p nodebuf-core --example encoding_bench
rust="$(./target/release/examples/encoding_bench "$prefix")"
node_out="$(node bench/encodings.js "$prefix")"
awk -v MIB=1048576 '
  NR == FNR { node[$1] = $2; next }
  $1 == "memcpy" { printf "memcpy 1 MiB: %.0f ns = %.1f GB/s\n\n", $2, MIB / $2; 
                   printf "%-32s %10s %10s %8s %8s %7s\n", "op", "rust ns", "node ns", "rust GB/s", "node GB/s", "ratio"; next }
  {
    n = node[$1]; r = $2;
    ratio = (n > 0) ? r / n : 0;
    flag = (ratio <= 0.5) ? "" : "  <-- above 0.5";
    printf "%-32s %10.1f %10.1f %8.2f %8.2f %7.3f%s\n", $1, r, n, MIB / r, MIB / n, ratio, flag
  }' <(echo "$node_out") <(echo "$rust")
