// error.stack is formatted on its first read, as V8 does it: Error.prepareStackTrace is looked
// up and called then (not when the error is made), with the name and message the error has then;
// assignments, freezing and inheritance leave it unformatted; a formatter that throws is called
// again on the next read; hostile formatters that delete, redefine or re-read the property.
'use strict';
const util = require('util');
let calls = 0;
const log = (...a) => console.log(...a, `calls=${calls}`);
const first = (s) => (typeof s === 'string' ? s.split('\n')[0] : s);

// --- the header and the formatter are those of the first read ---
{
  const e = new Error('a');
  e.message = 'b';
  e.name = 'N';
  log('renamed', first(e.stack));
  const n = new Error('m');
  n.stack;
  n.message = 'later';
  log('read first', first(n.stack));
  const e2 = new Error('x');
  Error.prepareStackTrace = (err, sites) => `custom ${err.message} ${Array.isArray(sites)} ${typeof sites[0].getFileName()}`;
  log('prepare set after', e2.stack);
  Error.prepareStackTrace = undefined;
  log('no prepare', first(new Error('y').stack));
}

// --- when Node calls the formatter ---
Error.prepareStackTrace = (err, sites) => { calls++; return `P${calls}`; };
{
  const e = new Error('w');
  log('after new');
  log('reads', e.stack, e.stack);
  const d = Object.getOwnPropertyDescriptor(new Error('q'), 'stack');
  log('descriptor', typeof d.value, d.writable, d.enumerable, d.configurable, 'get' in d);
  log('names', Object.getOwnPropertyNames(new Error('q')).join());
  const set = new Error('r');
  set.stack = 'set';
  log('assigned', set.stack);
  const del = new Error('r');
  delete del.stack;
  log('deleted', del.stack);
  const frozen = new Error('f');
  Object.freeze(frozen);
  log('frozen');
  log('frozen read', frozen.stack, Object.getOwnPropertyDescriptor(frozen, 'stack').writable);
  const sealed = new Error('s');
  Object.seal(sealed);
  log('sealed', Object.isSealed(sealed));
  const defined = new Error('b');
  Object.defineProperty(defined, 'stack', { value: 'def' });
  log('defineProperty', defined.stack);
  const enumerable = new Error('c');
  Object.defineProperty(enumerable, 'stack', { enumerable: true });
  log('made enumerable', Object.keys(enumerable).join());
  const plain = new Error('e');
  const spread = { ...plain };
  Object.assign({}, plain);
  for (const k in plain) void k;
  log('spread assign for-in', Object.keys(spread).length);
  const h = new Error('h');
  log('has', Object.hasOwn(h, 'stack'), h.hasOwnProperty('stack'), 'stack' in h, h.propertyIsEnumerable('stack'));
  const pe = new Error('i');
  Object.preventExtensions(pe);
  log('preventExtensions', Object.isFrozen(pe));
  const r = new Error('k');
  Reflect.set(r, 'stack', 5);
  log('Reflect.set', r.stack);
  const base = new Error('l');
  const child = Object.create(base);
  child.stack = 7;
  log('set through prototype', child.stack, Object.hasOwn(child, 'stack'));
  const base2 = new Error('n');
  log('read through prototype', Object.create(base2).stack);
  log('JSON', JSON.stringify(new Error('j'), ['stack']));
  log('structuredClone', structuredClone(new Error('s')).stack);
  log('inspect', util.inspect(new Error('t')));
  const once = new Error('o');
  const str = String(once);
  log('toString', str);
}

// --- captureStackTrace ---
{
  const o = { stack: 1, x: 2 };
  Error.captureStackTrace(o);
  log('object with stack', Object.keys(o).join(), JSON.stringify(Object.getOwnPropertyDescriptor(o, 'stack')));
  const o3 = { x: 2 };
  Object.defineProperty(o3, 'stack', { value: 1, writable: true, configurable: false });
  Error.captureStackTrace(o3);
  log('non-configurable kept', o3.stack);
  try {
    Error.captureStackTrace(Object.preventExtensions({}));
  } catch (err) {
    log('not extensible', err.constructor.name, err.message);
  }
  try {
    Error.captureStackTrace(Object.freeze(new Error('y')));
  } catch (err) {
    log('frozen error', err.message);
  }
  try {
    Error.captureStackTrace(1);
  } catch (err) {
    log('primitive', err.constructor.name, err.message);
  }
  const arr = [];
  Error.captureStackTrace(arr);
  log('array', Object.keys(arr).length, arr.stack);
  const fn = function () {};
  Error.captureStackTrace(fn);
  log('function', fn.stack);
  const e = new Error('x');
  e.code = 1;
  e.stack;
  Error.captureStackTrace(e);
  log('again on an error', Object.getOwnPropertyNames(e).join(), e.stack);
  const g = new Error('g');
  g.code = 1;
  g.stack = 5;
  Error.captureStackTrace(g);
  log('after assignment', Object.getOwnPropertyNames(g).join());
  const lost = new Error('q');
  delete lost.stack;
  Error.captureStackTrace(lost);
  log('after delete', Object.getOwnPropertyNames(lost).join());
}

