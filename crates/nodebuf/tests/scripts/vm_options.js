// vm's argument checks, as Node's: seeded random option values for every entry point (each
// call prints its result or the error's name, code and message), then lineOffset/columnOffset
// in stack positions, displayErrors, string options, cached data and sourceMapURL.
'use strict';
const vm = require('vm');

let seed = 0x5eed;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const values = [
  undefined, null, 0, 1000, -1, 60000, 1.5, -0, NaN, Infinity, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32,
  '', 'name.js', 'afterEvaluate', true, false, [], {}, { strings: false }, { wasm: 1 }, { strings: true, wasm: true },
  Symbol('s'), 10n, () => {}, new Uint8Array(2), Buffer.alloc(1), new DataView(new ArrayBuffer(1)),
  vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
];
const scriptKeys = ['filename', 'lineOffset', 'columnOffset', 'cachedData', 'produceCachedData', 'importModuleDynamically'];
const runKeys = ['timeout', 'displayErrors', 'breakOnSigint'];
const newContextKeys = ['contextName', 'contextOrigin', 'contextCodeGeneration', 'microtaskMode'];
const contextKeys = ['name', 'origin', 'codeGeneration', 'microtaskMode', 'importModuleDynamically'];

function describe(value) {
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'function';
  if (value instanceof DataView) return 'DataView';
  if (Buffer.isBuffer(value)) return 'Buffer';
  if (value instanceof Uint8Array) return 'Uint8Array';
  if (Object.is(value, -0)) return '-0';
  return JSON.stringify(value) ?? String(value);
}

function options(keys) {
  const out = {};
  const count = Math.floor(random() * 3);
  for (let i = 0; i < count; i++) out[pick(keys)] = pick(values);
  return out;
}

function show(options) {
  return `{${Object.entries(options).map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`;
}

function attempt(label, fn) {
  try {
    const result = fn();
    const shown = result instanceof vm.Script ? `Script ${JSON.stringify(Object.keys(result))}` : describe(result);
    console.log(label, '->', shown);
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}

const entryPoints = [
  ['vm.runInThisContext', [...scriptKeys, ...runKeys], (o) => vm.runInThisContext('6 * 7', o)],
  ['new vm.Script', scriptKeys, (o) => new vm.Script('6 * 7', o)],
  ['Script#runInThisContext', runKeys, (o) => new vm.Script('6 * 7').runInThisContext(o)],
  ['Script#runInContext', runKeys, (o) => new vm.Script('6 * 7').runInContext(vm.createContext(), o)],
  ['Script#runInNewContext', [...runKeys, ...newContextKeys], (o) => new vm.Script('6 * 7').runInNewContext({}, o)],
  ['vm.runInNewContext', [...scriptKeys, ...runKeys, ...newContextKeys], (o) => vm.runInNewContext('6 * 7', {}, o)],
  ['vm.runInContext', [...scriptKeys, ...runKeys], (o) => vm.runInContext('6 * 7', vm.createContext(), o)],
  ['vm.createContext', contextKeys, (o) => vm.isContext(vm.createContext({}, o))],
];
for (let i = 0; i < 400; i++) {
  const [name, keys, call] = pick(entryPoints);
  const o = options(keys);
  attempt(`${name}(${show(o)})`, () => call(o));
}

// Non-object options and arguments.
for (const value of [5, 'file.js', null, [], true, Symbol('o')]) {
  attempt(`runInThisContext options ${describe(value)}`, () => vm.runInThisContext('1', value));
  attempt(`Script options ${describe(value)}`, () => new vm.Script('1', value).runInThisContext());
  attempt(`Script#runInThisContext ${describe(value)}`, () => new vm.Script('1').runInThisContext(value));
  attempt(`runInNewContext options ${describe(value)}`, () => vm.runInNewContext('1', {}, value));
  attempt(`runInContext options ${describe(value)}`, () => vm.runInContext('1', vm.createContext(), value));
  attempt(`createContext options ${describe(value)}`, () => vm.createContext({}, value));
  attempt(`createContext object ${describe(value)}`, () => vm.createContext(value));
  attempt(`isContext ${describe(value)}`, () => vm.isContext(value));
  attempt(`runInNewContext sandbox ${describe(value)}`, () => vm.runInNewContext('typeof this', value));
  attempt(`runInContext context ${describe(value)}`, () => vm.runInContext('1', value));
  attempt(`Script#runInContext ${describe(value)}`, () => new vm.Script('1').runInContext(value));
}
attempt('code converted', () => vm.runInThisContext(6 * 7));
attempt('code object', () => new vm.Script({ toString: () => '"from toString"' }).runInThisContext());

// Positions: lineOffset and columnOffset (the first line's columns only), displayErrors.
// The stack's lines down to the first of the runtime's own frames (Node's and nodebuf's
// internals differ).
function firstLines(fn, count) {
  try {
    fn();
  } catch (e) {
    const lines = e.stack.split('\n');
    const internal = lines.findIndex((line) => line.includes('(node:') || line.startsWith('    at node:'));
    return lines.slice(0, Math.min(count, internal < 0 ? lines.length : internal));
  }
  return null;
}
for (const [source, o] of [
  ['throw new Error("x")', { filename: 'f.js', lineOffset: 3, columnOffset: 5 }],
  ['\n  throw new Error("x")', { filename: 'f.js', lineOffset: 3, columnOffset: 5 }],
  ['var a = 1;\n  null.x', { filename: 'a.js' }],
  ['function f() {\n  throw new RangeError("r") }\n f()', { filename: 'b.js', lineOffset: 10 }],
  ['throw new Error("quiet")', { filename: 'g.js', displayErrors: false }],
  ['throw { stack: "not an error" }', { filename: 'd.js' }],
]) {
  console.log(show(o), firstLines(() => vm.runInThisContext(source, o), 6));
  console.log('new context', firstLines(() => vm.runInNewContext(source, {}, o), 6));
}
attempt('thrown primitive', () => vm.runInThisContext('throw 5', { filename: 'p.js' }));
console.log('string options', firstLines(() => vm.runInThisContext('throw new Error("s")', 'named.js'), 6));
console.log('syntax error with offset', firstLines(() => new vm.Script('let x = ;', { filename: 's.js', lineOffset: 4 }), 5));

// Cached data and sourceMapURL.
const producer = new vm.Script('1 + 1', { produceCachedData: true });
console.log(Object.keys(producer), producer.cachedDataProduced, Buffer.isBuffer(producer.cachedData), producer.cachedData.length > 0);
const data = new vm.Script('var cached = 3').createCachedData();
console.log(Buffer.isBuffer(data), data.length > 0);
const consumer = new vm.Script('var cached = 3', { cachedData: data });
console.log(Object.keys(consumer), consumer.cachedDataRejected, consumer.runInThisContext(), cached);
// (V8 consults cached data only for a source it has not compiled yet.)
console.log('short data', new vm.Script('"never compiled before"', { cachedData: new Uint8Array(3) }).cachedDataRejected);
console.log('no data', new vm.Script('1').cachedDataRejected, Object.keys(new vm.Script('1')));
console.log(new vm.Script('1\n//# sourceMappingURL=foo.js.map').sourceMapURL,
  new vm.Script('//# sourceMappingURL=a.map\n1\n//@ sourceMappingURL=b.map\n').sourceMapURL, new vm.Script('1').sourceMapURL);
const parent = Object.getPrototypeOf(vm.Script.prototype);
console.log(Object.getOwnPropertyNames(vm.Script.prototype), Object.getOwnPropertyNames(parent), parent.constructor.name);
