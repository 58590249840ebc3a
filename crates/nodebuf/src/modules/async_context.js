// `internal/async_context`: the async context the runner carries from where work is scheduled
// to where it runs, for `async_hooks`. A frame is { id, trigger, resource, stores }: the async
// id and trigger id `executionAsyncId()`/`triggerAsyncId()` report, the resource
// `executionAsyncResource()` returns, and the AsyncLocalStorage values (a Map, or null).
//
// Where frames travel:
// - promises and `await`: the engine (patch quickjs-0009) keeps the current frame and runs each
//   reaction with the frame current at `then`/`await` time (like V8's continuation-preserved
//   embedder data, which Node's AsyncContextFrame uses);
// - process.nextTick, timers, setImmediate, queueMicrotask: the event loop asks `init` for a
//   new frame when the work is queued (a new async id, triggered by the current one, carrying
//   the current stores) and enters it around the callback;
// - AsyncResource: its frame is made at construction and entered by `runInAsyncScope`.
// Nothing is tracked until `async_hooks` is first required (`start()`); before that the loop
// schedules work without frames, as Node runs without async hooks.
'use strict';

const { makeNodeError } = require('internal/errors');

const getFrame = native.getAsyncFrame;
const setFrame = native.setAsyncFrame;
const ReflectApply = Reflect.apply;

/** `executionAsyncResource()` at the top level and in promise callbacks: one plain object. */
const topLevelResource = {};
const topFrame = { __proto__: null, id: 1, trigger: 0, resource: topLevelResource, stores: null };

let tracking = false;
// Ids handed out so far (Node's main script is 1; its start-up uses a few more).
let lastId = 1;
// Set while the loop runs promise jobs; `scopesInJobs` counts frames entered explicitly since.
let inJobs = false;
let scopesInJobs = 0;
// The frames entered by `enter`, restored by `exit`.
const entered = [];
// AsyncLocalStorages disabled now: work queued meanwhile does not inherit their values.
const disabledStorages = new Set();
// Enabled createHook callbacks, by kind.
const hooks = { init: [], before: [], after: [], destroy: [], promiseResolve: [] };

/** The current frame. */
function current() {
  const frame = getFrame();
  return frame === undefined ? topFrame : frame;
}

/** The frame `executionAsyncId()` and friends describe: promise callbacks have none (id 0). */
function executing() {
  if (inJobs && scopesInJobs === 0) return null;
  return current();
}

function newAsyncId() {
  return ++lastId;
}

// Runs the hooks of one kind; an exception in a hook is fatal, as in Node.
function emit(kind, args) {
  const list = hooks[kind];
  if (list.length === 0) return;
  try {
    for (const hook of list.slice()) ReflectApply(hook.fn, hook.owner, args);
  } catch (err) {
    hookFailed(err);
  }
}

// As Node: an exception in a hook skips 'uncaughtException': its stack (a non-error becomes
// `Error: <value>`) goes to stderr and the process exits with 1 after 'exit' listeners.
function hookFailed(err) {
  const isError = err !== null && typeof err === 'object' && typeof err.stack === 'string';
  native.writeErr(`${isError ? err.stack : new Error(String(err)).stack}\n`);
  process.exitCode = 1;
  const loop = require('internal/loop');
  native.exit(loop.exit());
}

/**
 * A new frame for work queued now: a fresh id triggered by the current id (or `trigger`),
 * the current stores, `resource` as its resource; emits `init(id, type, trigger, resource)`.
 */
function init(type, resource, trigger = undefined) {
  if (hooks.init.length > 0 && (typeof type !== 'string' || type.length === 0)) {
    throw makeNodeError(TypeError, 'ERR_ASYNC_TYPE', `Invalid name for async "type": ${type}`);
  }
  const from = current();
  const frame = {
    __proto__: null,
    id: newAsyncId(),
    trigger: trigger === undefined ? (executing() === null ? 0 : from.id) : trigger,
    resource,
    stores: disabledStorages.size === 0 ? from.stores : withoutDisabled(from.stores),
  };
  if (hooks.init.length > 0) emit('init', [frame.id, type, frame.trigger, resource]);
  return frame;
}

