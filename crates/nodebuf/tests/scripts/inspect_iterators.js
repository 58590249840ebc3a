// util.inspect of Map/Set iterators (remaining items, previewed without advancing them),
// `[Map Entries]`/`[Set Entries]`, exhausted iterators, changed tags, and weak collections
// with showHidden; then seeded random collections, partly consumed and changed, printed with
// random options.
const util = require('util');

const m = new Map([['a', 1], ['b', { x: [1, 2] }]]);
const s = new Set([1, 2, 'x']);
console.log(m.entries(), m.keys(), m.values(), m[Symbol.iterator]());
console.log(s.entries(), s.keys(), s.values(), s[Symbol.iterator]());
const it = m.keys();
it.next();
console.log(it);
it.next();
console.log(it, it.next(), it);
const it2 = s.values();
for (const x of it2) void x;
console.log(it2, [...it2]);
console.log(util.inspect(m.keys(), { showHidden: true }));
console.log(util.inspect(m.entries(), { showHidden: true }));
const big = new Map();
for (let i = 0; i < 150; i++) big.set(i, `v${i}`);
console.log(big.entries());
console.log(util.inspect(big.values(), { maxArrayLength: 3 }));
console.log(util.inspect(big.entries(), { maxArrayLength: 0 }));
console.log(util.inspect(big.keys(), { maxArrayLength: -1 }));
const e = m.entries();
e.foo = 1;
console.log(e);
const e2 = m.entries();
Object.defineProperty(e2, Symbol.toStringTag, { value: 'XX' });
console.log(e2);
const e3 = s.values();
Object.defineProperty(e3, Symbol.toStringTag, { value: 'Set Iterator' });
console.log(e3);
const keyA = { a: 1 };
const keyB = [2];
const wm = new WeakMap([[keyA, 'x'], [keyB, { deep: { deeper: {} } }]]);
const ws = new WeakSet([keyA, keyB]);
console.log(util.inspect(wm, { showHidden: true }), util.inspect(ws, { showHidden: true }));
console.log(wm, ws);
// Which entries a cut shows depends on the engine's table order: cut them all.
console.log(util.inspect(wm, { showHidden: true, maxArrayLength: 0 }));
console.log(util.inspect(ws, { showHidden: true, sorted: true }));
console.log([m.entries()], { a: s.values() });
console.log(util.inspect(m.entries(), { depth: 0 }));
console.log(util.inspect({ a: { b: m.entries() } }, { depth: 1 }));
const nullProto = m.entries();
Object.setPrototypeOf(nullProto, null);
console.log(nullProto);
class X extends Map {}
console.log(new X([[1, 2]]).entries(), new X().keys());
console.log(util.inspect(m.entries(), { compact: false }));
console.log(util.inspect(m.entries(), { compact: 1 }));
console.log(util.inspect(m.entries(), { sorted: true }));
console.log(util.format('%o', m.keys()), util.format('%O', s.entries()));
// The preview does not advance: the iterator still yields everything afterwards.
const live = new Map([[1, 'one'], [2, 'two'], [3, 'three']]);
const liveIt = live.entries();
util.inspect(liveIt);
console.log(liveIt.next().value, util.inspect(liveIt));
live.delete(2);
live.set(4, 'four');
console.log(util.inspect(liveIt), [...liveIt]);
const selfRef = new Map();
const selfIt = selfRef.values();
selfRef.set('me', selfIt);
console.log(selfIt);

// Seeded random collections.
let seed = Number(process.env.NODEBUF_SEED || 1313) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function randValue(depth) {
  switch (rand(depth > 1 ? 6 : 9)) {
    case 0: return rand(1000) - 500;
    case 1: return `s${rand(50)}`;
    case 2: return rand(2) === 0;
    case 3: return null;
    case 4: return undefined;
    case 5: return 10n ** BigInt(rand(30));
    case 6: return [randValue(depth + 1), randValue(depth + 1)];
    case 7: return { k: randValue(depth + 1), ['long key ' + rand(9)]: 'x'.repeat(rand(40)) };
    default: return new Map([[randValue(depth + 1), randValue(depth + 1)]]);
  }
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 300);
for (let c = 0; c < cases; c++) {
  const isMap = rand(2) === 0;
  const coll = isMap ? new Map() : new Set();
  const n = rand(12);
  for (let i = 0; i < n; i++) {
    if (isMap) coll.set(randValue(0), randValue(0));
    else coll.add(randValue(0));
  }
  const kinds = ['keys', 'values', 'entries'];
  const iter = coll[kinds[rand(3)]]();
  for (let k = rand(4); k > 0; k--) iter.next();
  if (rand(3) === 0) {
    const first = [...coll.keys()][rand(n + 1)];
    coll.delete(first);
  }
  if (rand(3) === 0) {
    if (isMap) coll.set(`late${c}`, c);
    else coll.add(`late${c}`);
  }
  const opts = {};
  if (rand(3) === 0) opts.showHidden = true;
  if (rand(3) === 0) opts.depth = rand(3);
  if (rand(3) === 0) opts.compact = [false, true, 1, 3][rand(4)];
  if (rand(3) === 0) opts.maxArrayLength = rand(6);
  if (rand(4) === 0) opts.sorted = true;
  if (rand(3) === 0) opts.breakLength = 20 + rand(80);
  const shown = rand(4) === 0 ? { wrapped: iter } : iter;
  console.log(c, JSON.stringify(opts), util.inspect(shown, opts));
}
