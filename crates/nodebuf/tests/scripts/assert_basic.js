const assert = require('assert');
const cases = [
  () => assert.strictEqual(1, 2),
  () => assert.strictEqual('a\nb', 'a\nc'),
  () => assert.strictEqual('hello world', 'hello there'),
  () => assert.strictEqual(123456789, 987654321),
  () => assert.strictEqual(1, '1'),
  () => assert.strictEqual({ a: 1 }, { a: 1 }),
  () => assert.strictEqual([1, 2], [1, 2, 3]),
  () => assert.strictEqual(1, 2, 'custom message'),
  () => assert.strictEqual(NaN, 0),
  () => assert.notStrictEqual(1, 1),
  () => assert.notStrictEqual({ a: 'long value here' }, { a: 1 }) || assert.notStrictEqual('xxxxxx', 'xxxxxx'),
  () => assert.deepStrictEqual({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3] }),
  () => assert.deepStrictEqual({ a: 1 }, { a: '1' }),
  () => assert.deepStrictEqual([1, 2], [1, 2, 3]),
  () => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])),
  () => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])),
  () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }),
  () => assert.notDeepStrictEqual([1], [1]),
  () => assert.deepEqual({ a: 1 }, { a: 2 }),
  () => assert.deepEqual(1, 2),
  () => assert.notDeepEqual({ a: 1 }, { a: 1 }),
  () => assert.equal(1, 2),
  () => assert.notEqual(1, 1),

  () => assert.ok(null, 'ok message'),
  () => assert.fail('boom'),
  () => assert.fail(),
  () => assert.ifError(new Error('e1')),
  () => assert.ifError('str'),
  () => assert.match('abc', /x/),
  () => assert.doesNotMatch('abc', /b/),
  () => assert.match(123, /x/),
  () => assert.strictEqual(),
];
for (const run of cases) {
  try {
    run();
    console.log('no throw');
  } catch (e) {
    console.log(JSON.stringify(e.message));
    console.log(e.name, e.code, e.generatedMessage, e.operator, typeof e.actual, typeof e.expected, e instanceof assert.AssertionError);
  }
}
assert.strictEqual(1, 1);
assert.deepStrictEqual({ a: [1, { b: 2 }], m: new Map([[1, { x: 1 }]]), s: new Set([1, 2]) }, { s: new Set([2, 1]), m: new Map([[1, { x: 1 }]]), a: [1, { b: 2 }] });
assert.deepEqual({ a: 1 }, { a: '1' });
assert.deepEqual([1, 2], ['1', '2']);
assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.deepStrictEqual(new Date(5), new Date(5));
assert.deepStrictEqual(/a/g, /a/g);
assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
assert.notDeepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]));
assert.deepStrictEqual(NaN, NaN);
assert.notDeepStrictEqual(0, -0);
assert.notDeepStrictEqual([1, , 3], [1, undefined, 3]);
const c1 = { a: 1 }; c1.self = c1;
const c2 = { a: 1 }; c2.self = c2;
assert.deepStrictEqual(c1, c2);
assert.notDeepStrictEqual(Object.create(null), {});
assert.strict.equal(1, 1);
try { assert.strict.equal(1, '1'); } catch (e) { console.log(e.operator); }
console.log(assert.strict === require('assert/strict'), typeof assert.strict.strict);
const ae = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(Object.keys(ae), String(ae).split('\n')[0], ae.name);
console.log(ae);
