// Messaging as Node v20 does it between threads: the structured clone serializer (flattening a
// value into primitives plus (Shared)ArrayBuffers that Rust carries to the other runtime),
// MessagePort / MessageChannel / receiveMessageOnPort, and the event pump that delivers this
// thread's incoming messages and worker events from the event loop's poll phase.
'use strict';

const EventEmitter = require('events');
// Loaded on first use: inspect reads every global at start-up, which can load this module
// (the MessageChannel global) while inspect itself is still loading.
let typesCache = null;
function typesOf() {
  if (typesCache === null) typesCache = require('internal/inspect').types;
  return typesCache;
}
const { codes, makeNodeError } = require('internal/errors');
const loop = require('internal/loop');

const m = native.messaging;
const {
  ArrayBufferPrototypeGetResizable,
  ArrayBufferPrototypeGetMaxByteLength,
  ArrayBufferPrototypeGetByteLength,
  ArrayBuffer: PrimordialArrayBuffer,
  Uint8Array: PrimordialUint8Array,
  TypedArrayPrototypeSet,
} = native.primordials;

// The Buffer binding (another crate) keeps the untransferable marks — its pool slabs and whatever
// `markAsUntransferable` marks — in a private registry exposed under this key of the `buffer`
// exports, so marks stay invisible to scripts, as Node's private symbol is.
let untransferable;
function untransferableRegistry() {
  if (untransferable === undefined) untransferable = require('buffer')[Symbol.for('nodebuf.untransferable')];
  return untransferable;
}

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

// --- serializer ---------------------------------------------------------------------------

const T = {
  UNDEF: 0, NULL: 1, TRUE: 2, FALSE: 3, NUM: 4, STR: 5, BIGINT: 6, REF: 7, OBJ: 8, ARR: 9,
  DATE: 10, REGEXP: 11, MAP: 12, SET: 13, BOXED: 14, ERROR: 15, AB: 16, SAB: 17, VIEW: 18,
  PORT: 19, END: 20, WASM_MODULE: 21,
};

// Engine class ids of the types the serializer tells apart: one native call per object
// instead of one per type check.
let classes = null;
function classIds() {
  if (classes !== null) return classes;
  const id = native.classId;
  classes = {
    arrayBuffer: id(new ArrayBuffer(0)),
    sharedArrayBuffer: native.sharedArrayBufferClassId,
    dataView: id(new DataView(new ArrayBuffer(0))),
    date: id(new Date(0)),
    regexp: id(/x/),
    map: id(new Map()),
    set: id(new Set()),
    error: id(new Error()),
    promise: id(Promise.resolve()),
    weakMap: id(new WeakMap()),
    weakSet: id(new WeakSet()),
    weakRef: typeof WeakRef === 'function' ? id(new WeakRef({})) : -2,
    boxed: new Set([id(Object(1)), id(Object('')), id(Object(true)), id(Object(1n))]),
    symbol: id(Object(Symbol('s'))),
    object: id({}),
    array: id([]),
  };
  return classes;
}

const errorNames = new Set(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const ObjectToString = Object.prototype.toString;

function isUntransferable(value) {
  return untransferableRegistry().has(value);
}

// The items of an iterable transfer list, or null when `list` is no iterable. Node's native
// reads `list[Symbol.iterator]` once and takes every item before it looks at any of them, so a
// list (or a Proxy of one) whose items are refused has still been iterated to its end.
function iterableItems(list) {
  if (list === null || (typeof list !== 'object' && typeof list !== 'function')) return null;
  const method = list[Symbol.iterator];
  if (typeof method !== 'function') return null;
  const items = [];
  for (const item of { [Symbol.iterator]: () => Reflect.apply(method, list, []) }) items.push(item);
  return items;
}

// The items a transfer argument names (postMessage's second argument, structuredClone's
// `options.transfer`), as Node's native reads them: `list` itself when it is iterable, else its
// `transfer` option (an iterable, or undefined for none).
function transferItems(list) {
  if (list === undefined || list === null) return [];
  if (typeof list !== 'object' && typeof list !== 'function') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  const items = iterableItems(list);
  if (items !== null) return items;
  const transfer = list.transfer;
  if (transfer === undefined) return [];
  const named = iterableItems(transfer);
  if (named === null) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable');
  }
  return named;
}

