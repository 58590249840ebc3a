// v8.Deserializer: reads V8's ValueSerializer format (versions 13 to 15) as Node v20's
// `v8.Deserializer` does, with its checks (counts and lengths that must agree, ids that must
// exist, views inside their buffer) and its failures ("Unable to deserialize cloned data.").
// The bytes are read from the input view's memory, resolved from its slots at construction:
// nothing a script does to the view's properties changes what is read, and a buffer detached
// or shrunk underneath reads as the end of the data.
'use strict';

const { tags, errorTags, errorPrototypeTags, viewSubtags, viewFlags, regexpFlagBits, kKnownRegExpFlags, kLatestVersion } =
  require('internal/v8/wire');
const { makeNodeError } = require('internal/errors');
const { prototypeWith } = require('internal/v8/wire');
const { types, classIds } = require('internal/inspect');

const {
  ArrayBuffer: PrimordialArrayBuffer,
  Uint8Array: PrimordialUint8Array,
  TypedArrayPrototypeSet,
} = native.primordials;
const viewGeometry = native.messaging.viewGeometry;
const classId = native.classId;
const { arrayBuffer: kArrayBufferClass, sharedArrayBuffer: kSharedArrayBufferClass } = classIds;

const defineProperty = Object.defineProperty;
const MapPrototypeSet = Map.prototype.set;
const SetPrototypeAdd = Set.prototype.add;
const ArrayBufferIsView = ArrayBuffer.isView;
const latin1Slice = Buffer.prototype.latin1Slice;
const ucs2Slice = Buffer.prototype.ucs2Slice;
const utf8Slice = Buffer.prototype.utf8Slice;
const BufferFrom = Buffer.from;
const TypedArrayPrototypeGetLength =
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'length').get;

const kMinimumVersion = 13;
const subtagKinds = new Map(viewSubtags.map(([kind, subtag]) => [subtag, kind]));
// The constructors by name as they were when the thread started (not what a script put on the
// global object since), as V8's deserializer makes its values with its own.
const intrinsics = {
  __proto__: null, Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
};
const errorConstructors = new Map(errorPrototypeTags.map(([name, tag]) => [tag, intrinsics[name]]));
const regexpFlagLetters = regexpFlagBits.map(([, bit, letter]) => [bit, letter]);

/** Thrown inside the reader for malformed data; turned into V8's error at the top. */
const kMalformed = Symbol('malformed');

function deserializeError() {
  return new Error('Unable to deserialize cloned data.');
}

function versionError() {
  return new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
}

/** The state behind one Deserializer: the bytes, the read position, ids and transfers. */
class DeserializerState {
  constructor(owner, memory, byteOffset, byteLength) {
    this.owner = owner;
    // A Buffer over the input's memory, for the string decoders.
    this.bytes = BufferFrom(memory, byteOffset, byteLength);
    this.end = byteLength;
    this.position = 0;
    this.version = 0;
    this.objects = new Map();
    this.nextId = 0;
    this.transfers = new Map();
    this.scratch = new DataView(new ArrayBuffer(8));
  }

  // The input may have been detached or shrunk since: the readable end is the smaller one.
  available() {
    return Math.min(this.end, TypedArrayPrototypeGetLength.call(this.bytes)) - this.position;
  }

  rawByte() {
    if (this.available() < 1) throw kMalformed;
    return this.bytes[this.position++];
  }

  /**
   * The next tag, skipping padding; without consuming it when `peek` (then -1 at the end of
   * the data, where reading one fails).
   */
  tag(peek = false) {
    let at = this.position;
    const limit = Math.min(this.end, TypedArrayPrototypeGetLength.call(this.bytes));
    while (at < limit && this.bytes[at] === tags.padding) at++;
    if (at >= limit) {
      if (peek) return -1;
      throw kMalformed;
    }
    if (!peek) this.position = at + 1;
    return this.bytes[at];
  }

