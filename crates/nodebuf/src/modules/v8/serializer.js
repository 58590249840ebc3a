// v8.Serializer: writes values in V8's ValueSerializer format, byte for byte what Node v20's
// `v8.Serializer` writes (object ids, dense and sparse arrays, padding before two-byte strings,
// host objects through `_writeHostObject`, transferred and shared buffers through the
// serializer's hooks, `_getDataCloneError` for refusals).
'use strict';

const { tags, errorTags, errorPrototypeTags, viewSubtags, viewFlags, regexpFlagBits, kLatestVersion } =
  require('internal/v8/wire');
const { makeNodeError } = require('internal/errors');
const { prototypeWith } = require('internal/v8/wire');
const { types, classIds: ids } = require('internal/inspect');

const {
  ArrayBufferPrototypeGetResizable,
  ArrayBufferPrototypeGetMaxByteLength,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeGetDetached,
  Uint8Array: PrimordialUint8Array,
  TypedArrayPrototypeSet,
} = native.primordials;
const viewGeometry = native.messaging.viewGeometry;
const classId = native.classId;
const isPackedArray = native.v8.isPackedArray;

const ObjectKeys = Object.keys;
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const FunctionPrototypeToString = Function.prototype.toString;
const SymbolPrototypeToString = Symbol.prototype.toString;
const DatePrototypeGetTime = Date.prototype.getTime;
const NumberPrototypeValueOf = Number.prototype.valueOf;
const StringPrototypeValueOf = String.prototype.valueOf;
const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
const RegExpPrototypeGetSource = getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regexpFlagGetters = regexpFlagBits.map(([name, bit]) => [getOwnPropertyDescriptor(RegExp.prototype, name).get, bit]);
const MapPrototypeEntries = Map.prototype.entries;
const SetPrototypeValues = Set.prototype.values;
const ArrayIsArray = Array.isArray;
const ArrayBufferIsView = ArrayBuffer.isView;
const StringPrototypeCharCodeAt = String.prototype.charCodeAt;
const RegExpPrototypeTest = RegExp.prototype.test;
const latin1Write = Buffer.prototype.latin1Write;
const ucs2Write = Buffer.prototype.ucs2Write;
const allocUnsafeSlow = Buffer.allocUnsafeSlow;

const subtagOf = new Map(viewSubtags);
const errorPrototypeTagOf = new Map(errorPrototypeTags);
const kNotOneByte = /[^\x00-\xff]/;
const kArrayIndexMax = 2 ** 32 - 2;

function illegalInvocation() {
  return new TypeError('Illegal invocation');
}

/**
 * V8's side-effect-free description of a value in "could not be cloned" messages: a
 * function's source, `Symbol(x)`, `#<Ctor>` for objects whose `toString` is Object's own,
 * `[object Tag]` otherwise (data properties only: no getter runs).
 */
function describeForCloneError(value) {
  // V8 describes a Proxy by its target.
  for (let details = native.proxyDetails(value); details !== undefined; details = native.proxyDetails(value)) {
    value = details[0];
  }
  if (typeof value === 'function') return FunctionPrototypeToString.call(value);
  if (typeof value === 'symbol') return SymbolPrototypeToString.call(value);
  const toString = dataPropertyOf(value, 'toString');
  if (toString === Object.prototype.toString) {
    const ctor = dataPropertyOf(value, 'constructor');
    if (typeof ctor === 'function') {
      const name = dataPropertyOf(ctor, 'name');
      if (typeof name === 'string' && name.length > 0) return `#<${name}>`;
    }
  }
  const tag = dataPropertyOf(value, Symbol.toStringTag);
  return `[object ${typeof tag === 'string' ? tag : builtinTagOf(value)}]`;
}

