// Array.prototype.map and filter store their results by CreateDataPropertyOrThrow (engine patch
// 0054 appends to a fast result array directly): plain arrays, holes, sources the callback
// grows or shrinks, results made by a species constructor (subclasses, arrays frozen, sealed,
// made non-extensible or with a read-only length, arrays that already hold elements, objects
// that are no arrays), setters on Array.prototype's indices, thrown callbacks, typed arrays.
'use strict';
const show = (v) => {
  try {
    return JSON.stringify(v, (k, x) => (x === undefined ? '<u>' : x));
  } catch (e) {
    return `${e.name}`;
  }
};
const out = [];
function run(label, f) {
  try {
    const r = f();
    out.push(`${label}: ${show(r)} ${Array.isArray(r) ? `len=${r.length} own=${Object.keys(r).join(',')} ext=${Object.isExtensible(r)}` : typeof r}`);
  } catch (e) {
    out.push(`${label}: ${e.name}: ${e.message}`);
  }
}
function withSpecies(make) {
  const a = [1, 2, 3, 4];
  a.constructor = { [Symbol.species]: function (n) { return make(n); } };
  return a;
}
run('map', () => [1, 2, 3].map((x) => x * 2));
run('map holes', () => [1, , 3, , 5].map((x) => x + 1));
run('filter', () => [1, 2, 3, 4, 5].filter((x) => x % 2));
run('filter holes', () => [1, , 3, , 5].filter(() => true));
run('map grows source', () => { const a = [1, 2]; return a.map((x) => { a.push(x); return x; }); });
run('map shrinks source', () => { const a = [1, 2, 3, 4]; return a.map((x) => { a.pop(); return x; }); });
run('filter shrinks source', () => { const a = [1, 2, 3, 4]; return a.filter(() => { a.length = 2; return true; }); });
class Sub extends Array {}
run('subclass map', () => Sub.from([1, 2, 3]).map((x) => x));
run('subclass filter', () => Sub.from([1, 2, 3]).filter(() => true) instanceof Sub);
run('species frozen', () => withSpecies((n) => Object.freeze(new Array(n))).map((x) => x));
run('species sealed', () => withSpecies((n) => Object.seal(new Array(n))).map((x) => x));
run('species non-extensible', () => withSpecies((n) => Object.preventExtensions(new Array(n))).map((x) => x));
run('species read-only length', () => withSpecies((n) => Object.defineProperty(new Array(n), 'length', { writable: false })).map((x) => x));
run('species short length', () => withSpecies(() => [9]).map((x) => x));
run('species prefilled', () => withSpecies(() => [7, 8]).filter(() => true));
run('species object', () => withSpecies(() => ({})).map((x) => x * 3));
run('species non-configurable element', () => withSpecies((n) => Object.defineProperty(new Array(n), 1, { value: 0, writable: false, configurable: false })).map((x) => x));
const setterHits = [];
Object.defineProperty(Array.prototype, 2, { set(v) { setterHits.push(v); }, get() { return 'proto'; }, configurable: true });
run('proto setter map', () => [1, 2, 3, 4].map((x) => x));
run('proto setter filter', () => [1, 2, 3, 4].filter(() => true));
delete Array.prototype[2];
out.push(`setter hits: ${setterHits.length}`);
run('throwing callback', () => [1, 2, 3].map((x) => { if (x === 2) throw new Error('two'); return x; }));
run('typed map', () => Array.from(new Uint8Array([1, 2, 3]).map((x) => x * 100)));
run('typed filter', () => Array.from(new Int16Array([1, -2, 3]).filter((x) => x > 0)));
run('big map', () => Array.from({ length: 1000 }, (_, i) => i).map((x) => x * 2).slice(-3));
console.log(out.join('\n'));
