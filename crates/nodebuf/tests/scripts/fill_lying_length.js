'use strict';
// buf.fill, Buffer.alloc(size, fill) and allocUnsafe().fill where a script redefined what
// `length` reads (own property, subclass getter, replaced %TypedArray%.prototype getter): Node's
// `_fill` reads `buf.length` as a property once (twice for a string whose encoding stands in
// the offset or end position), bounds the fill by it, and refuses a range past the real bytes.
const TAProto = Object.getPrototypeOf(Uint8Array.prototype);
const original = Object.getOwnPropertyDescriptor(TAProto, 'length');
const intrinsic = (key) => Object.getOwnPropertyDescriptor(TAProto, key).get;
const [byteLength, buffer, byteOffset] = ['byteLength', 'buffer', 'byteOffset'].map(intrinsic);
// The real bytes, read through the intrinsic getters (no `length` read).
const hex = (b) => Array.from(new Uint8Array(buffer.call(b), byteOffset.call(b), byteLength.call(b)),
  (x) => (x < 16 ? '0' : '') + x.toString(16)).join('');
let reads = 0;
const lying = (n) => {
  const b = Buffer.alloc(8);
  Object.defineProperty(b, 'length', { get() { reads++; return n; } });
  return b;
};
// Runs `f` (with `install`/`uninstall` around it: a replaced getter must be gone before
// anything is printed) and prints its result and the count of `length` reads.
const show = (f, install = () => {}, uninstall = () => {}) => {
  reads = 0;
  let result;
  let error;
  install();
  try {
    result = f();
  } catch (e) {
    error = e;
  }
  uninstall();
  const out = error ? `${error.name} ${error.code}: ${error.message}`
    : ArrayBuffer.isView(result) ? hex(result) : String(result);
  console.log(out, `(length read ${reads} times)`);
};
for (const n of [3, 8, 64, 0]) {
  show(() => lying(n).fill(0xa5));
  show(() => lying(n).fill('ab'));
  show(() => lying(n).fill('ab', 'latin1'));
  show(() => lying(n).fill('ab', 1, 'hex'));
  show(() => lying(n).fill('ab', 1, 'bogus'));
  show(() => lying(n).fill(0xa5, 1));
  show(() => lying(n).fill(0xa5, 1, 5));
  show(() => lying(n).fill(0xa5, 1, 9));
  show(() => lying(n).fill(new Uint8Array([1, 2]), 2));
  show(() => lying(n).fill({ valueOf() { reads += 100; return 7; } }, 0, 4));
  show(() => lying(n).fill(0xa5, '1'));
  show(() => lying(n).fill(0xa5, 1, {}));
}
class Short extends Buffer {
  get length() { reads++; return 2; }
}
show(() => Object.setPrototypeOf(Buffer.alloc(6), Short.prototype).fill(0x61));
for (const lie of [undefined, 3, 1000]) {
  const install = () => Object.defineProperty(TAProto, 'length', {
    configurable: true,
    get() { reads++; return lie === undefined ? original.get.call(this) : lie; },
  });
  const uninstall = () => Object.defineProperty(TAProto, 'length', original);
  show(() => Buffer.alloc(8, 0xa5), install, uninstall);
  show(() => Buffer.alloc(8, 'ab', 'hex'), install, uninstall);
  show(() => Buffer.alloc(8, 'ab', 'bogus'), install, uninstall);
  show(() => Buffer.alloc(8, 0), install, uninstall);
  show(() => Buffer.alloc(8).fill(1, 2), install, uninstall);
  // (allocUnsafe's bytes past a shorter length are uninitialized in Node.)
  show(() => byteLength.call(Buffer.allocUnsafe(8).fill(0xa5)), install, uninstall);
}
