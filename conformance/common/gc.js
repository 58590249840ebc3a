'use strict';
// Our stand-in for Node's test/common/gc: onGC (see ongc.js) and gcUntil, written from their
// documented behaviour.

const onGC = require('./ongc');

/**
 * `gcUntil([name, ]condition)`: collects garbage (global.gc, from --expose-gc) once per turn of
 * the event loop until `condition()` is true, up to 10 times; the promise resolves then, or
 * rejects with 'Test <name> failed'.
 */
function gcUntil(name, condition) {
  if (typeof name === 'function') {
    condition = name;
    name = undefined;
  }
  return new Promise((resolve, reject) => {
    let tries = 0;
    function attempt() {
      setImmediate(() => {
        tries++;
        globalThis.gc();
        if (condition()) resolve();
        else if (tries < 10) attempt();
        else reject(name === undefined ? undefined : `Test ${name} failed`);
      });
    }
    attempt();
  });
}

module.exports = { onGC, gcUntil };
