// Arrays whose last elements were deleted (by `delete`, `splice`, `length`) stay fast arrays in
// the engine with holes at the end (engine patch 0033): seeded programs of array operations on
// such arrays, each result printed as Node prints it (holes, lengths, keys, searches, copies,
// iteration, sorting, JSON), compared with Node.
const util = require('util');
let seed = Number(process.env.NODEBUF_SEED || 9001) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const show = (v) => util.inspect(v, { depth: 3, breakLength: Infinity });

const ops = [
  (a) => a.push(rand(9), rand(9)),
  (a) => a.pop(),
  (a) => a.shift(),
  (a) => a.unshift(rand(9)),
  (a) => a.splice(rand(a.length + 1), rand(4)),
  (a) => a.splice(rand(a.length + 1), rand(3), 'x', rand(9)),
  (a) => delete a[a.length - 1],
  (a) => delete a[rand(a.length + 1)],
  (a) => { a.length = Math.max(0, a.length - rand(3)); return a.length; },
  (a) => { a.length += rand(3); return a.length; },
  (a) => a.indexOf(undefined),
  (a) => a.includes(undefined),
  (a) => a.lastIndexOf(rand(9)),
  (a) => a.indexOf(rand(9)),
  (a) => a.join('-'),
  (a) => show(a.slice(rand(a.length + 1))),
  (a) => show(a.concat([1, , 3])),
  (a) => show([...a]),
  (a) => show(Array.from(a)),
  (a) => show(Object.keys(a)),
  (a) => `${a.length - 1 in a} ${0 in a}`,
  (a) => JSON.stringify(a),
  (a) => show(a.map((x) => typeof x)),
  (a) => show(a.filter(() => true)),
  (a) => { let n = 0; a.forEach(() => n++); return n; },
  (a) => a.reduce((s, x) => s + String(x), ''),
  (a) => show(a.at(-1)),
  (a) => show(a.find((x) => x === undefined)),
  (a) => a.findLastIndex((x) => x === undefined),
  (a) => a.some((x) => x === undefined),
  (a) => a.every((x) => x !== undefined),
  (a) => show(a.flat()),
  (a) => show([...a.entries()].slice(-2)),
  (a) => show(a.slice().sort()),
  (a) => show(a.slice().reverse()),
  (a) => show(a.toReversed()),
  (a) => show(a.toSpliced(0, 1)),
  (a) => show(a.with(0, 'w')),
  (a) => show(a.copyWithin(0, rand(a.length + 1))),
  (a) => show(a.fill('f', rand(a.length + 1), rand(a.length + 1))),
  (a) => show(Object.getOwnPropertyDescriptor(a, a.length - 1)),
  (a) => show(Object.entries(a)),
  (a) => show(a.toString()),
  (a) => { const b = a.slice(); b[b.length + rand(2)] = 'z'; return show(b); },
  (a) => show(structuredClone(a)),
];

for (let program = 0; program < 150; program++) {
  const a = Array.from({ length: rand(8) }, (_, i) => (rand(5) === 0 ? undefined : i));
  const out = [];
  for (let step = 0; step < 25; step++) {
    const k = rand(ops.length);
    let r;
    try {
      r = ops[k](a);
    } catch (e) {
      r = `${e.name}: ${e.message}`;
    }
    out.push(`${k}:${typeof r === 'string' ? r : show(r)}|${show(a)}`);
  }
  console.log(out.join('\n'));
}
