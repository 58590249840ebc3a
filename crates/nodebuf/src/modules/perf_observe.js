// The observer side of perf_hooks that other builtins report to (Node's internal/perf/observe):
// whether anyone observes an entry type, and the Node-specific entries (dns, ...) with their
// `detail`. perf_hooks installs the real functions when it loads; before that nobody can
// observe anything, so reporting costs nothing.
'use strict';

let hooks;

/** Called once by perf_hooks with its `hasObserver(type)` and `enqueueNodeEntry(...)`. */
function install(installed) {
  hooks = installed;
}

function hasObserver(type) {
  return hooks !== undefined && hooks.hasObserver(type);
}

/** Starts timing an operation of `type` when someone observes it: the context to finish, or
 * undefined. */
function startPerf(type, name, detail) {
  if (!hasObserver(type)) return undefined;
  return { type, name, detail, start: native.now() };
}

/** Ends a timing `startPerf` began: an entry with the start detail and `more` merged. */
function stopPerf(context, more) {
  if (context === undefined || hooks === undefined) return;
  const duration = native.now() - context.start;
  hooks.enqueueNodeEntry(context.name, context.type, context.start, duration, { ...context.detail, ...more });
}

module.exports = { install, hasObserver, startPerf, stopPerf };
