#!/usr/bin/env bash
# Re-creates vendor/rquickjs-sys/ from the pristine rquickjs-sys crate (the exact version and
# checksum Cargo.lock pins) and applies every vendor/patches/*.patch in name order.
# The workspace builds the result through `[patch.crates-io]` in Cargo.toml; see
# docs/ENGINE-PATCHES.md. Usage: vendor/apply-patches.sh  (run from anywhere; needs tar, patch,
# sha256sum, and curl only when the crate is not in cargo's download cache).
set -euo pipefail
cd "$(dirname "$0")"

version=0.14.0
crate="rquickjs-sys-$version"
# The checksum crates.io publishes for this version (also in Cargo.lock before the [patch]).
sha256=cee271d0eeba64f0915b846cb7ae02e16faf3dfdffdca91731101d9d30fe3423

archive=""
for candidate in "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"$crate.crate"; do
  [ -f "$candidate" ] && archive="$candidate" && break
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$archive" ]; then
  archive="$tmp/$crate.crate"
  curl -sSfL "https://static.crates.io/crates/rquickjs-sys/$crate.crate" -o "$archive"
fi
echo "$sha256  $archive" | sha256sum -c --quiet -

tar -xzf "$archive" -C "$tmp"
src="$tmp/$crate"

# Lean copy: the engine sources build.rs compiles, the headers they include, and the bindings
# for 64-bit Linux and macOS. Tests, docs, tools, the wasm libc and other targets' bindings
# are not needed to build nodebuf.
keep_bindings="x86_64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-gnu
  aarch64-unknown-linux-musl x86_64-apple-darwin aarch64-apple-darwin"
rm -rf rquickjs-sys
mkdir -p rquickjs-sys/quickjs rquickjs-sys/src/bindings
cp -r "$src"/{Cargo.toml,build.rs,README.md,quickjs.bind.h,wasm-shim} rquickjs-sys/
cp -r "$src"/src/{lib.rs,inlines} rquickjs-sys/src/
for t in $keep_bindings; do cp "$src/src/bindings/$t.rs" rquickjs-sys/src/bindings/; done
cp "$src"/quickjs/{LICENSE,*.h,libregexp.c,libunicode.c,quickjs.c,dtoa.c} rquickjs-sys/quickjs/

# `--refresh` rewrites each patch as the exact diff it makes to the tree the ones before it
# leave (after patches were renumbered or reordered, or an earlier one changed), so every patch
# applies without offsets or fuzz.
refresh=false
[ "${1:-}" = "--refresh" ] && refresh=true
for p in patches/*.patch; do
  [ -e "$p" ] || continue
  echo "applying $p"
  if $refresh; then
    rm -rf "$tmp/a" "$tmp/b"
    cp -r rquickjs-sys "$tmp/a"
  fi
  patch -s -p1 -d rquickjs-sys < "$p"
  if $refresh; then
    find rquickjs-sys -name '*.orig' -delete
    cp -r rquickjs-sys "$tmp/b"
    (cd "$tmp" && diff -ruN a b || true) |
      sed -E 's#^(---|\+\+\+) ([ab]/[^\t]*)\t.*#\1 \2#' > "$p.new"
    mv "$p.new" "$p"
  fi
done
