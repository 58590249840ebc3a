// Buffer.from(array) and buf.toJSON() on the shapes the natives build in one pass (dense
// arrays of numbers, plain Buffers and Uint8Arrays) and on the ones they hand to the general
// path (holes, accessors, non-numbers, redefined `length`, subclasses, other typed arrays).
'use strict';
let seed = 7;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const specials = [0, -0, 1.5, -1.5, 255.9, 256, -1, -256.5, NaN, Infinity, -Infinity, 2 ** 32 + 7,
  -(2 ** 31), 2 ** 53, 1e-300, 0x7fffffff];
for (let t = 0; t < 30; t++) {
  const n = rand(20);
  const arr = Array.from({ length: n }, () => (rand(3) ? rand(600) - 200 : specials[rand(specials.length)]));
  const b = Buffer.from(arr);
  console.log(n, b.toString('hex'), JSON.stringify(b), b.toJSON().data.join(','));
}
const holes = [1, , 3];
const longer = [1, 2]; longer.length = 5;
const mixed = [1, '2', null, undefined, true, [3], { valueOf() { return 9; } }];
const accessor = [1, 2, 3];
Object.defineProperty(accessor, 1, { get() { return 77; } });
const proto = [4, 5];
Object.setPrototypeOf(proto, Object.create(Array.prototype, { valueOf: { value() { return 'abc'; } } }));
for (const a of [holes, longer, mixed, accessor, proto, [], [0.5], new Array(4)]) {
  console.log(Buffer.from(a).toString('hex'));
}
// toJSON on views, empty Buffers, other receivers, a redefined length.
const base = Buffer.from('hello world, this is a buffer');
console.log(JSON.stringify(base.subarray(3, 9)), JSON.stringify(Buffer.alloc(0)));
console.log(JSON.stringify(Buffer.prototype.toJSON.call(new Uint8Array([9, 8, 7]))));
console.log(JSON.stringify(Buffer.prototype.toJSON.call({ length: 2, 0: 'a', 1: 'b' })));
const shorter = Buffer.from([1, 2, 3, 4]);
Object.defineProperty(shorter, 'length', { value: 2 });
console.log(JSON.stringify(shorter));
class Sub extends Buffer {}
const sub = Buffer.from([5, 6, 7]);
Object.setPrototypeOf(sub, Sub.prototype);
console.log(JSON.stringify(sub));
const big = Buffer.alloc(70000);
for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
const json = big.toJSON();
console.log(json.data.length, json.data.reduce((a, x) => (a * 31 + x) >>> 0, 0), Buffer.from(json.data).equals(big));
console.log(Buffer.from(json).equals(big), Buffer.from(JSON.parse(JSON.stringify(big.subarray(0, 300)))).length);