// --- the formatter: `this`, reads of prepareStackTrace, the global Error ---
{
  Error.prepareStackTrace = function (err, sites) { return `this is Error: ${this === Error}`; };
  log(new Error('a').stack);
  let reads = 0;
  Object.defineProperty(Error, 'prepareStackTrace', {
    get() { reads++; return undefined; }, configurable: true,
  });
  const e = new Error('g');
  console.log('reads at creation', reads);
  e.stack;
  console.log('reads at first read', reads);
  e.stack;
  console.log('reads after', reads);
  let fnReads = 0;
  Object.defineProperty(Error, 'prepareStackTrace', {
    get() { fnReads++; return () => 'from getter'; }, configurable: true,
  });
  console.log(new Error('h').stack, fnReads);
  delete Error.prepareStackTrace;
  const RealError = Error;
  globalThis.Error = function Fake() {};
  globalThis.Error.prepareStackTrace = () => 'from the global Error';
  const e7 = new RealError('h');
  const text = e7.stack;
  globalThis.Error = RealError;
  console.log(text);
  Error.prepareStackTrace = undefined;
}

// --- hostile formatters ---
{
  let n = 0;
  Error.prepareStackTrace = () => { n++; throw new Error(`thrown in prepare ${n}`); };
  const e = new Error('t');
  for (let i = 0; i < 2; i++) {
    try {
      console.log(e.stack);
    } catch (x) {
      console.log('caught', x.message);
    }
  }
  Error.prepareStackTrace = () => 42;
  const num = new Error('t');
  console.log(typeof num.stack, num.stack);
  Error.prepareStackTrace = (err) => `inner:${first(err.stack)}`;
  console.log('recursive read', new Error('rec').stack);
  Error.prepareStackTrace = (err) => { delete err.stack; return 'deleted meanwhile'; };
  const d = new Error('d');
  console.log('deleted meanwhile', d.stack, d.stack, Object.hasOwn(d, 'stack'));
  Error.prepareStackTrace = (err) => { err.stack = 'assigned meanwhile'; return 'returned'; };
  const a = new Error('a');
  console.log('assigned meanwhile', a.stack, a.stack);
  Error.prepareStackTrace = (err) => {
    Object.defineProperty(err, 'stack', { get() { return 'getter'; }, configurable: true });
    return 'returned';
  };
  const ga = new Error('g');
  console.log('made a getter meanwhile', ga.stack, ga.stack);
  Error.prepareStackTrace = (err) => `descriptor meanwhile: ${first(Object.getOwnPropertyDescriptor(err, 'stack').value)}`;
  const dm = new Error('dm');
  console.log(dm.stack, '|', dm.stack);
  Error.prepareStackTrace = (err) => { Object.setPrototypeOf(holder, null); return 'detached meanwhile'; };
  const proto = new Error('p');
  const holder = Object.create(proto);
  console.log(holder.stack, proto.stack, Object.getPrototypeOf(holder));
  Error.prepareStackTrace = (err) => { Object.freeze(err); return 'frozen meanwhile'; };
  const f = new Error('f');
  console.log('frozen meanwhile', f.stack, Object.isFrozen(f));
  Error.prepareStackTrace = (err) => {
    for (let i = 0; i < 50; i++) err[`p${i}`] = i;
    return 'grew meanwhile';
  };
  const g = new Error('g');
  console.log('grew meanwhile', g.stack, Object.keys(g).length);
  Error.prepareStackTrace = (err, sites) => {
    const other = new Error('other');
    return `outer sees ${first(other.stack)} / ${sites.length > 0}`;
  };
  console.log(new Error('o').stack);
  Error.prepareStackTrace = undefined;
}

