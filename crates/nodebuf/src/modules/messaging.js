// Messaging as Node v20 does it between threads: the structured clone serializer (flattening a
// value into primitives plus (Shared)ArrayBuffers that Rust carries to the other runtime),
// MessagePort / MessageChannel / receiveMessageOnPort, and the event pump that delivers this
// thread's incoming messages and worker events from the event loop's poll phase.
'use strict';

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
  ObjectKeys,
  MapPrototypeEntries,
  MapPrototypeSet,
  SetPrototypeValues,
  SetPrototypeAdd,
  SafeMap,
  SafeSet,
  Constructors,
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
  PORT: 19, END: 20, WASM_MODULE: 21, ABORT_SIGNAL: 22,
};

// Whether a value is a signal made by util.transferableAbortSignal: internal/abort_controller
// installs its check when it makes the first one (no such value exists before).
let isTransferableSignal = () => false;
function setTransferableSignalCheck(check) {
  isTransferableSignal = check;
}

// Engine class ids of the types the serializer tells apart (one native call per object instead
// of one per type check): internal/inspect's table, read on first use (this module loads during
// start-up, before inspect is wanted), plus the boxed primitives as one set.
let classes = null;
function classIds() {
  if (classes !== null) return classes;
  const ids = require('internal/inspect').classIds;
  // Filled by add, not from an array (the Set constructor would iterate it with the array
  // iterator a script may have replaced).
  const boxed = new SafeSet();
  boxed.add(ids.number);
  boxed.add(ids.string);
  boxed.add(ids.boolean);
  boxed.add(ids.bigint);
  classes = { ...ids, boxed };
  return classes;
}

const errorNames = new SafeSet(['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']);
const ObjectToString = Object.prototype.toString;
// Not replaceable (a non-writable, non-configurable property of Object).
const ObjectPrototype = Object.prototype;

function isUntransferable(value) {
  return untransferableRegistry().has(value);
}

// The items of an iterable transfer list, or null when `list` is no iterable. Node's native
// reads an array's items by index (its getters run, no iterator is asked for); of any other
// object it reads `list[Symbol.iterator]` once and takes every item before it looks at any of
// them, so a list (or a Proxy of one) whose items are refused has still been iterated to its end.
function iterableItems(list) {
  if (list === null || (typeof list !== 'object' && typeof list !== 'function')) return null;
  if (native.classId(list) === classIds().array) {
    const length = list.length;
    const items = new Constructors.Array(length);
    for (let i = 0; i < length; i++) items[i] = list[i];
    return items;
  }
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
// ports to send, as sets (to look up) and in the list's order (to walk).
function readTransferList(items, sourcePort) {
  if (items.length === 0) return NOTHING_MOVED;
  const types = typesOf();
  const buffers = new SafeSet();
  const ports = new SafeSet();
  const seen = new SafeSet();
  const bufferList = [];
  const portList = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (types.isArrayBuffer(item)) {
      if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      seen.add(item);
      // Node copies untransferable buffers (its Buffer pool) instead of moving them.
      if (!isUntransferable(item)) {
        buffers.add(item);
        bufferList.push(item);
      }
    } else if (isTransferableSignal(item)) {
      // Listed with the ports: what the value must name only through the transfer list.
      if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate AbortSignal');
      seen.add(item);
      ports.add(item);
    } else if (item instanceof MessagePort) {
      if (item === sourcePort) throw dataCloneError('Transfer list contains source port');
      if (portId(item) === null) throw dataCloneError('MessagePort in transfer list is already detached');
      if (seen.has(item)) throw dataCloneError('Transfer list contains duplicate MessagePort');
      seen.add(item);
      ports.add(item);
      portList.push(item);
    } else {
      throw makeNodeError(TypeError, 'ERR_INVALID_TRANSFER_OBJECT', 'Found invalid object in transferList');
    }
  }
  return { buffers, ports, bufferList, portList };
}

// An empty set for the callers that move nothing (never added to).
const NO_ITEMS = new SafeSet();
// What an empty transfer list moves (never changed).
const NOTHING_MOVED = Object.freeze({ buffers: NO_ITEMS, ports: NO_ITEMS, bufferList: Object.freeze([]), portList: Object.freeze([]) });

// Flattens `value` (the structured clone algorithm); returns the flat list for Rust.
// `moved` holds the transfer list's ArrayBuffers: a detached one the value reaches cannot be
// rebuilt on the other side (V8's "Unable to deserialize cloned data."), one not in the list is
// refused at once. `trailer` (the transferred ports, in the transfer list's order) is written
// after the value when not empty: the receiver's MessageEvent lists them as `ports`, whether
// or not the value holds them.
function flatten(value, ports, moved = NO_ITEMS, trailer = undefined) {
  const writer = new Flattener(ports, moved);
  writer.write(value);
  if (trailer !== undefined && trailer.length > 0) writer.write(trailer);
  writer.linkSignals();
  return writer.out;
}