function withoutDisabled(stores) {
  if (stores === null) return null;
  let kept = null;
  for (const [storage, value] of stores) {
    if (disabledStorages.has(storage)) continue;
    if (kept === null) kept = new Map();
    kept.set(storage, value);
  }
  return kept;
}

/** Makes `frame` current (remembering the one it replaces) and emits `before(id)`. */
function enter(frame) {
  entered.push(getFrame());
  setFrame(frame);
  if (inJobs) scopesInJobs++;
  if (hooks.before.length > 0) emit('before', [frame.id]);
}

/** Emits `after(id)` and brings back the frame `enter` replaced. */
function exit(frame) {
  if (hooks.after.length > 0) emit('after', [frame.id]);
  if (inJobs) scopesInJobs--;
  setFrame(entered.pop());
}

// As Node, `destroy` hooks run in batches: ids queue up and are reported at the start of the
// loop's next check (immediates) phase.
// Ids queued by a destroy hook itself are reported in the same batch.
let destroyQueue = [];
let flushingDestroyed = false;

function flushDestroyed() {
  flushingDestroyed = true;
  try {
    while (destroyQueue.length > 0) {
      const ids = destroyQueue;
      destroyQueue = [];
      for (const id of ids) emit('destroy', [id]);
    }
  } finally {
    flushingDestroyed = false;
  }
}

/** Queues `destroy(id)` for a frame whose work is done. */
function destroy(frame) {
  if (hooks.destroy.length === 0) return;
  if (destroyQueue.length === 0 && !flushingDestroyed) require('internal/loop').setDestroyFlush(flushDestroyed);
  destroyQueue.push(frame.id);
}

/** Whether any enabled hook has a `destroy` callback. */
function hasDestroyHooks() {
  return hooks.destroy.length > 0;
}

/** Runs `fn` with `frame` entered. */
function runIn(frame, fn, thisArg, args) {
  enter(frame);
  try {
    return ReflectApply(fn, thisArg, args);
  } finally {
    exit(frame);
  }
}

/** Replaces the current frame by one whose stores are `stores` (same ids and resource). */
function replaceStores(stores) {
  const from = current();
  setFrame({ __proto__: null, id: from.id, trigger: from.trigger, resource: from.resource, stores });
}

/** Called by the loop around its promise-job checkpoint: callbacks there have async id 0. */
function runJobs(run) {
  const outerInJobs = inJobs;
  const outerScopes = scopesInJobs;
  inJobs = true;
  scopesInJobs = 0;
  try {
    run();
  } finally {
    inJobs = outerInJobs;
    scopesInJobs = outerScopes;
  }
}

/** Turns tracking on (the first `require('async_hooks')`). */
function start() {
  if (tracking) return;
  tracking = true;
  require('internal/loop').setAsyncContext(module.exports);
}

function addHook(owner, callbacks) {
  for (const kind of Object.keys(hooks)) {
    if (typeof callbacks[kind] === 'function' && !hooks[kind].some((h) => h.owner === owner)) {
      hooks[kind].push({ owner, fn: callbacks[kind] });
    }
  }
  updatePromiseHooks();
}

function removeHook(owner) {
  for (const kind of Object.keys(hooks)) {
    hooks[kind] = hooks[kind].filter((h) => h.owner !== owner);
  }
  updatePromiseHooks();
}

// --- promises as resources -----------------------------------------------------------------
// As in Node, promises get async ids (type PROMISE) only while something needs them: a hook
// with init/before/after/promiseResolve, or an enabled AsyncLocalStorage. Then the engine's
// promise hook reports each promise's creation, each run of a `then` reaction (the callback
// runs with the derived promise as its resource) and each fulfilment. While the hook is on, an
// `await` continuation runs as the reaction of a throwaway promise of its own (engine patch
// quickjs-0013, V8's), whose parent is the awaited promise.

const promiseFrames = new WeakMap();
let storagesNeedingPromises = 0;
let promiseHooksOn = false;
// The promise frames `before` entered, so `after` leaves the same one.
const promiseScopes = [];

