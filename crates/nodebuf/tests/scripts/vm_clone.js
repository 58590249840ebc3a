const vm = require('vm');
const sandbox = { x: 2, list: [1] };
console.log(vm.runInNewContext('x * 21', sandbox), vm.runInNewContext('y = x + 1; list.push(3); typeof require + typeof console', sandbox));
console.log(sandbox.y, sandbox.list, vm.runInNewContext('this.constructor.name'), vm.runInNewContext('[1,2] instanceof Array'));
const arr = vm.runInNewContext('[1, 2]');
console.log(arr instanceof Array, Array.isArray(arr), arr);
try { vm.runInNewContext('throw new TypeError("inside")'); } catch (e) { console.log(e.name, e.message, e instanceof TypeError); }
try { vm.runInNewContext('syntax error here'); } catch (e) { console.log(e.name); }
const ctx = vm.createContext({ n: 1 });
vm.runInContext('n += 1; m = 5', ctx);
console.log(ctx.n, ctx.m, vm.isContext(ctx), vm.isContext({}));
console.log(vm.runInThisContext('1 + 1'), new vm.Script('2 * 3').runInThisContext());
const original = { n: 1, s: 'str', d: new Date(0), r: /re/g, m: new Map([[1, { deep: true }]]), set: new Set([1]), arr: [1, , 3], nested: { a: [1] }, big: 10n, u8: new Uint8Array([1, 2]) };
original.self = original;
const copy = structuredClone(original);
console.log(copy, copy !== original, copy.self === copy, copy.nested !== original.nested, copy.m.get(1) !== original.m.get(1));
const ab = new ArrayBuffer(4);
new Uint8Array(ab)[0] = 9;
const moved = structuredClone(ab, { transfer: [ab] });
console.log(ab.byteLength, moved.byteLength, new Uint8Array(moved)[0]);
const view = new Uint8Array([5, 6]);
const viewCopy = structuredClone({ view }, { transfer: [view.buffer] });
console.log(viewCopy.view, view.byteLength);
for (const bad of [() => {}, Symbol('s'), { f() {} }]) {
  try { structuredClone(bad); } catch (e) { console.log(e.name, e.constructor.name); }
}
const err = structuredClone(new RangeError('cloned'));
console.log(err instanceof RangeError, err.message);
