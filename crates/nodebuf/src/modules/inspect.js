// util.inspect and util.format with Node v20's output rules (written for nodebuf; the
// behaviour follows Node's documented and observed output, the code is our own).
'use strict';

const kCustom = Symbol.for('nodejs.util.inspect.custom');
const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;
const kMinLineWidth = 16;

const defaults = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

// Engine class ids of a few kinds JS cannot tell apart by itself, learned from samples.
const classIds = (() => {
  const id = native.classId;
  const ids = {
    object: id({}),
    array: id([]),
    number: id(new Number(0)),
    string: id(new String('')),
    boolean: id(new Boolean(false)),
    symbol: id(Object(Symbol())),
    bigint: id(Object(BigInt(0))),
    args: id(native.compile('(function () { return arguments; })', 'node:internal/inspect')()),
    strictArgs: id((function () { 'use strict'; return arguments; })()),
    generatorFn: id(function* () {}),
    asyncFn: id(async function () {}),
    asyncGeneratorFn: id(async function* () {}),
    promise: id(Promise.resolve()),
    weakMap: id(new WeakMap()),
    weakSet: id(new WeakSet()),
    weakRef: typeof WeakRef === 'function' ? id(new WeakRef({})) : -1,
    map: id(new Map()),
    set: id(new Set()),
    date: id(new Date(0)),
    regexp: id(/x/),
    error: id(new Error()),
    arrayBuffer: id(new ArrayBuffer(0)),
    sharedArrayBuffer: native.sharedArrayBufferClassId,
    dataView: id(new DataView(new ArrayBuffer(0))),
    generator: id((function* () {})()),
    mapIterator: id(new Map().entries()),
    setIterator: id(new Set().values()),
  };
  return ids;
})();

// A module namespace object: null prototype, not extensible, an own non-writable
// `Symbol.toStringTag` of 'Module' (what QuickJS's namespace exotic objects carry).
function isModuleNamespace(value) {
  if (Object.getPrototypeOf(value) !== null || Object.isExtensible(value)) return false;
  const desc = Object.getOwnPropertyDescriptor(value, Symbol.toStringTag);
  return desc !== undefined && desc.value === 'Module' && !desc.writable && !desc.configurable;
}

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const typedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayProto, 'length').get;

// (The typed array checks are plain functions, as Node's JS defines them; the others are
// arrows, as Node's C++ ones have no prototype.)
const types = {
  isTypedArray: function isTypedArray(v) { return typedArrayTag.call(v) !== undefined; },
  typedArrayName: (v) => typedArrayTag.call(v),
  isUint8Array: function isUint8Array(v) { return typedArrayTag.call(v) === 'Uint8Array'; },
  isArrayBuffer: (v) => native.classId(v) === classIds.arrayBuffer,
  isSharedArrayBuffer: (v) => native.classId(v) === classIds.sharedArrayBuffer,
  isAnyArrayBuffer: (v) => { const c = native.classId(v); return c === classIds.arrayBuffer || c === classIds.sharedArrayBuffer; },
  isDataView: (v) => native.classId(v) === classIds.dataView,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isMap: (v) => native.classId(v) === classIds.map,
  isSet: (v) => native.classId(v) === classIds.set,
  isWeakMap: (v) => native.classId(v) === classIds.weakMap,
  isWeakSet: (v) => native.classId(v) === classIds.weakSet,
  isDate: (v) => native.classId(v) === classIds.date,
  isRegExp: (v) => native.classId(v) === classIds.regexp,
  isNativeError: (v) => native.classId(v) === classIds.error,
  isPromise: (v) => native.classId(v) === classIds.promise,
  isProxy: (v) => native.proxyDetails(v) !== undefined,
  isGeneratorFunction: (v) => { const c = native.classId(v); return c === classIds.generatorFn || c === classIds.asyncGeneratorFn; },
  isAsyncFunction: (v) => { const c = native.classId(v); return c === classIds.asyncFn || c === classIds.asyncGeneratorFn; },
  isGeneratorObject: (v) => native.classId(v) === classIds.generator,
  isMapIterator: (v) => native.classId(v) === classIds.mapIterator,
  isSetIterator: (v) => native.classId(v) === classIds.setIterator,
  isArgumentsObject: (v) => { const c = native.classId(v); return c === classIds.args || c === classIds.strictArgs; },
  isNumberObject: (v) => native.classId(v) === classIds.number,
  isStringObject: (v) => native.classId(v) === classIds.string,
  isBooleanObject: (v) => native.classId(v) === classIds.boolean,
  isSymbolObject: (v) => native.classId(v) === classIds.symbol,
  isBigIntObject: (v) => native.classId(v) === classIds.bigint,
  isBoxedPrimitive: (v) => {
    const c = native.classId(v);
    return c === classIds.number || c === classIds.string || c === classIds.boolean ||
      c === classIds.symbol || c === classIds.bigint;
  },
  isWeakRef: (v) => native.classId(v) === classIds.weakRef,
};
for (const name of ['Int8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  const check = function (v) { return typedArrayTag.call(v) === name; };
  Object.defineProperty(check, 'name', { value: `is${name}` });
  types[`is${name}`] = check;
}

// Names of the engine's global constructors, for "is this a builtin" checks (Node takes them
// before it adds its own globals, so Buffer's toString counts as user-defined for `%s`).
const nodeGlobals = new Set(['Buffer', 'Blob', 'File']);
// The engine's globals as the bootstrap found them (`native.engineGlobalNames`): Node's own
// (URL, TextEncoder, Intl...: lazy, and read here they would load) are not among them.
const builtInObjects = new Set(native.engineGlobalNames.filter((name) => {
  if (!/^[A-Z][a-zA-Z0-9]+$/.test(name) || nodeGlobals.has(name)) return false;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  // (A global a script deleted since is no builtin.)
  return descriptor !== undefined && 'value' in descriptor && typeof descriptor.value === 'function';
}));

// Node's `inspect.colors`: SGR [on, off] codes by name, in Node's order.
const colorCodes = {
  reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25],
  inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24],
  black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39],
  cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49],
  bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
  framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39],
  yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
  whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
  bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49], bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
};
// Other names for some of them: non-enumerable accessors reading and writing the main name.
const colorAliases = [
  ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'], ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'], ['conceal', 'hidden'], ['swapColors', 'inverse'], ['swapcolors', 'inverse'],
  ['doubleUnderline', 'doubleunderline'],
];
const styles = {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
  null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
};