function promiseFrameOf(promise, parent) {
  let frame = promiseFrames.get(promise);
  if (frame !== undefined) return frame;
  const from = current();
  const parentFrame = parent === undefined ? undefined : promiseFrames.get(parent);
  const running = executing();
  frame = {
    __proto__: null,
    id: newAsyncId(),
    trigger: parentFrame !== undefined ? parentFrame.id : (running === null ? 0 : running.id),
    resource: promise,
    stores: from.stores,
  };
  promiseFrames.set(promise, frame);
  return frame;
}

// `v8.promiseHooks` listeners, by kind: they see the engine's promise events directly.
const promiseListeners = { init: [], before: [], after: [], settled: [] };
const promiseListenerKinds = ['init', 'before', 'after', 'settled'];

function notifyPromiseListeners(kind, promise, parent) {
  const listeners = promiseListeners[promiseListenerKinds[kind]];
  if (listeners === undefined || listeners.length === 0) return;
  for (const listener of [...listeners]) {
    if (kind === 0) listener(promise, parent);
    else listener(promise);
  }
}

/** Adds a `v8.promiseHooks` listener of `kind`; returns the function that removes it. */
function addPromiseListener(kind, listener) {
  const list = promiseListeners[kind];
  list.push(listener);
  updatePromiseHooks();
  let added = true;
  return function stop() {
    if (!added) return;
    added = false;
    const at = list.indexOf(listener);
    if (at !== -1) list.splice(at, 1);
    updatePromiseHooks();
  };
}

function onPromiseEvent(kind, promise, parent) {
  notifyPromiseListeners(kind, promise, parent);
  if (!asyncHooksWantPromises()) return;
  switch (kind) {
    case 0: {
      const frame = promiseFrameOf(promise, parent);
      if (hooks.init.length > 0) emit('init', [frame.id, 'PROMISE', frame.trigger, promise]);
      break;
    }
    case 1: {
      const known = promiseFrameOf(promise, undefined);
      // The reaction runs with the values current where it was registered (the engine's
      // frame now), under the promise's own ids.
      const from = current();
      const frame = { __proto__: null, id: known.id, trigger: known.trigger, resource: promise, stores: from.stores };
      promiseScopes.push(frame);
      enter(frame);
      break;
    }
    case 2: {
      const top = promiseScopes[promiseScopes.length - 1];
      if (top !== undefined && top.resource === promise) {
        promiseScopes.pop();
        exit(top);
      } else if (hooks.after.length > 0) {
        // The hooks were turned on by this reaction itself: Node still reports its end.
        emit('after', [promiseFrameOf(promise, undefined).id]);
      }
      break;
    }
    case 3: {
      const frame = promiseFrames.get(promise);
      if (frame !== undefined && hooks.promiseResolve.length > 0) emit('promiseResolve', [frame.id]);
      break;
    }
    default:
      break;
  }
}

function asyncHooksWantPromises() {
  return storagesNeedingPromises > 0 || hooks.init.length > 0 || hooks.before.length > 0 ||
    hooks.after.length > 0 || hooks.promiseResolve.length > 0;
}

function updatePromiseHooks() {
  const wanted = asyncHooksWantPromises() || promiseListeners.init.length > 0 ||
    promiseListeners.before.length > 0 || promiseListeners.after.length > 0 || promiseListeners.settled.length > 0;
  if (wanted === promiseHooksOn) return;
  promiseHooksOn = wanted;
  native.setPromiseHook(wanted ? onPromiseEvent : undefined);
}

/** An AsyncLocalStorage was enabled (+1) or disabled (-1): promises get ids while any is. */
function storageEnabled(delta) {
  storagesNeedingPromises += delta;
  updatePromiseHooks();
}

/** Where an AsyncResource keeps its frame. */
const kFrame = Symbol('kAsyncFrame');

module.exports = {
  addPromiseListener,
  kFrame,
  disabledStorages,
  topFrame,
  topLevelResource,
  current,
  executing,
  newAsyncId,
  init,
  enter,
  exit,
  destroy,
  hasDestroyHooks,
  runIn,
  replaceStores,
  runJobs,
  start,
  addHook,
  removeHook,
  storageEnabled,
  emit,
};
