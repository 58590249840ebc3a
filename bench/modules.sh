#!/usr/bin/env bash
# crypto / string_decoder / querystring on 1 MiB inputs: node and nodebuf in the same run.
# Prints ms per operation and ratio = nodebuf time / node time (lower is better).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p nodebuf
node_out=$(node bench/modules.js)
ours_out=$(target/release/nodebuf bench/modules.js)
node -e '
const [n, o] = [JSON.parse(process.argv[1]), JSON.parse(process.argv[2])];
console.log("| op | nodebuf ms | node ms | ratio |\n|---|---|---|---|");
for (const k of Object.keys(n)) console.log(`| ${k} | ${o[k].toFixed(3)} | ${n[k].toFixed(3)} | ${(o[k] / n[k]).toFixed(2)} |`);
' "$node_out" "$ours_out"