function stylizeWithColor(str, styleType) {
  const style = inspect.styles[styleType];
  if (style !== undefined) {
    const color = inspect.colors[style];
    if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

// Escapes for control characters, quotes and backslashes, indexed by char code.
const meta = [];
for (let i = 0; i < 0x20; i++) meta[i] = `\\x${i.toString(16).toUpperCase().padStart(2, '0')}`;
meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
meta[39] = "\\'"; meta[92] = '\\\\';
for (let i = 0x7f; i <= 0x9f; i++) meta[i] = `\\x${i.toString(16).toUpperCase()}`;

const strEscapeSequencesSingle = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const strEscapeSequencesOther = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function escapeChar(str, i, quote) {
  const code = str.charCodeAt(i);
  if (code === quote || code === 92 || code < 32 || (code > 126 && code < 160)) return meta[code];
  if (code >= 0xd800 && code <= 0xdfff) {
    if (code <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return null; // a pair: keep both units
    } else if (code >= 0xdc00 && i > 0) {
      const prev = str.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) return null;
    }
    return `\\u${code.toString(16)}`;
  }
  return null;
}

// Quotes `str` the way Node picks quotes: single, else double if the text has single quotes
// only, else backticks if it has both but no backtick or `${`.
function strEscape(str) {
  let quote = 39;
  let test = strEscapeSequencesSingle;
  if (str.includes("'")) {
    if (!str.includes('"')) quote = -2;
    else if (!str.includes('`') && !str.includes('${')) quote = -1;
    if (quote !== 39) test = strEscapeSequencesOther;
  }
  const q = quote === 39 ? "'" : quote === -2 ? '"' : '`';
  if (!test.test(str)) return `${q}${str}${q}`;
  let result = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const esc = escapeChar(str, i, quote);
    if (esc !== null) {
      result += str.slice(last, i) + esc;
      last = i + 1;
    }
  }
  return `${q}${result}${str.slice(last)}${q}`;
}

// Numbers print as V8 prints them (QuickJS's own ToString is one digit long for a few doubles).
const numberToString = native.numberToString;
// The typed array classes by name, as they were when the thread started.
const typedArrayConstructors = {
  __proto__: null, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
const ReflectApply = Reflect.apply;
// Buffer's hexSlice, taken on first use as Node does.
let bufferHexSlice;
const hexSlice = (view, start, end) => {
  if (bufferHexSlice === undefined) bufferHexSlice = Buffer.prototype.hexSlice;
  return ReflectApply(bufferHexSlice, view, [start, end]);
};

function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (Object.is(number, -0)) return fn('-0', 'number');
    return fn(numberToString(number), 'number');
  }
  const integer = Math.trunc(number);
  const string = numberToString(integer);
  if (integer === number) {
    if (!Number.isFinite(number) || string.includes('e')) return fn(string, 'number');
    return fn(addNumericSeparator(string), 'number');
  }
  if (Number.isNaN(number)) return fn(string, 'number');
  const frac = numberToString(number).slice(string.length + 1);
  return fn(`${addNumericSeparator(string)}.${addNumericSeparatorEnd(frac)}`, 'number');
}

