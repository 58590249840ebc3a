// The IPC channel of child_process.fork as Node v20 runs it, on both sides (a ChildProcess in
// the parent, `process` in the child): `send` with Node's checks, callbacks and 'error' events,
// `disconnect`, `connected`, the `channel` control (ref/unref), 'message' and 'disconnect'
// events, handles sent with a message (`send(message, sendHandle)`: Node's NODE_HANDLE
// protocol, one handle in flight at a time, later messages queued until the other side
// acknowledges it), and Node's two framings: 'json' (one JSON text per line) and 'advanced' (a 4-byte
// big-endian length, then the value in V8's serialization format with views as host objects).
'use strict';

const { makeNodeError, codes } = require('internal/errors');

const kMaxWriteQueue = 65536 * 2;
// How often a handle the other side did not get is sent again before giving up.
const kMaxHandleRetransmissions = 3;
// Node's child-process serializer marks a view host object with this tag before it.
const kArrayBufferViewTag = 0;

function channelClosed() {
  return makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
}

function alreadyDisconnected() {
  return makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected');
}

let handleConversions = null;
function conversionsModule() {
  if (handleConversions === null) handleConversions = require('internal/child_process/handles');
  return handleConversions;
}

let advancedCodecs = null;
function codecs() {
  if (advancedCodecs !== null) return advancedCodecs;
  const v8 = require('v8');
  class ChildProcessSerializer extends v8.DefaultSerializer {
    _writeHostObject(object) {
      this.writeUint32(kArrayBufferViewTag);
      return super._writeHostObject(object);
    }
  }
  class ChildProcessDeserializer extends v8.DefaultDeserializer {
    _readHostObject() {
      const tag = this.readUint32();
      if (tag !== kArrayBufferViewTag) throw new Error('Unable to deserialize cloned data.');
      return super._readHostObject();
    }
  }
  advancedCodecs = { ChildProcessSerializer, ChildProcessDeserializer };
  return advancedCodecs;
}

/** The bytes of one message in `mode`'s framing. */
function encode(mode, message) {
  if (mode === 'advanced') {
    const serializer = new (codecs().ChildProcessSerializer)();
    serializer.writeHeader();
    serializer.writeValue(message);
    const body = serializer.releaseBuffer();
    const framed = Buffer.allocUnsafe(4 + body.length);
    framed.writeUInt32BE(body.length, 0);
    body.copy(framed, 4);
    return framed;
  }
  return Buffer.from(`${JSON.stringify(message)}\n`);
}

/** Splits received bytes into messages, keeping an incomplete tail for the next chunk. */
class MessageReader {
  constructor(mode) {
    this.mode = mode;
    this.pending = Buffer.alloc(0);
    this.text = '';
    this.decoder = null;
  }

  /** The complete messages in `chunk` (after what came before). */
  push(chunk) {
    if (this.mode === 'advanced') return this.pushFramed(chunk);
    if (this.decoder === null) {
      const { StringDecoder } = require('string_decoder');
      this.decoder = new StringDecoder('utf8');
    }
    this.text += this.decoder.write(chunk);
    const lines = this.text.split('\n');
    this.text = lines.pop();
    return lines.map((line) => JSON.parse(line));
  }

  pushFramed(chunk) {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out = [];
    while (this.pending.length >= 4) {
      const size = this.pending.readUInt32BE(0);
      if (this.pending.length < 4 + size) break;
      const deserializer = new (codecs().ChildProcessDeserializer)(this.pending.subarray(4, 4 + size));
      deserializer.readHeader();
      out.push(deserializer.readValue());
      this.pending = this.pending.subarray(4 + size);
    }
    return out;
  }

  /** Whether part of a message is still waiting for the rest. */
  get buffering() {
    return this.pending.length > 0 || this.text.length > 0;
  }
}

/** Whether `message` is one of Node's own (a `cmd` starting with NODE_), kept from 'message'. */
function isInternal(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
    message.cmd.length > 5 && message.cmd.startsWith('NODE_');
}

