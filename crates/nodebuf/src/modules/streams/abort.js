// The one place the stream modules get AbortController/AbortSignal from. When the runner has the
// globals (the events/globals work), those are used; until then a minimal signal with Node's
// observable surface (aborted, reason, throwIfAborted, abort event via addEventListener/onabort).
'use strict';

const { codes } = require('internal/streams/errors');

function makeFallback() {
  const kListeners = Symbol('listeners');
  class AbortSignal {
    constructor() {
      this.aborted = false;
      this.reason = undefined;
      this.onabort = null;
      this[kListeners] = [];
    }

    addEventListener(type, listener, options) {
      if (type !== 'abort' || typeof listener !== 'function') return;
      if (this[kListeners].some((e) => e.listener === listener)) return;
      this[kListeners].push({ listener, once: !!(options && options.once) });
    }

    removeEventListener(type, listener) {
      if (type !== 'abort') return;
      this[kListeners] = this[kListeners].filter((e) => e.listener !== listener);
    }

    throwIfAborted() {
      if (this.aborted) throw this.reason;
    }

    static abort(reason) {
      const c = new AbortController();
      c.abort(reason);
      return c.signal;
    }

    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }
  class AbortController {
    constructor() {
      this.signal = new AbortSignal();
    }

    abort(reason) {
      const signal = this.signal;
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason === undefined ? new DOMExceptionLike('This operation was aborted', 'AbortError') : reason;
      const event = { type: 'abort', target: signal };
      if (typeof signal.onabort === 'function') signal.onabort(event);
      for (const entry of signal[kListeners].slice()) {
        if (entry.once) signal.removeEventListener('abort', entry.listener);
        entry.listener.call(signal, event);
      }
    }
  }
  class DOMExceptionLike extends Error {
    constructor(message, name) {
      super(message);
      Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
      this.code = 20;
    }
  }
  return { AbortController, AbortSignal };
}

const impl = typeof globalThis.AbortController === 'function'
  ? { AbortController: globalThis.AbortController, AbortSignal: globalThis.AbortSignal }
  : makeFallback();

function isAbortSignal(value) {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof impl.AbortSignal) return true;
  return 'aborted' in value && typeof value.addEventListener === 'function';
}

/** Node's validateAbortSignal: undefined passes, anything not a signal is ERR_INVALID_ARG_TYPE. */
function validateAbortSignal(signal, name) {
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

/** Like events.addAbortListener: calls `listener` once on abort; returns a disposable. */
function addAbortListener(signal, listener) {
  if (signal === undefined) return { [Symbol.dispose || Symbol.for('nodejs.dispose')]() {}, dispose() {} };
  let removed = false;
  const wrapped = (ev) => { if (!removed) listener(ev); };
  if (signal.aborted) {
    queueMicrotask(() => wrapped());
  } else {
    signal.addEventListener('abort', wrapped, { once: true });
  }
  const dispose = () => {
    removed = true;
    signal.removeEventListener('abort', wrapped);
  };
  return { [Symbol.dispose || Symbol.for('nodejs.dispose')]: dispose, dispose };
}

module.exports = { ...impl, isAbortSignal, validateAbortSignal, addAbortListener };