// The state of one flattening. A class rather than closures made per call: closures that name
// each other form cycles only the engine's cycle collector frees, and a loop of clones then paid
// for collections of the whole heap.
class Flattener {
  constructor(ports, moved) {
    this.ports = ports;
    this.moved = moved;
    this.out = [];
    // Object -> its id, for references back; made at the first object.
    this.ids = null;
    this.nextId = 0;
    // Transferred signals not aborted yet, each with the channel that will carry its abort:
    // linked once the whole value is written (a value that fails to clone links nothing).
    this.signalLinks = [];
  }

  // A transferred signal travels as its state; one not aborted yet also as the receiving end
  // of a channel its abort will be posted to.
  writeSignal(signal) {
    const out = this.out;
    out.push(T.ABORT_SIGNAL, signal.aborted);
    if (signal.aborted) {
      this.write(signal.reason);
      return;
    }
    const channel = new MessageChannel();
    this.signalLinks.push([signal, channel]);
    out.push(portId(channel.port2));
  }

  // (An indexed loop: a script may have replaced the array iterator; clones run none of it.)
  linkSignals() {
    const links = this.signalLinks;
    for (let i = 0; i < links.length; i++) {
      const signal = links[i][0];
      const { port1, port2 } = links[i][1];
      handOver(port2);
      signal.addEventListener('abort', () => {
        port1.postMessage(signal.reason);
        port1.close();
      }, { once: true });
      // Neither end keeps a thread alive.
      port1.unref();
    }
  }

  // A view over a detached ArrayBuffer (`g`: viewGeometry's [buffer, 'detached', offset,
  // length, lengthTracking] from the view's own fields): refused with its buffer unless that
  // buffer is transferred. Then V8 writes the offset and length the view was made with, which
  // read back only over the moved (now empty) buffer when both are 0 and the buffer was not
  // resizable; a DataView over a resizable buffer covering any byte counts as out of bounds.
  checkDetached(g, isDataView) {
    if (g[1] !== 'detached') return;
    if (!this.moved.has(g[0])) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    const offset = g[2];
    const length = g[3];
    const tracking = g[4];
    if (ArrayBufferPrototypeGetResizable.call(g[0])) {
      if (isDataView && offset + (tracking ? 0 : length) > 0) throw dataCloneError('#<DataView> could not be cloned.');
      throw new Error('Unable to deserialize cloned data.');
    }
    if (offset !== 0 || length !== 0) throw new Error('Unable to deserialize cloned data.');
  }

  // Indexed loops and captured builtins throughout: like V8's serializer, the clone runs no
  // script code but the getters of the value's own properties.
  writeProps(obj) {
    const out = this.out;
    const keys = ObjectKeys(obj);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      out.push(key);
      this.write(obj[key]);
    }
    out.push(T.END);
  }

  // A Map's entries or a Set's values as they are when the clone reaches it (V8 copies the
  // table first: a getter met on the way that changes the collection changes nothing here).
  writeItems(iterator) {
    const items = native.previewEntries(iterator)[0];
    for (let i = 0; i < items.length; i++) this.write(items[i]);
    this.out.push(T.END);
  }

  write(v) {
    const out = this.out;
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
    if (this.ids === null) {
      this.ids = new SafeMap();
    } else {
      const seen = this.ids.get(v);
      if (seen !== undefined) {
        out.push(T.REF, seen);
        return;
      }
    }
    const ids_ = classIds();
    const cls = native.classId(v);
    this.ids.set(v, this.nextId++);
    if (cls === ids_.object || cls === ids_.array) {
      if (isTransferableSignal(v)) {
        if (!this.ports.has(v)) {
          throw makeNodeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
            'Object that needs transfer was found in message but not listed in transferList');
        }
        this.writeSignal(v);
      } else if (v instanceof MessagePort) {
        if (!this.ports.has(v)) {
          throw makeNodeError(TypeError, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST',
            'Object that needs transfer was found in message but not listed in transferList');
        }
        out.push(T.PORT, portId(v));
      } else if (cls === ids_.array) {
        out.push(T.ARR, v.length);
        this.writeProps(v);
      } else if (ObjectToString.call(v) === '[object Error]') {
        this.writeError(v);
      } else if (native.wasmClone !== undefined && native.wasmClone.kind(v) !== undefined) {
        // WebAssembly objects (internal/wasm): a Module travels as its bytes, others are refused.
        const kind = native.wasmClone.kind(v);
        if (kind !== 'Module') throw dataCloneError(`#<${kind}> could not be cloned.`);
        out.push(T.WASM_MODULE, native.wasmClone.bytes(v));
      } else {
        out.push(T.OBJ);
        this.writeProps(v);
      }
    } else if (cls === ids_.arrayBuffer) {
      // A detached ArrayBuffer in the transfer list arrives empty; one outside it is refused.
      const g = m.viewGeometry(v) ?? [v, 'detached'];
      if (g[1] === 'detached' && !this.moved.has(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
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
      this.checkDetached(g, isDataView);
      if (g[1] === 'oob') throw dataCloneError(`${isDataView ? '#<DataView>' : '[object Object]'} could not be cloned.`);
      const kind = isDataView ? 'DataView' : typesOf().typedArrayName(v);
      out.push(T.VIEW, kind);
      this.write(g[0]);
      // A detached view that passed `checkDetached` is an empty one at offset 0.
      const detached = g[1] === 'detached';
      const offset = detached ? 0 : g[1];
      const byteLength = detached ? 0 : g[2];
      const tracking = detached ? false : g[3];
      // A length-tracking view tracks the copy of its buffer too.
      out.push(offset, tracking ? -1 : isDataView ? byteLength : byteLength / Constructors[kind].BYTES_PER_ELEMENT);
    } else if (cls === ids_.date) {
      out.push(T.DATE, v.getTime());
    } else if (cls === ids_.regexp) {
      out.push(T.REGEXP, v.source, v.flags);
    } else if (cls === ids_.map) {
      out.push(T.MAP);
      this.writeItems(MapPrototypeEntries.call(v));
    } else if (cls === ids_.set) {
      out.push(T.SET);
      this.writeItems(SetPrototypeValues.call(v));
    } else if (cls === ids_.symbol) {
      throw dataCloneError('[object Symbol] could not be cloned.');
    } else if (ids_.boxed.has(cls)) {
      out.push(T.BOXED);
      this.write(v.valueOf());
    } else if (cls === ids_.error) {
      this.writeError(v);
    } else if (cls === ids_.promise || cls === ids_.weakMap || cls === ids_.weakSet || cls === ids_.weakRef) {
      throw dataCloneError(`#<${v.constructor && v.constructor.name ? v.constructor.name : 'Object'}> could not be cloned.`);
    } else if (native.proxyDetails(v) !== undefined) {
      throw dataCloneError('#<Object> could not be cloned.');
    } else {
      out.push(T.OBJ);
      this.writeProps(v);
    }
  }

  // V8 keeps the prototype's name only when it is a built-in error, the own message, the stack
  // and the cause.
  writeError(e) {
    const out = this.out;
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
      this.write(String(message.value));
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
      this.write(e.cause);
    } else {
      out.push(false);
    }
  }
}

