// Property reads by name (`x.name`) on arrays, typed arrays, Buffers and arguments objects,
// whose exotic behaviour concerns indices and, for typed arrays, canonical numeric strings
// (`ta.Infinity`, `ta.NaN`, `ta['-0']` are undefined whatever the prototype holds). nodebuf's
// engine takes a shorter path for the other names; each kind of name and holder is read here,
// with the prototypes changed between reads.
'use strict';
const protos = [Array.prototype, Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype),
  Buffer.prototype, Float64Array.prototype, Object.prototype];
const sym = Symbol('s');
function reads(label, x) {
  const out = [
    typeof x.push, typeof x.readUInt8, typeof x.subarray,
    x.Infinity, x.NaN, x['-0'], x['1.5'], x.Ident, x.Nope, x.Inner, x._u, x.$d, x.zed,
    x[sym], x.length, x.constructor && x.constructor.name,
  ];
  console.log(label.padEnd(14), out.map((v) => (typeof v === 'symbol' ? v.toString() : String(v))).join(' '));
}
function all(tag) {
  reads(`${tag} array`, [1, 2, 3]);
  reads(`${tag} holey`, [1, , 3]);
  reads(`${tag} u8`, new Uint8Array(3));
  reads(`${tag} f64`, new Float64Array(2));
  reads(`${tag} buffer`, Buffer.from('ab'));
  reads(`${tag} args`, (function () { return arguments; })(1, 2));
  reads(`${tag} object`, { length: 1 });
}
all('plain');
for (const p of protos) {
  for (const k of ['Infinity', 'NaN', '-0', '1.5', 'Ident', 'Nope', 'Inner', '_u', '$d', 'zed']) {
    Object.defineProperty(p, k, { value: `${k}@${p === Object.prototype ? 'O' : p.constructor.name}`, configurable: true, writable: true });
  }
  p[sym] = 'sym';
  all(p === Object.prototype ? 'Object' : p.constructor.name);
  for (const k of ['Infinity', 'NaN', '-0', '1.5', 'Ident', 'Nope', 'Inner', '_u', '$d', 'zed']) delete p[k];
  delete p[sym];
}
// Own named properties on the exotic objects themselves, and getters on the way.
const a = [1];
a.zed = 'own';
const u = new Uint8Array(1);
u.zed = 'own u8';
Object.defineProperty(Uint8Array.prototype, 'Ident', { get() { return `getter on ${this.constructor.name}`; }, configurable: true });
reads('own a', a);
reads('own u', u);
reads('getter', Buffer.alloc(1));
delete Uint8Array.prototype.Ident;
// A loop whose reads change kind midway.
const seen = [];
const b = Buffer.alloc(2);
for (let i = 0; i < 6; i++) {
  if (i === 2) Buffer.prototype.zed = 'set';
  if (i === 4) delete Buffer.prototype.zed;
  seen.push(String(b.zed));
}
console.log(seen.join(' '));
