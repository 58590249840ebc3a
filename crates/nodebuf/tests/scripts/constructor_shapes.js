// The constructors nodebuf replaces with forwarders that give V8's error texts (typed arrays,
// ArrayBuffer, SharedArrayBuffer, DataView, BigInt) keep Node's shape: name, length, own keys in
// V8's order (prototype before the statics), every property's attributes, [[Prototype]],
// prototype.constructor and the global's descriptor; Buffer still inherits from Uint8Array.
'use strict';
const names = ['Int8Array','Uint8Array','Uint8ClampedArray','Int16Array','Uint16Array','Int32Array','Uint32Array','Float32Array','Float64Array','BigInt64Array','BigUint64Array','ArrayBuffer','SharedArrayBuffer','DataView','BigInt'];
const out = [];
const show = (d) => d === undefined ? 'none' : JSON.stringify({ ...d, value: typeof d.value, get: typeof d.get, set: typeof d.set });
for (const n of names) {
  const C = globalThis[n];
  out.push(n + ' ' + C.name + ' ' + C.length + ' ' + Reflect.ownKeys(C).map(String).join() + ' proto=' + (Object.getPrototypeOf(C) === Function.prototype ? 'F' : Object.getPrototypeOf(C).name));
  for (const k of Reflect.ownKeys(C)) out.push('  ' + String(k) + ' ' + show(Object.getOwnPropertyDescriptor(C, k)));
  out.push('  ctor ' + (C.prototype.constructor === C) + ' ' + show(Object.getOwnPropertyDescriptor(C.prototype, 'constructor')));
  out.push('  global ' + show(Object.getOwnPropertyDescriptor(globalThis, n)));
}
out.push(String(Object.getPrototypeOf(Buffer) === Uint8Array));
console.log(out.join('\n'));
