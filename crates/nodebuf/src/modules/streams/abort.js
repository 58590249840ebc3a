// The one place the stream modules get AbortController/AbortSignal from: the runner's own
// (internal/abort_controller, the globals), with Node's addAbortListener for a signal that may be
// absent (streams take `signal` as an option).
'use strict';

const { AbortController, AbortSignal, validateAbortSignal } = require('internal/abort_controller');
const { addAbortListener: listenForAbort } = require('events');

const kDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

/** Whether `value` passes Node's signal check (an object with `aborted`). */
function isAbortSignal(value) {
  return value !== null && typeof value === 'object' && 'aborted' in value;
}

/**
 * events.addAbortListener for an optional signal: `listener` runs once on abort (in a microtask
 * when already aborted); the result's `dispose()` removes it. No signal gives a no-op.
 */
function addAbortListener(signal, listener) {
  if (signal === undefined) return { dispose() {} };
  const disposable = listenForAbort(signal, listener);
  return { dispose: () => disposable[kDispose]() };
}

module.exports = { AbortController, AbortSignal, isAbortSignal, validateAbortSignal, addAbortListener };
