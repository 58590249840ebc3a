// ArrayBuffer.prototype.resize and SharedArrayBuffer.prototype.grow in V8's order and texts
// (engine patch 0068): a fixed-length buffer is an incompatible receiver before its length is
// converted (no valueOf call), the length is ToIndex'd (Infinity, negatives and lengths past
// 2^53 - 1 throw, nothing wraps), then the maximum is checked.
'use strict';
for (const [make, key] of [[() => new ArrayBuffer(4, { maxByteLength: 8 }), 'resize'],
  [() => new SharedArrayBuffer(4, { maxByteLength: 8 }), 'grow']]) {
  for (const n of [100, -1, 9, 2, 8, 0, Infinity, -Infinity, NaN, 1.5, '6', 2 ** 53, 2 ** 53 - 1, undefined, null, true]) {
    const b = make();
    try {
      b[key](n);
      console.log(key, String(n), 'ok', b.byteLength);
    } catch (e) {
      console.log(key, String(n), e.name, e.message, b.byteLength);
    }
  }
  let calls = 0;
  const counted = { valueOf() { calls++; return 6; } };
  const fixed = key === 'resize' ? new ArrayBuffer(4) : new SharedArrayBuffer(4);
  try { fixed[key](counted); } catch (e) { console.log(key, 'fixed', e.name, e.message, calls); }
  const growable = make();
  growable[key](counted);
  console.log(key, 'counted', growable.byteLength, calls);
  const u8 = new Uint8Array(growable);
  console.log(key, 'view tracks', u8.length);
}
for (const r of [{}, 5, new SharedArrayBuffer(2), new ArrayBuffer(2), new (class Foo {})(), null]) {
  try { ArrayBuffer.prototype.resize.call(r, 1); console.log('ok'); } catch (e) { console.log(e.name, e.message); }
  try { SharedArrayBuffer.prototype.grow.call(r, 1); console.log('ok'); } catch (e) { console.log(e.name, e.message); }
}
class MyBuffer extends ArrayBuffer {}
try { new MyBuffer(2).resize(1); } catch (e) { console.log(e.name, e.message); }
