// Start-up, as Node's main thread does it: load the builtins lazily, define the globals, run the
// main module, run the event loop, emit 'exit' and hand the exit code back to Rust.
(function bootstrap(native) {
  'use strict';
  hideNewerStandardLibrary(native);
  // (What internal/inspect counts as the engine's builtins, before any of Node's globals.)
  native.engineGlobalNames = Object.getOwnPropertyNames(globalThis);
  // (The primordial collections: a builtin loaded after a script replaced Map.prototype.get
  // loads the same.)
  const cache = new native.primordials.SafeMap();
  const builtinIds = new native.primordials.SafeSet(native.builtinIds);
  const ReflectApply = Reflect.apply;
  const ObjectDefineProperty = Object.defineProperty;
  // The process object exists before any builtin loads: each gets it as `process`, with the
  // other globals of `native.threadGlobals` as they are now, before any user code (see
  // modules/sources.rs); process.js fills it in. One argument list for every builtin, made
  // here: only its first four slots change, so no setter a script puts on Array.prototype runs.
  function Process() {}
  const processObject = new Process();
  const builtinArgs = [undefined, undefined, undefined, undefined];
  for (const name of native.threadGlobals) {
    builtinArgs.push(name === 'process' ? processObject : name === 'Buffer' ? native.bufferModule.Buffer : globalThis[name]);
  }

  // process.moduleLoadList: the builtins in the order they loaded.
  const moduleLoadList = [];
  native.moduleLoadList = moduleLoadList;

  function requireBuiltin(id) {
    if (id.startsWith('node:')) id = id.slice(5);
    const cached = cache.get(id);
    if (cached !== undefined) return cached.exports;
    if (id === 'buffer') {
      const mod = { exports: native.bufferModule };
      cache.set(id, mod);
      return mod.exports;
    }
    if (!builtinIds.has(id)) throw new Error(`No such built-in module: ${id}`);
    const mod = { exports: {}, id };
    cache.set(id, mod);
    moduleLoadList[moduleLoadList.length] = `NativeModule ${id}`;
    // Bytecode compiled at build time (build.rs, same wrapper), else the source.
    const fn = native.loadBuiltin(id) ?? native.compile(native.builtinSource(id), `node:${id}`);
    builtinArgs[0] = mod.exports;
    builtinArgs[1] = requireBuiltin;
    builtinArgs[2] = mod;
    builtinArgs[3] = native;
    // A builtin whose evaluation throws is not kept: the next require evaluates it again, as
    // Node's loader does (require('domain') while a capture callback is set, then after).
    let loaded = false;
    try {
      ReflectApply(fn, mod.exports, builtinArgs);
      loaded = true;
    } finally {
      if (!loaded) cache.delete(id);
    }
    return mod.exports;
  }

  requireBuiltin('internal/errors').installStackFormat();
  // The ES module loader's hooks load internal/esm on the first import (which then registers
  // its own functions directly).
  native.setModuleHooks({
    resolve: (...args) => requireBuiltin('internal/esm').resolve(...args),
    load: (...args) => requireBuiltin('internal/esm').load(...args),
    initMeta: (...args) => requireBuiltin('internal/esm').initMeta(...args),
  });

  // The globals, with Node's descriptors. (`enumerable`: the globals Object.keys(globalThis) lists
  // in Node, defined below in its order: global, the timers, queueMicrotask, structuredClone,
  // atob, btoa, performance, fetch, crypto. The engine has some of them already: they are made
  // anew, so the order is Node's.) The functions that run after start-up use intrinsics taken
  // here, so a script that replaced Object.defineProperty still loads them.
  function defineGlobal(name, value, enumerable = false) {
    if (enumerable) delete globalThis[name];
    ObjectDefineProperty(globalThis, name, { __proto__: null, value, writable: true, configurable: true, enumerable });
  }
  // A global Node makes eagerly (`URL`, `console`, `Intl`...): a data property, here made on its
  // first read or descriptor by the engine (patch 0070); an assignment loads nothing.
  function defineLazyData(name, load) {
    native.defineLazyValue(globalThis, name, load);
  }
  // A global Node loads lazily (`AbortController`, `TextEncoder`, the web streams, `atob`...): an
  // accessor pair of plain functions named `get X` and `set X`. The getter keeps what it loaded;
  // it and the setter make the global a writable data property (its enumerability kept).
  // `anonymous`: the pair is two arrow functions with no name (Node's `DOMException`).
  function defineLazyInterface(name, load, enumerable = false, anonymous = false) {
    if (enumerable) delete globalThis[name];
    let loaded;
    const become = (value) => {
      ObjectDefineProperty(globalThis, name, { __proto__: null, value, writable: true });
    };
    const fetchOnce = () => {
      if (loaded === undefined) {
        loaded = load();
        become(loaded);
      }
      return loaded;
    };
    const pair = anonymous ? [() => fetchOnce(), (value) => become(value)] : [
      function () { return fetchOnce(); },
      function (value) { become(value); },
    ];
    if (!anonymous) {
      ObjectDefineProperty(pair[0], 'name', { __proto__: null, value: `get ${name}` });
      ObjectDefineProperty(pair[1], 'name', { __proto__: null, value: `set ${name}` });
    }
    ObjectDefineProperty(globalThis, name, { __proto__: null, get: pair[0], set: pair[1], configurable: true, enumerable });
  }

  defineGlobal('global', globalThis, true);
  const process = requireBuiltin('process');
  defineGlobal('process', process);
  const loop = requireBuiltin('internal/loop');
  native.setRejectionHook(loop.onRejection);
  defineLazyData('console', () => requireBuiltin('console'));
  const timers = requireBuiltin('timers');
  for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout']) {
    defineGlobal(name, timers[name], true);
  }
  defineGlobal('queueMicrotask', loop.queueMicrotask, true);
  // (A data property, as Node's; internal/messaging loads with the first call. The arguments
  // go on as they came, through no iterator a script could replace.)
  let structuredCloneImpl;
  defineGlobal('structuredClone', function structuredClone() {
    if (structuredCloneImpl === undefined) structuredCloneImpl = requireBuiltin('internal/messaging').structuredClone;
    return ReflectApply(structuredCloneImpl, undefined, arguments);
  }, true);
  const bufferModule = native.bufferModule;
  // (Accessors in Node, enumerable.)
  for (const name of ['atob', 'btoa']) {
    if (bufferModule[name] !== undefined) defineLazyInterface(name, () => bufferModule[name], true);
  }
  // `performance`: an enumerable accessor pair of plain functions that stays one (an assignment
  // changes what the getter returns), as Node's.
  {
    let performance;
    let loaded = false;
    const get = function () {
      if (!loaded) {
        performance = requireBuiltin('perf_hooks').performance;
        loaded = true;
      }
      return performance;
    };
    const set = function (value) {
      performance = value;
      loaded = true;
    };
    ObjectDefineProperty(get, 'name', { __proto__: null, value: 'get performance' });
    ObjectDefineProperty(set, 'name', { __proto__: null, value: 'set performance' });
    delete globalThis.performance;
    ObjectDefineProperty(globalThis, 'performance', { __proto__: null, get, set, configurable: true, enumerable: true });
  }
  for (const name of ['MessageChannel', 'MessagePort', 'MessageEvent', 'BroadcastChannel']) {
    defineLazyInterface(name, () => requireBuiltin('internal/messaging')[name]);
  }
  // V8 has Atomics.waitAsync in Node v20; QuickJS has none. Its promises settle from the event
  // loop, which internal/messaging pumps.
  Object.defineProperty(Atomics, 'waitAsync', {
    value: { waitAsync(typedArray, index, value, timeout) {
      return requireBuiltin('internal/messaging').waitAsync(typedArray, index, value, timeout);
    } }.waitAsync,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  defineLazyInterface('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
  defineLazyInterface('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
  defineLazyData('URL', () => requireBuiltin('url').URL);
  defineLazyData('URLSearchParams', () => requireBuiltin('url').URLSearchParams);
  for (const name of ['Event', 'EventTarget', 'CustomEvent']) {
    defineLazyData(name, () => requireBuiltin('internal/event_target')[name]);
  }
  for (const name of ['AbortController', 'AbortSignal']) {
    defineLazyInterface(name, () => requireBuiltin('internal/abort_controller')[name]);
  }
  for (const name of ['Crypto', 'SubtleCrypto']) {
    defineLazyInterface(name, () => {
      requireBuiltin('crypto');
      return requireBuiltin('internal/crypto/webcrypto').globals[name];
    });
  }
  defineLazyInterface('CryptoKey', () => requireBuiltin('internal/crypto/webcrypto').CryptoKey);
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamDefaultController',
    'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
    'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'TransformStream',
    'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
    'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
    defineLazyInterface(name, () => requireBuiltin('stream/web')[name]);
  }
  // The fetch API (Node's undici): `fetch` is enumerable, the classes are not.
  const fetchModules = { Headers: 'headers', Request: 'request', Response: 'response', FormData: 'formdata' };
  for (const name of Object.keys(fetchModules)) {
    defineLazyInterface(name, () => requireBuiltin(`internal/fetch/${fetchModules[name]}`)[name]);
  }
  Object.defineProperty(globalThis, 'fetch', {
    value: function fetch(input, init = undefined) {
      return requireBuiltin('internal/fetch/fetch').fetch(input, init);
    },
    writable: true,
    configurable: true,
    enumerable: true,
  });
  // `crypto` is an enumerable getter in Node (the webcrypto Crypto object), a plain function with
  // no setter: an assignment fails (a TypeError in strict code). Called on a receiver other
  // than the global object, it throws Node's ERR_INVALID_THIS.
  const getCrypto = function () {
    if (this !== undefined && this !== null && this !== globalThis) {
      throw requireBuiltin('internal/errors').codes.ERR_INVALID_THIS('nullish or must be the global object');
    }
    return requireBuiltin('crypto').webcrypto;
  };
  ObjectDefineProperty(getCrypto, 'name', { __proto__: null, value: 'get crypto' });
  ObjectDefineProperty(globalThis, 'crypto', { __proto__: null, get: getCrypto, configurable: true, enumerable: true });
  defineLazyData('Intl', () => requireBuiltin('internal/intl').Intl);
  defineLazyData('WebAssembly', () => requireBuiltin('internal/wasm'));
  installLocaleMethods();
  for (const name of ['Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
    'PerformanceObserver', 'PerformanceObserverEntryList', 'PerformanceResourceTiming']) {
    defineLazyInterface(name, () => requireBuiltin('perf_hooks')[name]);
  }
  // Buffer renders objects in error messages and `<Buffer ..., extra: 1>` with util.inspect.
  bufferModule[Symbol.for('nodebuf.setInspect')](
    (value, opts) => requireBuiltin('internal/inspect').inspect(value, opts));
  // Object URLs live in the url module; the buffer module's resolveObjectURL reads them there.
  if (bufferModule.resolveObjectURL !== undefined) {
    bufferModule.resolveObjectURL = function resolveObjectURL(url) {
      return requireBuiltin('url')._resolveObjectURL(url);
    };
  }
  // (Node's `Buffer` is an accessor pair too; here it stays a data property: every global read
  // of `Buffer` would call the getter in an interpreter.)
  if (bufferModule.Buffer !== undefined) defineGlobal('Buffer', bufferModule.Buffer);
  for (const name of ['Blob', 'File']) {
    if (bufferModule[name] !== undefined) defineLazyInterface(name, () => bufferModule[name]);
  }
  if (typeof globalThis.DOMException === 'function') {
    const { DOMException } = globalThis;
    defineLazyInterface('DOMException', () => DOMException, false, true);
  }
  // Blob.prototype.stream needs the web streams, which live here rather than in nodebuf-js: a
  // byte stream yielding the Blob's bytes in chunks of at most 64 KiB.
  if (bufferModule.Blob !== undefined && bufferModule.Blob.prototype.stream === undefined) {
    Object.defineProperty(bufferModule.Blob.prototype, 'stream', {
      value: function stream() {
        const blob = this;
        let bytes;
        let offset = 0;
        const { ReadableStream } = requireBuiltin('stream/web');
        return new ReadableStream({
          type: 'bytes',
          async pull(controller) {
            if (bytes === undefined) bytes = new Uint8Array(await blob.arrayBuffer());
            if (offset >= bytes.length) {
              controller.close();
              if (controller.byobRequest) controller.byobRequest.respond(0);
              return;
            }
            const end = Math.min(bytes.length, offset + 65536);
            controller.enqueue(bytes.slice(offset, end));
            offset = end;
          },
        });
      },
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  if (native.process.flags.exposeGc) defineGlobal('gc', function gc() { native.gc(); });
  // Tracing wraps the view-making APIs before any user code runs; without the flags nothing is
  // wrapped and nothing is recorded (zero cost).
  const { traceRetention, traceOverlap, throwOverlap } = native.process.flags;
  if (typeof traceRetention === 'string' || traceOverlap || throwOverlap) requireBuiltin('nodebuf:retention');

  // --env-file: the files' variables before anything reads the environment (in the main
  // thread only: workers start from its environment).
  if (native.worker === undefined && native.process.flags.envFiles.length > 0) {
    requireBuiltin('internal/dotenv').loadEnvFiles(native.process.flags.envFiles);
  }

  // util.debuglog reads NODE_DEBUG as it was when the process started, as Node does.
  native.nodeDebugAtStart = process.env.NODE_DEBUG;

  // A process forked with an IPC channel (child_process.fork) finds it at NODE_CHANNEL_FD;
  // as in Node, the two variables leave the environment scripts see.
  if (native.worker === undefined && typeof process.env.NODE_CHANNEL_FD === 'string') {
    const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
    const mode = process.env.NODE_CHANNEL_SERIALIZATION_MODE === 'advanced' ? 'advanced' : 'json';
    delete process.env.NODE_CHANNEL_FD;
    delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
    const id = native.ipc.adopt(fd);
    if (id >= 0) requireBuiltin('internal/child_process/ipc').setupChannel(process, id, fd, mode, false);
  }
  // A cluster worker (cluster.fork put its id in NODE_UNIQUE_ID) joins its primary before
  // the script runs; the id then leaves the environment, as in Node, so that the worker's own
  // children are no workers.
  if (native.worker === undefined && process.argv[1] && process.env.NODE_UNIQUE_ID) {
    requireBuiltin('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }

  native.startupDone();
  try {
    const { eval: code, print, stdin, inputType } = native.process.flags;
    if (native.worker !== undefined) requireBuiltin('worker_threads')._runWorkerMain();
    else if (native.process.flags.test) requireBuiltin('internal/test_runner/runner').runCli();
    else if (typeof code === 'string') {
      requireBuiltin('internal/cjs').runEval(code, print, inputType);
      if (native.process.flags.interactive) requireBuiltin('internal/repl/main').start();
    } else if (native.process.flags.interactive) requireBuiltin('internal/repl/main').start();
    else if (typeof stdin === 'string') requireBuiltin('internal/cjs').runStdin(stdin, inputType);
    else requireBuiltin('internal/cjs').runMain(native.process.argv[1]);
  } catch (err) {
    loop.fatal(err);
  }
  loop.run();
  return loop.exit();

  // The locale-sensitive methods of Number, BigInt, Date and String format through Intl (as
  // V8's do); these stand-ins load internal/intl on first use, keeping it out of start-up.
  function installLocaleMethods() {
    const lazy = (owner, name, length) => {
      let impl;
      const method = {
        [name](...args) {
          if (impl === undefined) impl = requireBuiltin('internal/intl').localeMethods[owner][name];
          return Reflect.apply(impl, this, args);
        },
      }[name];
      Object.defineProperty(method, 'length', { value: length });
      Object.defineProperty(globalThis[owner].prototype, name, {
        value: method, writable: true, enumerable: false, configurable: true,
      });
    };
    lazy('Number', 'toLocaleString', 0);
    lazy('BigInt', 'toLocaleString', 0);
    lazy('Date', 'toLocaleString', 0);
    lazy('Date', 'toLocaleDateString', 0);
    lazy('Date', 'toLocaleTimeString', 0);
    lazy('String', 'localeCompare', 1);
    lazy('String', 'toLocaleUpperCase', 0);
    lazy('String', 'toLocaleLowerCase', 0);
  }

  // A subclass of `Base` (Map, Set) whose prototype holds its own copies of Base.prototype's
  // methods, so that an internal table keeps working the same when a script replaces
  // `Map.prototype.set` and the like (Node's SafeMap/SafeSet primordials).
  function safeCollection(Base) {
    class Safe extends Base {}
    for (const key of Reflect.ownKeys(Base.prototype)) {
      if (key !== 'constructor') {
        Object.defineProperty(Safe.prototype, key, Object.getOwnPropertyDescriptor(Base.prototype, key));
      }
    }
    return Object.freeze(Safe);
  }

  // Node v20 runs V8 11.3, whose standard library lacks what QuickJS already ships from ES2024 and
  // later proposals (`Object.groupBy`, `Promise.withResolvers`, iterator helpers, `Iterator`, Set
  // methods, `Uint8Array.prototype.toHex`, `Float16Array`...). Scripts detect features and
  // polyfill, and print what exists, so each of those is removed before any user code runs. What
  // nodebuf's own modules use of them is captured first as `native.primordials`, which user code
  // cannot replace either.
  function hideNewerStandardLibrary(native) {
    const ArrayBufferProto = ArrayBuffer.prototype;
    native.primordials = Object.freeze({
      ArrayBufferPrototypeSlice: ArrayBufferProto.slice,
      ArrayBufferPrototypeTransfer: ArrayBufferProto.transfer,
      ArrayBufferPrototypeGetDetached: Object.getOwnPropertyDescriptor(ArrayBufferProto, 'detached').get,
      ArrayBufferPrototypeGetResizable: Object.getOwnPropertyDescriptor(ArrayBufferProto, 'resizable').get,
      ArrayBufferPrototypeGetMaxByteLength: Object.getOwnPropertyDescriptor(ArrayBufferProto, 'maxByteLength').get,
      ArrayBufferPrototypeGetByteLength: Object.getOwnPropertyDescriptor(ArrayBufferProto, 'byteLength').get,
      ArrayBuffer,
      Uint8Array,
      TypedArrayPrototypeSet: Object.getPrototypeOf(Uint8Array.prototype).set,
      ObjectKeys: Object.keys,
      // For internal/call_site, which loads with the first stack formatted.
      ObjectGetPrototypeOf: Object.getPrototypeOf,
      ObjectGetOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
      ObjectGetOwnPropertyNames: Object.getOwnPropertyNames,
      FunctionPrototypeCall: Function.prototype.call,
      FunctionPrototypeApply: Function.prototype.apply,
      FunctionPrototypeToString: Function.prototype.toString,
      FunctionPrototypeCallerGetter: Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get,
      ReflectApply: Reflect.apply,
      ReflectConstruct: Reflect.construct,
      StringPrototypeToWellFormed: String.prototype.toWellFormed,
      MapPrototypeEntries: Map.prototype.entries,
      MapPrototypeSet: Map.prototype.set,
      SetPrototypeValues: Set.prototype.values,
      SetPrototypeAdd: Set.prototype.add,
      SafeMap: safeCollection(Map),
      SafeSet: safeCollection(Set),
      // The global constructors a clone rebuilds values with, by name (typed arrays, DataView,
      // errors), as they were before any script could replace them.
      Constructors: Object.freeze(Object.fromEntries(['Array', 'Object', 'Map', 'Set', 'Date', 'RegExp', 'BigInt',
        'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
        'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Error', 'EvalError',
        'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'].map((name) => [name, globalThis[name]]))),
    });
    const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
    const hidden = [
      [globalThis, ['Iterator', 'AsyncDisposableStack', 'DisposableStack', 'Float16Array', 'SuppressedError',
        'InternalError']],
      [Object, ['groupBy']],
      [Map, ['groupBy']],
      [Array, ['fromAsync']],
      [Promise, ['try', 'withResolvers']],
      [RegExp, ['escape']],
      [Error, ['isError']],
      [JSON, ['rawJSON', 'isRawJSON']],
      [Math, ['f16round', 'sumPrecise']],
      [Atomics, ['pause']],
      [Uint8Array, ['fromBase64', 'fromHex']],
      [Uint8Array.prototype, ['setFromBase64', 'setFromHex', 'toBase64', 'toHex']],
      [ArrayBufferProto, ['detached', 'immutable', 'sliceToImmutable', 'transfer', 'transferToFixedLength',
        'transferToImmutable']],
      [DataView.prototype, ['getFloat16', 'setFloat16']],
      [Map.prototype, ['getOrInsert', 'getOrInsertComputed']],
      [WeakMap.prototype, ['getOrInsert', 'getOrInsertComputed']],
      [Set.prototype, ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf',
        'isSupersetOf', 'isDisjointFrom']],
      [IteratorPrototype, ['drop', 'every', 'filter', 'find', 'flatMap', 'forEach', 'map', 'reduce', 'some',
        'take', 'toArray', 'chunks', 'windows', 'includes', 'join', 'constructor', Symbol.toStringTag,
        Symbol.dispose]],
    ];
    for (const [owner, keys] of hidden) {
      for (const key of keys) delete owner[key];
    }
  }
})
