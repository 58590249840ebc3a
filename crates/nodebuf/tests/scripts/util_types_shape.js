// util.types with Node's shape (keys in order, names, lengths, prototypes, descriptors) and what its
// checks answer; require('util/types') is the same object.
const t = require('util').types;
console.log(Object.keys(t).map((k) => `${k}:${t[k].name}:${t[k].length}:${'prototype' in t[k]}`).join(' '));
for (const k of ['isKeyObject', 'isExternal', 'isMap']) { const d = Object.getOwnPropertyDescriptor(t, k); console.log(k, d.writable, d.enumerable, d.configurable); }
console.log(t.isMap(new Map()), t.isKeyObject(require('crypto').createSecretKey(Buffer.alloc(4))), t.isCryptoKey({}), t.isExternal({}), t.isUint8Array(Buffer.alloc(1)), t.isArrayBufferView(new DataView(new ArrayBuffer(1))));
console.log(require('util/types') === t);