// A resizable ArrayBuffer with `max` as its maxByteLength holding the bytes of `bytes` (a
// fixed-length ArrayBuffer Rust made), through constructors captured before user code ran.
function resizableCopy(bytes, max) {
  const out = new PrimordialArrayBuffer(ArrayBufferPrototypeGetByteLength.call(bytes), { maxByteLength: max });
  TypedArrayPrototypeSet.call(new PrimordialUint8Array(out), new PrimordialUint8Array(bytes));
  return out;
}

// Rebuilds a value from a flat list made by `flatten` (after Rust carried it over).
// `ports` (optional) receives the ports the message transferred, in the transfer list's order.
function unflatten(list, ports = undefined) {
  const reader = new Unflattener(list);
  const value = reader.read();
  if (reader.pos < list.length) {
    const transferred = reader.read();
    if (ports !== undefined) for (let i = 0; i < transferred.length; i++) ports.push(transferred[i]);
  }
  return value;
}

// The state of one unflattening (a class for the reason `Flattener` is one).
class Unflattener {
  constructor(list) {
    this.list = list;
    this.pos = 0;
    // The objects read so far, by id, for references back.
    this.objects = [];
  }

  // Each property is defined, as V8's deserializer does: a `__proto__` key stays an own
  // property and no setter on Object.prototype or Array.prototype runs.
  readProps(target) {
    const list = this.list;
    for (;;) {
      const key = list[this.pos++];
      if (key === T.END) return target;
      m.defineData(target, key, this.read());
    }
  }

  // A transferred signal: aborted already, or aborted when its sender's abort arrives.
  readSignal() {
    const { abortSignal, createSignal } = require('internal/abort_controller');
    const signal = createSignal();
    if (this.list[this.pos++]) {
      abortSignal(signal, this.read());
    } else {
      const port = adoptPort(this.list[this.pos++]);
      port.onmessage = ({ data }) => {
        abortSignal(signal, data);
        port.close();
      };
      port.unref();
    }
    return signal;
  }

