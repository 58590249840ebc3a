// Buffer's statics and prototype methods have Node's shapes: name, length, the property's
// attributes, and a `prototype` exactly where Node's plain functions have one (its `of` arrow
// and the C++ {enc}Slice/{enc}Write helpers have none), with the attributes and `constructor`
// an ordinary function's prototype has. nodebuf makes that object on first access.
'use strict';
const out = [];
function prototypeShape(f) {
  const p = Object.getOwnPropertyDescriptor(f, 'prototype');
  if (p === undefined) return 'none';
  return [p.writable, p.enumerable, p.configurable, p.value.constructor === f,
    Object.getOwnPropertyNames(p.value).join(), Object.getPrototypeOf(p.value) === Object.prototype,
    JSON.stringify(Object.getOwnPropertyDescriptor(p.value, 'constructor'), (k, v) => (k === 'value' ? typeof v : v))].join(',');
}
for (const [label, owner] of [['Buffer', Buffer], ['Buffer.prototype', Buffer.prototype]]) {
  for (const key of Reflect.ownKeys(owner)) {
    if (typeof key !== 'string' || key === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(owner, key);
    // (Only functions: `Buffer.poolSize` is an accessor here, a data property in Node.)
    if (typeof d.value !== 'function') continue;
    const f = d.value;
    out.push(`${label}.${key}: ${f.name} ${f.length} ${d.writable}${d.enumerable}${d.configurable} ` +
      `[${Object.getOwnPropertyNames(f).join()}] ` +
      `length=${JSON.stringify(Object.getOwnPropertyDescriptor(f, 'length'))} ` +
      `name=${JSON.stringify(Object.getOwnPropertyDescriptor(f, 'name'))} prototype=${prototypeShape(f)}`);
  }
}
// The aliases are the same function objects.
out.push(String(Buffer.prototype.readUint32LE === Buffer.prototype.readUInt32LE));
// A prototype replaced before its first read stays replaced; a fresh one is made once.
const f = Buffer.prototype.readInt8;
const first = f.prototype;
out.push(String(first === f.prototype), String(Reflect.deleteProperty(f, 'prototype')));
Buffer.prototype.toString.prototype = 42;
out.push(String(Buffer.prototype.toString.prototype));
console.log(out.join('\n'));
