// worker_threads as in Node v20: Worker (a real thread with its own runtime), isMainThread,
// parentPort, workerData, threadId, MessageChannel/MessagePort, receiveMessageOnPort,
// markAsUntransferable, SHARE_ENV, resourceLimits.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout, clearTimeout } = require('timers');

const EventEmitter = require('events');
const path = require('path');
const { codes, makeNodeError } = require('internal/errors');
const messaging = require('internal/messaging');
const {
  MessagePort, MessageChannel, BroadcastChannel, receiveMessageOnPort, markAsUntransferable, serialize, transferItems,
} = messaging;

const info = native.worker;
const isMainThread = info === undefined;
const threadId = isMainThread ? 0 : info.threadId;
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

let parentPort = null;
let workerData = null;
let initEnv;
// setEnvironmentData's values: each worker starts with a copy of its parent's at construction.
let environmentData = new Map();
if (!isMainThread) {
  const init = messaging.unflatten(info.init);
  workerData = init.workerData;
  initEnv = init.env;
  environmentData = init.environmentData;
  parentPort = messaging.newPort(info.port);
  // Node's parentPort does not keep the worker alive by itself until someone listens.
  parentPort.unref();
}

// The error classes by name as they were when the thread started.
const errorConstructors = {
  __proto__: null, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError, Error,
};

// What a worker sends for an uncaught exception: for errors, the nearest built-in error class
// and their properties (name/message/stack hidden, own enumerable ones kept); other values are
// cloned; what cannot be cloned is sent as its inspected text.
function serializeError(error) {
  if (typeof error === 'symbol') return { kind: 'symbol', text: error.description };
  try {
    if (error !== null && typeof error === 'object' && Object.prototype.toString.call(error) === '[object Error]') {
      let ctor = 'Error';
      for (let p = Object.getPrototypeOf(error); p !== null; p = Object.getPrototypeOf(p)) {
        const c = Object.prototype.hasOwnProperty.call(p, 'constructor') ? p.constructor : undefined;
        if (typeof c === 'function' && errorConstructors[c.name] === c) {
          ctor = c.name;
          break;
        }
      }
      const hidden = {};
      for (const key of ['name', 'message', 'stack']) {
        const value = error[key];
        if (value !== undefined && typeof value !== 'function') hidden[key] = value;
      }
      const visible = {};
      for (const key of Object.keys(error)) {
        const value = error[key];
        try {
          messaging.flatten(value, new Set());
          visible[key] = value;
        } catch {
          // Properties that cannot be cloned are left out.
        }
      }
      if (Object.prototype.hasOwnProperty.call(error, 'cause') && !('cause' in visible)) {
        try {
          messaging.flatten(error.cause, new Set());
          visible.cause = error.cause;
        } catch {
          // As above.
        }
      }
      return { kind: 'error', ctor, hidden, visible };
    }
  } catch {
    // Fall through to a plain clone.
  }
  try {
    messaging.flatten(error, new Set());
    return { kind: 'value', value: error };
  } catch {
    return { kind: 'text', text: require('internal/inspect').inspect(error) };
  }
}

function deserializeError(data) {
  switch (data.kind) {
    case 'error': {
      const Ctor = errorConstructors[data.ctor] || Error;
      const error = new Ctor();
      delete error.stack;
      for (const key of Object.keys(data.hidden)) {
        Object.defineProperty(error, key, { value: data.hidden[key], writable: true, configurable: true, enumerable: false });
      }
      for (const key of Object.keys(data.visible)) {
        Object.defineProperty(error, key, { value: data.visible[key], writable: true, configurable: true, enumerable: true });
      }
      return error;
    }
    case 'symbol':
      return Symbol(data.text);
    case 'value':
      return data.value;
    default:
      return data.text;
  }
}

