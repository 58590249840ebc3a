// Buffer's methods call helpers Node reads off `this` (`this.utf8Slice`, `this.hexWrite`,
// `this.indexOf`, `this.readUInt8`...). A plain Buffer's read reaches Buffer.prototype's own
// helper, which nodebuf may skip; every way a script changes what that read reaches must be
// seen at the next call: the prototype's value replaced (the same property, a new value), turned
// into a getter, deleted and restored, an own property on the Buffer, a new prototype.
// `Buffer.from(string)` makes the same kind of read on the Buffer it writes into (the pool's
// whole slab, or a new one from `Buffer.allocUnsafeSlow` for a long string).
// Everything is printed at the end: node's console writes to a pipe through Buffer.from.
'use strict';
const P = Buffer.prototype;
const names = ['utf8Slice', 'hexSlice', 'latin1Slice', 'utf8Write', 'hexWrite', 'latin1Write',
  'indexOf', 'readUInt8', 'readUInt16LE'];
const saved = Object.fromEntries(names.map((n) => [n, Object.getOwnPropertyDescriptor(P, n)]));
const log = [];
const lines = [];
const made = [];
for (let i = 0; i < 40; i++) made.push(Buffer.alloc(4, 'abcd'));

function show(f) {
  try {
    const v = f();
    return typeof v === 'string' ? JSON.stringify(v) : String(v);
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

function calls(tag, b) {
  const out = [
    show(() => b.toString()),
    show(() => b.toString('hex')),
    show(() => b.toString('latin1', 1, 3)),
    show(() => b.write('zz')),
    show(() => b.write('7a7a', 'hex')),
    show(() => b.write('q', 1, 'latin1')),
    show(() => b.includes(0x62)),
    show(() => b.readUIntLE(0, 1)),
    show(() => b.readUIntLE(0, 2)),
    show(() => { const f = Buffer.from('h\u00e9llo'); return `${f.toString('latin1')}@${f.byteOffset % 8}`; }),
    show(() => Buffer.from('6162', 'hex').length),
    show(() => Buffer.from('x'.repeat(5000)).length),
    show(() => Buffer.from('\u20ac'.repeat(1500), 'utf8').length),
  ];
  lines.push(`${tag.padEnd(28)} ${out.join(' | ')} ${log.length ? `[${log.splice(0).join(',')}]` : ''}`);
}

const fresh = () => made.pop();
calls('plain', fresh());

for (const n of names) {
  P[n] = function (...a) { log.push(`${n}(${a.length})`); return saved[n].value.apply(this, a); };
}
calls('values replaced', fresh());
for (const n of names) P[n] = saved[n].value;
calls('values restored', fresh());

for (const n of names) {
  Object.defineProperty(P, n, {
    configurable: true,
    get() { log.push(`get ${n}`); return saved[n].value; },
  });
}
calls('getters', fresh());
for (const n of names) Object.defineProperty(P, n, saved[n]);
calls('descriptors restored', fresh());

for (const n of names) delete P[n];
calls('deleted', fresh());
for (const n of names) Object.defineProperty(P, n, saved[n]);
calls('redefined', fresh());

const own = fresh();
own.hexSlice = () => 'own hexSlice';
own.latin1Write = () => 'own latin1Write';
own.readUInt8 = () => 'own readUInt8';
calls('own properties', own);
delete own.hexSlice;
delete own.latin1Write;
delete own.readUInt8;
calls('own properties deleted', own);

const reproto = fresh();
Object.setPrototypeOf(reproto, Object.create(P, {
  utf8Slice: { value() { return 'middle utf8Slice'; } },
}));
calls('longer chain', reproto);
Object.setPrototypeOf(reproto, new Proxy(P, {
  get(t, k, r) { if (typeof k === 'string' && names.includes(k)) log.push(`trap ${k}`); return Reflect.get(t, k, r); },
}));
calls('proxy prototype', reproto);
Object.setPrototypeOf(reproto, P);
calls('prototype restored', reproto);

// The change between two calls of one loop, each way.
const b = fresh();
const seen = [];
for (let i = 0; i < 6; i++) {
  if (i === 2) P.utf8Slice = function () { return 'swapped'; };
  if (i === 4) P.utf8Slice = saved.utf8Slice.value;
  seen.push(b.toString());
}
lines.push(seen.join(' '));

// What a replaced write helper is given and what its count makes of the result.
const w = saved.utf8Write.value;
// (A count Node's pool offset cannot add as a number, e.g. `undefined` or '2', leaves node's
// pool broken for the rest of the process; nodebuf then starts a new slab. Not compared.)
const counts = [3, 2.5, 0, 100, -1, Infinity, null, 1.5, { valueOf() { log.push('valueOf'); return 1; } }, 7];
for (const c of counts) {
  P.utf8Write = function (s, o, l) {
    log.push(`write ${this.length === this.buffer.byteLength} ${o % 1 === 0} ${l}`);
    w.call(this, s, o, l);
    return c;
  };
  const r = show(() => { const b = Buffer.from('abc'); return `${b.length} ${b.toString('latin1')} ${b.byteOffset % 8}`; });
  const next = Buffer.allocUnsafe(1).byteOffset % 8;
  lines.push(`count ${String(c)}: ${r} next@${next} [${log.splice(0).join(',')}]`);
}
P.utf8Write = w;
Buffer.allocUnsafeSlow = function (n) { log.push(`allocUnsafeSlow(${n})`); return Buffer.alloc(n); };
lines.push(`${Buffer.from('y'.repeat(4100)).length} ${Buffer.from('yy').length} [${log.splice(0).join(',')}]`);
console.log(lines.join('\n'));