// Checks the items of a transfer list as Node does; returns the ArrayBuffers to move and the
// ports to send.
function readTransferList(items, sourcePort) {
  const types = typesOf();
  const buffers = new Set();
  const ports = new Set();
  const seen = new Set();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (types.isArrayBuffer(item)) {
      if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      seen.add(item);
      // Node copies untransferable buffers (its Buffer pool) instead of moving them.
      if (!isUntransferable(item)) buffers.add(item);
    } else if (item instanceof MessagePort) {
      if (item === sourcePort) throw dataCloneError('Transfer list contains source port');
      if (item._id === null) throw dataCloneError('MessagePort in transfer list is already detached');
      if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
      seen.add(item);
      ports.add(item);
    } else {
      throw makeNodeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
  }
  return { buffers, ports };
}

// Flattens `value` (the structured clone algorithm); returns the flat list for Rust.
// `moved` holds the transfer list's ArrayBuffers: a detached one the value reaches cannot be
// rebuilt on the other side (V8's "Unable to deserialize cloned data."), one not in the list is
// refused at once.
function flatten(value, ports, moved = new Set()) {
  const types = typesOf();
  const ids_ = classIds();
  const out = [];
  const ids = new Map();
  let nextId = 0;

  // A view over a detached ArrayBuffer (`g`: viewGeometry's [buffer, 'detached', offset,
  // length, lengthTracking] from the view's own fields): refused with its buffer unless that
  // buffer is transferred. Then V8 writes the offset and length the view was made with, which
  // read back only over the moved (now empty) buffer when both are 0 and the buffer was not
  // resizable; a DataView over a resizable buffer covering any byte counts as out of bounds.
  function checkDetached(g, isDataView) {
    if (g[1] !== 'detached') return;
    if (!moved.has(g[0])) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    const offset = g[2];
    const length = g[3];
    const tracking = g[4];
    if (ArrayBufferPrototypeGetResizable.call(g[0])) {
      if (isDataView && offset + (tracking ? 0 : length) > 0) throw dataCloneError('#<DataView> could not be cloned.');
      throw new Error('Unable to deserialize cloned data.');
    }
    if (offset !== 0 || length !== 0) throw new Error('Unable to deserialize cloned data.');
  }

  function writeProps(obj) {
    for (const key of Object.keys(obj)) {
      out.push(key);
      write(obj[key]);
    }
    out.push(T.END);
  }

  function write(v) {
    switch (typeof v) {
      case 'undefined': out.push(T.UNDEF); return;
      case 'boolean': out.push(v ? T.TRUE : T.FALSE); return;
      case 'number': out.push(T.NUM, v); return;
      case 'string': out.push(T.STR, v); return;
      case 'bigint': out.push(T.BIGINT, v.toString()); return;
      case 'symbol': throw dataCloneError(`${String(v)} could not be cloned.`);
      case 'function': throw dataCloneError(`${Function.prototype.toString.call(v)} could not be cloned.`);
      default: break;
    }
    if (v === null) {
      out.push(T.NULL);
      return;
    }
    const seen = ids.get(v);
    if (seen !== undefined) {
      out.push(T.REF, seen);
      return;
    }
    const cls = native.classId(v);
    ids.set(v, nextId++);
    if (cls === ids_.object || cls === ids_.array) {
      if (v instanceof MessagePort) {
        if (!ports.has(v)) {
          throw makeNodeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
            'Object that needs transfer was found in message but not listed in transferList');
        }
        out.push(T.PORT, v._id);
      } else if (cls === ids_.array) {
        out.push(T.ARR, v.length);
        writeProps(v);
      } else if (ObjectToString.call(v) === '[object Error]') {
        writeError(v);
      } else if (native.wasmClone !== undefined && native.wasmClone.kind(v) !== undefined) {
        // WebAssembly objects (internal/wasm): a Module travels as its bytes, others are refused.
        const kind = native.wasmClone.kind(v);
        if (kind !== 'Module') throw dataCloneError(`#<${kind}> could not be cloned.`);
        out.push(T.WASM_MODULE, native.wasmClone.bytes(v));
      } else {
        out.push(T.OBJ);
        writeProps(v);
      }
    } else if (cls === ids_.arrayBuffer) {
      // A detached ArrayBuffer in the transfer list arrives empty; one outside it is refused.
      const g = m.viewGeometry(v) ?? [v, 'detached'];
      if (g[1] === 'detached' && !moved.has(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      // A resizable buffer arrives resizable up to the same maximum (a detached one, empty
      // and fixed); -1: fixed length.
      const max = g[1] !== 'detached' && ArrayBufferPrototypeGetResizable.call(v)
        ? ArrayBufferPrototypeGetMaxByteLength.call(v) : -1;
      out.push(T.AB, v, max);
    } else if (cls === ids_.sharedArrayBuffer) {
      out.push(T.SAB, v);
    } else if (ArrayBuffer.isView(v)) {
      // The view's geometry comes from its slots, never its properties (V8's serializer runs
      // no user getter and believes no own property).
      const isDataView = cls === ids_.dataView;
      const g = m.viewGeometry(v);
      checkDetached(g, isDataView);
      if (g[1] === 'oob') throw dataCloneError(`${isDataView ? '#<DataView>' : '[object Object]'} could not be cloned.`);
      const kind = isDataView ? 'DataView' : types.typedArrayName(v);
      out.push(T.VIEW, kind);
      write(g[0]);
      // A detached view that passed `checkDetached` is an empty one at offset 0.
      const [offset, byteLength, tracking] = g[1] === 'detached' ? [0, 0, false] : [g[1], g[2], g[3]];
      // A length-tracking view tracks the copy of its buffer too.
      out.push(offset, tracking ? -1 : isDataView ? byteLength : byteLength / globalThis[kind].BYTES_PER_ELEMENT);
    } else if (cls === ids_.date) {
      out.push(T.DATE, v.getTime());
    } else if (cls === ids_.regexp) {
      out.push(T.REGEXP, v.source, v.flags);
    } else if (cls === ids_.map) {
      out.push(T.MAP);
      for (const [k, val] of v) {
        write(k);
        write(val);
      }
      out.push(T.END);
    } else if (cls === ids_.set) {
      out.push(T.SET);
      for (const val of v) write(val);
      out.push(T.END);
    } else if (cls === ids_.symbol) {
      throw dataCloneError('[object Symbol] could not be cloned.');
    } else if (ids_.boxed.has(cls)) {
      out.push(T.BOXED);
      write(v.valueOf());
    } else if (cls === ids_.error) {
      writeError(v);
    } else if (cls === ids_.promise || cls === ids_.weakMap || cls === ids_.weakSet || cls === ids_.weakRef) {
      throw dataCloneError(`#<${v.constructor && v.constructor.name ? v.constructor.name : 'Object'}> could not be cloned.`);
    } else if (native.proxyDetails(v) !== undefined) {
      throw dataCloneError('#<Object> could not be cloned.');
    } else {
      out.push(T.OBJ);
      writeProps(v);
    }
  }

  // V8 keeps the prototype's name only when it is a built-in error, the own message, the stack
  // and the cause.
  function writeError(e) {
    let name = 'Error';
    try {
      const n = e.name;
      if (errorNames.has(n)) name = n;
    } catch {
      // A throwing getter leaves the default.
    }
    out.push(T.ERROR, name);
    const message = Object.getOwnPropertyDescriptor(e, 'message');
    if (message && 'value' in message) {
      out.push(true);
      write(String(message.value));
    } else {
      out.push(false);
    }
    const stack = e.stack;
    if (typeof stack === 'string') {
      out.push(true, stack);
    } else {
      out.push(false);
    }
    if (Object.prototype.hasOwnProperty.call(e, 'cause')) {
      out.push(true);
      write(e.cause);
    } else {
      out.push(false);
    }
  }

  write(value);
  return out;
}

// A resizable ArrayBuffer with `max` as its maxByteLength holding the bytes of `bytes` (a
// fixed-length ArrayBuffer Rust made), through constructors captured before user code ran.
function resizableCopy(bytes, max) {
  const out = new PrimordialArrayBuffer(ArrayBufferPrototypeGetByteLength.call(bytes), { maxByteLength: max });
  TypedArrayPrototypeSet.call(new PrimordialUint8Array(out), new PrimordialUint8Array(bytes));
  return out;
}

// Rebuilds a value from a flat list made by `flatten` (after Rust carried it over).
function unflatten(list) {
  let pos = 0;
  const objects = [];

  function readProps(target) {
    for (;;) {
      const key = list[pos++];
      if (key === T.END) return target;
      target[key] = read();
    }
  }

  function read() {
    const tag = list[pos++];
    switch (tag) {
      case T.UNDEF: return undefined;
      case T.NULL: return null;
      case T.TRUE: return true;
      case T.FALSE: return false;
      case T.NUM: return list[pos++];
      case T.STR: return list[pos++];
      case T.BIGINT: return BigInt(list[pos++]);
      case T.REF: return objects[list[pos++]];
      default: break;
    }
    const id = objects.length;
    objects.push(undefined);
    let out;
    switch (tag) {
      case T.AB: {
        out = list[pos++];
        const max = list[pos++];
        if (max >= 0) out = resizableCopy(out, max);
        break;
      }
      case T.SAB:
        out = list[pos++];
        break;
      case T.VIEW: {
        const kind = list[pos++];
        const buffer = read();
        const offset = list[pos++];
        const length = list[pos++];
        out = length < 0 ? new globalThis[kind](buffer, offset) : new globalThis[kind](buffer, offset, length);
        break;
      }
      case T.ARR:
        out = new Array(list[pos++]);
        objects[id] = out;
        return readProps(out);
      case T.OBJ:
        out = {};
        objects[id] = out;
        return readProps(out);
      case T.DATE:
        out = new Date(list[pos++]);
        break;
      case T.REGEXP:
        out = new RegExp(list[pos++], list[pos++]);
        break;
      case T.MAP:
        out = new Map();
        objects[id] = out;
        while (list[pos] !== T.END) {
          const k = read();
          out.set(k, read());
        }
        pos++;
        return out;
      case T.SET:
        out = new Set();
        objects[id] = out;
        while (list[pos] !== T.END) out.add(read());
        pos++;
        return out;
      case T.BOXED:
        out = Object(read());
        break;
      case T.ERROR: {
        const Ctor = globalThis[list[pos++]];
        // A real error object (with the engine's error brand), not just its prototype.
        out = new Ctor();
        objects[id] = out;
        const message = list[pos++] ? read() : undefined;
        const hasStack = list[pos++];
        // V8's order of own properties: stack, message, cause.
        if (hasStack) Object.defineProperty(out, 'stack', { value: list[pos++], writable: true, configurable: true, enumerable: false });
        else delete out.stack;
        if (message !== undefined) Object.defineProperty(out, 'message', { value: message, writable: true, configurable: true, enumerable: false });
        if (list[pos++]) Object.defineProperty(out, 'cause', { value: read(), writable: true, configurable: true, enumerable: false });
        return out;
      }
      case T.PORT:
        out = adoptPort(list[pos++]);
        break;
      case T.WASM_MODULE:
        // Loading internal/wasm sets native.wasmClone on this thread.
        require('internal/wasm');
        out = native.wasmClone.module(list[pos++]);
        break;
      default:
        throw new Error(`internal: bad message tag ${tag}`);
    }
    objects[id] = out;
    return out;
  }

  return read();
}

// Serializes `value` for posting: validates the transfer list's items (`transferItems`), flattens, hands the moved ports
// over, and returns the list with what to do once it was sent (detach the moved buffers, whose
// bytes the sending reads). Ports are handed over before the message leaves: the receiving
// thread may adopt them at once, and a port still owned here meanwhile would have its messages
// announced (and taken) here.
function serialize(value, items, sourcePort) {
  const { buffers, ports } = readTransferList(items, sourcePort);
  const list = flatten(value, ports, buffers);
  for (const port of ports) port._handOver();
  return {
    list,
    commit() {
      for (const buffer of buffers) m.detach(buffer);
    },
  };
}

// --- ports --------------------------------------------------------------------------------

const livePorts = new Map();
const liveWorkers = new Map();
// Running child processes (child_process.spawn), by native id: `_onChildEvent(kind, payload)`.
const liveChildren = new Map();
// Sockets and servers of `net`, by native socket id.
const liveSockets = new Map();
let pumpInstalled = false;

class MessageEvent {
  constructor(type, data, target) {
    this.type = type;
    this.data = data;
    this.target = target;
    this.ports = [];
  }
}

const kCreate = Symbol('kCreate');

class MessagePort extends EventEmitter {
  constructor(token, id) {
    if (token !== kCreate) throw makeNodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    this._id = id;
    this._started = false;
    this._refed = true;
    this._onmessage = null;
    livePorts.set(id, this);
    installPump();
    this.on('newListener', (type) => {
      if (type === 'message' && this.listenerCount('message') === 0) {
        this.ref();
        this.start();
      }
    });
    this.on('removeListener', (type) => {
      if (type === 'message' && this.listenerCount('message') === 0 && this._onmessage === null) this.unref();
    });
  }

  postMessage(value, transferList) {
    if (arguments.length === 0) {
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    }
    const message = serialize(value, transferItems(transferList), this);
    if (this._id === null) {
      message.commit();
      return;
    }
    m.post(this._id, message.list);
    message.commit();
  }

  start() {
    if (this._id === null || this._started) return;
    this._started = true;
    // Messages that arrived before the port started are delivered from the loop.
    loop.nextTick(() => drain(this));
  }

  close() {
    if (this._id === null) return;
    const id = this._id;
    m.close(id);
    this._closeLocal();
    livePorts.delete(id);
  }

  ref() {
    this._refed = true;
    return this;
  }

  unref() {
    this._refed = false;
    return this;
  }

  hasRef() {
    return this._refed && this._started && this._id !== null;
  }

  get onmessage() {
    return this._onmessage;
  }

  set onmessage(fn) {
    this._onmessage = typeof fn === 'function' ? fn : null;
    if (this._onmessage !== null) {
      this.ref();
      this.start();
    }
  }

  addEventListener(type, listener) {
    if (type === 'message') this.on('message', (data) => listener.call(this, new MessageEvent('message', data, this)));
    else this.on(type, listener);
  }

  _dispatch(data) {
    this.emit('message', data);
    if (this._onmessage !== null) this._onmessage.call(this, new MessageEvent('message', data, this));
  }

  _closeLocal() {
    if (this._id === null) return;
    livePorts.delete(this._id);
    this._id = null;
    this._started = false;
    loop.nextTick(() => this.emit('close'));
  }

  // The port moves to another thread inside a message: this object goes dead, the channel
  // stays open.
  _handOver() {
    if (this._id === null) return;
    m.release(this._id);
    livePorts.delete(this._id);
    this._id = null;
    this._started = false;
  }
}

function adoptPort(id) {
  m.adopt(id);
  return new MessagePort(kCreate, id);
}

function newPort(id) {
  return new MessagePort(kCreate, id);
}

class MessageChannel {
  constructor() {
    const [a, b] = m.createChannel();
    this.port1 = newPort(a);
    this.port2 = newPort(b);
  }
}

function drain(port) {
  while (port._started && port._id !== null) {
    const list = m.take(port._id);
    if (list === undefined) return;
    let value;
    try {
      value = unflatten(list);
    } catch (err) {
      port.emit('messageerror', err);
      continue;
    }
    try {
      port._dispatch(value);
    } catch (err) {
      loop.fatal(err);
    }
    loop.runTicks();
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) throw codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  if (port._id === null) return undefined;
  const list = m.take(port._id);
  if (list === undefined) return undefined;
  return { message: unflatten(list) };
}

// --- the event pump -----------------------------------------------------------------------

function poll() {
  const events = m.takeEvents();
  for (const [kind, id, payload] of events) {
    if (kind === 'port') {
      const port = livePorts.get(id);
      if (port !== undefined && port._started) drain(port);
    } else if (kind === 'close') {
      const port = livePorts.get(id);
      if (port !== undefined) {
        drain(port);
        port._closeLocal();
        loop.runTicks();
      }
    } else if (kind === 'net') {
      const handle = liveSockets.get(id);
      if (handle === undefined) continue;
      try {
        handle._onNetEvent(payload);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    } else if (kind.startsWith('child-')) {
      const child = liveChildren.get(id);
      if (child === undefined) continue;
      try {
        child._onChildEvent(kind, payload);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    } else {
      const worker = liveWorkers.get(id);
      if (worker === undefined) continue;
      try {
        worker._onEvent(kind, payload);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    }
  }
}

function hasRef() {
  for (const port of livePorts.values()) if (port.hasRef()) return true;
  for (const worker of liveWorkers.values()) if (worker._refed) return true;
  for (const child of liveChildren.values()) if (child._refed) return true;
  // As libuv: a socket keeps the loop alive only while it does something (connects, reads,
  // writes); a server while it listens.
  for (const handle of liveSockets.values()) {
    if (handle._refed && (handle._isActive === undefined || handle._isActive())) return true;
  }
  return false;
}

function installPump() {
  if (pumpInstalled) return;
  pumpInstalled = true;
  loop.setEventSource({ poll, hasRef, wait: (ms) => m.wait(ms) });
}

function registerWorker(threadId, worker) {
  liveWorkers.set(threadId, worker);
  installPump();
}

function unregisterWorker(threadId) {
  liveWorkers.delete(threadId);
}

/** Delivers child process `id`'s events to `child` until unregistered. */
function registerChild(id, child) {
  liveChildren.set(id, child);
  installPump();
}

function unregisterChild(id) {
  liveChildren.delete(id);
}

/** Delivers socket `id`'s readiness (net.rs) to `handle._onNetEvent` until unregistered;
 * `handle._refed` says whether it keeps the loop alive. */
function registerNet(id, handle) {
  liveSockets.set(id, handle);
  installPump();
}

function unregisterNet(id) {
  liveSockets.delete(id);
}

// The global structuredClone: the same serializer as postMessage, through the same native
// carrier, so ArrayBuffers are copied or moved, SharedArrayBuffers come back as new objects
// over the same memory and ports can be transferred, as in Node. A method with a rest parameter,
// so that like Node's it has no `prototype` and a length of 0.
const { structuredClone } = { structuredClone(...args) {
  const [value, options] = args;
  if (args.length === 0) {
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const transfer = options === undefined || options === null ? undefined : options.transfer;
  const message = serialize(value, transferItems(transfer), null);
  const list = m.roundTrip(message.list);
  message.commit();
  return unflatten(list);
} };

function markAsUntransferable(object) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) return;
  untransferableRegistry().mark(object);
}

module.exports = {
  MessagePort,
  MessageChannel,
  receiveMessageOnPort,
  markAsUntransferable,
  structuredClone,
  serialize,
  transferItems,
  unflatten,
  flatten,
  newPort,
  adoptPort,
  drain,
  registerWorker,
  registerChild,
  unregisterChild,
  registerNet,
  unregisterNet,
  unregisterWorker,
};