function validateWorkerPath(filename) {
  const isURL = filename instanceof require('url').URL;
  if (typeof filename !== 'string' && !isURL) {
    throw codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (typeof filename !== 'string') {
    // A `data:` URL is a module source of its own, as in Node.
    if (filename.protocol === 'data:') return filename.href;
    if (filename.protocol !== 'file:') throw codes.ERR_INVALID_URL_SCHEME('file');
    return require('url').fileURLToPath(filename);
  }
  if (path.isAbsolute(filename) || /^\.\.?[\\/]/.test(filename)) return path.resolve(filename);
  throw makeNodeError(TypeError, 'ERR_WORKER_PATH',
    `The worker script or module filename must be an absolute path or a relative path starting with './' or '../'. Received "${filename}"`);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    // Node reads options.execArgv first: null fails there with the engine's TypeError.
    void options.execArgv;
    let source;
    const isEval = Boolean(options.eval);
    if (isEval) {
      if (typeof filename !== 'string') throw codes.ERR_INVALID_ARG_TYPE('filename', 'string', filename);
      source = filename;
    } else {
      source = validateWorkerPath(filename);
    }
    let argv = [];
    if (options.argv !== undefined) {
      if (!Array.isArray(options.argv)) throw codes.ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
      argv = options.argv.map(String);
    }
    let env;
    if (options.env === undefined || options.env === SHARE_ENV) env = { ...process.env };
    else if (options.env !== null && typeof options.env === 'object') {
      env = {};
      for (const key of Object.keys(options.env)) env[key] = String(options.env[key]);
    } else {
      throw codes.ERR_INVALID_ARG_TYPE('options.env', ['Object', 'SHARE_ENV'], options.env);
    }
    const channel = new MessageChannel();
    const init = serialize({ workerData: options.workerData, env, environmentData }, transferItems(options.transferList), null);
    this._port = channel.port1;
    this._port.on('message', (value) => this.emit('message', value));
    this._port.on('messageerror', (error) => this.emit('messageerror', error));
    // The Worker object, not its port, keeps the parent alive.
    this._port.unref();
    const remote = channel.port2;
    const remoteId = messaging.portId(remote);
    messaging.handOver(remote);
    this._refed = options.ref !== false;
    this._exited = false;
    this._exitWaiters = [];
    // nodebuf maps maxOldGenerationSizeMb (V8's heap cap) to a cap on the worker's Buffer and
    // SharedArrayBuffer stores, the memory nodebuf owns (README: known differences).
    const limits = options.resourceLimits;
    const oldGen = limits !== null && typeof limits === 'object' ? limits.maxOldGenerationSizeMb : undefined;
    const budgetMb = typeof oldGen === 'number' && oldGen > 0 ? oldGen : undefined;
    this.threadId = native.workers.spawn(source, isEval, argv, init.list, remoteId, budgetMb);
    init.commit();
    messaging.registerWorker(this.threadId, this);
    this.resourceLimits = {};
    const created = require('diagnostics_channel').channel('worker_threads');
    if (created.hasSubscribers) created.publish({ worker: this });
  }

  postMessage(...args) {
    if (this._exited) return;
    this._port.postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
    }
    if (this._exited) {
      if (typeof callback === 'function') process.nextTick(callback, null, undefined);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this._exitWaiters.push((code) => {
        if (typeof callback === 'function') callback(null, code);
        resolve(code);
      });
      native.workers.terminate(this.threadId);
    });
  }

  ref() {
    if (!this._exited) this._refed = true;
  }

  unref() {
    this._refed = false;
  }

  get stdin() {
    return null;
  }

  _onEvent(kind, payload) {
    if (kind === 'online') {
      this.emit('online');
    } else if (kind === 'error') {
      // Without listeners this throws into the main thread (as an uncaught exception).
      this.emit('error', deserializeError(messaging.unflatten(payload)));
    } else if (kind === 'exit') {
      // Every message the worker sent before it ended is delivered before 'exit'.
      messaging.drain(this._port);
      this._exited = true;
      this._refed = false;
      messaging.unregisterWorker(this.threadId);
      this._port.close();
      const id = this.threadId;
      Object.defineProperty(this, 'threadId', { value: -1, writable: true, configurable: true, enumerable: true });
      void id;
      for (const waiter of this._exitWaiters.splice(0)) waiter(payload);
      this.emit('exit', payload);
    }
  }
}

