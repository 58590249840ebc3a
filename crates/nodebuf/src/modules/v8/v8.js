// The `v8` module: `serialize`/`deserialize` and the (Default)Serializer/Deserializer classes in
// V8's wire format (Buffers and typed arrays as Node's host objects), heap statistics read from
// QuickJS's own accounting, `promiseHooks` on the engine's promise hook, and the
// startup-snapshot and coverage entry points as they behave in a process that builds no
// snapshot and collects no coverage.
'use strict';

const { Serializer } = require('internal/v8/serializer');
const { Deserializer } = require('internal/v8/deserializer');
const { codes, makeNodeError, validateFunction, validateString } = require('internal/errors');
const { inspect } = require('internal/inspect');

const ObjectPrototypeToString = Object.prototype.toString;
const BufferFrom = Buffer.from;
const BufferAllocUnsafe = Buffer.allocUnsafe;
const BufferCopy = Buffer.prototype.copy;

/** Node's host-object type indices for views; 10 is Node's own Buffer class. */
const kBufferIndex = 10;
const viewConstructors = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, DataView, null, BigInt64Array, BigUint64Array,
];
const viewIndexByTag = new Map(viewConstructors.map((ctor, index) =>
  [ctor === null ? '' : `[object ${ctor.name}]`, index]));

// `new (viewConstructorAt(i))(arrayBuffer, byteOffset, length)` for every index; index 10
// makes a Buffer over the memory, as Node's FastBuffer does.
function BufferView(arrayBuffer, byteOffset, length) {
  return BufferFrom(arrayBuffer, byteOffset, length);
}
BufferView.BYTES_PER_ELEMENT = 1;
function viewConstructorAt(index) {
  return index === kBufferIndex ? BufferView : viewConstructors[index];
}

/**
 * Node's DefaultSerializer: views are host objects (type index, byte length, bytes), so a
 * Buffer reads back as a Buffer and a typed array as its own kind.
 */