  /**
   * A base-128 varint of at most `maxBytes` bytes (5 for 32 bits, 10 for 64), as V8 reads
   * one: past `maxBytes` it stops, leaving the next byte unread, but fails if the data ends
   * there; bits past the type's width are dropped. Returns the value as a BigInt.
   */
  varintBits(maxBytes) {
    let result = 0n;
    for (let i = 0; ; i++) {
      if (i === maxBytes) {
        if (this.available() < 1) throw kMalformed;
        break;
      }
      const byte = this.rawByte();
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) break;
    }
    return result;
  }

  /** A 32-bit varint (V8's `ReadVarint<uint32_t>`). */
  varint() {
    // The common case, up to four bytes, without BigInts; anything longer (or cut short) is
    // read again from its start by the exact reader.
    const start = this.position;
    let result = 0;
    for (let i = 0; i < 4 && this.available() > 0; i++) {
      const byte = this.bytes[this.position++];
      result += (byte & 0x7f) * 2 ** (7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    this.position = start;
    return Number(this.varintBits(5) & 0xffffffffn);
  }

  /** A 64-bit varint as a BigInt (V8's `ReadVarint<uint64_t>`). */
  bigVarint() {
    return this.varintBits(10) & 0xffffffffffffffffn;
  }

  double() {
    const raw = this.raw(8);
    TypedArrayPrototypeSet.call(new PrimordialUint8Array(this.scratch.buffer), this.bytes.subarray(raw, raw + 8));
    return this.scratch.getFloat64(0, true);
  }

  /** Consumes `length` bytes and returns their offset in the input. */
  raw(length) {
    if (!(length >= 0) || length > this.available()) throw kMalformed;
    const at = this.position;
    this.position += length;
    return at;
  }

  copyBytes(length) {
    const at = this.raw(length);
    const out = new PrimordialUint8Array(length);
    TypedArrayPrototypeSet.call(out, this.bytes.subarray(at, at + length));
    return out;
  }

  remember(id, object) {
    this.objects.set(id, object);
    return object;
  }

  value() {
    let result = this.valueInner();
    const cls = classId(result);
    if ((cls === kArrayBufferClass || cls === kSharedArrayBufferClass) && this.tag(true) === tags.arrayBufferView) {
      this.tag();
      result = this.view(result);
    }
    return result;
  }

  valueInner() {
    const tag = this.tag();
    switch (tag) {
      case tags.verifyObjectCount:
        this.varint();
        return this.value();
      case tags.undefined: return undefined;
      case tags.null: return null;
      case tags.true: return true;
      case tags.false: return false;
      case tags.int32: {
        const zigzag = this.varint();
        return (zigzag >>> 1) ^ -(zigzag & 1);
      }
      case tags.uint32: return this.varint();
      case tags.double: return this.double();
      case tags.bigint: return this.bigintContents();
      case tags.utf8String: case tags.oneByteString: case tags.twoByteString:
        return this.stringContents(tag);
      case tags.objectReference: {
        const id = this.varint();
        if (!this.objects.has(id)) throw kMalformed;
        return this.objects.get(id);
      }
      case tags.beginObject: return this.object();
      case tags.beginSparseArray: return this.sparseArray();
      case tags.beginDenseArray: return this.denseArray();
      case tags.date: {
        const id = this.nextId++;
        return this.remember(id, new Date(this.double()));
      }
      case tags.trueObject: case tags.falseObject:
        return this.remember(this.nextId++, new Boolean(tag === tags.trueObject));
      case tags.numberObject: {
        const id = this.nextId++;
        return this.remember(id, new Number(this.double()));
      }
      case tags.bigintObject: {
        const id = this.nextId++;
        return this.remember(id, Object(this.bigintContents()));
      }
      case tags.stringObject: {
        const id = this.nextId++;
        return this.remember(id, new String(this.string()));
      }
      case tags.regexp: return this.regexp();
      case tags.beginMap: return this.map();
      case tags.beginSet: return this.set();
      case tags.arrayBuffer: {
        const byteLength = this.varint();
        const id = this.nextId++;
        return this.remember(id, this.copyBytes(byteLength).buffer);
      }
      case tags.resizableArrayBuffer: {
        const byteLength = this.varint();
        const maxByteLength = this.varint();
        if (byteLength > maxByteLength) throw kMalformed;
        const id = this.nextId++;
        const out = new PrimordialArrayBuffer(byteLength, { maxByteLength });
        TypedArrayPrototypeSet.call(new PrimordialUint8Array(out), this.copyBytes(byteLength));
        return this.remember(id, out);
      }
      case tags.arrayBufferTransfer: {
        const transferId = this.varint();
        const id = this.nextId++;
        if (!this.transfers.has(transferId)) throw kMalformed;
        return this.remember(id, this.transfers.get(transferId));
      }
      case tags.error: return this.error();
      case tags.hostObject: return this.hostObject();
      default:
        throw kMalformed;
    }
  }

  // A string inside another record: V8 reads any value there (running a host object's hook,
  // taking ids) and then refuses what is not a string.
  string() {
    const value = this.value();
    if (typeof value !== 'string') throw kMalformed;
    return value;
  }

  stringContents(tag) {
    const byteLength = this.varint();
    if (tag === tags.twoByteString && byteLength % 2 !== 0) throw kMalformed;
    const at = this.raw(byteLength);
    const decode = tag === tags.oneByteString ? latin1Slice : tag === tags.twoByteString ? ucs2Slice : utf8Slice;
    return decode.call(this.bytes, at, at + byteLength);
  }

  bigintContents() {
    const bitfield = this.varint();
    const negative = (bitfield & 1) === 1;
    const byteLength = Math.floor(bitfield / 2);
    const at = this.raw(byteLength);
    // V8 has no negative zero: a sign with no digits is malformed.
    if (negative && byteLength === 0) throw kMalformed;
    let magnitude = 0n;
    for (let i = byteLength - 1; i >= 0; i--) magnitude = (magnitude << 8n) | BigInt(this.bytes[at + i]);
    return negative ? -magnitude : magnitude;
  }

  /** Properties until `endTag`; returns how many. Keys must be strings or numbers. */
  properties(object, endTag) {
    let count = 0;
    for (;;) {
      if (this.tag(true) === endTag) {
        this.tag();
        return count;
      }
      const key = this.value();
      if (typeof key !== 'string' && typeof key !== 'number') throw kMalformed;
      const value = this.value();
      defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      count++;
    }
  }

  object() {
    const object = this.remember(this.nextId++, {});
    const count = this.properties(object, tags.endObject);
    if (this.varint() !== count) throw kMalformed;
    return object;
  }

  sparseArray() {
    const length = this.varint();
    const array = this.remember(this.nextId++, []);
    array.length = length;
    const count = this.properties(array, tags.endSparseArray);
    const expectedCount = this.varint();
    const expectedLength = this.varint();
    if (count !== expectedCount || length !== expectedLength) throw kMalformed;
    return array;
  }

  denseArray() {
    const length = this.varint();
    // Every element takes at least a byte: a longer length cannot be honest.
    if (length > this.available()) throw kMalformed;
    const array = this.remember(this.nextId++, []);
    array.length = length;
    for (let i = 0; i < length; i++) {
      const next = this.tag(true);
      if (next === tags.theHole) {
        this.tag();
        continue;
      }
      const element = this.value();
      // Before version 11 a hole was written as undefined.
      if (element === undefined && this.version < 11) continue;
      defineProperty(array, i, { value: element, writable: true, enumerable: true, configurable: true });
    }
    const count = this.properties(array, tags.endDenseArray);
    const expectedCount = this.varint();
    const expectedLength = this.varint();
    if (count !== expectedCount || length !== expectedLength) throw kMalformed;
    return array;
  }

  regexp() {
    const id = this.nextId++;
    const source = this.string();
    const bits = this.varint();
    if ((bits & ~kKnownRegExpFlags) !== 0) throw kMalformed;
    let flags = '';
    for (const [bit, letter] of regexpFlagLetters) if (bits & bit) flags += letter;
    // An invalid pattern throws the engine's SyntaxError, as V8's does.
    return this.remember(id, new RegExp(source, flags));
  }

  map() {
    const map = this.remember(this.nextId++, new Map());
    let count = 0;
    for (;;) {
      if (this.tag(true) === tags.endMap) {
        this.tag();
        break;
      }
      const key = this.value();
      const value = this.value();
      MapPrototypeSet.call(map, key, value);
      count += 2;
    }
    if (this.varint() !== count) throw kMalformed;
    return map;
  }

  set() {
    const set = this.remember(this.nextId++, new Set());
    let count = 0;
    for (;;) {
      if (this.tag(true) === tags.endSet) {
        this.tag();
        break;
      }
      SetPrototypeAdd.call(set, this.value());
      count++;
    }
    if (this.varint() !== count) throw kMalformed;
    return set;
  }

  view(buffer) {
    const subtag = this.rawByte();
    const byteOffset = this.varint();
    const byteLength = this.varint();
    const flags = this.varint();
    const id = this.nextId++;
    const kind = subtagKinds.get(subtag);
    if (kind === undefined) throw kMalformed;
    const geometry = viewGeometry(buffer);
    const bufferLength = geometry === undefined ? 0 : geometry[2];
    const resizable = (flags & viewFlags.backedByResizable) !== 0;
    const lengthTracking = (flags & viewFlags.lengthTracking) !== 0;
    if (lengthTracking && !resizable) throw kMalformed;
    if (byteOffset > bufferLength || byteLength > bufferLength - byteOffset) throw kMalformed;
    let out;
    if (kind === 'DataView') {
      out = lengthTracking ? new DataView(buffer, byteOffset) : new DataView(buffer, byteOffset, byteLength);
    } else {
      const Ctor = intrinsics[kind];
      const size = Ctor.BYTES_PER_ELEMENT;
      if (byteOffset % size !== 0 || byteLength % size !== 0) throw kMalformed;
      out = lengthTracking ? new Ctor(buffer, byteOffset) : new Ctor(buffer, byteOffset, byteLength / size);
    }
    return this.remember(id, out);
  }

  error() {
    const id = this.nextId++;
    let Ctor = Error;
    let message;
    let stack;
    let hasCause = false;
    let cause;
    for (;;) {
      const tag = this.varint();
      if (tag === errorTags.end) break;
      if (errorConstructors.has(tag)) Ctor = errorConstructors.get(tag);
      else if (tag === errorTags.message) message = this.string();
      else if (tag === errorTags.stack) stack = this.string();
      else if (tag === errorTags.cause) {
        hasCause = true;
        cause = this.value();
      } else throw kMalformed;
    }
    const error = hasCause ? new Ctor(message, { cause }) : new Ctor(message);
    // An assignment to the new error's own (writable, non-enumerable) stack: it is replaced
    // without being formatted, as V8 does.
    error.stack = stack;
    return this.remember(id, error);
  }

  hostObject() {
    const id = this.nextId++;
    const read = this.owner._readHostObject;
    if (typeof read !== 'function') throw kMalformed;
    const object = read.call(this.owner);
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new TypeError('readHostObject must return an object');
    }
    return this.remember(id, object);
  }
}