function addNumericSeparator(str) {
  let result = '';
  let i = str.length;
  const start = str.startsWith('-') ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${str.slice(i - 3, i)}${result}`;
  return i === str.length ? str : `${str.slice(0, i)}${result}`;
}

function addNumericSeparatorEnd(str) {
  let result = '';
  let i = 0;
  for (; i < str.length - 3; i += 3) result += `${str.slice(i, i + 3)}_`;
  return i === 0 ? str : `${result}${str.slice(i)}`;
}

function formatBigInt(fn, bigint, numericSeparator) {
  const string = String(bigint);
  if (!numericSeparator) return fn(`${string}n`, 'bigint');
  return fn(`${addNumericSeparator(string)}n`, 'bigint');
}

function formatPrimitive(fn, value, ctx) {
  if (typeof value === 'string') {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    if (ctx.compact !== true && value.length > kMinLineWidth &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return value.split(/(?<=\n)/)
        .map((line) => fn(strEscape(line), 'string'))
        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return fn(strEscape(value), 'string') + trailer;
  }
  if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
  if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
  if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
  if (typeof value === 'undefined') return fn('undefined', 'undefined');
  return fn(symbolToString(value), 'symbol');
}

function symbolToString(sym) {
  const desc = sym.description;
  if (desc === undefined) return 'Symbol()';
  return `Symbol(${desc})`;
}

function getKeys(value, showHidden) {
  const symbols = Object.getOwnPropertySymbols(value);
  let keys;
  if (showHidden) {
    keys = Object.getOwnPropertyNames(value);
    if (symbols.length !== 0) keys.push(...symbols);
  } else {
    keys = Object.keys(value);
    for (const sym of symbols) {
      if (Object.prototype.propertyIsEnumerable.call(value, sym)) keys.push(sym);
    }
  }
  return keys;
}

const isIndex = (key) => typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;

// Listed natively without making the index keys (a Buffer of 1 KiB has 1,024), as Node's
// getOwnNonIndexProperties does; a Proxy (whose traps would run) takes the general listing.
function getNonIndexKeys(value, showHidden) {
  const listed = native.ownNonIndexKeys(value, showHidden);
  if (listed !== undefined) return listed;
  return getKeys(value, showHidden).filter((key) => !isIndex(key));
}

function isInstanceof(object, proto) {
  try {
    return object instanceof proto;
  } catch {
    return false;
  }
}

// With `showHidden`, the properties an object inherits from user-defined prototypes (up to
// three levels, stopping at a builtin constructor's prototype) are listed after its own ones,
// as Node does: accessors and data, never methods, each name once.
function addPrototypeProperties(ctx, main, proto, recurseTimes, output) {
  const seen = new Set();
  for (let level = 0; level < 3; level++) {
    if (level !== 0 || main === proto) {
      proto = Object.getPrototypeOf(proto);
      if (proto === null) return;
      const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (descriptor !== undefined && typeof descriptor.value === 'function' &&
          builtInObjects.has(descriptor.value.name)) return;
    }
    const keys = Reflect.ownKeys(proto);
    ctx.seen.push(proto);
    try {
      for (const key of keys) {
        if (key === 'constructor' || Object.prototype.hasOwnProperty.call(main, key) ||
            seen.has(key)) continue;
        const desc = Object.getOwnPropertyDescriptor(proto, key);
        if (typeof desc.value === 'function') continue;
        const text = formatProperty(ctx, proto, recurseTimes, key, kObjectType, desc, main);
        output.push(ctx.colors ? `\u001b[2m${text}\u001b[22m` : text);
      }
    } finally {
      ctx.seen.pop();
    }
    for (const key of keys) seen.add(key);
  }
}

function getConstructorName(obj, ctx, recurseTimes, protoProps) {
  let firstProto;
  const start = obj;
  while (obj !== null && obj !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined && typeof descriptor.value === 'function' &&
        descriptor.value.name !== '' && isInstanceof(start, descriptor.value)) {
      if (protoProps !== undefined &&
          (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
        addPrototypeProperties(ctx, start, firstProto || start, recurseTimes, protoProps);
      }
      return String(descriptor.value.name);
    }
    obj = Object.getPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }
  if (firstProto === null) return null;
  if (recurseTimes > ctx.depth && ctx.depth !== null) return 'Object <Complex prototype>';
  const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1);
  if (protoName === null) {
    return `Object <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
  }
  return `Object <${protoName}>`;
}

function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
  return `${constructor}${size} `;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function' && !isUndetectable(value)) {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');
  const context = value;
  const proxy = native.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy[0] === null) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy[0];
  }
  if (ctx.customInspect) {
    let maybeCustom;
    try {
      maybeCustom = value[kCustom];
    } catch {
      maybeCustom = undefined;
    }
    if (typeof maybeCustom === 'function' && maybeCustom !== inspect &&
        !(value.constructor && value.constructor.prototype === value &&
          Object.prototype.hasOwnProperty.call(value, kCustom))) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      // Node hands the custom function the remaining depth as its first argument and the
      // caller's original options (original depth) as the second.
      const ret = maybeCustom.call(context, depth, userOptionsOf(ctx), inspect);
      if (ret !== context) {
        if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
        // Nothing to indent at the top level.
        if (ctx.indentationLvl === 0) return ret;
        return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function isUndetectable(value) {
  return value === undefined ? false : typeof value === 'undefined';
}

// The options a custom inspect function receives, as Node builds them: the context's
// settings in this order, then the caller's own options over them (their keys last, their
// values kept, `maxArrayLength: null` included).
function userOptionsOf(ctx) {
  return {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
}

function formatProxy(ctx, proxy, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize('Proxy [Array]', 'special');
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
  ctx.indentationLvl -= 2;
  return reduceToSingleString(ctx, res, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  let keys;
  let protoProps;
  if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  // Nothing inherited to show: drop the list so the empty forms below apply.
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;
  let tag;
  try {
    tag = value[Symbol.toStringTag];
  } catch {
    tag = '';
  }
  if (typeof tag !== 'string' || (tag !== '' &&
      (ctx.showHidden ? Object.prototype.hasOwnProperty : Object.prototype.propertyIsEnumerable)
        .call(value, Symbol.toStringTag))) {
    tag = '';
  }
  let base = '';
  let formatter = getEmptyFormatArray;
  let braces;
  let noIterator = true;
  let i = 0;
  let extrasType = kObjectType;

  if (Symbol.iterator in value || constructor === null) {
    noIterator = false;
    if (Array.isArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if (types.isSet(value)) {
      const size = Set.prototype[Symbol.iterator] && Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = formatSet;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isMap(value)) {
      const size = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      formatter = formatMap;
      if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
      braces = [`${prefix}{`, '}'];
    } else if (types.isTypedArray(value)) {
      keys = getNonIndexKeys(value, ctx.showHidden);
      let bound = value;
      let fallback = '';
      if (constructor === null) {
        fallback = types.typedArrayName(value);
        bound = new typedArrayConstructors[fallback](value);
      }
      const size = types.typedArrayName(value) && ReflectApply(typedArrayLength, value, []);
      const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
      braces = [`${prefix}[`, ']'];
      // Node reads `length` here as an ordinary property get (user getters run, lies count).
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
      formatter = (c, v, r) => formatTypedArray(bound, size, c, v, r);
      extrasType = kArrayExtrasType;
    } else if (types.isMapIterator(value) || types.isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      const kind = types.isMapIterator(value) ? 'Map' : 'Set';
      braces = getIteratorBraces(kind, tag);
      formatter = (c, v, r) => formatIterator(braces, c, v, r);
    } else {
      noIterator = true;
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    if (constructor === null && tag === 'Module' && isModuleNamespace(value)) {
      braces[0] = '[Module: null prototype] {';
    } else if (constructor === 'Object') {
      if (types.isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (keys.length === 0 && protoProps === undefined && formatter === getEmptyFormatArray) return `${braces[0]}}`;
    } else if (typeof value === 'function') {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
    } else if (types.isRegExp(value)) {
      base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      keys = keys.filter((k) => k !== 'lastIndex' || ctx.showHidden);
      if ((keys.length === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (types.isDate(value)) {
      const time = Date.prototype.getTime.call(value);
      base = Number.isNaN(time) ? Date.prototype.toString.call(value) : Date.prototype.toISOString.call(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
    } else if (types.isNativeError(value) || value instanceof Error) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (types.isAnyArrayBuffer(value)) {
      const arrayType = types.isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, arrayType);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (keys.length === 0 && protoProps === undefined) {
        return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      keys.unshift('byteLength');
    } else if (types.isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      keys.unshift('byteLength', 'byteOffset', 'buffer');
    } else if (types.isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (types.isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakCollection;
    } else if (types.isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakCollection;
    } else if (types.isWeakRef(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakRef')}{`;
      formatter = (c, v, r) => [formatValue(c, v.deref(), r)];
    } else if (types.isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (types.isGeneratorObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      if (keys.length === 0 && protoProps === undefined) return `${getPrefix(constructor, tag, 'Object')}{}`;
    } else {
      if (keys.length === 0 && protoProps === undefined) return `${getPrefix(constructor, tag, 'Object')}{}`;
      braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
    }
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    let constructorName = getPrefix(constructor, tag, 'Object').slice(0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return ctx.stylize(constructorName, 'special');
  }
  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
  } finally {
    ctx.seen.pop();
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
      else braces[0] = `${reference} ${braces[0]}`;
    }
  }
  if (ctx.sorted) {
    const comparator = ctx.sorted === true ? undefined : ctx.sorted;
    if (extrasType === kObjectType) output.sort(comparator);
    else if (keys.length > 1) {
      const sorted = output.slice(output.length - keys.length).sort(comparator);
      output.splice(output.length - keys.length, keys.length, ...sorted);
    }
  }
  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  // Output per indentation level is counted: past 2 ** 27 characters at any level, nothing
  // deeper is inspected (Node's limit; a huge graph would otherwise take minutes and exceed
  // the longest string).
  const budget = ctx.budget[ctx.indentationLvl] || 0;
  const newLength = budget + res.length;
  ctx.budget[ctx.indentationLvl] = newLength;
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function getEmptyFormatArray() {
  return [];
}

function getFunctionBase(value, constructor, tag) {
  let stringified = '';
  try {
    stringified = Function.prototype.toString.call(value);
  } catch {
    // A revoked or odd callable: fall through to the plain form.
  }
  if (stringified.startsWith('class') && stringified.endsWith('}')) {
    const slice = stringified.slice(5, -1);
    const bracket = slice.indexOf('{');
    if (bracket !== -1 && (!slice.slice(0, bracket).includes('(') ||
        /^\s*(?:[a-zA-Z_$][\w$]*\s*)?(?:extends\s[^{]+)?\s*$/.test(slice.slice(0, bracket)))) {
      return getClassBase(value, constructor, tag);
    }
  }
  let type = 'Function';
  const id = native.classId(value);
  if (id === classIds.generatorFn) type = `Generator${type}`;
  if (id === classIds.asyncFn) type = `Async${type}`;
  if (id === classIds.asyncGeneratorFn) type = `AsyncGenerator${type}`;
  let base = `[${type}`;
  if (constructor === null) base += ' (null prototype)';
  if (value.name === '' || typeof value.name !== 'string') base += ' (anonymous)';
  else base += `: ${value.name}`;
  base += ']';
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getClassBase(value, constructor, tag) {
  const hasName = Object.prototype.hasOwnProperty.call(value, 'name');
  const name = (hasName && value.name) || '(anonymous)';
  let base = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
  if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = Object.getPrototypeOf(value).name;
    if (superName) base += ` extends ${superName}`;
  } else {
    base += ' extends [null prototype]';
  }
  return `[${base}]`;
}

function getBoxedBase(value, ctx, keys, constructor, tag) {
  let type;
  let primitive;
  if (types.isNumberObject(value)) { type = 'Number'; primitive = Number.prototype.valueOf.call(value); }
  else if (types.isStringObject(value)) {
    type = 'String';
    primitive = String.prototype.valueOf.call(value);
    keys.splice(0, primitive.length);
  } else if (types.isBooleanObject(value)) { type = 'Boolean'; primitive = Boolean.prototype.valueOf.call(value); }
  else if (types.isBigIntObject(value)) { type = 'BigInt'; primitive = BigInt.prototype.valueOf.call(value); }
  else { type = 'Symbol'; primitive = Symbol.prototype.valueOf.call(value); }
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) base += ' (null prototype)';
    else base += ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, type.toLowerCase());
}

function errorToString(err) {
  let name;
  let message;
  try { name = err.name; } catch { name = undefined; }
  try { message = err.message; } catch { message = undefined; }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

function formatError(err, constructor, tag, ctx, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack;
  try {
    stack = err.stack;
  } catch {
    stack = undefined;
  }
  if (stack) {
    stack = String(stack);
  } else {
    stack = errorToString(err);
  }
  // A name set after construction (`this.name = ...` in a subclass) is not in the captured
  // stack (V8 formats it on first read, after the constructor ran); show it in place of the
  // inherited name the stack starts with. A stack a script wrote itself is left as written.
  if (name !== '' && !stack.split('\n', 1)[0].includes(name) && constructor !== null) {
    const head = /^([A-Za-z_$][\w$]*)(?=:|\n|$)/.exec(stack);
    if (head !== null && head[1] === inheritedNameOf(err)) stack = `${name}${stack.slice(head[1].length)}`;
  }
  if (!ctx.showHidden && keys.length !== 0) {
    for (const key of ['name', 'message', 'stack']) {
      const index = keys.indexOf(key);
      if (index !== -1 && (typeof err[key] !== 'string' || stack.includes(err[key]))) keys.splice(index, 1);
    }
  }
  if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
  if (Array.isArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);
  let messagePos = -1;
  try {
    const message = err.message;
    if (typeof message === 'string' && message !== '') {
      messagePos = stack.indexOf(message);
      if (messagePos !== -1) messagePos += message.length;
    }
  } catch {
    // Keep -1.
  }
  const stackStart = stack.indexOf('\n    at', messagePos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = elideCauseFrames(ctx, err, stack.slice(stackStart + 1).split('\n'));
    stack = `${stack.slice(0, stackStart)}\n${frames.join('\n')}`;
  }
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

// Node shortens an error's frames by those it shares with its cause's stack (printed right
// below it): the shared run keeps its first and last frame, the others become one
// "... N lines matching cause stack trace ..." line.
function elideCauseFrames(ctx, err, frames) {
  let cause;
  try {
    cause = err.cause;
  } catch {
    return frames;
  }
  if (cause === null || cause === undefined || !(types.isNativeError(cause) || cause instanceof Error)) {
    return frames;
  }
  let causeStack;
  try {
    causeStack = cause.stack ? String(cause.stack) : errorToString(cause);
  } catch {
    return frames;
  }
  const causeStart = causeStack.indexOf('\n    at');
  if (causeStart === -1) return frames;
  const causeFrames = causeStack.slice(causeStart + 1).split('\n');
  const { len, offset, nodeLen } = require('internal/call_site').sharedFrameRun(frames, causeFrames);
  if (len > 0) {
    // The count is Node's: runtime frames below the script's count as Node's own would.
    const note = `    ... ${nodeLen - 2} lines matching cause stack trace ...`;
    frames.splice(offset + 1, Math.max(len - 2, 0), ctx.stylize(note, 'undefined'));
  }
  return frames;
}

// Puts the constructor name in the first line when the name the stack shows differs from it
// (`class Foo extends Error` shows `Foo: msg`; a DOMException shows `DOMException [Name]`).
// The `name` data property an error inherits (the one its stack was captured with), found
// without running getters.
function inheritedNameOf(err) {
  for (let o = Object.getPrototypeOf(err); o !== null; o = Object.getPrototypeOf(o)) {
    if (types.isProxy(o)) return undefined;
    const desc = Object.getOwnPropertyDescriptor(o, 'name');
    if (desc !== undefined) return desc.value;
  }
  return undefined;
}

function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (constructor === null ||
      (name.endsWith('Error') && stack.startsWith(name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.includes(name)) {
        stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${name}]${stack.slice(len)}`;
      }
    }
  } else if (constructor === 'DOMException' && stack.startsWith(name) && name !== constructor) {
    stack = `${constructor} [${name}]${stack.slice(name.length)}`;
  }
  return stack;
}

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  if (types.isArrayBuffer(value) && native.primordials.ArrayBufferPrototypeGetDetached.call(value)) {
    return [ctx.stylize('(detached)', 'special')];
  }
  // As Node: the view's `length` is an ordinary property read (twice), and the bytes come from
  // Buffer's hexSlice (an empty view gives '' for any end, a longer end is ERR_OUT_OF_RANGE).
  const hex = hexSlice(bytes, 0, Math.min(ctx.maxArrayLength, bytes.length));
  let str = '';
  for (let i = 0; i < hex.length; i += 2) str += (i === 0 ? '' : ' ') + hex.slice(i, i + 2);
  const remaining = bytes.length - ctx.maxArrayLength;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
}

function formatArray(ctx, value, recurseTimes) {
  const len = value.length;
  const output = [];
  let i = 0;
  // Up to the first hole, elements are the array's own properties; from there, as Node, its
  // enumerable own index keys (ascending), and a hole ends at the next of them rather than
  // being found by testing each index: a sparse array's length can be 2 ** 32 - 1.
  let indices;
  let next = 0;
  while (i < len && output.length < ctx.maxArrayLength) {
    let present;
    if (indices === undefined) {
      present = Object.prototype.hasOwnProperty.call(value, i);
      if (!present) indices = Object.keys(value).filter(isIndex).map(Number);
    }
    if (indices !== undefined) {
      while (next < indices.length && indices[next] < i) next++;
      present = next < indices.length && indices[next] === i;
    }
    if (!present) {
      const j = next < indices.length ? Math.min(indices[next], len) : len;
      const holes = j - i;
      output.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
      i = j;
      continue;
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    i++;
  }
  const remaining = len - i;
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  return output;
}

function formatArguments(ctx, value, recurseTimes) {
  return formatArray(ctx, value, recurseTimes);
}

function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
  // As Node: the remaining count and the element kind come from ordinary `length` reads.
  const remaining = value.length - maxLength;
  const output = new Array(maxLength);
  const elementFormatter = value.length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
  for (let i = 0; i < maxLength; ++i) output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
  if (remaining > 0) output[maxLength] = `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
  if (ctx.showHidden) {
    ctx.indentationLvl += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      const str = formatValue(ctx, value[key], recurseTimes, true);
      output.push(`[${key}]: ${str}`);
    }
    ctx.indentationLvl -= 2;
  }
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  const size = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get.call(value);
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const remaining = size - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const v of Set.prototype.values.call(value)) {
    if (i >= maxLength) break;
    output.push(formatValue(ctx, v, recurseTimes));
    i++;
  }
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  const size = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(value);
  const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), size);
  const remaining = size - maxLength;
  const output = [];
  ctx.indentationLvl += 2;
  let i = 0;
  for (const [k, v] of Map.prototype.entries.call(value)) {
    if (i >= maxLength) break;
    output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    i++;
  }
  if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  const [state, result] = native.promiseState(value);
  if (state === 0) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const str = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === 2 ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
}

function formatWeakCollection(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

// Map/Set iterators and weak collections show the items the engine previews without running
// the iterator (V8's previewEntries; engine patch quickjs-0027).
const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

// `[Map Iterator] {`, or `[Tag] [Map Iterator] {` when the iterator's tag was changed.
function getIteratorBraces(kind, tag) {
  const own = `${kind} Iterator`;
  const label = tag === own ? own : `${tag !== '' ? `${tag}] [` : ''}${own}`;
  return [`[${label}] {`, '}'];
}

function moreItems(remaining) {
  return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const [entries, isKeyValue] = native.previewEntries(value);
  if (isKeyValue) {
    // `entries()` iterators print as `[Map Entries] {` with each pair as an array.
    braces[0] = braces[0].replace(/ Iterator\] \{$/, ' Entries] {');
    return formatMapIterInner(ctx, recurseTimes, entries, kMapEntries);
  }
  return formatSetIterInner(ctx, recurseTimes, entries, kIterator);
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatSetIterInner(ctx, recurseTimes, native.previewEntries(value)[0], kWeak);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatMapIterInner(ctx, recurseTimes, native.previewEntries(value)[0], kWeak);
}

function formatSetIterInner(ctx, recurseTimes, entries, state) {
  const maxLength = Math.min(Math.max(ctx.maxArrayLength, 0), entries.length);
  const output = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) output.push(formatValue(ctx, entries[i], recurseTimes));
  ctx.indentationLvl -= 2;
  // A weak collection's order says nothing (it depends on the collector): Node sorts it.
  if (state === kWeak && !ctx.sorted) output.sort();
  const remaining = entries.length - maxLength;
  if (remaining > 0) output.push(moreItems(remaining));
  return output;
}

function formatMapIterInner(ctx, recurseTimes, entries, state) {
  const pairs = entries.length / 2;
  const maxLength = Math.min(Math.max(ctx.maxArrayLength, 0), pairs);
  const output = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < maxLength; i++) {
    const key = formatValue(ctx, entries[2 * i], recurseTimes);
    const val = formatValue(ctx, entries[2 * i + 1], recurseTimes);
    // Node reduces each entry pair while the indentation is still raised (visible with
    // `compact: false`).
    output.push(state === kWeak ? `${key} => ${val}` :
      reduceToSingleString(ctx, [key, val], '', ['[', ']'], kArrayExtrasType, recurseTimes));
  }
  ctx.indentationLvl -= 2;
  if (state === kWeak && !ctx.sorted) output.sort();
  const remaining = pairs - maxLength;
  if (remaining > 0) output.push(moreItems(remaining));
  return output;
}

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

// `original` is the object a getter runs on (the inspected one, for inherited accessors).
function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
  let name;
  let str;
  let extraLn = ' ';
  desc = desc || Object.getOwnPropertyDescriptor(value, key) ||
    { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += diff;
    str = formatValue(ctx, desc.value, recurseTimes);
    if (diff === 3 && ctx.breakLength < str.length) {
      extraLn = `\n${' '.repeat(ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= diff;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const s = ctx.stylize;
    const sp = 'special';
    if (ctx.getters && (ctx.getters === true ||
        (ctx.getters === 'get' && desc.set === undefined) ||
        (ctx.getters === 'set' && desc.set !== undefined))) {
      try {
        const tmp = desc.get.call(original);
        ctx.indentationLvl += 2;
        if (tmp === null) str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
        else if (typeof tmp === 'object') str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
        else str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s(']', sp)}`;
        ctx.indentationLvl -= 2;
      } catch (err) {
        str = `${s(`[${label}: <Inspection threw (${err.message})>]`, sp)}`;
      }
    } else {
      str = ctx.stylize(`[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = ctx.stylize('[Setter]', 'special');
  } else {
    str = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return str;
  if (typeof key === 'symbol') {
    name = `[${ctx.stylize(symbolToString(key), 'symbol')}]`;
  } else if (key === '__proto__') {
    name = "['__proto__']";
  } else if (desc.enumerable === false) {
    name = `[${key.replace(strEscapeSequencesSingle, (c) => escapeChar(c, 0, 39) || c)}]`;
  } else if (keyStrRegExp.test(key)) {
    name = ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  return `${name}:${extraLn}${str}`;
}

function stripColors(str) {
  return str.replace(/\u001b\[\d\d?m/g, '');
}

// Every VT100/ANSI control sequence (CSI and OSC, colours, cursor movement, line clearing).
const vtControl = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

/** `str` without its VT control sequences (`util.stripVTControlCharacters`). */
function stripVTControlCharacters(str) {
  return str.replace(vtControl, '');
}

/** The terminal columns `str` takes (Node's internal getStringWidth). */
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  for (const ch of str) width += charWidth(ch.codePointAt(0));
  return width;
}

// Zero-width: controls, combining marks, format characters, variation selectors (what Node's
// ICU build measures as taking no column).
const zeroWidth = /^[\p{Cc}\p{Mn}\p{Me}\p{Cf}\u200B\uFE00-\uFE0F]$/u;

// Full-width code points (East Asian Wide/Fullwidth ranges and wide emoji blocks).
function isFullWidth(code) {
  return code >= 0x1100 && (
    code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

/** The terminal columns one code point takes: 0, 1 or 2 (inspect's grouping, readline). */
function charWidth(code) {
  if (zeroWidth.test(String.fromCodePoint(code))) return 0;
  return isFullWidth(code) ? 2 : 1;
}

function groupArrayElements(ctx, output, value) {
  let totalLength = 0;
  let maxLength = 0;
  let i = 0;
  let outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2;
  const dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    const len = getStringWidth(output[i], ctx.colors);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp = [];
    const maxLineLength = [];
    for (let c = 0; c < columns; c++) {
      let lineLength = 0;
      for (let j = c; j < output.length; j += columns) {
        if (dataLen[j] > lineLength) lineLength = dataLen[j];
      }
      maxLineLength.push(lineLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let k = 0; k < output.length; k++) {
        if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') {
          padStart = false;
          break;
        }
      }
    }
    for (let k = 0; k < outputLength; k += columns) {
      const max = Math.min(k + columns, outputLength);
      let str = '';
      let j = k;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j];
        str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
      }
      if (padStart) {
        const padding = maxLineLength[j - k] + output[j].length - dataLen[j] - separatorSpace;
        str += output[j].padStart(padding, ' ');
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}

function isBelowBreakLength(ctx, output, start, base) {
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += ctx.colors ? stripColors(output[i]).length : output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === '' || !base.includes('\n');
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (extrasType === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
        const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
          const joined = output.join(', ');
          if (!joined.includes('\n')) {
            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
    }
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }
  if (isBelowBreakLength(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
  }
  const indentation = ' '.repeat(ctx.indentationLvl);
  const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
  return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
}

function inspect(value, opts) {
  // The options' keys, listed once (a Proxy's trap runs once, as in Node).
  const optionKeys = arguments.length > 1 && typeof opts !== 'boolean' && opts ? Object.keys(opts) : undefined;
  // Plain data under the default options (no options, or an object with none: console.log's
  // case): one native walk that prints what formatValue would, or gives up (undefined)
  // before any script could see it.
  if (typeof value === 'object' && value !== null && arguments.length <= 2 &&
      (!opts || (optionKeys !== undefined && optionKeys.length === 0)) &&
      hasDefaultLayout(inspectDefaultOptions)) {
    const text = native.inspectPlain(value, plainIntrinsics);
    if (text !== undefined) return text;
  }
  const ctx = {
    budget: {},
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
    userOptions: undefined,
  };
  if (arguments.length > 1) {
    if (arguments.length > 2) {
      if (arguments[2] !== undefined) ctx.depth = arguments[2];
      if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    }
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      ctx.userOptions = opts;
      for (const key of optionKeys) {
        if (Object.prototype.hasOwnProperty.call(defaults, key) || key === 'stylize') {
          ctx[key] = opts[key];
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

// The intrinsics inspect_plain.rs compares with: these as this module loads, Buffer's as the
// runner started (native.bufferIntrinsics); the native side checks at each call that they
// still answer as Node's checks read them.
const plainIntrinsics = [Object.prototype, Array.prototype, Object, Array, Function.prototype,
  Symbol.toStringTag, Symbol.hasInstance, kCustom, ...native.bufferIntrinsics];

// Whether `options` (util.inspect.defaultOptions, which scripts may change) are the defaults
// inspect_plain.rs lays out for.
function hasDefaultLayout(options) {
  return options.depth === 2 && options.compact === 3 && options.breakLength === 80 &&
    options.colors === false && options.showHidden === false && options.customInspect === true &&
    options.showProxy === false && options.maxArrayLength === 100 &&
    options.maxStringLength === 10000 && options.sorted === false && options.getters === false &&
    options.numericSeparator === false;
}

const inspectDefaultOptions = { ...defaults };
inspect.custom = kCustom;
inspect.colors = Object.assign(Object.create(null), colorCodes);
for (const [alias, target] of colorAliases) {
  Object.defineProperty(inspect.colors, alias, {
    get() { return this[target]; },
    set(value) { this[target] = value; },
    configurable: true,
    enumerable: false,
  });
}
inspect.styles = Object.assign(Object.create(null), styles);
Object.defineProperty(inspect, 'defaultOptions', {
  get() { return inspectDefaultOptions; },
  set(options) { Object.assign(inspectDefaultOptions, options); },
  enumerable: true,
});

function hasBuiltInToString(value) {
  if (native.proxyDetails(value) !== undefined) return true;
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = Object.getPrototypeOf(pointer);
  } while (pointer !== null && !Object.prototype.hasOwnProperty.call(pointer, 'toString'));
  if (pointer === null) return true;
  const descriptor = Object.getOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined && typeof descriptor.value === 'function' &&
    builtInObjects.has(descriptor.value.name);
}

function tryStringify(arg) {
  try {
    return JSON.stringify(arg);
  } catch (err) {
    if (err instanceof TypeError && /circular|cyclic/i.test(String(err.message))) return '[Circular]';
    throw err;
  }
}

function formatWithOptions(inspectOptions, ...args) {
  return formatWithOptionsInternal(inspectOptions, args);
}

function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  // (%d, %i, %f and %s of numbers group digits as the options, else the defaults, say.)
  const separator = (inspectOptions && inspectOptions.numericSeparator !== undefined
    ? inspectOptions.numericSeparator : inspectDefaultOptions.numericSeparator) === true;
  let a = 0;
  let str = '';
  let join = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    let tempStr;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) === 37) {
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: { // 's'
              const tempArg = args[++a];
              if (typeof tempArg === 'number') tempStr = formatNumber(stylizeNoColor, tempArg, separator);
              else if (typeof tempArg === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempArg, separator);
              else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = String(tempArg);
              else tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
              break;
            }
            case 106: // 'j'
              tempStr = tryStringify(args[++a]);
              break;
            case 100: { // 'd'
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempNum, separator);
              else if (typeof tempNum === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(stylizeNoColor, Number(tempNum), separator);
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111: // 'o'
              tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: { // 'i'
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') tempStr = formatBigInt(stylizeNoColor, tempInteger, separator);
              else if (typeof tempInteger === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(stylizeNoColor, Number.parseInt(tempInteger), separator);
              break;
            }
            case 102: { // 'f'
              const tempFloat = args[++a];
              if (typeof tempFloat === 'symbol') tempStr = 'NaN';
              else tempStr = formatNumber(stylizeNoColor, Number.parseFloat(tempFloat), separator);
              break;
            }
            case 99: // 'c'
              a += 1;
              tempStr = '';
              break;
            case 37: // '%'
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

module.exports = {
  inspect,
  isModuleNamespace,
  classIds,
  format,
  formatWithOptions,
  types,
  stripVTControlCharacters,
  getStringWidth,
  charWidth,
  errorToString,
  strEscape,
};
