const util = require('util');
const { types } = util;
console.log(types.isDate(new Date()), types.isRegExp(/x/), types.isMap(new Map()), types.isSet(new Set()), types.isPromise(Promise.resolve()));
console.log(types.isTypedArray(new Uint8Array()), types.isUint8Array(new Uint8Array()), types.isUint8Array(new Int8Array()), types.isArrayBuffer(new ArrayBuffer(1)), types.isAnyArrayBuffer(new ArrayBuffer(1)));
console.log(types.isNativeError(new TypeError()), types.isNativeError({}), types.isBoxedPrimitive(Object(1)), types.isAsyncFunction(async () => {}), types.isGeneratorFunction(function* () {}));
console.log(types.isProxy(new Proxy({}, {})), types.isProxy({}), types.isDataView(new DataView(new ArrayBuffer(1))), types.isArgumentsObject((function () { return arguments; })()));
console.log(util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }), util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])));
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return `${this.name} speaks`; };
function Dog(name) { Animal.call(this, name); }
util.inherits(Dog, Animal);
console.log(new Dog('rex').speak(), Dog.super_ === Animal, new Dog('d'));
const cbFn = (a, b, cb) => setTimeout(() => (a < 0 ? cb(new Error('negative')) : cb(null, a + b)), 1);
const promised = util.promisify(cbFn);
promised(1, 2).then((v) => console.log('promisified', v));
promised(-1, 2).catch((e) => console.log('promisified error', e.message));
const callbacked = util.callbackify(async (x) => x * 2);
callbacked(21, (err, v) => console.log('callbackified', err, v));
console.log(util.format('%s:%d', 'a', 1), util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'), util.isArray([]));
console.log(util.inspect.defaultOptions);
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), typeof util.deprecate, util.types.isWeakMap(new WeakMap()));