/** Node's channel control object: keeps the event loop alive while ref'd. An explicit
 * ref()/unref() decides from then on; until one, the listeners counted do (in the child). */
class Control {
  constructor(fd, state) {
    Object.defineProperty(this, '_state', { value: state });
    Object.defineProperty(this, '_fd', { value: fd });
  }

  /** The channel's descriptor in this process. */
  get fd() {
    return this._fd;
  }

  ref() {
    this._state.explicitRef = true;
    this._state.update();
  }

  unref() {
    this._state.explicitRef = false;
    this._state.update();
  }

  refCounted() {
    this._state.counted++;
    this._state.update();
  }

  unrefCounted() {
    if (this._state.counted > 0) this._state.counted--;
    this._state.update();
  }
}

/**
 * Gives `target` (a ChildProcess, or `process` in a forked child) Node's IPC surface over
 * native channel `id`. `refByDefault`: the parent's channel keeps the loop alive while
 * connected; the child's only while it has 'message' or 'disconnect' listeners.
 */
function setupChannel(target, id, fd, mode, refByDefault) {
  const messaging = require('internal/messaging');
  const reader = new MessageReader(mode);
  const state = {
    // null until ref()/unref() is called.
    explicitRef: null,
    counted: 0,
    open: true,
    update() {
      const wanted = this.explicitRef !== null ? this.explicitRef : refByDefault || this.counted > 0;
      handle._refed = this.open && wanted;
    },
  };
  // Descriptors received and not yet claimed by their NODE_HANDLE message.
  const receivedFds = [];
  const handle = {
    _refed: refByDefault,
    _onIpcEvent(kind, payload, fds) {
      if (kind === 'ipc-data') {
        if (fds !== undefined) receivedFds.push(...fds);
        for (const message of reader.push(payload)) deliver(message);
      } else {
        // The other side closed its end, or exited.
        state.open = false;
        state.update();
        messaging.unregisterIpc(id);
        if (target.connected) {
          target.connected = false;
          finishDisconnect();
        }
      }
    },
  };
  const control = new Control(fd, state);
  let disconnectEmitted = false;

  function deliver(message) {
    const internal = isInternal(message);
    let received;
    // A handle's descriptor came with the first byte of its message, so it is here by now.
    if (internal && message.cmd === 'NODE_HANDLE' && receivedFds.length > 0) {
      received = conversionsModule().receive(receivedFds.shift());
    }
    // Nothing is delivered once this side disconnected.
    if (target.channel === null) {
      if (received !== undefined) received.close();
      return;
    }
    emitMessage(message, received, internal);
  }

  function emitMessage(message, sendHandle, internal) {
    if (target.channel === null) return;
    process.nextTick(() => target.emit(internal ? 'internalMessage' : 'message', message, sendHandle));
  }

  function finishDisconnect() {
    target.channel = null;
    native.ipc.close(id);
    for (const fd of receivedFds.splice(0)) native.ipc.closeFd(fd);
    process.nextTick(() => {
      if (disconnectEmitted) return;
      disconnectEmitted = true;
      state.open = false;
      state.update();
      messaging.unregisterIpc(id);
      target.emit('disconnect');
    });
  }

  target.channel = control;
  target.connected = true;

  target.send = function send(message, sendHandle, options, callback) {
    if (typeof sendHandle === 'function') {
      callback = sendHandle;
      sendHandle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    options = { swallowErrors: false, ...options };
    if (!this.connected) {
      const error = channelClosed();
      if (typeof callback === 'function') process.nextTick(callback, error);
      else process.nextTick(() => this.emit('error', error));
      return false;
    }
    return this._send(message, sendHandle, options, callback);
  };

  // The write itself, also used for Node's own acknowledgements and for queued messages.
  target._send = function _send(message, sendHandle, options, callback) {
    if (message === undefined) throw codes.ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw codes.ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    let conversion = null;
    let nativeHandle = null;
    if (sendHandle) {
      const handles = conversionsModule();
      message = { cmd: 'NODE_HANDLE', type: handles.typeOf(sendHandle), msg: message };
      // One handle at a time: the next waits for the other side's acknowledgement.
      if (this._handleQueue) {
        this._handleQueue.push({ callback, handle: sendHandle, options, message: message.msg });
        return this._handleQueue.length === 1;
      }
      conversion = handles.conversions[message.type];
      nativeHandle = conversion.send.call(this, message, sendHandle, options) || null;
      // A handle already gone (closed, or sent away): the message goes alone.
      if (nativeHandle === null || handles.nativeId(nativeHandle) === null) {
        nativeHandle = null;
        message = message.msg;
      }
    } else if (this._handleQueue && !(message && (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      // Plain messages wait behind a handle too, so they keep their order.
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }
    const bytes = encode(mode, message);
    const errno = nativeHandle === null ? native.ipc.write(id, bytes) :
      native.ipc.write(id, bytes, conversionsModule().nativeId(nativeHandle));
    if (errno === 0) {
      if (nativeHandle !== null) {
        if (!this._handleQueue) this._handleQueue = [];
        if (conversion.postSend) conversion.postSend(message, nativeHandle, options, callback, this);
      }
      // Node calls back once the write completed: for a message the pipe takes at once, in a
      // tick right after this code (a TickObject, before any message that comes in).
      if (typeof callback === 'function') process.nextTick(callback, null);
    } else {
      if (conversion !== null && conversion.postSend) conversion.postSend(message, nativeHandle, options, callback);
      if (!options.swallowErrors) {
        const error = Object.assign(new Error(`write ${errno === 32 ? 'EPIPE' : 'EIO'}`),
          { errno: -errno, code: errno === 32 ? 'EPIPE' : 'EIO', syscall: 'write' });
        if (typeof callback === 'function') process.nextTick(callback, error);
        else process.nextTick(() => this.emit('error', error));
      }
    }
    return bytes.length < kMaxWriteQueue;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', alreadyDisconnected());
      return;
    }
    this.connected = false;
    // Messages still waiting behind a handle go first; the channel closes after them.
    if (!this._handleQueue) finishDisconnect();
  };

  target._handleQueue = null;
  target._pendingMessage = null;
  target.on('internalMessage', (message, received) => {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      const pending = target._pendingMessage;
      target._pendingMessage = null;
      if (pending !== null) pending.handle.close();
      const queue = target._handleQueue || [];
      target._handleQueue = null;
      for (const args of queue) target._send(args.message, args.handle, args.options, args.callback);
      if (!target.connected && target.channel !== null && !target._handleQueue) finishDisconnect();
      return;
    }
    if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = target._pendingMessage;
      if (pending !== null && pending.retransmissions++ < kMaxHandleRetransmissions) {
        target._handleQueue = null;
        target._pendingMessage = null;
        target._send(pending.message.msg, pending.handle, pending.options, pending.callback);
        return;
      }
      target._pendingMessage = null;
      if (pending !== null) pending.handle.close();
      process.emitWarning('Handle did not reach the receiving process correctly', 'SentHandleNotReceivedWarning');
      return;
    }
    if (message.cmd !== 'NODE_HANDLE') return;
    // The descriptor did not come: the sender tries again.
    if (!received) {
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
      return;
    }
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);
    const conversion = conversionsModule().conversions[message.type];
    if (conversion === undefined) {
      received.close();
      return;
    }
    conversion.got.call(target, message, received, (made) => {
      emitMessage(message.msg, made, isInternal(message.msg));
    });
  });

  if (!refByDefault) {
    // The child's channel keeps it alive while someone listens for messages, as in Node.
    target.on('newListener', (name) => {
      if (name === 'message' || name === 'disconnect') control.refCounted();
    });
    target.on('removeListener', (name) => {
      if (name === 'message' || name === 'disconnect') control.unrefCounted();
    });
  }
  messaging.registerIpc(id, handle);
  return control;
}

module.exports = { setupChannel };
