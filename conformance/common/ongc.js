'use strict';
// Our stand-in for Node's test/common/ongc: onGC(target, listener) calls listener.ongc() once
// the engine has collected `target` (tests force that with --expose-gc's gc()). Written from
// the documented behaviour, on the standard FinalizationRegistry.

const listeners = new FinalizationRegistry((listener) => listener.ongc());

/** Calls `listener.ongc()` after `target` is garbage collected. */
function onGC(target, listener) {
  if (typeof listener !== 'object' || listener === null || typeof listener.ongc !== 'function') {
    throw new TypeError('onGC: listener must be an object with an ongc() method');
  }
  listeners.register(target, listener);
}

module.exports = onGC;
