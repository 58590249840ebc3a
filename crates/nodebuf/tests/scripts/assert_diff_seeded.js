// assert's diff messages as Node 20 writes them: the positional line diff, runs of unchanged
// lines elided to "..." (" ... Lines skipped" in the header), the common tail set apart, the
// cut after 50 printed lines, the one-line forms (`a !== b`, the ^ indicator) and a custom
// message as the title. Fixed shapes, then seeded random pairs of values where one is a
// mutated copy of the other.
const assert = require('assert');

function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log(JSON.stringify(e.message), e.generatedMessage);
  }
}

const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));
show(() => assert.deepStrictEqual(range(10, (i) => i + 1), [1, 2, 3, 4, 5, 0, 7, 8, 9, 10]));
show(() => assert.deepStrictEqual(range(10, (i) => i + 1), range(11)));
show(() => assert.deepStrictEqual(range(11), range(10, (i) => i + 1)));
const big = range(100);
const big2 = big.slice();
big2[50] = 'x';
show(() => assert.deepStrictEqual(big, big2));
show(() => assert.deepStrictEqual(range(200), range(200, (i) => (i % 3 ? i : -i))));
show(() => assert.deepStrictEqual(range(80), range(80, (i) => i * 2)));
const lines = (n, f = (i) => `line ${i}`) => range(n, f).join('\n');
show(() => assert.strictEqual(lines(60), lines(60).replace('line 30', 'LINE 30')));
show(() => assert.strictEqual(lines(60), lines(70)));
show(() => assert.strictEqual(lines(3), lines(4)));
show(() => assert.strictEqual('a'.repeat(20), `${'a'.repeat(19)}b`));
show(() => assert.strictEqual('ab', 'ac'));
show(() => assert.strictEqual('abcdefgh', 'abcdefgi'));
show(() => assert.strictEqual('x'.repeat(50), 'y'.repeat(50)));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.strictEqual([1], [2]));
show(() => assert.deepStrictEqual([Symbol('s')], [Symbol('s')]));
const wide = {};
for (let i = 0; i < 60; i++) wide[`k${i}`] = i;
show(() => assert.strictEqual(wide, { ...wide }));
show(() => assert.deepStrictEqual(wide, { ...wide, k30: 'changed' }));
show(() => assert.deepStrictEqual({ ...wide, extra: 1 }, wide));
show(() => assert.strictEqual(1, 2, 'msg'));
show(() => assert.deepStrictEqual([1], [2], 'msg'));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }, 'msg'));
show(() => assert.deepStrictEqual(0, -0));
show(() => assert.deepStrictEqual(-0, 0));
show(() => assert.strictEqual(NaN, 0));
show(() => assert.deepStrictEqual([1, 2], [1, 2, 3]));
show(() => assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2], b: 1 }));
show(() => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
show(() => { throw new assert.AssertionError({ actual: [1], expected: [2], operator: 'deepStrictEqual', message: 'm' }); });
show(() => { throw new assert.AssertionError({ actual: [1], expected: [1], operator: 'deepStrictEqual' }); });
show(() => assert.notDeepStrictEqual(range(80), range(80)));
show(() => assert.notStrictEqual(lines(60), lines(60)));

let seed = Number(process.env.NODEBUF_SEED || 2024) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function randLeaf() {
  switch (rand(7)) {
    case 0: return rand(100);
    case 1: return `s${rand(20)}`;
    case 2: return rand(2) === 0;
    case 3: return null;
    case 4: return 'word '.repeat(rand(6));
    case 5: return -rand(3);
    default: return undefined;
  }
}
function randValue(depth) {
  if (depth > 3 || rand(3) === 0) return randLeaf();
  if (rand(2) === 0) return range(rand(depth === 0 ? 40 : 8), () => randValue(depth + 1));
  const out = {};
  for (let i = rand(depth === 0 ? 30 : 6); i > 0; i--) out[`k${rand(40)}`] = randValue(depth + 1);
  return out;
}
// A copy with a few changes: replaced, added or removed entries, anywhere in the tree.
function mutate(value, depth) {
  if (value === null || typeof value !== 'object') return rand(4) === 0 ? randLeaf() : value;
  const copy = Array.isArray(value) ? value.slice() : { ...value };
  const keys = Object.keys(copy);
  for (const k of keys) {
    if (rand(Math.max(2, keys.length >> 1)) === 0) copy[k] = mutate(copy[k], depth + 1);
  }
  if (rand(6) === 0) {
    if (Array.isArray(copy)) copy.splice(rand(copy.length + 1), rand(2), randLeaf());
    else if (keys.length > 0 && rand(2) === 0) delete copy[keys[rand(keys.length)]];
    else copy[`n${rand(9)}`] = randLeaf();
  }
  return copy;
}
function randText() {
  return range(rand(70), () => (rand(3) === 0 ? `row ${rand(5)}` : `line ${rand(100)}`)).join('\n');
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 300);
for (let c = 0; c < cases; c++) {
  if (rand(4) === 0) {
    const a = randText();
    const b = rand(3) === 0 ? a.replace(/\d+/, 'X') : randText();
    const message = rand(5) === 0 ? `custom ${c}` : undefined;
    show(() => assert.strictEqual(a, b, message));
    continue;
  }
  const a = randValue(0);
  const b = mutate(a, 0);
  const message = rand(6) === 0 ? `custom ${c}` : undefined;
  if (rand(3) === 0) show(() => assert.strictEqual(a, b, message));
  else show(() => assert.deepStrictEqual(a, b, message));
}