class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    let index = kBufferIndex;
    // Node reads these through the view's properties, so a script's overrides count here.
    if (abView.constructor !== Buffer) {
      index = viewIndexByTag.get(ObjectPrototypeToString.call(abView));
      if (index === undefined || index === kBufferIndex) {
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(abView)}`);
      }
    }
    this.writeUint32(index);
    this.writeUint32(abView.byteLength);
    this.writeRawBytes(new Uint8Array(abView.buffer, abView.byteOffset, abView.byteLength));
  }
}

/**
 * Node's DefaultDeserializer: host objects become views over the input's own memory when
 * aligned for their kind, else over an aligned copy.
 */
class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const ctor = viewConstructorAt(typeIndex);
    const byteLength = this.readUint32();
    const byteOffset = this._readRawBytes(byteLength);
    const elementSize = ctor.BYTES_PER_ELEMENT || 1;
    const offset = this.buffer.byteOffset + byteOffset;
    if (offset % elementSize === 0) {
      return new ctor(this.buffer.buffer, offset, byteLength / elementSize);
    }
    const copy = BufferAllocUnsafe(byteLength);
    BufferCopy.call(this.buffer, copy, 0, byteOffset, byteOffset + byteLength);
    return new ctor(copy.buffer, copy.byteOffset, byteLength / elementSize);
  }
}

/** `v8.serialize(value)`: a Buffer holding `value` in V8's format, views as host objects. */
function serialize(value) {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

/** `v8.deserialize(buffer)`: the value `serialize` wrote into `buffer`. */
function deserialize(buffer) {
  const deserializer = new DefaultDeserializer(buffer);
  deserializer.readHeader();
  return deserializer.readValue();
}

// --- heap statistics ------------------------------------------------------------------------
// QuickJS has one heap, no code space and no handle tables: its malloc'd size and used size
// fill V8's totals, the limit is the runtime's memory limit (V8's default for this machine's
// memory when none is set), and the spaces V8 lists are reported with their names and sizes
// attributed to the old space.

const kSpaceNames = ['read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space',
  'new_large_object_space', 'large_object_space', 'code_large_object_space', 'shared_large_object_space'];

function heapUsage() {
  return native.v8.heapUsage();
}

/** `v8.getHeapStatistics()`: V8's fields filled from the engine's accounting. */
function getHeapStatistics() {
  const usage = heapUsage();
  return {
    total_heap_size: usage.total,
    total_heap_size_executable: 0,
    total_physical_size: usage.total,
    total_available_size: Math.max(usage.limit - usage.used, 0),
    used_heap_size: usage.used,
    heap_size_limit: usage.limit,
    malloced_memory: usage.total,
    peak_malloced_memory: usage.peak,
    does_zap_garbage: 0,
    number_of_native_contexts: usage.contexts,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: process.memoryUsage().external,
  };
}

/** `v8.getHeapSpaceStatistics()`: V8's space list; QuickJS's one heap is the old space. */
function getHeapSpaceStatistics() {
  const usage = heapUsage();
  return kSpaceNames.map((name) => {
    const old = name === 'old_space';
    return {
      space_name: name,
      space_size: old ? usage.total : 0,
      space_used_size: old ? usage.used : 0,
      space_available_size: old ? Math.max(usage.total - usage.used, 0) : 0,
      physical_space_size: old ? usage.total : 0,
    };
  });
}

/** `v8.getHeapCodeStatistics()`: QuickJS's bytecode size; it has no machine code. */
function getHeapCodeStatistics() {
  const usage = heapUsage();
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: usage.bytecode,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

// Node's are native functions: named, without a prototype (methods here).
const nativeLike = {
  /** `v8.cachedDataVersionTag()`: a number that identifies this engine build. */
  cachedDataVersionTag() {
    return native.v8.versionTag;
  },
  /** `v8.takeCoverage()` / `stopCoverage()`: no-ops, as in Node without NODE_V8_COVERAGE. */
  takeCoverage() {},
  stopCoverage() {},
};
const { cachedDataVersionTag, takeCoverage, stopCoverage } = nativeLike;

/**
 * `v8.setFlagsFromString(flags)`: validated as Node does; QuickJS has none of V8's flags, so
 * nothing changes.
 */
function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

/** `v8.setHeapSnapshotNearHeapLimit(limit)`: validated; this runtime writes no heap snapshots. */
function setHeapSnapshotNearHeapLimit(limit) {
  if (typeof limit !== 'number') throw codes.ERR_INVALID_ARG_TYPE('limit', 'number', limit);
  if (!Number.isInteger(limit)) throw codes.ERR_OUT_OF_RANGE('limit', 'an integer', limit);
  if (limit < 1 || limit > 4294967295) throw codes.ERR_OUT_OF_RANGE('limit', '>= 1 && <= 4294967295', limit);
}


// --- startup snapshots ----------------------------------------------------------------------

function notBuildingSnapshot() {
  return makeNodeError(Error, 'ERR_NOT_BUILDING_SNAPSHOT', 'Operation cannot be invoked when not building startup snapshot');
}

const startupSnapshot = {
  addDeserializeCallback(callback, data) {
    throw notBuildingSnapshot();
  },
  addSerializeCallback(callback, data) {
    throw notBuildingSnapshot();
  },
  setDeserializeMainFunction(callback, data) {
    throw notBuildingSnapshot();
  },
  // Node answers with the flag's slot in a Uint8Array, so a number: 0 when not building.
  isBuildingSnapshot() {
    return 0;
  },
};

// --- promise hooks --------------------------------------------------------------------------

const promiseHookKinds = ['init', 'before', 'after', 'settled'];

function hookAdder(kind) {
  return function addHook(hook) {
    validateFunction(hook, `${kind}Hook`);
    return require('internal/async_context').addPromiseListener(kind, hook);
  };
}

const promiseHooks = {
  createHook({ init, before, after, settled } = {}) {
    const given = { init, before, after, settled };
    for (const kind of promiseHookKinds) {
      if (given[kind] !== undefined) validateFunction(given[kind], `${kind}Hook`);
    }
    const stops = promiseHookKinds.filter((kind) => given[kind] !== undefined)
      .map((kind) => require('internal/async_context').addPromiseListener(kind, given[kind]));
    return function stop() {
      for (const stopOne of stops) stopOne();
    };
  },
  onInit: hookAdder('init'),
  onBefore: hookAdder('before'),
  onAfter: hookAdder('after'),
  onSettled: hookAdder('settled'),
};

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  promiseHooks,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
};