  read() {
    const list = this.list;
    const objects = this.objects;
    const tag = list[this.pos++];
    switch (tag) {
      case T.UNDEF: return undefined;
      case T.NULL: return null;
      case T.TRUE: return true;
      case T.FALSE: return false;
      case T.NUM: return list[this.pos++];
      case T.STR: return list[this.pos++];
      case T.BIGINT: return Constructors.BigInt(list[this.pos++]);
      case T.REF: return objects[list[this.pos++]];
      default: break;
    }
    const id = objects.length;
    objects.push(undefined);
    let out;
    switch (tag) {
      case T.AB: {
        out = list[this.pos++];
        const max = list[this.pos++];
        if (max >= 0) out = resizableCopy(out, max);
        break;
      }
      case T.SAB:
        out = list[this.pos++];
        break;
      case T.VIEW: {
        const kind = list[this.pos++];
        const buffer = this.read();
        const offset = list[this.pos++];
        const length = list[this.pos++];
        out = length < 0 ? new Constructors[kind](buffer, offset) : new Constructors[kind](buffer, offset, length);
        break;
      }
      case T.ARR:
        out = new Constructors.Array(list[this.pos++]);
        objects[id] = out;
        return this.readProps(out);
      case T.OBJ:
        out = {};
        objects[id] = out;
        return this.readProps(out);
      case T.DATE:
        out = new Constructors.Date(list[this.pos++]);
        break;
      case T.REGEXP:
        out = new Constructors.RegExp(list[this.pos++], list[this.pos++]);
        break;
      case T.MAP:
        out = new Constructors.Map();
        objects[id] = out;
        while (list[this.pos] !== T.END) {
          const k = this.read();
          MapPrototypeSet.call(out, k, this.read());
        }
        this.pos++;
        return out;
      case T.SET:
        out = new Constructors.Set();
        objects[id] = out;
        while (list[this.pos] !== T.END) SetPrototypeAdd.call(out, this.read());
        this.pos++;
        return out;
      case T.BOXED:
        out = Constructors.Object(this.read());
        break;
      case T.ERROR: {
        const Ctor = Constructors[list[this.pos++]];
        // A real error object (with the engine's error brand), not just its prototype.
        out = new Ctor();
        objects[id] = out;
        const message = list[this.pos++] ? this.read() : undefined;
        const hasStack = list[this.pos++];
        // V8's order of own properties: stack, message, cause.
        // (An assignment: the new error's own stack is left unformatted, as V8 leaves it.)
        if (hasStack) out.stack = list[this.pos++];
        else delete out.stack;
        if (message !== undefined) Object.defineProperty(out, 'message', { value: message, writable: true, configurable: true, enumerable: false });
        if (list[this.pos++]) Object.defineProperty(out, 'cause', { value: this.read(), writable: true, configurable: true, enumerable: false });
        return out;
      }
      case T.PORT:
        out = adoptPort(list[this.pos++]);
        break;
      case T.ABORT_SIGNAL:
        out = this.readSignal();
        break;
      case T.WASM_MODULE:
        // Loading internal/wasm sets native.wasmClone on this thread.
        require('internal/wasm');
        out = native.wasmClone.module(list[this.pos++]);
        break;
      default:
        throw new Error(`internal: bad message tag ${tag}`);
    }
    objects[id] = out;
    return out;
  }
}

// A flattened message and the ArrayBuffers its sending moves (detached by `commit`, once the
// sending has read their bytes).
class SerializedMessage {
  constructor(list, bufferList) {
    this.list = list;
    this.bufferList = bufferList;
  }

  commit() {
    const buffers = this.bufferList;
    for (let i = 0; i < buffers.length; i++) m.detach(buffers[i]);
  }
}

// Serializes `value` for posting: validates the transfer list's items (`transferItems`), flattens, hands the moved ports
// over, and returns the list with what to do once it was sent (detach the moved buffers, whose
// bytes the sending reads). Ports are handed over before the message leaves: the receiving
// thread may adopt them at once, and a port still owned here meanwhile would have its messages
// announced (and taken) here.
function serialize(value, items, sourcePort) {
  const { buffers, ports, bufferList, portList } = readTransferList(items, sourcePort);
  const list = flatten(value, ports, buffers, portList.length === 0 ? undefined : portList);
  for (let i = 0; i < portList.length; i++) handOver(portList[i]);
  return new SerializedMessage(list, bufferList);
}

// --- ports --------------------------------------------------------------------------------

const livePorts = new Map();
const liveWorkers = new Map();
// Running child processes (child_process.spawn), by native id: `_onChildEvent(kind, payload)`.
const liveChildren = new Map();
// IPC channels of forked children and of this process's own parent (internal/child_process/ipc),
// by native id: `_onIpcEvent(kind, payload, fds)`, `_refed`.
const liveIpc = new Map();
// Sockets and servers of `net`, by native socket id.
const liveSockets = new Map();
// Pending DNS requests (modules/dns.rs), by native id: the function their outcome goes to.
// Each keeps the loop alive, as a pending libuv request or c-ares query does.
const liveDns = new Map();
let pumpInstalled = false;

const eventTarget = require('internal/event_target');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, dispatchHybrid, listenersForDisplay,
  kEvents, kNewListener, kRemoveListener,
} = eventTarget;
const customInspect = Symbol.for('nodejs.util.inspect.custom');

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

function checkMessageEvent(value) {
  if (value === null || typeof value !== 'object' || !(kData in value)) throw codes.ERR_INVALID_THIS('MessageEvent');
}

