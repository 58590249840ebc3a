#!/bin/sh
# 1,000,000 live subarray views (bench/views.js) under nodebuf, node and Bun (when found: BUN=
# on PATH, or the npm package under JSRT_DIR, as bench/report.js finds it): time to make them
# and the process's peak RSS (GNU time), three runs each,
# alternating runtimes; prints the medians. Usage: bench/views.sh
set -e
cd "$(dirname "$0")/.."
nodebuf=${NODEBUF:-target/release/nodebuf}
bun=${BUN:-$(command -v bun || true)}
if [ -z "$bun" ] && [ -n "$JSRT_DIR" ]; then
  bun=$(ls "$JSRT_DIR"/node_modules/@oven/bun-*/bin/bun 2>/dev/null | head -n 1)
fi
runtimes="nodebuf:$nodebuf node:$(command -v node)"
[ -n "$bun" ] && runtimes="$runtimes bun:$bun"
tmp=$(mktemp -d)
for round in 1 2 3; do
  for rt in $runtimes; do
    name=${rt%%:*}; bin=${rt#*:}
    /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" bench/views.js > "$tmp/out"
    printf '%s\t%s\t%s\n' "$name" "$(cut -f1 "$tmp/out")" "$(cat "$tmp/rss")" >> "$tmp/all"
  done
done
printf '%-8s %10s %14s\n' runtime 'ms (median)' 'peak RSS MB'
for rt in $runtimes; do
  name=${rt%%:*}
  ms=$(awk -v n="$name" '$1 == n { print $2 }' "$tmp/all" | sort -n | sed -n 2p)
  kb=$(awk -v n="$name" '$1 == n { print $3 }' "$tmp/all" | sort -n | sed -n 2p)
  printf '%-8s %10s %14s\n' "$name" "$ms" "$((kb / 1000))"
done
rm -rf "$tmp"