const states = new WeakMap();

function stateOf(deserializer) {
  const state = states.get(deserializer);
  if (state === undefined) throw new TypeError('Illegal invocation');
  return state;
}

/** Runs a read; malformed data becomes V8's error, anything a hook threw passes through. */
function guarded(state, read) {
  try {
    return read();
  } catch (error) {
    if (error === kMalformed) throw deserializeError();
    throw error;
  }
}

/**
 * `v8.Deserializer(buffer)`: reads what a Serializer wrote from a TypedArray or DataView,
 * kept as the instance's `buffer` property as Node does.
 */
function Deserializer(buffer) {
  if (new.target === undefined) {
    throw makeNodeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', "Class constructor Deserializer cannot be invoked without 'new'");
  }
  if (!ArrayBufferIsView(buffer)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'buffer must be a TypedArray or a DataView');
  }
  const geometry = viewGeometry(buffer);
  const live = geometry !== undefined && typeof geometry[1] === 'number';
  this.buffer = buffer;
  states.set(this, live
    ? new DeserializerState(this, geometry[0], geometry[1], geometry[2])
    : new DeserializerState(this, new PrimordialArrayBuffer(0), 0, 0));
}

function readFailure(name) {
  return new Error(`${name}() failed`);
}

const deserializerMethods = {
  /** Reads the header; throws V8's version error for versions it cannot read. */
  readHeader() {
    const state = stateOf(this);
    if (state.available() > 0 && state.bytes[state.position] === tags.version) {
      state.position++;
      let version;
      try {
        version = state.varint();
      } catch {
        throw versionError();
      }
      state.version = version;
      if (version > kLatestVersion) throw versionError();
    }
    if (state.version < kMinimumVersion) throw versionError();
    return true;
  },
  /** Reads the next value. */
  readValue() {
    const state = stateOf(this);
    return guarded(state, () => state.value());
  },
  /** The version read by `readHeader` (0 before). */
  getWireFormatVersion() {
    return stateOf(this).version;
  },
  /** Supplies the ArrayBuffer (or SharedArrayBuffer) a Serializer transferred under `id`. */
  transferArrayBuffer(id, arrayBuffer) {
    const state = stateOf(this);
    const transferId = id >>> 0;
    if (!types.isAnyArrayBuffer(arrayBuffer)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
    }
    state.transfers.set(transferId, arrayBuffer);
  },
  /** Reads a varint written by `writeUint32`. */
  readUint32() {
    const state = stateOf(this);
    try {
      return state.varint();
    } catch {
      throw readFailure('ReadUint32');
    }
  },
  /** Reads a 64-bit varint as `[hi, lo]`. */
  readUint64() {
    const state = stateOf(this);
    let value;
    try {
      value = state.bigVarint();
    } catch {
      throw readFailure('ReadUint64');
    }
    return [Number(value >> 32n), Number(value & 0xffffffffn)];
  },
  /** Reads 8 little-endian bytes as a double. */
  readDouble() {
    const state = stateOf(this);
    try {
      return state.double();
    } catch {
      throw readFailure('ReadDouble');
    }
  },
  /** Consumes `length` bytes and returns their offset in `buffer`. */
  _readRawBytes(length) {
    const state = stateOf(this);
    const count = Math.trunc(+length) || 0;
    try {
      return state.raw(count);
    } catch {
      throw readFailure('ReadRawBytes');
    }
  },
};
Deserializer.prototype = prototypeWith(deserializerMethods, Deserializer, {
  /** Consumes `length` bytes and returns them as a Buffer sharing the input's memory. */
  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    return BufferFrom(this.buffer.buffer, this.buffer.byteOffset + offset, length);
  },
});

module.exports = { Deserializer };
