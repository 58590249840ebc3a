// Buffer.concat over the list shapes its one-pass native takes (dense Arrays of plain Buffers
// and Uint8Arrays, pooled and large) and the ones Node's JS algorithm must see (holes, a
// redefined `length`, mixed prototypes, detached items, non-Uint8Arrays, totalLength given).
'use strict';
let seed = 99;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function digest(b) {
  let h = 2166136261;
  for (const x of b) h = Math.imul(h ^ x, 16777619) >>> 0;
  return `${b.length}:${h.toString(16)}`;
}
function piece() {
  const n = rand(5) === 0 ? 5000 + rand(3000) : rand(200);
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = rand(256);
  return rand(4) === 0 ? new Uint8Array(b) : b.subarray(rand(3));
}
for (let t = 0; t < 40; t++) {
  const list = Array.from({ length: 1 + rand(12) }, piece);
  const out = Buffer.concat(list);
  console.log(t, digest(out), Buffer.concat(list, 100).length, out instanceof Buffer);
}
const a = Buffer.from('abc');
const b = Buffer.from('defgh');
const c = Buffer.from('ij');
Object.defineProperty(c, 'length', { value: 2 }); // an own length: Node's JS path
console.log(Buffer.concat([a, b, c]).toString('hex'));
const holey = [a, b];
holey.length = 3;
try { Buffer.concat(holey); } catch (e) { console.log(e.code, e.message); }
try { Buffer.concat([a, [1, 2]]); } catch (e) { console.log(e.code, e.message); }
try { Buffer.concat([a, 'str']); } catch (e) { console.log(e.code, e.message); }
const detached = new Uint8Array(new ArrayBuffer(4));
structuredClone(detached.buffer, { transfer: [detached.buffer] });
try { Buffer.concat([a, detached]); } catch (e) { console.log(e.name, e.message); }
console.log(Buffer.concat([]).length, Buffer.concat([Buffer.alloc(0)]).length, Buffer.concat([a]) !== a);
const self = Buffer.from('selfish');
const overlapping = [self, self.subarray(2), Buffer.from(self.buffer, self.byteOffset, 3)];
console.log(Buffer.concat(overlapping).toString());
class Sub extends Uint8Array {}
console.log(Buffer.concat([new Sub([65, 66]), a]).toString(), Buffer.concat([a, new Sub([67])]).toString());
