// The JS half of Node's Buffer: the class shape (FastBuffer extends Uint8Array, Buffer callable
// with and without `new`), the overload dispatch of the statics, and cheap fast paths for tiny
// per-call work. Every rule about arguments, errors and bytes lives in nodebuf-core and is
// reached through `binding` (natives.rs); fast paths here only handle the plain valid case and
// hand everything else to the core.
(function (binding, options) {
  'use strict';

  // Intrinsics captured before any script runs (Node's JS uses primordials the same way): a
  // script that replaces `Array.isArray` or `Math.trunc` changes nothing here.
  const ArrayIsArray = Array.isArray;
  const MathTrunc = Math.trunc;
  const MathMax = Math.max;
  const MathMin = Math.min;
  const NumberCtor = Number;
  const StringCtor = String;
  const ObjectKeys = Object.keys;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  const ObjectPropertyIsEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);
  const PromiseResolve = Promise.resolve.bind(Promise);
  const JSONStringify = JSON.stringify;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const SymbolIterator = Symbol.iterator;
  // `%TypedArray%.prototype.length`'s getter: natives build results in one pass when a
  // receiver's `length` is this intrinsic (nothing a script wrote can observe the reads).
  const typedArrayLength = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), 'length').get;
  // `%TypedArray%.prototype[Symbol.toStringTag]`: the kind of a typed array from its slots
  // (undefined for anything else), whatever its own properties say.
  const typedArrayTag = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get);

  // What the engine can really hold (lib.rs: ENGINE_MAX_LENGTH, ENGINE_MAX_STRING_LENGTH).
  const kMaxLength = options.kMaxLength;
  const kStringMaxLength = options.kStringMaxLength;
  const kInspect = Symbol.for('nodejs.util.inspect.custom');

  class FastBuffer extends Uint8Array {}
  // Node's FastBuffer constructor takes (bufferOrLength, byteOffset, length).
  Object.defineProperty(FastBuffer, 'length', { value: 3 });

  // Pool slabs are shared by many Buffers: transferring one (postMessage) must not detach it.
  // Node marks them untransferable; the natives tell a slab's ArrayBuffer by its store
  // (binding.isPoolSlab), and other values marked by the host's modules are kept here. Hosts
  // ask through the exports (below).
  const untransferable = new WeakSet();
  const isPoolSlab = binding.isPoolSlab;

  // --- DEP0005: Buffer() / new Buffer() ---------------------------------------------------
  const kDeprecation = 'Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.';
  let warned = false;
  let checks = 0;
  const kNodeModules = /^(?:.*)[\\/]node_modules[\\/]/;

  // The first frame outside the runtime's own code decides (Node: isInsideNodeModules).
  function isInsideNodeModules() {
    const savedPrepare = Error.prepareStackTrace;
    const savedLimit = Error.stackTraceLimit;
    let sites;
    try {
      Error.prepareStackTrace = (error, callSites) => callSites;
      Error.stackTraceLimit = 20;
      const holder = {};
      Error.captureStackTrace(holder, isInsideNodeModules);
      sites = holder.stack;
    } catch {
      sites = undefined;
    } finally {
      Error.prepareStackTrace = savedPrepare;
      Error.stackTraceLimit = savedLimit;
    }
    if (!ArrayIsArray(sites)) return false;
    for (const site of sites) {
      let file;
      try { file = site.getFileName(); } catch { file = undefined; }
      if (typeof file !== 'string' || !/^\/|\\/.test(file)) continue;
      return kNodeModules.test(file);
    }
    return false;
  }

  function showFlaggedDeprecation() {
    if (warned || ++checks > 10000) return;
    if (!options.pendingDeprecation && isInsideNodeModules()) return;
    const process = globalThis.process;
    if (process && typeof process.emitWarning === 'function') {
      warned = true;
      process.emitWarning(kDeprecation, 'DeprecationWarning', 'DEP0005');
    }
  }

  // --- the Buffer function ----------------------------------------------------------------
  function Buffer(arg, encodingOrOffset, length) {
    showFlaggedDeprecation();
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        throw binding.argTypeError('string', 'of type string', arg);
      }
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  }
  Object.defineProperty(Buffer, 'length', { value: 3 });
  Buffer.prototype = FastBuffer.prototype;
  Object.defineProperty(Buffer.prototype, 'constructor', {
    value: Buffer, writable: true, enumerable: false, configurable: true,
  });
  Object.setPrototypeOf(Buffer, Uint8Array);
  Object.defineProperty(Buffer, Symbol.species, {
    get() { return FastBuffer; }, enumerable: false, configurable: true,
  });

  // Node's poolSize is a plain property: any value can be assigned and reads back as is (the
  // pool converts it when it next needs it).
  let poolSizeOther;
  Object.defineProperty(Buffer, 'poolSize', {
    get() { return poolSizeOther !== undefined ? poolSizeOther : binding.getPoolSize(); },
    set(value) {
      const number = typeof value === 'number';
      poolSizeOther = number ? undefined : value;
      binding.setPoolSize(number ? value : (typeof value === 'symbol' ? NaN : Number(value)));
    },
    enumerable: true,
    configurable: true,
  });

  // By class, so ArrayBuffers of other realms (vm contexts) count too.
  const isArrayBufferLike = binding.isAnyArrayBuffer;

  // Node's `Buffer.from(arrayLike)` makes its decisions from ordinary reads of `obj.length`
  // (a getter, own property or Proxy trap sees each one): whether it is set, a number, positive
  // and below half the pool size; the pool's free room; the size of the copy; and, after the
  // copy, the pool's advance. The same reads happen here, in that order; the bytes are copied
  // from the engine's slots (`binding.fromArrayLike`), never from what those reads answered.
  function fromObject(obj) {
    if (obj.length !== undefined || isArrayBufferLike(obj.buffer)) {
      if (typeof obj.length !== 'number') return new FastBuffer();
      return fromArrayLike(obj);
    }
    if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) return fromArrayLike(obj.data);
    return undefined;
  }
  function fromArrayLike(obj) {
    if (obj.length <= 0) return new FastBuffer();
    if (obj.length < (Buffer.poolSize >>> 1)) {
      void obj.length; // Node: does the copy fit in the pool's free room?
      const b = binding.fromArrayLike(obj, obj.length, true);
      void obj.length; // Node: the pool's offset moves past the copy.
      return b;
    }
    // Above the pool threshold Node copies with the typed-array constructor: a typed array by
    // its slots (natively), anything else through the engine's own constructor (an iterable by
    // its iterator, an array-like by one more `length` read).
    const b = binding.fromArrayLike(obj, 0, false);
    return b !== undefined ? b : new FastBuffer(obj);
  }

  // Node's `Buffer.from(string)` writes through `buf.{enc}Write` on the pool's whole slab
  // (Node's allocBuffer) or, for a long string, on a Buffer from `Buffer.allocUnsafeSlow`.
  // binding.fromString does it all natively unless a script replaced one of those (then
  // `undefined`); here the same calls are made, in Node's order, with Node's arguments.
  function fromString(string, encoding) {
    const b = binding.fromString(string, encoding);
    return b !== undefined ? b : fromStringWithReads(string, encoding);
  }
  function fromStringWithReads(string, encoding) {
    const id = !encoding || encoding === 'utf8' || typeof encoding !== 'string' ?
      0 : binding.encodingId(encoding);
    const write = writeOps[id];
    const maxLength = Buffer.poolSize >>> 1;
    let length = string.length;
    if (length >= maxLength) return fromStringUnpooled(string, write, binding.byteLengthOf(string, id));
    length *= 4;
    if (length >= maxLength) length = binding.byteLengthOf(string, id);
    if (length >= maxLength) return fromStringUnpooled(string, write, length);
    const target = binding.poolWriteTarget(length);
    const actual = write(target[0], string, target[1], length);
    const b = binding.poolViewWritten(actual);
    binding.poolAdvanceWritten(typeof actual === 'number' ? actual : +actual);
    return b;
  }
  function fromStringUnpooled(string, write, length) {
    const buf = Buffer.allocUnsafeSlow(length);
    const actual = write(buf, string, 0, length);
    return actual < length ? viewOf(buf.buffer, 0, actual) : buf;
  }

  const statics = {
    from(value, encodingOrOffset, length) {
      if (typeof value === 'string') return fromString(value, encodingOrOffset);
      if (typeof value === 'object' && value !== null) {
        if (isArrayBufferLike(value)) return binding.fromArrayBuffer(value, encodingOrOffset, length);
        const valueOf = value.valueOf && value.valueOf();
        if (valueOf != null && valueOf !== value &&
            (typeof valueOf === 'string' || typeof valueOf === 'object')) {
          return statics.from(valueOf, encodingOrOffset, length);
        }
        const b = fromObject(value);
        if (b !== undefined) return b;
        if (typeof value[SymbolToPrimitive] === 'function') {
          const primitive = value[SymbolToPrimitive]('string');
          if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
        }
      }
      throw binding.fromError(value);
    },
    copyBytesFrom(view, offset, length) {
      return binding.copyBytesFrom(view, offset, length);
    },
    of(...items) {
      return binding.of(...items);
    },
    allocUnsafeSlow(size) {
      return binding.allocUnsafeSlow(size);
    },
    isBuffer(b) {
      return b instanceof Buffer;
    },
    concat(list, length) {
      if (!ArrayIsArray(list)) throw binding.concatListError(list);
      // In one native pass when none of Node's reads below could observe anything.
      const joined = binding.concatPlain(list, length);
      if (joined !== undefined) return joined;
      return concatGeneral(list, length);
    },
  };
  // Node's `Buffer.concat` as a script sees it: `list.length` for the minimum-length check and
  // the empty test, the items' `length`s summed with JS `+=` (a null item throws here, a
  // string counts its characters) unless `totalLength` is given, the result allocated before
  // any item is checked, then each item checked and copied (`copyActual`, whose reads of the
  // item's and the result's `length` decide how much) and the rest zeroed.
  function concatGeneral(list, length) {
    void list.length; // Node's validateArray compares it with the minimum length (0).
    if (list.length === 0) return new FastBuffer();
    let summed = false;
    if (length === undefined) {
      summed = true;
      length = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i].length) length += list[i].length;
      }
    }
    const buffer = binding.concatAlloc(length, summed);
    let pos = 0;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typedArrayTag(item) !== 'Uint8Array') {
        throw binding.argTypeError(`list[${i}]`, 'an instance of Buffer or Uint8Array', list[i]);
      }
      pos += copyActual(item, buffer, pos, 0, item.length);
    }
    if (pos < length) typedArrayFill(buffer, 0, pos, length);
    return buffer;
  }
  const typedArrayFill = Function.prototype.call.bind(
    Object.getPrototypeOf(Uint8Array.prototype).fill);
  // The copy `Buffer.concat` and `buf.copy` end in, with Node's reads: the target's `length`
  // clamps the end, the source's `length` clamps the count, and a copy of part of the source
  // goes through a new view made from its `buffer` and `byteOffset` properties (whatever they
  // answer: the engine's constructor checks that view). The bytes move natively
  // (`binding.setBytes`, `%TypedArray%.prototype.set`'s checks and errors) between memory
  // resolved from both views' slots. Answers the count Node reports, which is what the reads
  // said, not what was copied.
  function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
    if (sourceEnd - sourceStart > target.length - targetStart) {
      sourceEnd = sourceStart + target.length - targetStart;
    }
    let count = sourceEnd - sourceStart;
    const available = source.length - sourceStart;
    if (count > available) count = available;
    if (sourceStart !== 0 || sourceEnd < source.length) {
      source = viewOf(source.buffer, source.byteOffset + sourceStart, count);
    }
    binding.setBytes(target, source, targetStart);
    return count;
  }
  // Node's `toInteger` for copy positions: `+value`, floored; NaN and infinities give
  // `fallback`.
  function toInteger(value, fallback) {
    let n;
    try {
      n = +value;
    } catch (e) {
      if (e instanceof TypeError && /bigint/i.test(e.message)) {
        e.message = 'Cannot convert a BigInt value to a number';
      }
      throw e;
    }
    return n - n === 0 ? MathFloor(n) : fallback;
  }
  const MathFloor = Math.floor;
  // `buf.copy(target, targetStart, sourceStart, sourceEnd)` as Node's JS runs it (the raw
  // native takes the plain calls): both checked as Uint8Arrays by their slots, each position
  // converted and checked before the next is looked at (the source's `length` read for
  // `sourceStart`'s bound and as `sourceEnd`'s default), nothing copied past the target's
  // `length` or from an empty range, then `copyActual`.
  function copyGeneral(target, targetStart, sourceStart, sourceEnd) {
    const source = this;
    if (typedArrayTag(source) !== 'Uint8Array') {
      throw binding.argTypeError('source', 'an instance of Buffer or Uint8Array', source);
    }
    if (typedArrayTag(target) !== 'Uint8Array') {
      throw binding.argTypeError('target', 'an instance of Buffer or Uint8Array', target);
    }
    if (targetStart === undefined) {
      targetStart = 0;
    } else {
      targetStart = toInteger(targetStart, 0);
      if (targetStart < 0) throw binding.outOfRange('targetStart', '>= 0', targetStart);
    }
    if (sourceStart === undefined) {
      sourceStart = 0;
    } else {
      sourceStart = toInteger(sourceStart, 0);
      if (sourceStart < 0 || sourceStart > source.length) {
        throw binding.outOfRange('sourceStart', `>= 0 && <= ${source.length}`, sourceStart);
      }
    }
    if (sourceEnd === undefined) {
      sourceEnd = source.length;
    } else {
      sourceEnd = toInteger(sourceEnd, 0);
      if (sourceEnd < 0) throw binding.outOfRange('sourceEnd', '>= 0', sourceEnd);
    }
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    return copyActual(source, target, targetStart, sourceStart, sourceEnd);
  }
  // Node's lengths: from(3) copyBytesFrom(3) of(0) alloc(3) allocUnsafe(1) ...
  const staticArity = { from: 3, copyBytesFrom: 3, of: 0, alloc: 3, allocUnsafe: 1,
    allocUnsafeSlow: 1, isBuffer: 1, compare: 2, isEncoding: 1, concat: 2, byteLength: 2 };
  // The raw natives (direct.rs): the plain valid call in one native call, anything else in the
  // general implementations here.
  // The numeric accessors' element paths, made when the first is needed (the natives ask by
  // the `UInt` name).
  let elementPaths;
  function numPath(canonical) {
    if (elementPaths === undefined) elementPaths = makeElementPaths(binding);
    return elementPaths[canonical];
  }
  // Node's swap16/32/64 for a receiver whose `length` a script defined (the natives take
  // every other receiver): one read of `this.length`, Node's JS loop of element swaps below
  // 128 (192 for swap32/64), the swap of the real bytes above (which throws where Node's native would abort on a
  // real length that is no multiple of the width).
  function swapGeneral(bits) {
    const len = this.length;
    const size = bits / 8;
    if (len % size !== 0) throw binding.invalidBufferSize(bits);
    if (len < (bits === 16 ? 128 : 192)) {
      for (let i = 0; i < len; i += size) {
        for (let a = i, b = i + size - 1; a < b; a++, b--) {
          const x = this[a];
          this[a] = this[b];
          this[b] = x;
        }
      }
      return this;
    }
    // Node's `_swap16` & co.: any view's bytes (`argument must be a buffer` otherwise).
    return binding.swapView(this, bits);
  }
  // Node's `%s` of an object (util.format, which ERR_UNKNOWN_ENCODING's message uses):
  // `String(value)` when its `toString` or `Symbol.toPrimitive` is not a built-in's, else
  // `undefined` (the caller inspects it). Built-ins are the global constructors' prototypes.
  // The global names as they are at install (a script's later globals are not built-ins),
  // looked through only when a `%s` asks about one (sorting them all here was 6% of start-up).
  const globalNames = ObjectGetOwnPropertyNames(globalThis);
  const ArrayPrototypeIncludes = Function.prototype.call.bind(Array.prototype.includes);
  const RegExpPrototypeExec = Function.prototype.call.bind(RegExp.prototype.exec);
  const capitalizedName = /^[A-Z][a-zA-Z0-9]+$/;
  function isBuiltInName(name) {
    return typeof name === 'string' && RegExpPrototypeExec(capitalizedName, name) !== null &&
      ArrayPrototypeIncludes(globalNames, name);
  }
  const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  function builtInToString(value) {
    const hasToString = typeof value.toString === 'function';
    const hasToPrimitive = typeof value[SymbolToPrimitive] === 'function';
    if (!hasToString && !hasToPrimitive) return true;
    if (hasToString && hasOwn(value, 'toString')) return false;
    if (hasToPrimitive && hasOwn(value, SymbolToPrimitive)) return false;
    let pointer = value;
    do {
      pointer = ObjectGetPrototypeOf(pointer);
    } while (!(hasToString && hasOwn(pointer, 'toString')) &&
      !(hasToPrimitive && hasOwn(pointer, SymbolToPrimitive)));
    const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
    return descriptor !== undefined && typeof descriptor.value === 'function' &&
      isBuiltInName(descriptor.value.name);
  }
  function formatS(value) {
    return builtInToString(value) ? undefined : StringCtor(value);
  }
  const fast = binding.makeFast(FastBuffer, {
    formatS,
    from: statics.from, subarray: subarrayGeneral, subarrayWith, subarrayEnd, numPath,
    swap: swapGeneral, copy: copyGeneral, fromArrayLike,
    uint8ArrayPrototype: Uint8Array.prototype,
  });
  const fastStatics = {
    from: fast.from, alloc: fast.alloc, allocUnsafe: fast.allocUnsafe,
    compare: fast.compareStatic, byteLength: fast.byteLength, isEncoding: fast.isEncoding,
  };
  // Node's order of the statics (observable through Object.keys(Buffer)).
  for (const name of Object.keys(staticArity)) {
    // (Node's `of` is an arrow function: no `prototype`.)
    binding.defineMethod(Buffer, name, fastStatics[name] || statics[name], staticArity[name], name !== 'of');
  }
  // `of` must not go through `Buffer()` (no deprecation warning) and returns a plain Buffer.

  // --- prototype --------------------------------------------------------------------------
  const proto = Buffer.prototype;
  // Node's methods are plain functions: each has a `prototype` (the raw natives get one here,
  // made on first access, as a plain function's is).
  const defineMethod = binding.defineMethod;
  function method(name, fn, length) {
    defineMethod(proto, name, fn, length, true);
    return fn;
  }

  // Numeric accessors (natives straight on the prototype: no JS frame per call), in Node's
  // order, the `Uint` spellings the same objects as the `UInt` ones (methods/numeric.rs).
  binding.defineNumericMethods(proto, fast.num);

  // The `{enc}Slice` / `{enc}Write` helpers.
  const encIds = { utf8: 0, ucs2: 1, latin1: 2, ascii: 3, base64: 4, base64url: 5, hex: 6 };
  // (Node's are C++ functions: no `prototype`, so these are method definitions.)
  for (const enc of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
    const id = encIds[enc];
    defineMethod(proto, `${enc}Slice`, {
      slice(start, end) { return binding.sliceHelper(this, id, start, end); },
    }.slice, 0, false);
  }
  for (const enc of ['ascii', 'base64', 'base64url', 'latin1', 'hex', 'ucs2', 'utf8']) {
    const id = encIds[enc];
    defineMethod(proto, `${enc}Write`, {
      write(string, offset, length) { return binding.writeHelper(this, id, string, offset, length); },
    }.write, 0, false);
  }

  // `parent` and `offset`: Node's legacy accessors, `this.buffer` / `this.byteOffset` of a Buffer read
  // as ordinary properties.
  Object.defineProperty(proto, 'parent', {
    get() { return this instanceof Buffer ? this.buffer : undefined; },
    enumerable: true, configurable: false,
  });
  Object.defineProperty(proto, 'offset', {
    get() { return this instanceof Buffer ? this.byteOffset : undefined; },
    enumerable: true, configurable: false,
  });

  method('copy', fast.copy, 4);
  method('toString', fast.toString, 3);
  method('equals', fast.equals, 1);
  method('inspect', function inspect(recurseTimes, ctx) {
    // Node's reads, as ordinary property gets in this order: length twice, hexSlice, and
    // length once more before the own properties.
    const max = binding.getInspectMaxBytes();
    const actualMax = MathMin(max, this.length);
    const remaining = this.length - max;
    const hex = this.hexSlice(0, actualMax);
    let extra = '';
    let comma = false;
    if (ctx) {
      const util = inspectFn;
      if (typeof util === 'function') {
        const obj = { __proto__: null };
        let extras = false;
        // The keys that are not indices, listed natively without making one per byte (a
        // Proxy, whose traps would run, takes the listing below).
        const listed = binding.ownNonIndexKeys(this, !!ctx.showHidden);
        if (listed !== undefined) {
          for (const key of listed) { extras = true; obj[key] = this[key]; }
        } else {
          const keys = ctx.showHidden ? ObjectGetOwnPropertyNames(this) : ObjectKeys(this);
          for (const key of keys) {
            if (typeof key === 'string' && /^(?:0|[1-9][0-9]*)$/.test(key)) continue;
            extras = true;
            obj[key] = this[key];
          }
          if (ctx.showHidden) {
            for (const sym of ObjectGetOwnPropertySymbols(this)) { extras = true; obj[sym] = this[sym]; }
          } else {
            for (const sym of ObjectGetOwnPropertySymbols(this)) {
              if (ObjectPropertyIsEnumerable(this, sym)) { extras = true; obj[sym] = this[sym]; }
            }
          }
        }
        if (extras) {
          comma = this.length !== 0;
          extra = util(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
        }
      }
    }
    return binding.inspect(StringCtor(this.constructor.name), hex, remaining, comma, extra);
  }, 2);
  Object.defineProperty(proto, kInspect, {
    value: proto.inspect, writable: true, enumerable: true, configurable: true,
  });
  method('compare', fast.compare, 5);
  method('indexOf', fast.indexOf, 3);
  method('lastIndexOf', fast.lastIndexOf, 3);
  method('includes', fast.includes, 3);
  method('fill', fast.fill, 4);
  method('write', fast.write, 4);
  method('toJSON', function toJSON() {
    // Built natively when Node's loop below could observe nothing (no user `length`).
    const bytes = binding.jsonData(this, typedArrayLength);
    if (bytes !== undefined) return { type: 'Buffer', data: bytes };
    // Node's loop, reads of `this.length` included (one to test, one to size, one per step).
    if (this.length > 0) {
      const data = new Array(this.length);
      for (let i = 0; i < this.length; ++i) data[i] = this[i];
      return { type: 'Buffer', data };
    }
    return { type: 'Buffer', data: [] };
  }, 0);
  method('subarray', fast.subarray, 2);
  // Node's slice is `this.subarray(start, end)` (the native calls it, or our subarray directly).
  method('slice', fast.slice, 2);
  method('swap16', fast.swap16, 0);
  method('swap32', fast.swap32, 0);
  method('swap64', fast.swap64, 0);
  Object.defineProperty(proto, 'toLocaleString', {
    value: proto.toString, writable: true, enumerable: true, configurable: true,
  });

  // --- receivers the natives do not take (foreign.rs) ---------------------------------------
  // Node's JS methods as they run on any `this`: their reads (`this.length`, `this.utf8Slice`,
  // `buf.hexSlice`, `this.indexOf`) are ordinary property reads, and they end in Node's C++
  // natives, which take any ArrayBufferView by its bytes (`argument must be a buffer`
  // otherwise). The raw natives hand here every receiver that is not a Uint8Array, and every
  // Uint8Array whose method read would not reach this install's own function.
  const NumberIsInteger = Number.isInteger;
  const StringPrototypeCharCodeAt = Function.prototype.call.bind(String.prototype.charCodeAt);
  const StringPrototypeToLowerCase = Function.prototype.call.bind(String.prototype.toLowerCase);
  const isView = ArrayBuffer.isView;
  const isUint8Array = (value) => typedArrayTag(value) === 'Uint8Array';
  const typedArrayByteLength = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), 'byteLength').get);
  // Node's getEncodingOps: what `encoding + ''` names, by id (utf8, ucs2, latin1, ascii,
  // base64, base64url, hex); each op reads its helper from the view as a property.
  const encodingNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
  const sliceOps = [
    (buf, start, end) => buf.utf8Slice(start, end),
    (buf, start, end) => buf.ucs2Slice(start, end),
    (buf, start, end) => buf.latin1Slice(start, end),
    (buf, start, end) => buf.asciiSlice(start, end),
    (buf, start, end) => buf.base64Slice(start, end),
    (buf, start, end) => buf.base64urlSlice(start, end),
    (buf, start, end) => buf.hexSlice(start, end),
  ];
  const writeOps = [
    (buf, string, offset, len) => buf.utf8Write(string, offset, len),
    (buf, string, offset, len) => buf.ucs2Write(string, offset, len),
    (buf, string, offset, len) => buf.latin1Write(string, offset, len),
    (buf, string, offset, len) => buf.asciiWrite(string, offset, len),
    (buf, string, offset, len) => buf.base64Write(string, offset, len),
    (buf, string, offset, len) => buf.base64urlWrite(string, offset, len),
    (buf, string, offset, len) => buf.hexWrite(string, offset, len),
  ];
  function encodingOps(encoding) {
    const id = binding.encodingId(encoding + '');
    if (id < 0) throw binding.unknownEncoding(encoding);
    return id;
  }
  // Node's normalizeEncoding (fill): null and undefined are utf8, a string by its name ('' is
  // utf8), another value by `${value}` when its `length` is that of a name.
  function normalizedEncodingId(encoding) {
    if (encoding == null || encoding === 'utf8') return 0;
    if (typeof encoding === 'string') return encoding === '' ? 0 : binding.encodingId(encoding);
    const n = encoding.length;
    if (typeof n !== 'number' || n < 3 || n > 9) return -1;
    const name = StringPrototypeToLowerCase(`${encoding}`);
    return name.length === n ? binding.encodingId(name) : -1;
  }
  // Node's validateOffset (validateInteger with its bounds).
  function validateOffset(value, name, min = 0, max = 2 ** 32) {
    if (typeof value !== 'number') throw binding.argTypeError(name, 'of type number', value);
    if (!NumberIsInteger(value)) throw binding.outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw binding.outOfRange(name, `>= ${min} && <= ${max}`, value);
  }
  function searchForeign(buffer, val, byteOffset, encoding, dir) {
    if (!isView(buffer)) {
      throw binding.argTypeError('buffer', 'an instance of Buffer, TypedArray, or DataView', buffer);
    }
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    } else if (byteOffset > 0x7fffffff) {
      byteOffset = 0x7fffffff;
    } else if (byteOffset < -0x80000000) {
      byteOffset = -0x80000000;
    }
    byteOffset = +byteOffset;
    if (byteOffset !== byteOffset) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
    if (typeof val === 'number') return binding.indexOfView(buffer, val >>> 0, byteOffset, undefined, dir);
    let id = 0;
    if (encoding !== undefined) id = binding.encodingId(encoding + '');
    if (typeof val === 'string') {
      if (id < 0) throw binding.unknownEncoding(encoding);
      return binding.indexOfView(buffer, val, byteOffset, encodingNames[id], dir);
    }
    if (isUint8Array(val)) {
      return binding.indexOfView(buffer, val, byteOffset, encodingNames[id < 0 ? 0 : id], dir);
    }
    throw binding.argTypeError('value',
      'one of type number or string or an instance of Buffer or Uint8Array', val);
  }
  const foreign = {
    toString(encoding, start, end) {
      if (arguments.length === 0) return this.utf8Slice(0, this.length);
      const len = this.length;
      if (start <= 0) {
        start = 0;
      } else if (start >= len) {
        return '';
      } else {
        start = truncForOffset(start) || 0;
      }
      if (end === undefined || end > len) {
        end = len;
      } else {
        end = truncForOffset(end) || 0;
      }
      if (end <= start) return '';
      if (encoding === undefined) return this.utf8Slice(start, end);
      return sliceOps[encodingOps(encoding)](this, start, end);
    },
    write(string, offset, length, encoding) {
      if (offset === undefined) return this.utf8Write(string, 0, this.length);
      if (length === undefined && typeof offset === 'string') {
        encoding = offset;
        length = this.length;
        offset = 0;
      } else {
        validateOffset(offset, 'offset', 0, this.length);
        const remaining = this.length - offset;
        if (length === undefined) {
          length = remaining;
        } else if (typeof length === 'string') {
          encoding = length;
          length = remaining;
        } else {
          validateOffset(length, 'length', 0, this.length);
          if (length > remaining) length = remaining;
        }
      }
      if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
      if (encoding === 'ascii') return this.asciiWrite(string, offset, length);
      return writeOps[encodingOps(encoding)](this, string, offset, length);
    },
    equals(otherBuffer) {
      if (!isUint8Array(otherBuffer)) {
        throw binding.argTypeError('otherBuffer', 'an instance of Buffer or Uint8Array', otherBuffer);
      }
      if (this === otherBuffer) return true;
      const len = typedArrayByteLength(this);
      if (len !== typedArrayByteLength(otherBuffer)) return false;
      return len === 0 || binding.compareViews(this, otherBuffer) === 0;
    },
    compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
      if (!isUint8Array(target)) {
        throw binding.argTypeError('target', 'an instance of Buffer or Uint8Array', target);
      }
      if (arguments.length === 1) return binding.compareViews(this, target);
      if (targetStart === undefined) targetStart = 0;
      else validateOffset(targetStart, 'targetStart');
      if (targetEnd === undefined) targetEnd = target.length;
      else validateOffset(targetEnd, 'targetEnd', 0, target.length);
      if (sourceStart === undefined) sourceStart = 0;
      else validateOffset(sourceStart, 'sourceStart');
      if (sourceEnd === undefined) sourceEnd = this.length;
      else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
      if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
      if (targetStart >= targetEnd) return 1;
      return binding.compareOffsetViews(this, target, targetStart, sourceStart, targetEnd, sourceEnd);
    },
    indexOf(val, byteOffset, encoding) {
      return searchForeign(this, val, byteOffset, encoding, true);
    },
    lastIndexOf(val, byteOffset, encoding) {
      return searchForeign(this, val, byteOffset, encoding, false);
    },
    includes(val, byteOffset, encoding) {
      return this.indexOf(val, byteOffset, encoding) !== -1;
    },
    fill(value, offset, end, encoding) {
      const buf = this;
      if (typeof value === 'string') {
        if (offset === undefined || typeof offset === 'string') {
          encoding = offset;
          offset = 0;
          end = buf.length;
        } else if (typeof end === 'string') {
          encoding = end;
          end = buf.length;
        }
        const id = normalizedEncodingId(encoding);
        if (id < 0) {
          if (typeof encoding !== 'string') throw binding.argTypeError('encoding', 'of type string', encoding);
          throw binding.unknownEncoding(encoding);
        }
        if (value.length === 0) {
          value = 0;
        } else if (value.length === 1) {
          if (id === 0) {
            const code = StringPrototypeCharCodeAt(value, 0);
            if (code < 128) value = code;
          } else if (id === 2) {
            value = StringPrototypeCharCodeAt(value, 0);
          }
        }
      } else {
        encoding = undefined;
      }
      if (offset === undefined) {
        offset = 0;
        end = buf.length;
      } else {
        validateOffset(offset, 'offset');
        if (end === undefined) end = buf.length;
        else validateOffset(end, 'end', 0, buf.length);
        if (offset >= end) return buf;
      }
      if (typeof value === 'number') {
        const byteLen = typedArrayByteLength(buf);
        const fillLength = end - offset;
        if (offset > end || fillLength + offset > byteLen) throw binding.outOfBounds();
        typedArrayFill(buf, value, offset, end);
      } else {
        const res = binding.fillView(buf, value, offset, end, encoding);
        if (res < 0) {
          if (res === -1) throw binding.argValueError('value', value);
          throw binding.outOfBounds();
        }
      }
      return buf;
    },
    swap16() { return ReflectApply(swapGeneral, this, [16]); },
    swap32() { return ReflectApply(swapGeneral, this, [32]); },
    swap64() { return ReflectApply(swapGeneral, this, [64]); },
  };
  binding.setForeign({
    // In foreign.rs's order.
    calls: [foreign.toString, foreign.write, foreign.equals, foreign.compare, foreign.indexOf,
      foreign.lastIndexOf, foreign.includes, foreign.fill, foreign.swap16, foreign.swap32,
      foreign.swap64],
    slices: ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'].map((e) => proto[`${e}Slice`]),
    writes: ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex'].map((e) => proto[`${e}Write`]),
    indexOf: proto.indexOf,
    num: fast.num,
    bufferConstructor: Buffer,
    allocUnsafeSlow: Buffer.allocUnsafeSlow,
  });

  // --- subarray -----------------------------------------------------------------------
  // Node's subarray: relative offsets from `this.length` (truncated, negatives from the end,
  // clamped), then a FastBuffer over `this.buffer` at `this.byteOffset + start`. The raw
  // native does the plain case; this handles every coercion and odd receiver.
  // A BigInt start/end fails ToNumber: V8 says so; QuickJS uses its BigInt-mixing text.
  function truncForOffset(value) {
    try {
      return MathTrunc(value);
    } catch (e) {
      if (e instanceof TypeError && /bigint/i.test(e.message)) {
        e.message = 'Cannot convert a BigInt value to a number';
      }
      throw e;
    }
  }
  function relativeOffset(value, length) {
    const n = truncForOffset(value);
    if (n === 0 || n !== n) return 0;
    if (n < 0) {
      const fromEnd = n + length;
      return fromEnd > 0 ? fromEnd : 0;
    }
    return n < length ? n : length;
  }
  function subarrayWith(receiver, length, start, end) {
    const from = relativeOffset(start, length);
    const to = end === undefined ? length : relativeOffset(end, length);
    return viewOf(receiver.buffer, receiver.byteOffset + from, to > from ? to - from : 0);
  }
  function subarrayGeneral(start, end) {
    return subarrayWith(this, this.length, start, end);
  }
  function subarrayEnd(buffer, byteOffset, from, count) {
    return viewOf(buffer, byteOffset + from, count);
  }
  // `new FastBuffer(buffer, offset, length)` with V8's texts for the failures a script can
  // provoke on a real ArrayBuffer (detached, or a range past its end), as Node reports them.
  const arrayBufferDetached = Function.prototype.call.bind(
    Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached').get);
  const arrayBufferByteLength = Function.prototype.call.bind(
    Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get);
  const sharedArrayBufferByteLength = Function.prototype.call.bind(
    Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get);
  function viewOf(buffer, offset, length) {
    try {
      return new FastBuffer(buffer, offset, length);
    } catch (e) {
      if (!binding.isAnyArrayBuffer(buffer) || !(e instanceof TypeError || e instanceof RangeError)) throw e;
      // V8's order: the offset, then the length as indices, then the buffer's state.
      const numbers = typeof length === 'number' && typeof offset === 'number';
      if (numbers && offset < 0) throw new RangeError(`Start offset ${offset} is outside the bounds of the buffer`);
      if (numbers && length < 0) throw new RangeError(`Invalid typed array length: ${length}`);
      let detached = false;
      try { detached = arrayBufferDetached(buffer); } catch { detached = false; }
      if (detached) throw new TypeError('Cannot perform Construct on a detached ArrayBuffer');
      let size;
      try {
        size = arrayBufferByteLength(buffer);
      } catch {
        try { size = sharedArrayBufferByteLength(buffer); } catch { throw e; }
      }
      if (numbers && offset + length > size) throw new RangeError(`Invalid typed array length: ${length}`);
      throw e;
    }
  }

  // --- element paths ------------------------------------------------------------------------
  // Node's numeric accessors are JS that reads and writes `this[offset]` element by element,
  // so on a receiver that is not a byte array (a Uint16Array, a plain array or object, a
  // string) they work on its elements: a Uint16Array's 0x1234 is added in as it is, a string
  // element concatenates, an object element's valueOf runs where Node's arithmetic converts it.
  // The raw natives hand such receivers here (a Uint8Array, so every Buffer, never comes).
  // Each accessor is declared once below by what Node's does, in Node's order:
  // - a read by its width and how it combines its elements: `combine(first, last, at)`, where
  //   `first` and `last` were read first (they decide the bounds check) and `at(i)` reads
  //   element `offset + i` when the arithmetic reaches it;
  // - a write by its width, its range and where it puts which part of the value.
  function makeElementPaths(binding) {
    const MathFloor = Math.floor;
    const BigIntOf = BigInt;
    const float32 = new Float32Array(1);
    const float32Bytes = new Uint8Array(float32.buffer);
    const float64 = new Float64Array(1);
    const float64Bytes = new Uint8Array(float64.buffer);

    // Node's validateNumber / boundsError / checkBounds.
    function validateOffset(value, name) {
      if (typeof value !== 'number') throw binding.argTypeError(name, 'of type number', value);
    }
    function boundsError(value, length, name) {
      if (MathFloor(value) !== value) {
        validateOffset(value, name || 'offset');
        throw binding.outOfRange(name || 'offset', 'an integer', value);
      }
      if (length < 0) throw binding.outOfBounds();
      throw binding.outOfRange(name || 'offset', `>= ${name ? 1 : 0} and <= ${length}`, value);
    }
    function checkBounds(buf, offset, last) {
      validateOffset(offset, 'offset');
      if (buf[offset] === undefined || buf[offset + last] === undefined) {
        boundsError(offset, buf.length - (last + 1));
      }
    }
    // The range an integer write refuses a value outside of, as Node words it.
    function rangeText(min, max, width) {
      const n = typeof min === 'bigint' ? 'n' : '';
      if (width <= 4) return `>= ${min}${n} and <= ${max}${n}`;
      const bits = width * 8;
      return min === 0 || min === 0n
        ? `>= 0${n} and < 2${n} ** ${bits}${n}`
        : `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    }

    // A read of `width` elements at `offset`.
    function reader(name, width, combine) {
      const read = {
        [name](offset = 0) {
          validateOffset(offset, 'offset');
          const first = this[offset];
          const last = width === 1 ? first : this[offset + width - 1];
          if (first === undefined || last === undefined) boundsError(offset, this.length - width);
          return combine(first, last, (i) => this[offset + i]);
        },
      }[name];
      return read;
    }
    // `read{U,}Int{LE,BE}(offset, byteLength)`: the 3-, 5- and 6-byte reads directly, the 1-,
    // 2- and 4-byte ones through the receiver's own methods (`viaMethod`: a lookup a script
    // can see, failing as `this.readUInt16LE is not a function` on a plain object).
    function readerByLength(name, direct, viaMethod) {
      return {
        [name](offset, byteLength) {
          if (offset === undefined) throw binding.argTypeError('offset', 'of type number', offset);
          if (byteLength === 6 || byteLength === 5 || byteLength === 3) {
            return ReflectApply(direct[byteLength], this, [offset]);
          }
          if (byteLength === 4 || byteLength === 2 || byteLength === 1) {
            return ReflectApply(viaMethod, this, [offset, byteLength]);
          }
          boundsError(byteLength, 6, 'byteLength');
        },
      }[name];
    }
    // A float read: the elements go into the scratch bytes in `order`, converted as stored.
    function floatReader(name, width, bytes, value, order) {
      return reader(name, width, (first, last, at) => {
        bytes[order[0]] = first;
        for (let i = 1; i < width - 1; i++) bytes[order[i]] = at(i);
        bytes[order[width - 1]] = last;
        return value[0];
      });
    }

    // An integer write of `buf`: `value = +value` (BigInts stay), the range, the bounds, then
    // `store`. Node's 8-bit writes check the offset before the range, the wider ones after.
    function integerWrite(width, min, max, store) {
      const big = typeof min === 'bigint';
      return (buf, value, offset) => {
        if (!big) value = +value;
        if (width === 1) validateOffset(offset, 'offset');
        if (value > max || value < min) throw binding.outOfRange('value', rangeText(min, max, width), value);
        if (width === 1) {
          if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
        } else {
          checkBounds(buf, offset, width - 1);
        }
        return store(buf, value, offset);
      };
    }
    // The method: `offset` defaults to 0 (the by-length writes pass theirs as it came).
    function writer(name, write) {
      return {
        [name](value, offset = 0) {
          return write(this, value, offset);
        },
      }[name];
    }
    function writerByLength(name, writes) {
      return {
        [name](value, offset, byteLength) {
          const write = byteLength === 6 || byteLength === 5 || byteLength === 4 ||
            byteLength === 3 || byteLength === 2 || byteLength === 1 ? writes[byteLength] : undefined;
          if (write === undefined) boundsError(byteLength, 6, 'byteLength');
          return write(this, value, offset);
        },
      }[name];
    }
    function floatWriter(name, width, value, bytes, order) {
      return {
        [name](val, offset = 0) {
          val = +val;
          checkBounds(this, offset, width - 1);
          value[0] = val;
          for (let i = 0; i < width; i++) this[offset + i] = bytes[order[i]];
          return offset + width;
        },
      }[name];
    }
    // Stores: little-endian puts the low byte first and shifts the value down a byte at a time;
    // big-endian fills from the last element back.
    const storeLE = (width) => (buf, value, offset) => {
      for (let i = 0; i < width; i++) {
        buf[offset + i] = value;
        if (i < width - 1) value = value >>> 8;
      }
      return offset + width;
    };
    const store16BE = (buf, value, offset) => {
      buf[offset] = value >>> 8;
      buf[offset + 1] = value;
      return offset + 2;
    };
    const storeBE = (width) => (buf, value, offset) => {
      for (let i = width - 1; i >= 0; i--) {
        buf[offset + i] = value;
        if (i > 0) value = value >>> 8;
      }
      return offset + width;
    };
    const store40LE = (buf, value, offset) => {
      const high = value;
      storeLE(4)(buf, value, offset);
      buf[offset + 4] = MathFloor(high * 2 ** -32);
      return offset + 5;
    };
    const store40BE = (buf, value, offset) => {
      buf[offset] = MathFloor(value * 2 ** -32);
      storeBE(4)(buf, value, offset + 1);
      return offset + 5;
    };
    const store48LE = (buf, value, offset) => {
      const high = MathFloor(value * 2 ** -32);
      storeLE(4)(buf, value, offset);
      buf[offset + 4] = high;
      buf[offset + 5] = high >>> 8;
      return offset + 6;
    };
    const store48BE = (buf, value, offset) => {
      const high = MathFloor(value * 2 ** -32);
      buf[offset] = high >>> 8;
      buf[offset + 1] = high;
      storeBE(4)(buf, value, offset + 2);
      return offset + 6;
    };
    const storeBig = (bigEndian) => (buf, value, offset) => {
      let lo = Number(value & 0xffffffffn);
      for (let i = 0; i < 4; i++) {
        buf[bigEndian ? offset + 7 - i : offset + i] = lo;
        if (i < 3) lo = lo >> 8;
      }
      let hi = Number(value >> 32n & 0xffffffffn);
      for (let i = 0; i < 4; i++) {
        buf[bigEndian ? offset + 3 - i : offset + 4 + i] = hi;
        if (i < 3) hi = hi >> 8;
      }
      return offset + 8;
    };

    // Sign extensions of a partial sum, as Node's reads apply them.
    const signed8 = (v) => v | (v & 2 ** 7) * 0x1fffffe;
    const signed16 = (v) => v | (v & 2 ** 15) * 0x1fffe;
    const signed24 = (v) => v | (v & 2 ** 23) * 0x1fe;

    const reads = {
      readUInt8: reader('readUInt8', 1, (v) => v),
      readInt8: reader('readInt8', 1, (v) => signed8(v)),
      readUInt16LE: reader('readUInt16LE', 2, (f, l) => f + l * 2 ** 8),
      readUInt16BE: reader('readUInt16BE', 2, (f, l) => f * 2 ** 8 + l),
      readInt16LE: reader('readInt16LE', 2, (f, l) => signed16(f + l * 2 ** 8)),
      readInt16BE: reader('readInt16BE', 2, (f, l) => signed16(f * 2 ** 8 + l)),
      readUInt24LE: reader('readUInt24LE', 3, (f, l, at) => f + at(1) * 2 ** 8 + l * 2 ** 16),
      readUInt24BE: reader('readUInt24BE', 3, (f, l, at) => f * 2 ** 16 + at(1) * 2 ** 8 + l),
      readInt24LE: reader('readInt24LE', 3, (f, l, at) => signed24(f + at(1) * 2 ** 8 + l * 2 ** 16)),
      readInt24BE: reader('readInt24BE', 3, (f, l, at) => signed24(f * 2 ** 16 + at(1) * 2 ** 8 + l)),
      readUInt32LE: reader('readUInt32LE', 4,
        (f, l, at) => f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + l * 2 ** 24),
      readUInt32BE: reader('readUInt32BE', 4,
        (f, l, at) => f * 2 ** 24 + at(1) * 2 ** 16 + at(2) * 2 ** 8 + l),
      readInt32LE: reader('readInt32LE', 4,
        (f, l, at) => f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + (l << 24)),
      readInt32BE: reader('readInt32BE', 4,
        (f, l, at) => (f << 24) + at(1) * 2 ** 16 + at(2) * 2 ** 8 + l),
      readUInt40LE: reader('readUInt40LE', 5,
        (f, l, at) => f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24 + l * 2 ** 32),
      readUInt40BE: reader('readUInt40BE', 5,
        (f, l, at) => f * 2 ** 32 + at(1) * 2 ** 24 + at(2) * 2 ** 16 + at(3) * 2 ** 8 + l),
      readInt40LE: reader('readInt40LE', 5,
        (f, l, at) => signed8(l) * 2 ** 32 + f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24),
      readInt40BE: reader('readInt40BE', 5,
        (f, l, at) => signed8(f) * 2 ** 32 + at(1) * 2 ** 24 + at(2) * 2 ** 16 + at(3) * 2 ** 8 + l),
      readUInt48LE: reader('readUInt48LE', 6, (f, l, at) =>
        f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24 + (at(4) + l * 2 ** 8) * 2 ** 32),
      readUInt48BE: reader('readUInt48BE', 6, (f, l, at) =>
        (f * 2 ** 8 + at(1)) * 2 ** 32 + at(2) * 2 ** 24 + at(3) * 2 ** 16 + at(4) * 2 ** 8 + l),
      readInt48LE: reader('readInt48LE', 6, (f, l, at) => {
        const high = at(4) + l * 2 ** 8;
        return signed16(high) * 2 ** 32 + f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24;
      }),
      readInt48BE: reader('readInt48BE', 6, (f, l, at) => {
        const high = at(1) + f * 2 ** 8;
        return signed16(high) * 2 ** 32 + at(2) * 2 ** 24 + at(3) * 2 ** 16 + at(4) * 2 ** 8 + l;
      }),
      readBigUInt64LE: reader('readBigUInt64LE', 8, (f, l, at) => {
        const lo = f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24;
        const hi = at(4) + at(5) * 2 ** 8 + at(6) * 2 ** 16 + l * 2 ** 24;
        return BigIntOf(lo) + (BigIntOf(hi) << 32n);
      }),
      readBigUInt64BE: reader('readBigUInt64BE', 8, (f, l, at) => {
        const hi = f * 2 ** 24 + at(1) * 2 ** 16 + at(2) * 2 ** 8 + at(3);
        const lo = at(4) * 2 ** 24 + at(5) * 2 ** 16 + at(6) * 2 ** 8 + l;
        return (BigIntOf(hi) << 32n) + BigIntOf(lo);
      }),
      readBigInt64LE: reader('readBigInt64LE', 8, (f, l, at) => {
        const hi = at(4) + at(5) * 2 ** 8 + at(6) * 2 ** 16 + (l << 24);
        return (BigIntOf(hi) << 32n) + BigIntOf(f + at(1) * 2 ** 8 + at(2) * 2 ** 16 + at(3) * 2 ** 24);
      }),
      readBigInt64BE: reader('readBigInt64BE', 8, (f, l, at) => {
        const hi = (f << 24) + at(1) * 2 ** 16 + at(2) * 2 ** 8 + at(3);
        return (BigIntOf(hi) << 32n) + BigIntOf(at(4) * 2 ** 24 + at(5) * 2 ** 16 + at(6) * 2 ** 8 + l);
      }),
      readFloatLE: floatReader('readFloatLE', 4, float32Bytes, float32, [0, 1, 2, 3]),
      readFloatBE: floatReader('readFloatBE', 4, float32Bytes, float32, [3, 2, 1, 0]),
      readDoubleLE: floatReader('readDoubleLE', 8, float64Bytes, float64, [0, 1, 2, 3, 4, 5, 6, 7]),
      readDoubleBE: floatReader('readDoubleBE', 8, float64Bytes, float64, [7, 6, 5, 4, 3, 2, 1, 0]),
    };
    reads.readUIntLE = readerByLength('readUIntLE',
      { 3: reads.readUInt24LE, 5: reads.readUInt40LE, 6: reads.readUInt48LE },
      function (offset, n) {
        return n === 4 ? this.readUInt32LE(offset) : n === 2 ? this.readUInt16LE(offset) : this.readUInt8(offset);
      });
    reads.readUIntBE = readerByLength('readUIntBE',
      { 3: reads.readUInt24BE, 5: reads.readUInt40BE, 6: reads.readUInt48BE },
      function (offset, n) {
        return n === 4 ? this.readUInt32BE(offset) : n === 2 ? this.readUInt16BE(offset) : this.readUInt8(offset);
      });
    reads.readIntLE = readerByLength('readIntLE',
      { 3: reads.readInt24LE, 5: reads.readInt40LE, 6: reads.readInt48LE },
      function (offset, n) {
        return n === 4 ? this.readInt32LE(offset) : n === 2 ? this.readInt16LE(offset) : this.readInt8(offset);
      });
    reads.readIntBE = readerByLength('readIntBE',
      { 3: reads.readInt24BE, 5: reads.readInt40BE, 6: reads.readInt48BE },
      function (offset, n) {
        return n === 4 ? this.readInt32BE(offset) : n === 2 ? this.readInt16BE(offset) : this.readInt8(offset);
      });

    // The integer writes, by width: [LE store, BE store], unsigned max, signed min and max.
    const integerWrites = [
      [1, storeLE(1), storeLE(1), 0xff, -0x80, 0x7f],
      [2, storeLE(2), store16BE, 0xffff, -0x8000, 0x7fff],
      [3, storeLE(3), storeBE(3), 0xffffff, -0x800000, 0x7fffff],
      [4, storeLE(4), storeBE(4), 0xffffffff, -0x80000000, 0x7fffffff],
      [5, store40LE, store40BE, 0xffffffffff, -0x8000000000, 0x7fffffffff],
      [6, store48LE, store48BE, 0xffffffffffff, -0x800000000000, 0x7fffffffffff],
    ];
    const writes = {};
    const byLength = { ULE: [], UBE: [], LE: [], BE: [] };
    for (const [width, le, be, umax, smin, smax] of integerWrites) {
      const bits = width * 8;
      const pairs = width === 1
        ? [['writeUInt8', 0, umax, le, 'ULE', 'UBE'], ['writeInt8', smin, smax, le, 'LE', 'BE']]
        : [[`writeUInt${bits}LE`, 0, umax, le, 'ULE'], [`writeUInt${bits}BE`, 0, umax, be, 'UBE'],
          [`writeInt${bits}LE`, smin, smax, le, 'LE'], [`writeInt${bits}BE`, smin, smax, be, 'BE']];
      for (const [name, min, max, store, ...families] of pairs) {
        const write = integerWrite(width, min, max, store);
        writes[name] = writer(name, write);
        for (const family of families) byLength[family][width] = write;
      }
    }
    writes.writeUIntLE = writerByLength('writeUIntLE', byLength.ULE);
    writes.writeUIntBE = writerByLength('writeUIntBE', byLength.UBE);
    writes.writeIntLE = writerByLength('writeIntLE', byLength.LE);
    writes.writeIntBE = writerByLength('writeIntBE', byLength.BE);
    for (const [name, min, max, bigEndian] of [
      ['writeBigUInt64LE', 0n, 0xffffffffffffffffn, false], ['writeBigUInt64BE', 0n, 0xffffffffffffffffn, true],
      ['writeBigInt64LE', -(2n ** 63n), 2n ** 63n - 1n, false], ['writeBigInt64BE', -(2n ** 63n), 2n ** 63n - 1n, true],
    ]) {
      writes[name] = writer(name, integerWrite(8, min, max, storeBig(bigEndian)));
    }
    writes.writeFloatLE = floatWriter('writeFloatLE', 4, float32, float32Bytes, [0, 1, 2, 3]);
    writes.writeFloatBE = floatWriter('writeFloatBE', 4, float32, float32Bytes, [3, 2, 1, 0]);
    writes.writeDoubleLE = floatWriter('writeDoubleLE', 8, float64, float64Bytes, [0, 1, 2, 3, 4, 5, 6, 7]);
    writes.writeDoubleBE = floatWriter('writeDoubleBE', 8, float64, float64Bytes, [7, 6, 5, 4, 3, 2, 1, 0]);

    // (No prototype: a name without a path finds nothing, whatever Object.prototype holds.)
    const paths = { __proto__: null };
    for (const table of [reads, writes]) {
      for (const name of ObjectKeys(table)) paths[name] = table[name];
    }
    return paths;
  }


  // isUtf8/isAscii refuse a detached ArrayBuffer with a plain Error carrying ERR_INVALID_STATE
  // (thrown by Node's native layer, so its String() has no code); a view of detached memory is
  // just empty there.
  const detachedGetter = (Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached') || {}).get;
  function checkNotDetached(input) {
    if (detachedGetter === undefined || input === null || typeof input !== 'object') return;
    if (ArrayBuffer.isView(input)) return;
    const ab = input;
    let detached = false;
    try { detached = detachedGetter.call(ab); } catch { detached = false; }
    if (detached) {
      const err = new Error('Cannot validate on a detached buffer');
      err.code = 'ERR_INVALID_STATE';
      throw err;
    }
  }

  // --- Blob / File (in-memory, immutable bytes) -------------------------------------------
  const kBytes = Symbol('nodebuf.blobBytes');
  const kType = Symbol('nodebuf.blobType');
  const kLength = Symbol('nodebuf.blobLength');
  const ArrayBufferIsView = ArrayBuffer.isView;
  const ArrayFrom = Array.from;
  const ReflectApply = Reflect.apply;
  const taByteLength = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Uint8Array.prototype), 'byteLength').get;
  const u8Set = Uint8Array.prototype.set;
  const u8Subarray = Uint8Array.prototype.subarray;
  const utf8SliceFn = proto.utf8Slice;
  // The bytes of a Blob's parts joined, read from the views' slots (Node's native blob
  // creation reads no JS property).
  function joinParts(parts) {
    let total = 0;
    for (let i = 0; i < parts.length; i++) total += ReflectApply(taByteLength, parts[i], []);
    const out = Buffer.alloc(total);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      ReflectApply(u8Set, out, [parts[i], at]);
      at += ReflectApply(taByteLength, parts[i], []);
    }
    return out;
  }
  // Node's `validateDictionary`: undefined, null, objects and functions pass.
  function validateDictionary(value, name) {
    if (value != null && typeof value !== 'object' && typeof value !== 'function') {
      throw binding.argTypeError(name, 'a dictionary', value);
    }
  }
  // One part of a Blob, as Node's getSource takes it: a Blob by its `size` (an ordinary read)
  // and its bytes; anything else as a Uint8Array (stores wrapped, other values as their
  // string's UTF-8, with `endings: 'native'` line ends), whose `buffer`, `byteOffset` and
  // `byteLength` are ordinary property reads (getters and lies included), copied with the
  // store's own `slice`. Returns [declared length, bytes].
  function blobSource(source, endings) {
    if (source != null && source[kBytes] !== undefined) return [source.size, source[kBytes]];
    if (isArrayBufferLike(source)) {
      source = new Uint8Array(source);
    } else if (!ArrayBufferIsView(source)) {
      source = `${source}`;
      if (endings === 'native') source = source.replace(/\n|\r\n/g, '\n');
      // A Uint8Array over a store of its own, as TextEncoder's encode gives.
      source = new Uint8Array(Buffer.from(source, 'utf8'));
    }
    const { buffer, byteOffset, byteLength } = source;
    // One ordinary read of `slice`, and V8's wording when it is no function.
    const sliceFn = buffer.slice;
    if (typeof sliceFn !== 'function') throw new TypeError('buffer.slice is not a function');
    const slice = ReflectApply(sliceFn, buffer, [byteOffset, byteOffset + byteLength]);
    return [byteLength, new Uint8Array(slice)];
  }
  class Blob {
    constructor(sources = [], options = undefined) {
      if (sources === null || typeof sources[SymbolIterator] !== 'function' || typeof sources === 'string') {
        throw binding.argTypeError('sources', 'a sequence', sources);
      }
      validateDictionary(options, 'options');
      let { type = '', endings = 'transparent' } = options ?? {};
      endings = `${endings}`;
      if (endings !== 'transparent' && endings !== 'native') {
        throw binding.argValueError('options.endings', endings);
      }
      let length = 0;
      const parts = ArrayFrom(sources, (source) => {
        const [len, bytes] = blobSource(source, endings);
        length += len;
        return bytes;
      });
      this[kBytes] = joinParts(parts);
      this[kLength] = length;
      type = `${type}`;
      this[kType] = /[^\u0020-\u007E]/.test(type) ? '' : type.toLowerCase();
    }
    get size() { return this[kLength]; }
    get type() { return this[kType]; }
    slice(start = 0, end = this.size, contentType = '') {
      const size = this.size;
      const rel = (v) => {
        const n = MathTrunc(NumberCtor(v)) || 0;
        return n < 0 ? MathMax(size + n, 0) : MathMin(n, size);
      };
      const from = rel(start);
      const to = rel(end);
      const out = new Blob([], { type: contentType });
      // The bytes copied through the views' slots (Node's native slice reads no JS property).
      const part = ReflectApply(u8Subarray, this[kBytes], [from, MathMax(from, to)]);
      out[kBytes] = joinParts([part]);
      out[kLength] = MathMax(to - from, 0);
      return out;
    }
    arrayBuffer() {
      const bytes = this[kBytes];
      const ab = new ArrayBuffer(ReflectApply(taByteLength, bytes, []));
      ReflectApply(u8Set, new Uint8Array(ab), [bytes, 0]);
      return PromiseResolve(ab);
    }
    text() {
      const bytes = this[kBytes];
      return PromiseResolve(ReflectApply(utf8SliceFn, bytes, [0, ReflectApply(taByteLength, bytes, [])]));
    }
    [kInspect](depth, options, inspect) {
      if (depth < 0) return this;
      const fields = { size: this.size, type: this.type };
      return `Blob ${typeof inspect === 'function' ? inspect(fields, options) : JSONStringify(fields)}`;
    }
  }
  for (const name of ['size', 'type', 'slice', 'arrayBuffer', 'text']) {
    const d = Object.getOwnPropertyDescriptor(Blob.prototype, name);
    d.enumerable = true;
    Object.defineProperty(Blob.prototype, name, d);
  }
  Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

  const kName = Symbol('nodebuf.fileName');
  const kLastModified = Symbol('nodebuf.fileLastModified');
  class File extends Blob {
    constructor(fileBits, fileName, options = undefined) {
      if (arguments.length < 2) throw binding.missingArgs('fileBits', 'fileName');
      super(fileBits, options);
      // As Node: lastModified read and converted (+x: BigInts throw, NaN is 0), then the name.
      let { lastModified } = options ?? {};
      if (lastModified !== undefined) {
        lastModified = +lastModified;
        if (lastModified !== lastModified) lastModified = 0;
      } else {
        lastModified = Date.now();
      }
      this[kName] = `${fileName}`.toWellFormed();
      this[kLastModified] = lastModified;
    }
    get name() { return this[kName]; }
    get lastModified() { return this[kLastModified]; }
    [kInspect](depth, options, inspect) {
      if (depth < 0) return this;
      const fields = { size: this.size, type: this.type, name: this.name, lastModified: this.lastModified };
      return `File ${typeof inspect === 'function' ? inspect(fields, options) : JSONStringify(fields)}`;
    }
  }
  for (const name of ['name', 'lastModified']) {
    const d = Object.getOwnPropertyDescriptor(File.prototype, name);
    d.enumerable = true;
    Object.defineProperty(File.prototype, name, d);
  }
  Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

  // Object URLs are not created by this runtime, so none resolves.
  function resolveObjectURL(url) {
    void `${url}`;
    return undefined;
  }

  // --- module exports ---------------------------------------------------------------------
  let inspectFn;
  function SlowBuffer(size) {
    return binding.allocUnsafeSlow(size);
  }
  Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
  Object.setPrototypeOf(SlowBuffer, Uint8Array);

  const exports = {
    Buffer,
    SlowBuffer,
    // Function declarations in Node (each has a `prototype`), not methods.
    transcode: function transcode(source, fromEnc, toEnc) {
      // Node reads `source.length` as a property (a getter a script defined runs once) and
      // answers an empty Buffer for 0 before it names the encodings.
      if (typedArrayTag(source) === 'Uint8Array' && source.length === 0) return fast.alloc(0);
      return binding.transcode(source, fromEnc, toEnc);
    },
    isUtf8: function isUtf8(input) {
      checkNotDetached(input);
      return binding.isUtf8(input);
    },
    isAscii: function isAscii(input) {
      checkNotDetached(input);
      return binding.isAscii(input);
    },
    kMaxLength,
    kStringMaxLength,
    btoa: function btoa(input) {
      if (arguments.length === 0) return binding.btoa(undefined, true);
      return binding.btoa(`${input}`);
    },
    atob: function atob(input) {
      if (arguments.length === 0) return binding.atob(undefined, true);
      return binding.atob(`${input}`);
    },
    constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
    INSPECT_MAX_BYTES: 50,
    Blob,
    resolveObjectURL,
    File,
  };
  Object.defineProperty(exports, Symbol.for('nodebuf.untransferable'), {
    value: {
      mark(value) { if (value !== null && typeof value === 'object') untransferable.add(value); },
      has(value) {
        return value !== null && typeof value === 'object' &&
          (untransferable.has(value) || isPoolSlab(value));
      },
    },
  });
  Object.defineProperty(exports, 'INSPECT_MAX_BYTES', {
    get: binding.getInspectMaxBytes,
    set: binding.setInspectMaxBytes,
    enumerable: true,
    configurable: true,
  });

  return {
    exports,
    FastBuffer,
    setInspect(fn) {
      inspectFn = fn;
      binding.setInspect(fn);
    },
  };
})
