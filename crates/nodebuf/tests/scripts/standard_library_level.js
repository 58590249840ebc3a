// The standard library is Node v20's (V8 11.3): what later editions added and QuickJS ships
// (Object.groupBy, Promise.withResolvers, iterator helpers, Set methods, Uint8Array hex/base64,
// Float16Array, ...) is absent, so feature detection and polyfills behave as under Node.
const probes = {
  'Object.groupBy': () => Object.groupBy,
  'Map.groupBy': () => Map.groupBy,
  'Array.fromAsync': () => Array.fromAsync,
  'Promise.withResolvers': () => Promise.withResolvers,
  'Promise.try': () => Promise.try,
  'RegExp.escape': () => RegExp.escape,
  'Error.isError': () => Error.isError,
  'JSON.rawJSON': () => JSON.rawJSON,
  'Math.f16round': () => Math.f16round,
  'Math.sumPrecise': () => Math.sumPrecise,
  'Atomics.pause': () => Atomics.pause,
  'Uint8Array.fromHex': () => Uint8Array.fromHex,
  'u8.toHex': () => new Uint8Array(1).toHex,
  'u8.toBase64': () => new Uint8Array(1).toBase64,
  'ab.transfer': () => new ArrayBuffer(1).transfer,
  'ab.detached': () => new ArrayBuffer(1).detached,
  'dv.getFloat16': () => new DataView(new ArrayBuffer(2)).getFloat16,
  'map.getOrInsert': () => new Map().getOrInsert,
  'set.union': () => new Set().union,
  'set.isSubsetOf': () => new Set().isSubsetOf,
  'iterator.map': () => [].values().map,
  'iterator.toArray': () => new Map().keys().toArray,
  'generator.take': () => (function* g() {})().take,
  Iterator: () => globalThis.Iterator,
  Float16Array: () => globalThis.Float16Array,
  DisposableStack: () => globalThis.DisposableStack,
  SuppressedError: () => globalThis.SuppressedError,
  InternalError: () => globalThis.InternalError,
  // What Node 20 does have stays.
  'array.toSorted': () => [].toSorted,
  'array.findLast': () => [].findLast,
  'ab.resize': () => new ArrayBuffer(1).resize,
  'ab.resizable': () => new ArrayBuffer(1, { maxByteLength: 2 }).resizable,
  'Object.hasOwn': () => Object.hasOwn,
  'string.isWellFormed': () => ''.isWellFormed,
  'structuredClone': () => globalThis.structuredClone,
};
for (const [name, probe] of Object.entries(probes)) console.log(name, typeof probe());
const iteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
console.log(Reflect.ownKeys(iteratorProto).map(String));
const ab = new ArrayBuffer(8);
console.log(structuredClone(ab, { transfer: [ab] }).byteLength, ab.byteLength, ab);