/** WHATWG MessageEvent as Node v20 has it: the init's bubbles/cancelable are not used, origin
 * and lastEventId are strings, source a MessagePort or null, ports a new array of ports. */
class MessageEvent extends Event {
  constructor(type, options = {}) {
    super(type);
    const data = options.data;
    const origin = options.origin;
    const lastEventId = options.lastEventId;
    const source = options.source;
    let ports = options.ports;
    if (source !== undefined && source !== null && !(source instanceof MessagePort)) {
      throw codes.ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    if (ports === undefined) {
      ports = [];
    } else {
      const list = [];
      for (const port of ports) list.push(port);
      for (let i = 0; i < list.length; i++) {
        if (!(list[i] instanceof MessagePort)) throw codes.ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort', list[i]);
      }
      ports = list;
    }
    this[kData] = data === undefined ? null : data;
    this[kOrigin] = origin === undefined ? '' : `${origin}`;
    this[kLastEventId] = lastEventId === undefined ? '' : `${lastEventId}`;
    this[kSource] = source === undefined ? null : source;
    this[kPorts] = ports;
  }
}
Object.defineProperties(MessageEvent.prototype, {
  data: { get() { checkMessageEvent(this); return this[kData]; }, enumerable: true, configurable: true },
  origin: { get() { checkMessageEvent(this); return this[kOrigin]; }, enumerable: true, configurable: true },
  lastEventId: { get() { checkMessageEvent(this); return this[kLastEventId]; }, enumerable: true, configurable: true },
  source: { get() { checkMessageEvent(this); return this[kSource]; }, enumerable: true, configurable: true },
  ports: { get() { checkMessageEvent(this); return this[kPorts]; }, enumerable: true, configurable: true },
});

/** The event of a port's 'close' (Node's internal MessagePortCloseEvent). */
class MessagePortCloseEvent extends Event {
  constructor() {
    super('close');
  }
}

const kCreate = Symbol('kCreate');
const kCurrentlyReceivingPorts = Symbol('nodejs.internal.kCurrentlyReceivingPorts');

// Each port's native side: `id` (null once closed or handed over), whether it was started, is
// ref'ed, was handed over to another thread, and whether its close completed.
const portStates = new WeakMap();

function stateOf(port) {
  return portStates.get(port);
}

/** The native id of `port` (null once closed or moved), for worker_threads. */
function portId(port) {
  const state = stateOf(port);
  return state === undefined ? null : state.id;
}

// Node's MessagePort methods are native: a wrong receiver is V8's illegal invocation.
function checkPort(value) {
  const state = stateOf(value);
  if (state === undefined) throw new TypeError('Illegal invocation');
  return state;
}

/**
 * Node's MessagePort: a NodeEventTarget whose 'message' listeners, of either style, start it and
 * ref it (the first added) or unref it (the last removed); `on('message')` listeners get the
 * data, event listeners and `onmessage` a MessageEvent.
 */
class MessagePort extends NodeEventTarget {
  constructor(token, id) {
    if (token !== kCreate) throw makeNodeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    super();
    portStates.set(this, { id, started: false, refed: true, movedAway: false, closed: false, closing: false });
    livePorts.set(id, this);
    installPump();
    // As Node's port setup: unref'ed until a 'message' listener comes.
    this.unref();
    const port = this;
    this.on('newListener', function (name) {
      if (name === 'message' && port.listenerCount(name) === 0) startAndRef(port);
    });
    this.on('removeListener', function (name) {
      if (name === 'message' && port.listenerCount(name) === 0) port.unref();
    });
    // Own properties, defined rather than assigned (a script may have frozen
    // EventTarget.prototype), enumerable and anonymous as Node's (util.inspect shows them).
    const baseNew = this[kNewListener];
    const baseRemove = this[kRemoveListener];
    const [onNew, onRemove] = [
      function (size, type, ...args) {
        if (type === 'message' && size === 1) startAndRef(port);
        return Reflect.apply(baseNew, this, [size, type, ...args]);
      },
      function (size, type, ...args) {
        if (type === 'message' && size === 0) port.unref();
        return Reflect.apply(baseRemove, this, [size, type, ...args]);
      },
    ];
    const own = { writable: true, enumerable: true, configurable: true };
    Object.defineProperty(this, kNewListener, { ...own, value: onNew });
    Object.defineProperty(this, kRemoveListener, { ...own, value: onRemove });
    this[kCurrentlyReceivingPorts] = undefined;
  }

  postMessage(value, transferList) {
    const state = checkPort(this);
    if (arguments.length === 0) {
      throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage');
    }
    const message = serialize(value, transferItems(transferList), this);
    if (state.id === null) {
      message.commit();
      return;
    }
    m.post(state.id, message.list);
    message.commit();
  }

  start() {
    const state = checkPort(this);
    if (state.id === null || state.started) return;
    state.started = true;
    // Messages that arrived before the port started are delivered in the loop's next poll
    // phase (Node's start() signals the port's uv_async handle).
    m.announce(state.id);
  }

