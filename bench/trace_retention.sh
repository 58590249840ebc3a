#!/usr/bin/env bash
# Tracing cost: crates/nodebuf/benches/trace_retention.js untraced and traced, under nodebuf
# (--trace-retention) and node (the packages/nodebuf-trace-retention preload). ns per call and
# the traced/untraced ratio. Usage: bench/trace_retention.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p nodebuf
script=crates/nodebuf/benches/trace_retention.js
preload=packages/nodebuf-trace-retention/trace-retention.js
off_nb=$(target/release/nodebuf "$script")
on_nb=$(target/release/nodebuf --trace-retention "$script" 2>/dev/null)
off_node=$(node "$script")
on_node=$(node --require "./$preload" "$script" 2>/dev/null)
node -e '
const [offNb, onNb, offNode, onNode] = process.argv.slice(1).map(JSON.parse);
console.log("| call | nodebuf off | nodebuf on | ratio | node off | node + preload | ratio |");
console.log("|---|---|---|---|---|---|---|");
for (const k of Object.keys(offNb)) {
  const f = (x) => x.toFixed(0);
  console.log(`| ${k} | ${f(offNb[k])} ns | ${f(onNb[k])} ns | ${(onNb[k] / offNb[k]).toFixed(2)} | ${f(offNode[k])} ns | ${f(onNode[k])} ns | ${(onNode[k] / offNode[k]).toFixed(2)} |`);
}' "$off_nb" "$on_nb" "$off_node" "$on_node"

# Instructions per view (callgrind; reproducible on a loaded machine): the same loop at two
# sizes, the difference divided by the extra views.
if command -v valgrind >/dev/null; then
  instr() {
    local out; out=$(mktemp)
    N=$2 OP=$3 valgrind --tool=callgrind --callgrind-out-file="$out" target/release/nodebuf $1 \
      crates/nodebuf/benches/trace_retention_instr.js >/dev/null 2>&1
    callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
    rm -f "$out"
  }
  echo
  echo "| loop body (nodebuf, instructions per iteration) | off | on | ratio |"
  echo "|---|---|---|---|"
  for op in slice allocUnsafe; do
    off=$(( ($(instr "" 100000 $op) - $(instr "" 20000 $op)) / 80000 ))
    on=$(( ($(instr --trace-retention=/dev/null 100000 $op) - $(instr --trace-retention=/dev/null 20000 $op)) / 80000 ))
    echo "| $op | $off | $on | $(node -p "($on / $off).toFixed(2)") |"
  done
fi