// A data property's value along the prototype chain, never calling a getter or a Proxy trap.
function dataPropertyOf(object, key) {
  for (let o = object; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    if (types.isProxy(o)) return undefined;
    const desc = getOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}

function builtinTagOf(value) {
  if (types.isTypedArray(value)) return types.typedArrayName(value);
  if (ArrayIsArray(value)) return 'Array';
  if (types.isArgumentsObject(value)) return 'Arguments';
  return 'Object';
}

/** The state behind one Serializer: its bytes, object ids and transfer table. */
class SerializerState {
  constructor(owner) {
    this.owner = owner;
    this.bytes = allocUnsafeSlow(64);
    this.size = 0;
    this.ids = new Map();
    this.nextId = 0;
    this.transfers = new Map();
    this.viewsAsHostObjects = false;
    this.scratch = new DataView(new ArrayBuffer(8));
  }

  reserve(count) {
    const needed = this.size + count;
    if (needed <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = allocUnsafeSlow(capacity);
    TypedArrayPrototypeSet.call(grown, new PrimordialUint8Array(this.bytes.buffer, this.bytes.byteOffset, this.size));
    this.bytes = grown;
  }

  byte(value) {
    this.reserve(1);
    this.bytes[this.size++] = value;
  }

  /** Base-128 little-endian varint of an unsigned integer below 2**53. */
  varint(value) {
    this.reserve(10);
    while (value >= 0x80) {
      this.bytes[this.size++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.size++] = value;
  }

  zigzag(value) {
    this.varint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  double(value) {
    this.scratch.setFloat64(0, value, true);
    this.rawBytes(new PrimordialUint8Array(this.scratch.buffer));
  }

  /** Appends the bytes of a Uint8Array made by this module (never a user object). */
  rawBytes(u8) {
    this.reserve(u8.length);
    TypedArrayPrototypeSet.call(this.bytes, u8, this.size);
    this.size += u8.length;
  }

  string(value) {
    const length = value.length;
    if (!RegExpPrototypeTest.call(kNotOneByte, value)) {
      this.byte(tags.oneByteString);
      this.varint(length);
      this.reserve(length);
      latin1Write.call(this.bytes, value, this.size, length);
      this.size += length;
      return;
    }
    const byteLength = length * 2;
    // Two-byte contents start at an even offset: V8 pads before the tag when they would not.
    if ((this.size + 1 + varintSize(byteLength)) & 1) this.byte(tags.padding);
    this.byte(tags.twoByteString);
    this.varint(byteLength);
    this.reserve(byteLength);
    ucs2Write.call(this.bytes, value, this.size, byteLength);
    this.size += byteLength;
  }

  bigintContents(value) {
    const negative = value < 0n;
    let magnitude = negative ? -value : value;
    const words = [];
    while (magnitude > 0n) {
      words.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    this.varint(words.length * 8 * 2 + (negative ? 1 : 0));
    for (const word of words) {
      this.scratch.setBigUint64(0, word, true);
      this.rawBytes(new PrimordialUint8Array(this.scratch.buffer));
    }
  }

  number(value) {
    if (value === (value | 0) && !Object.is(value, -0)) {
      this.byte(tags.int32);
      this.zigzag(value);
    } else {
      this.byte(tags.double);
      this.double(value);
    }
  }

  /** A property key: array indices as numbers, other keys as strings. */
  key(key) {
    const index = canonicalIndex(key);
    if (index === -1) this.string(key);
    else this.number(index);
  }

  // The error to throw: what the serializer's `_getDataCloneError` returns when called (not
  // constructed) with the message, as Node's delegate does.
  cloneError(value, message = `${describeForCloneError(value)} could not be cloned.`) {
    const make = this.owner._getDataCloneError;
    return make.call(this.owner, message);
  }

  value(value) {
    switch (typeof value) {
      case 'undefined': this.byte(tags.undefined); return;
      case 'boolean': this.byte(value ? tags.true : tags.false); return;
      case 'number': this.number(value); return;
      case 'bigint': this.byte(tags.bigint); this.bigintContents(value); return;
      case 'string': this.string(value); return;
      case 'symbol': throw this.cloneError(value);
      default: break;
    }
    if (value === null) {
      this.byte(tags.null);
      return;
    }
    // A view's buffer goes first (and takes the lower id) unless views are host objects.
    if (ArrayBufferIsView(value) && !this.ids.has(value) && !this.viewsAsHostObjects) {
      const geometry = viewGeometry(value);
      if (geometry !== undefined) this.receiver(geometry[0]);
    }
    this.receiver(value);
  }

  receiver(value) {
    const seen = this.ids.get(value);
    if (seen !== undefined) {
      this.byte(tags.objectReference);
      this.varint(seen);
      return;
    }
    this.ids.set(value, this.nextId++);
    // The global object is the engine's plain object here; in V8 it is an exotic one.
    if (typeof value === 'function' || types.isProxy(value) || value === globalThis) throw this.cloneError(value);
    const cls = classId(value);
    if (cls === ids.array) return this.array(value);
    if (cls === ids.object) return this.object(value);
    if (cls === ids.date) {
      this.byte(tags.date);
      this.double(DatePrototypeGetTime.call(value));
      return;
    }
    if (cls === ids.number) {
      this.byte(tags.numberObject);
      this.double(NumberPrototypeValueOf.call(value));
      return;
    }
    if (cls === ids.string) {
      this.byte(tags.stringObject);
      this.string(StringPrototypeValueOf.call(value));
      return;
    }
    if (cls === ids.boolean) {
      this.byte(BooleanPrototypeValueOf.call(value) ? tags.trueObject : tags.falseObject);
      return;
    }
    if (cls === ids.bigint) {
      this.byte(tags.bigintObject);
      this.bigintContents(BigIntPrototypeValueOf.call(value));
      return;
    }
    if (cls === ids.regexp) {
      this.byte(tags.regexp);
      this.string(RegExpPrototypeGetSource.call(value));
      let flags = 0;
      for (const [get, bit] of regexpFlagGetters) if (get.call(value)) flags |= bit;
      this.varint(flags);
      return;
    }
    if (cls === ids.map) return this.map(value);
    if (cls === ids.set) return this.set(value);
    if (cls === ids.arrayBuffer) return this.arrayBuffer(value);
    if (cls === ids.sharedArrayBuffer) return this.sharedArrayBuffer(value);
    if (ArrayBufferIsView(value)) return this.view(value);
    if (cls === ids.error) return this.error(value);
    throw this.cloneError(value);
  }

  // Own enumerable string keys, each read as V8 reads it (a getter runs; a key an earlier
  // getter deleted is skipped). Returns how many were written.
  properties(object, keys) {
    let written = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!hasOwn(object, key)) continue;
      const value = object[key];
      this.key(key);
      this.value(value);
      written++;
    }
    return written;
  }

  object(value) {
    this.byte(tags.beginObject);
    const written = this.properties(value, ObjectKeys(value));
    this.byte(tags.endObject);
    this.varint(written);
  }

  // Dense ('A') when every index below the length is a plain own element (what V8's packed
  // arrays are), sparse ('a') otherwise.
  array(value) {
    const length = value.length;
    const dense = isPackedArray(value);
    const keys = ObjectKeys(value);
    if (!dense) {
      this.byte(tags.beginSparseArray);
      this.varint(length);
      const written = this.properties(value, keys);
      this.byte(tags.endSparseArray);
      this.varint(written);
      this.varint(length);
      return;
    }
    this.byte(tags.beginDenseArray);
    this.varint(length);
    for (let i = 0; i < length; i++) {
      // A getter run by an earlier element can delete later ones: V8 marks them as holes.
      if (!hasOwn(value, i)) {
        this.byte(tags.theHole);
        continue;
      }
      this.value(value[i]);
    }
    const written = this.properties(value, keys.slice(length));
    this.byte(tags.endDenseArray);
    this.varint(written);
    this.varint(length);
  }

  map(value) {
    // The entries are taken first, as V8 copies the table before writing any of it.
    const entries = [];
    for (const [k, v] of { [Symbol.iterator]: () => MapPrototypeEntries.call(value) }) entries.push(k, v);
    this.byte(tags.beginMap);
    for (let i = 0; i < entries.length; i++) this.value(entries[i]);
    this.byte(tags.endMap);
    this.varint(entries.length);
  }

  set(value) {
    const items = [];
    for (const v of { [Symbol.iterator]: () => SetPrototypeValues.call(value) }) items.push(v);
    this.byte(tags.beginSet);
    for (let i = 0; i < items.length; i++) this.value(items[i]);
    this.byte(tags.endSet);
    this.varint(items.length);
  }

  arrayBuffer(value) {
    const transferId = this.transfers.get(value);
    if (transferId !== undefined) {
      this.byte(tags.arrayBufferTransfer);
      this.varint(transferId);
      return;
    }
    if (ArrayBufferPrototypeGetDetached.call(value)) {
      throw this.cloneError(value, 'An ArrayBuffer is detached and could not be cloned.');
    }
    const byteLength = ArrayBufferPrototypeGetByteLength.call(value);
    if (ArrayBufferPrototypeGetResizable.call(value)) {
      this.byte(tags.resizableArrayBuffer);
      this.varint(byteLength);
      this.varint(ArrayBufferPrototypeGetMaxByteLength.call(value));
    } else {
      this.byte(tags.arrayBuffer);
      this.varint(byteLength);
    }
    this.rawBytes(new PrimordialUint8Array(value, 0, byteLength));
  }

  sharedArrayBuffer(value) {
    const getId = this.owner._getSharedArrayBufferId;
    if (typeof getId !== 'function') throw this.cloneError(value);
    const id = getId.call(this.owner, value) >>> 0;
    this.byte(tags.sharedArrayBuffer);
    this.varint(id);
  }

  view(value) {
    if (this.viewsAsHostObjects) return this.hostObject(value);
    const geometry = viewGeometry(value);
    const isDataView = types.isDataView(value);
    if (geometry === undefined || geometry[1] === 'oob') {
      throw this.cloneError(value, `${isDataView ? '#<DataView>' : '[object Object]'} could not be cloned.`);
    }
    const [buffer, byteOffset, byteLength, lengthTracking] = geometry[1] === 'detached' ? [geometry[0], 0, 0, false] : geometry;
    this.byte(tags.arrayBufferView);
    this.byte(subtagOf.get(isDataView ? 'DataView' : types.typedArrayName(value)));
    this.varint(byteOffset);
    // A length-tracking view has no length of its own to record.
    this.varint(lengthTracking ? 0 : byteLength);
    const resizable = classId(buffer) === ids.arrayBuffer && ArrayBufferPrototypeGetResizable.call(buffer);
    this.varint((lengthTracking ? viewFlags.lengthTracking : 0) | (resizable ? viewFlags.backedByResizable : 0));
  }

  hostObject(value) {
    this.byte(tags.hostObject);
    const write = this.owner._writeHostObject;
    if (typeof write !== 'function') throw this.cloneError(value);
    write.call(this.owner, value);
  }

  error(value) {
    const message = getOwnPropertyDescriptor(value, 'message');
    const cause = getOwnPropertyDescriptor(value, 'cause');
    this.byte(tags.error);
    const prototypeTag = errorPrototypeTagOf.get(`${value.name}`);
    if (prototypeTag !== undefined) this.varint(prototypeTag);
    if (message !== undefined && 'value' in message) {
      const text = `${message.value}`;
      this.varint(errorTags.message);
      this.string(text);
    }
    if (cause !== undefined && 'value' in cause) {
      this.varint(errorTags.cause);
      this.value(cause.value);
    }
    const stack = value.stack;
    if (typeof stack === 'string') {
      this.varint(errorTags.stack);
      this.string(stack);
    }
    this.varint(errorTags.end);
  }
}

function varintSize(value) {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    size++;
  }
  return size;
}

// The array index a property key names (0 .. 2**32 - 2, canonical form), or -1.
function canonicalIndex(key) {
  const first = StringPrototypeCharCodeAt.call(key, 0);
  if (!(first >= 0x30 && first <= 0x39)) return -1;
  const index = +key;
  return index <= kArrayIndexMax && `${index}` === key ? index : -1;
}

const states = new WeakMap();

function stateOf(serializer) {
  const state = states.get(serializer);
  if (state === undefined) throw illegalInvocation();
  return state;
}

function viewBytes(source) {
  const geometry = viewGeometry(source);
  if (geometry === undefined || typeof geometry[1] !== 'number') return new PrimordialUint8Array(0);
  return new PrimordialUint8Array(geometry[0], geometry[1], geometry[2]);
}

/**
 * `v8.Serializer`: V8's serializer with Node's delegate hooks (`_writeHostObject`,
 * `_getSharedArrayBufferId`, `_getDataCloneError`). Must be called with `new`.
 */
function Serializer() {
  if (new.target === undefined) {
    throw makeNodeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', "Class constructor Serializer cannot be invoked without 'new'");
  }
  states.set(this, new SerializerState(this));
}

const serializerMethods = {
  /** Writes the format header (0xFF and the version). */
  writeHeader() {
    const state = stateOf(this);
    state.byte(tags.version);
    state.varint(kLatestVersion);
  },
  /** Serializes `value`; returns true or throws the delegate's DataCloneError. */
  writeValue(value) {
    stateOf(this).value(value);
    return true;
  },
  /** Returns the bytes written so far as a Buffer and starts a new, empty one. */
  releaseBuffer() {
    const state = stateOf(this);
    // A Buffer of its own, exactly as long as the data (Node hands over V8's buffer).
    const out = allocUnsafeSlow(state.size);
    TypedArrayPrototypeSet.call(out, new PrimordialUint8Array(state.bytes.buffer, state.bytes.byteOffset, state.size));
    state.bytes = allocUnsafeSlow(64);
    state.size = 0;
    return out;
  },
  /** Marks `arrayBuffer` as transferred out of band under `id` (written as a reference). */
  transferArrayBuffer(id, arrayBuffer) {
    const state = stateOf(this);
    const transferId = id >>> 0;
    if (classId(arrayBuffer) !== ids.arrayBuffer) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'arrayBuffer must be an ArrayBuffer');
    }
    state.transfers.set(arrayBuffer, transferId);
  },
  /** Writes a varint of ToUint32(value) (for `_writeHostObject`). */
  writeUint32(value) {
    const state = stateOf(this);
    state.varint(value >>> 0);
  },
  /** Writes one varint of the 64-bit value `hi * 2**32 + lo`. */
  writeUint64(hi, lo) {
    const state = stateOf(this);
    let value = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    state.reserve(10);
    while (value >= 0x80n) {
      state.bytes[state.size++] = Number(value & 0x7fn) | 0x80;
      value >>= 7n;
    }
    state.bytes[state.size++] = Number(value);
  },
  /** Writes ToNumber(value) as 8 little-endian bytes. */
  writeDouble(value) {
    const state = stateOf(this);
    state.double(+value);
  },
  /** Writes the bytes of a TypedArray or DataView, resolved from its slots. */
  writeRawBytes(source) {
    const state = stateOf(this);
    if (!ArrayBufferIsView(source)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'source must be a TypedArray or a DataView');
    }
    state.rawBytes(viewBytes(source));
  },
  /** Whether views are written as host objects (Node's DefaultSerializer turns it on). */
  _setTreatArrayBufferViewsAsHostObjects(flag) {
    stateOf(this).viewsAsHostObjects = !!flag;
  },
};
Serializer.prototype = prototypeWith(serializerMethods, Serializer, { _getDataCloneError: Error });

module.exports = { Serializer, describeForCloneError };