  close() {
    const state = checkPort(this);
    if (state.id === null) return;
    closeLocal(this, true);
  }

  ref() {
    checkPort(this).refed = true;
  }

  unref() {
    checkPort(this).refed = false;
  }

  hasRef() {
    const state = checkPort(this);
    if (state.movedAway) return undefined;
    return state.refed && !state.closed;
  }

  [customInspect](depth, options, inspect) {
    const state = stateOf(this);
    // The display copy below has this prototype too: it prints as a plain object.
    if (state === undefined) return this;
    const shown = { __proto__: MessagePort.prototype };
    if (state.movedAway) shown.active = false;
    else {
      shown.active = true;
      shown.refed = state.refed && !state.closed;
    }
    for (const key of Reflect.ownKeys(this)) {
      if (!Object.prototype.propertyIsEnumerable.call(this, key)) continue;
      shown[key] = key === kEvents ? listenersForDisplay(this) : this[key];
    }
    return shown;
  }
}
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');
{
  // Node's order of MessagePort.prototype's own keys.
  const order = ['postMessage', 'start', 'constructor', 'ref', 'unref', 'hasRef', 'onmessage', 'onmessageerror', 'close'];
  const descriptors = Object.getOwnPropertyDescriptors(MessagePort.prototype);
  for (const key of order) delete MessagePort.prototype[key];
  for (const key of order) Object.defineProperty(MessagePort.prototype, key, descriptors[key]);
}

function startAndRef(port) {
  port.ref();
  MessagePort.prototype.start.call(port);
}

// The port is closed here (by `close()`, or by its peer): no more messages; 'close' comes in
// the loop's close phase, when (as libuv closes Node's handle then) the peer hears of it.
function closeLocal(port, tellPeer = false) {
  const state = stateOf(port);
  if (state.id === null) return;
  const id = state.id;
  livePorts.delete(id);
  state.id = null;
  state.started = false;
  state.closing = true;
  loop.queueCloseCallback(() => {
    if (tellPeer) m.close(id);
    state.closing = false;
    state.closed = true;
    port.dispatchEvent(new MessagePortCloseEvent());
  });
}

// The port moves to another thread inside a message: this object goes dead, the channel stays
// open.
function handOver(port) {
  const state = stateOf(port);
  if (state.id === null) return;
  m.release(state.id);
  livePorts.delete(state.id);
  state.id = null;
  state.started = false;
  state.movedAway = true;
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

// Delivers one incoming message to a port (or a BroadcastChannel): node-style 'message'
// listeners get the data, the others one MessageEvent; a message that cannot be rebuilt is a
// 'messageerror'.
function deliver(target, list) {
  const ports = [];
  let value;
  try {
    value = unflatten(list, ports);
  } catch (err) {
    dispatchHybrid(target, err, 'messageerror', undefined, () => new MessageEvent('messageerror', { data: err }));
    return;
  }
  dispatchHybrid(target, value, 'message', undefined, () => new MessageEvent('message', { data: value, ports }));
}

// Delivers a port's waiting messages as Node's MessagePort does when its handle is signalled:
// in one go, at most as many as were waiting when it began or 1000, whichever is more (the rest
// in the loop's next poll phase). A close() by a listener meanwhile does not stop it: Node's
// handle closes later, in the loop's close phase, so what is queued until then (even posted
// after the close) is still delivered. A close() before the delivery begins leaves it all.
function drain(port) {
  const state = stateOf(port);
  const id = state.id;
  if (!state.started || id === null) return;
  let budget = Math.max(m.pending(id), 1000);
  for (;;) {
    const open = state.started && state.id === id;
    if (!open && !(state.closing && state.id === null)) return;
    if (budget-- === 0) {
      if (open) m.announce(id);
      return;
    }
    const list = m.take(id);
    if (list === undefined) return;
    deliver(port, list);
    loop.runTicks();
  }
}

// --- BroadcastChannel ---------------------------------------------------------------------

// Open channels of this thread by native id; each channel's name, id (null once closed) and ref.
const liveChannels = new Map();
const channelStates = new WeakMap();

function checkChannel(value) {
  const state = channelStates.get(value);
  if (state === undefined) throw codes.ERR_INVALID_THIS('BroadcastChannel');
  return state;
}

/**
 * Node's BroadcastChannel: every other open channel of the same name, in this thread or any
 * other, receives what one posts (as a MessageEvent); an open channel keeps the loop alive until
 * it is closed or unref'ed.
 */
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('name');
    super();
    const text = `${name}`;
    const state = { name: text, id: m.broadcastJoin(text), refed: true };
    channelStates.set(this, state);
    liveChannels.set(state.id, this);
    installPump();
  }

  get name() {
    return checkChannel(this).name;
  }

  close() {
    const state = checkChannel(this);
    if (state.id === null) return;
    m.close(state.id);
    liveChannels.delete(state.id);
    state.id = null;
  }

