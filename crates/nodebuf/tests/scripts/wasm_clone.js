'use strict';
// Structured clone of WebAssembly objects: a Module clones (and posts to a worker, which
// instantiates it), Memory/Table/Global/Instance are refused with V8's DataCloneError.
const W = require('./_wasm_encoder');
const { op } = W;
const { Worker } = require('worker_threads');

const wasmModule = new WebAssembly.Module(W.module({
  types: [[['i32'], ['i32']]],
  funcs: [{ type: 0, body: [op.local_get(0), op.i32_const(3), op.i32_mul] }],
  exports: [{ name: 'triple', kind: 'func', index: 0 }],
  custom: [{ name: 'note', bytes: [...Buffer.from('hi')] }],
}));
const copy = structuredClone(wasmModule);
console.log(copy, copy === wasmModule, copy instanceof WebAssembly.Module, WebAssembly.Module.exports(copy),
  Buffer.from(WebAssembly.Module.customSections(copy, 'note')[0]).toString());
console.log(new WebAssembly.Instance(copy).exports.triple(5));
const nested = structuredClone({ list: [wasmModule, wasmModule] });
console.log(nested.list[0] === nested.list[1], nested.list[0] instanceof WebAssembly.Module);
for (const value of [new WebAssembly.Memory({ initial: 1 }), new WebAssembly.Table({ element: 'anyfunc', initial: 1 }),
  new WebAssembly.Global({ value: 'i32' }, 1), new WebAssembly.Instance(wasmModule)]) {
  try {
    structuredClone(value);
  } catch (error) {
    console.log(error.name, error.message);
  }
}

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ module, input }) => {
    const { triple } = new WebAssembly.Instance(module).exports;
    parentPort.postMessage([String(module), triple(input), triple.name]);
  });
`, { eval: true });
worker.once('message', (reply) => {
  console.log('worker says', reply);
  worker.terminate();
});
worker.postMessage({ module: wasmModule, input: 14 });