// --- errors of Node and of the engine ---
{
  try {
    Buffer.alloc(-1);
  } catch (e) {
    e.message = 'changed';
    e.code = 'C';
    e.name = 'Q';
    console.log(first(e.stack), Object.getOwnPropertyNames(e).join());
  }
  try {
    Buffer.alloc(1).readUInt8(5);
  } catch (e) {
    Object.setPrototypeOf(e, RangeError.prototype);
    console.log(first(e.stack));
  }
  Error.prepareStackTrace = (err) => `custom: ${err.message}`;
  try {
    null.x;
  } catch (e) {
    console.log(e.message, '|', e.stack);
  }
  try {
    new DataView(new ArrayBuffer(4)).getUint32(8);
  } catch (e) {
    console.log(e.message, '|', e.stack);
  }
  Error.prepareStackTrace = undefined;
  console.log(Error.prepareStackTrace === undefined);
  const user = new TypeError('invalid array length');
  console.log(user.message);
}

// --- Error.prepareStackTrace as Node ships it ---
delete Error.prepareStackTrace;
{
  const fresh = require('child_process');
  void fresh;
  Error.stackTraceLimit = 0;
  const z = new Error('z');
  Error.stackTraceLimit = 10;
  console.log(JSON.stringify(z.stack));
  // Not a number: no stack is recorded (an own `stack` that reads undefined).
  for (const limit of ['3', null, undefined, {}, 3n]) {
    Error.stackTraceLimit = limit;
    const e = new Error('s');
    const holder = {};
    Error.captureStackTrace(holder);
    let engine;
    try { null.x; } catch (err) { engine = err; }
    Error.stackTraceLimit = 10;
    console.log(String(limit), Object.getOwnPropertyNames(e).join(), e.stack,
      Object.getOwnPropertyNames(holder).join(), holder.stack, engine.message, engine.stack);
  }
  // Error.stackTraceLimit is a data property, read as V8 reads it: an accessor (never called),
  // a deleted limit or one behind a Proxy records no stack; an inherited one counts.
  console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')));
  let limitReads = 0;
  Object.defineProperty(Error, 'stackTraceLimit', { get() { limitReads++; return 3; }, configurable: true });
  const viaGetter = new Error('g');
  console.log('getter', limitReads, viaGetter.stack, Object.hasOwn(viaGetter, 'stack'));
  delete Error.stackTraceLimit;
  const deleted = new Error('d');
  const deletedHolder = {};
  Error.captureStackTrace(deletedHolder);
  console.log('deleted', deleted.stack, Object.hasOwn(deleted, 'stack'), deletedHolder.stack);
  Error.stackTraceLimit = 1;
  console.log('one frame', new Error('x').stack.split('\n').length);
  const ErrorProto = Object.getPrototypeOf(Error);
  Object.setPrototypeOf(Error, { stackTraceLimit: 1 });
  delete Error.stackTraceLimit;
  console.log('inherited', new Error('p').stack.split('\n').length);
  Object.setPrototypeOf(Error, new Proxy({ stackTraceLimit: 1 }, {}));
  console.log('behind a Proxy', new Error('q').stack);
  Object.setPrototypeOf(Error, ErrorProto);
  Error.stackTraceLimit = 10;
  for (const limit of [-1, NaN, 1.5, Infinity]) {
    Error.stackTraceLimit = limit;
    const e = new Error('n');
    Error.stackTraceLimit = 10;
    console.log(limit, e.stack.split('\n')[0], e.stack.split('\n').length > 1);
  }
  class MyErr extends Error { toString() { return 'mine'; } }
  console.log(first(new MyErr('m').stack));
  const e2 = new Error('hdr2');
  e2.toString = () => 'own toString';
  console.log(first(e2.stack));
  const nul = new TypeError('t');
  Object.setPrototypeOf(nul, null);
  console.log(first(nul.stack));
  const bad = new Error('hdr');
  Object.defineProperty(bad, 'name', { get() { throw new Error('name getter'); } });
  try {
    console.log(bad.stack);
  } catch (x) {
    console.log('threw', x.message);
  }
}

// --- many errors never read, then collected ---
{
  let kept = null;
  for (let i = 0; i < 2000; i++) {
    const e = new Error(`e${i}`);
    e.self = e;
    if (i % 500 === 0) kept = e;
  }
  console.log(first(kept.stack));
}

// --- the global object, whose properties are also read as variables (V8 throws the text when
// `stack` is then read as one, and reads undefined as a property: neither is compared) ---
{
  Error.prepareStackTrace = undefined;
  Error.captureStackTrace(globalThis);
  delete globalThis.stack;
  console.log('global done', typeof globalThis.stack);
}
