#!/bin/sh
# Instructions per call of each row of instr.js (reproducible, unlike timings on a loaded
# machine): callgrind runs each op at two iteration counts and prints the difference per call.
# Usage: crates/nodebuf-js/benches/instr.sh [binary] [op...]
set -e
dir=$(dirname "$0")
bin=${1:-target/release/nodebuf}
[ $# -gt 0 ] && shift
ops="$*"
[ -z "$ops" ] && ops="loop DataView.getUint32 readUInt8 readUInt32LE readInt32BE readDoubleLE readBigUInt64LE writeUInt8 writeUInt32LE writeUInt16LE writeDoubleLE indexOf(byte) indexOf('wor') toString() toString('hex') equals write('abc',_2) allocUnsafe(10) alloc(10) from('hello_world') from(buffer_10_B) subarray(1,_5) slice(1,_5) compare Buffer.compare byteLength('hello') new_Uint8Array(10) new_Uint8Array(ab,0,10) Uint8Array_subarray"
count() {
  out=$(mktemp)
  OP="$1" N="$2" valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" "$dir/instr.js" >/dev/null 2>&1
  total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  rm -f "$out"
  echo "$total"
}
for op in $ops; do
  op=$(echo "$op" | tr '_' ' ')
  a=$(count "$op" 500)
  b=$(count "$op" 2500)
  printf '%-22s %8d instr/call\n' "$op" $(( (b - a) / 2000 ))
done
