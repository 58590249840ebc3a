// The IPC channel of child_process.fork as Node v20 runs it, on both sides (a ChildProcess in
// the parent, `process` in the child): `send` with Node's checks, callbacks and 'error' events,
// `disconnect`, `connected`, the `channel` control (ref/unref), 'message' and 'disconnect'
// events, and Node's two framings: 'json' (one JSON text per line) and 'advanced' (a 4-byte
// big-endian length, then the value in V8's serialization format with views as host objects).
'use strict';

const { makeNodeError, codes } = require('internal/errors');

const kMaxWriteQueue = 65536 * 2;
// Node's child-process serializer marks a view host object with this tag before it.
const kArrayBufferViewTag = 0;

function channelClosed() {
  return makeNodeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
}

function alreadyDisconnected() {
  return makeNodeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected');
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

/** Node's channel control object: keeps the event loop alive while ref'd. */
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
    explicitRef: refByDefault,
    counted: 0,
    open: true,
    update() {
      handle._refed = this.open && (this.explicitRef || this.counted > 0);
    },
  };
  const handle = {
    _refed: refByDefault,
    _onIpcEvent(kind, payload) {
      if (kind === 'ipc-data') {
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
    // Nothing is delivered once this side disconnected.
    if (target.channel === null) return;
    const internal = message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
      message.cmd.startsWith('NODE_');
    process.nextTick(() => target.emit(internal ? 'internalMessage' : 'message', message, undefined));
  }

  function finishDisconnect() {
    target.channel = null;
    native.ipc.close(id);
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
    if (!this.connected) {
      const error = channelClosed();
      if (typeof callback === 'function') process.nextTick(callback, error);
      else process.nextTick(() => this.emit('error', error));
      return false;
    }
    if (message === undefined) throw codes.ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' && typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw codes.ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'], message);
    }
    if (sendHandle !== undefined && sendHandle !== null) {
      throw makeNodeError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
    }
    const bytes = encode(mode, message);
    const errno = native.ipc.write(id, bytes);
    if (errno !== 0) {
      const error = Object.assign(new Error(`write ${errno === 32 ? 'EPIPE' : 'EIO'}`),
        { errno: -errno, code: errno === 32 ? 'EPIPE' : 'EIO', syscall: 'write' });
      if (typeof callback === 'function') process.nextTick(callback, error);
      else process.nextTick(() => this.emit('error', error));
      return bytes.length < kMaxWriteQueue;
    }
    // Node calls back once the write completed: for a message the pipe takes at once, in a
    // tick right after this code (a TickObject, before any message that comes in).
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  };

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', alreadyDisconnected());
      return;
    }
    this.connected = false;
    finishDisconnect();
  };

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
