'use strict';
// WebAssembly.compile / instantiate (both overloads) settle on a later turn, after the
// caller's ticks and microtasks, with the same values and errors as the synchronous forms.
const W = require('./_wasm_encoder');
const { op } = W;

const bytes = W.module({
  types: [[['i32'], ['i32']]],
  imports: [{ module: 'env', name: 'twice', kind: 'func', type: 0 }],
  funcs: [{ type: 0, body: [op.local_get(0), op.call(0), op.i32_const(1), op.i32_add] }],
  exports: [{ name: 'run', kind: 'func', index: 1 }],
});
const imports = { env: { twice: (x) => x * 2 } };

async function main() {
  const order = [];
  const compiled = WebAssembly.compile(bytes);
  console.log(compiled instanceof Promise, String(compiled));
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('micro1')).then(() => order.push('micro2'));
  const module = await compiled;
  order.push('compiled');
  console.log(order.join(' '), module, WebAssembly.Module.exports(module));

  const instance = await WebAssembly.instantiate(module, imports);
  console.log(instance, instance instanceof WebAssembly.Instance, instance.exports.run(20));

  const both = await WebAssembly.instantiate(bytes, imports);
  console.log(Object.keys(both), both.module instanceof WebAssembly.Module, both.instance.exports.run(4));

  // The bytes are read when the call is made.
  const copy = new Uint8Array(bytes);
  const pending = WebAssembly.compile(copy);
  copy.fill(0);
  console.log(WebAssembly.Module.imports(await pending));

  for (const [label, make] of [
    ['compile bad', () => WebAssembly.compile(new Uint8Array([1, 2, 3, 4]))],
    ['compile non-source', () => WebAssembly.compile('x')],
    ['instantiate bad bytes', () => WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1]))],
    ['instantiate non-source', () => WebAssembly.instantiate(5)],
    ['instantiate missing imports', () => WebAssembly.instantiate(bytes)],
    ['instantiate link error', () => WebAssembly.instantiate(module, { env: { twice: 1 } })],
    ['instantiate trap in import', () => WebAssembly.instantiate(W.module({
      types: [[[], []]], imports: [{ module: 'm', name: 's', kind: 'func', type: 0 }], funcs: [{ type: 0, body: [op.call(0)] }], start: 1,
    }), { m: { s() { throw new RangeError('from start'); } } })],
  ]) {
    try {
      const promise = make();
      console.log(label, promise instanceof Promise);
      await promise;
      console.log(label, 'resolved');
    } catch (error) {
      console.log(label, error.name, error.message);
    }
  }
}

main().then(() => console.log('done'));