// Runs this worker's script (called by the bootstrap in worker threads): uncaught exceptions go
// to the parent instead of stderr, `process.env` is what the parent gave, then the parent hears
// 'online' and the script runs as the main module (or as `[worker eval]`).
function runWorkerMain() {
  const loop = require('internal/loop');
  loop.setFatalHook((error) => {
    const message = serialize(serializeError(error), [], null);
    info.reportError(message.list);
  });
  process.env = initEnv;
  info.online();
  const cjs = require('internal/cjs');
  if (!info.isEval && info.source.startsWith('data:')) {
    require('internal/esm').runURL(info.source);
    return;
  }
  if (!info.isEval) {
    cjs.runMain(info.source);
    return;
  }
  const filename = '[worker eval]';
  const mod = new cjs.Module(filename, null);
  mod.filename = path.join(process.cwd(), filename);
  mod.paths = cjs.Module._nodeModulePaths(process.cwd());
  const req = cjs.createRequire(mod.filename);
  const fn = native.compile(`(function (exports, require, module, __filename, __dirname) { ${info.source}\n})`, filename);
  fn.call(mod.exports, mod.exports, req, mod, filename, '.');
}

function messagingError(code, message) {
  return makeNodeError(Error, code, message);
}

/**
 * Node's `postMessageToThread(threadId, value[, transferList][, timeout])`: sends `value` to
 * thread `threadId` (any running thread, 0 for the main one), where `process` emits
 * 'workerMessage' (value, sender's threadId). The promise resolves once a listener took it;
 * it rejects when no such thread or listener exists, a listener threw, or `timeout` ms passed.
 */
async function postMessageToThread(destination, value, transferList, timeout) {
  if (typeof transferList === 'number' && timeout === undefined) {
    timeout = transferList;
    transferList = [];
  }
  if (timeout !== undefined) {
    if (typeof timeout !== 'number') throw codes.ERR_INVALID_ARG_TYPE('timeout', 'number', timeout);
    if (!(timeout >= 0)) throw codes.ERR_OUT_OF_RANGE('timeout', '>= 0', timeout);
  }
  if (destination === threadId) {
    throw messagingError('ERR_WORKER_MESSAGING_SAME_THREAD', 'Cannot sent a message to the same thread');
  }
  const failed = () => messagingError('ERR_WORKER_MESSAGING_FAILED', 'Cannot find the destination thread or listener');
  const message = serialize(value, transferItems(transferList), null);
  const { port1, port2 } = new MessageChannel();
  const replyId = messaging.portId(port2);
  messaging.handOver(port2);
  const sent = typeof destination === 'number' && native.messaging.threadPost(destination, threadId, message.list, replyId);
  message.commit();
  if (!sent) {
    native.messaging.close(replyId);
    port1.close();
    // Node finds out after an await (its lookup is asynchronous), not at once.
    await undefined;
    throw failed();
  }
  return new Promise((resolve, reject) => {
    let timer = null;
    port1.on('message', (status) => {
      if (timer !== null) clearTimeout(timer);
      port1.close();
      if (status === 'ok') resolve();
      else if (status === 'error') reject(messagingError('ERR_WORKER_MESSAGING_ERRORED', 'The destination thread threw an error while processing the message'));
      else reject(failed());
    });
    if (timeout !== undefined) {
      timer = setTimeout(() => {
        port1.close();
        reject(messagingError('ERR_WORKER_MESSAGING_TIMEOUT', 'Sending a message to another thread timed out'));
      }, timeout);
    }
  });
}

/** Node's `setEnvironmentData(key, value)`: what workers created from now on (and theirs) see
 * through `getEnvironmentData(key)`; `undefined` removes the key. */
function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

// In Node v20's order of keys.
module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  receiveMessageOnPort,
  resourceLimits: {},
  postMessageToThread,
  threadId,
  SHARE_ENV,
  Worker,
  parentPort,
  workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
Object.defineProperty(module.exports, '_runWorkerMain', { value: runWorkerMain, enumerable: false });