  postMessage(message) {
    const state = checkChannel(this);
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('message');
    if (state.id === null) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const serialized = serialize(message, [], null);
    m.broadcast(state.id, serialized.list);
    serialized.commit();
  }

  ref() {
    checkChannel(this).refed = true;
    return this;
  }

  unref() {
    checkChannel(this).refed = false;
    return this;
  }

  [customInspect](depth, options, inspect) {
    const state = channelStates.get(this);
    if (state === undefined) return this;
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `BroadcastChannel ${inspect({ name: state.name, active: state.id !== null }, opts)}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

function drainChannel(channel) {
  const state = channelStates.get(channel);
  while (state.id !== null) {
    const list = m.take(state.id);
    if (list === undefined) return;
    deliver(channel, list);
    loop.runTicks();
  }
}

function receiveMessageOnPort(port) {
  const state = stateOf(port);
  if (state === undefined) throw codes.ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  if (state.id === null) return undefined;
  const list = m.take(state.id);
  if (list === undefined) return undefined;
  return { message: unflatten(list) };
}

// --- Atomics.waitAsync --------------------------------------------------------------------

// Pending waiters of this thread by native number: the promise's resolve and its timeout.
const pendingWaits = new Map();
const timers = require('timers');
const PromiseCtor = Promise;
// The longest delay a timer takes (Node turns longer ones into 1 ms): a longer timeout never
// elapses in a process's life, so it is treated as none.
const kMaxTimerDelay = 2 ** 31 - 1;

/**
 * `Atomics.waitAsync(typedArray, index, value, timeout)` as V8 gives it to Node v20:
 * `{ async: false, value: 'not-equal' | 'timed-out' }` at once, or `{ async: true, value }`
 * with a promise that a notify from any thread (this one included) resolves with 'ok' in this
 * thread's next poll phase, or the timeout with 'timed-out'. A pending wait does not keep the
 * process alive, as in Node.
 */
function waitAsync(typedArray, index, value, timeout) {
  const start = m.waitAsyncStart(typedArray, index, value, timeout);
  if (typeof start === 'string') return { async: false, value: start };
  const [id, ms] = start;
  let resolve;
  const promise = new PromiseCtor((r) => { resolve = r; });
  const entry = { resolve, timer: null };
  pendingWaits.set(id, entry);
  installPump();
  if (ms >= 0 && ms <= kMaxTimerDelay) {
    entry.timer = timers.setTimeout(() => {
      if (m.waitAsyncTimedOut(id)) {
        pendingWaits.delete(id);
        resolve('timed-out');
      }
    }, ms);
    entry.timer.unref();
  }
  return { async: true, value: promise };
}

function wakeWaiter(id) {
  const entry = pendingWaits.get(id);
  m.waitAsyncWoken(id);
  if (entry === undefined) return;
  pendingWaits.delete(id);
  if (entry.timer !== null) timers.clearTimeout(entry.timer);
  entry.resolve('ok');
  loop.runTicks();
}

// --- postMessageToThread (receiving side) ---------------------------------------------------

// A `postMessageToThread` message from thread `source`: emitted on `process` as
// 'workerMessage' (value, source); the sender hears on the reply port whether it was delivered
// ('ok'), had no listener ('nolistener') or a listener threw ('error').
function onThreadMessage(source, [list, replyId]) {
  const reply = adoptPort(replyId);
  let status;
  if (process.listenerCount('workerMessage') === 0) {
    status = 'nolistener';
  } else {
    try {
      process.emit('workerMessage', unflatten(list), source);
      status = 'ok';
    } catch {
      status = 'error';
    }
  }
  reply.postMessage(status);
  reply.close();
}

// --- the event pump -----------------------------------------------------------------------

// internal/process/signal's delivery, once a signal is watched: called at the start of every
// poll phase, so a signal that arrived (even one the script sent itself) is emitted there.
let signalDelivery = null;

function poll() {
  if (signalDelivery !== null) signalDelivery();
  const events = m.takeEvents();
  // Each message posted signals its port; like the sends to one of libuv's async handles, the
  // signals of one port are answered once per poll phase (a drain takes what is waiting).
  // Another signal of a port already drained here waits for the next poll phase (it may stand
  // for a message that came after the drain).
  // (Made on the first port signal: most polls have none.) Each port's entry: whether its
  // next signal was already deferred.
  let drained;
  for (const [kind, id, payload, extra] of events) {
    if (kind === 'port') {
      if (drained === undefined) drained = new Map();
      const deferred = drained.get(id);
      if (deferred !== undefined) {
        if (!deferred) {
          drained.set(id, true);
          m.announce(id);
        }
        continue;
      }
      drained.set(id, false);
      const port = livePorts.get(id);
      if (port !== undefined && stateOf(port).started) drain(port);
      const channel = liveChannels.get(id);
      if (channel !== undefined) drainChannel(channel);
    } else if (kind === 'close') {
      const port = livePorts.get(id);
      if (port !== undefined) {
        drain(port);
        closeLocal(port);
        loop.runTicks();
      }
    } else if (kind === 'threadMessage') {
      onThreadMessage(id, payload);
      loop.runTicks();
    } else if (kind === 'waitAsync') {
      wakeWaiter(id);
    } else if (kind === 'net') {
      const handle = liveSockets.get(id);
      if (handle === undefined) continue;
      try {
        handle._onNetEvent(payload);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    } else if (kind === 'signal') {
      // (Only a wake-up: the signals themselves were taken above, or wait for the next poll.)
      if (signalDelivery !== null) signalDelivery();
    } else if (kind === 'dns') {
      const done = liveDns.get(id);
      if (done === undefined) continue;
      liveDns.delete(id);
      try {
        done(payload);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    } else if (kind.startsWith('ipc-')) {
      const channel = liveIpc.get(id);
      if (channel === undefined) continue;
      try {
        channel._onIpcEvent(kind, payload, extra);
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
  for (const port of livePorts.values()) {
    const state = stateOf(port);
    if (state.refed && !state.closed) return true;
  }
  for (const channel of liveChannels.values()) if (channelStates.get(channel).refed) return true;
  for (const worker of liveWorkers.values()) if (worker._refed) return true;
  for (const child of liveChildren.values()) if (child._refed) return true;
  for (const channel of liveIpc.values()) if (channel._refed) return true;
  if (liveDns.size > 0) return true;
  // As libuv: a socket keeps the loop alive only while it does something (connects, reads,
  // writes); a server while it listens.
  for (const handle of liveSockets.values()) {
    if (handle._refed && (handle._isActive === undefined || handle._isActive())) return true;
  }
  return false;
}

// The open, ref'd sockets and servers (process._getActiveHandles(): as Node's handle list,
// whether or not they are busy).
function activeHandles() {
  const out = [];
  // (stdin's handle is listed with the stdio streams, in their order: process/resources.js.)
  for (const handle of liveSockets.values()) if (handle._refed && handle._stdio !== true) out.push(handle);
  return out;
}

function installPump() {
  if (pumpInstalled) return;
  pumpInstalled = true;
  loop.setEventSource({ poll, hasRef, activeHandles, wait: (ms) => m.wait(ms) });
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

/** Delivers IPC channel `id`'s data and end of file to `handle` until unregistered. */
function registerIpc(id, handle) {
  liveIpc.set(id, handle);
  installPump();
}

function unregisterIpc(id) {
  liveIpc.delete(id);
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

/** Hands DNS request `id`'s outcome (modules/dns.rs) to `done` once; until then the request
 * keeps the loop alive. */
function registerDns(id, done) {
  liveDns.set(id, done);
  installPump();
}

/** Forgets DNS request `id` (cancelled): its outcome, when it comes, goes nowhere. */
function unregisterDns(id) {
  liveDns.delete(id);
}

// The global structuredClone: the same serializer as postMessage, through the same native
// carrier, so ArrayBuffers are copied or moved, SharedArrayBuffers come back as new objects
// over the same memory and ports can be transferred, as in Node. A method with a rest parameter,
// so that like Node's it has no `prototype` and a length of 0.
const { structuredClone } = { structuredClone(...args) {
  // Indexed, not destructured: destructuring iterates, and Array.prototype[Symbol.iterator]
  // is the script's to replace (Node's native reads its arguments directly).
  const value = args[0];
  const options = args[1];
  if (args.length === 0) {
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The options argument must be either an object or undefined');
  }
  const transfer = options === undefined || options === null ? undefined : options.transfer;
  const items = transferItems(transfer);
  // A primitive with nothing to transfer comes back as itself (a symbol is refused by the
  // serializer below).
  if (items.length === 0 && (value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol'))) {
    return value;
  }
  if (items.length === 0) {
    // Plain data (no getter, Proxy, class instance, Map, Error... anywhere) in one native walk
    // that runs no script code; undefined when the value needs the general path below.
    const plain = m.clonePlain(value, ObjectPrototype, ArrayBufferPrototypeGetResizable);
    if (plain !== undefined) return plain;
  }
  const message = serialize(value, items, null);
  const list = m.roundTrip(message.list);
  message.commit();
  return unflatten(list);
} };

function markAsUntransferable(object) {
  if (object === null || (typeof object !== 'object' && typeof object !== 'function')) return;
  untransferableRegistry().mark(object);
}

module.exports = {
  setTransferableSignalCheck,
  MessagePort,
  MessageChannel,
  MessageEvent,
  BroadcastChannel,
  waitAsync,
  portId,
  handOver,
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
  registerIpc,
  unregisterIpc,
  registerNet,
  unregisterNet,
  registerDns,
  unregisterDns,
  unregisterWorker,
  setSignalDelivery: (deliver) => {
    signalDelivery = deliver;
    installPump();
  },
};
