// `internal/process/signal`: process events named for signals ('SIGINT', 'SIGTERM'...), as
// Node's signal wraps. The first listener of a signal starts watching it (the signal no longer
// takes its default action), the last one removed stops (the default comes back). A watched
// signal is emitted in the loop's poll phase as `process.emit(name, name, number)`; watching
// does not keep the loop alive (Node's wraps are unref'd). Main thread only, as in Node.
'use strict';

const loop = require('internal/loop');
const { errnoException } = require('internal/errors');

const { signals } = require('internal/constants').os;
// Each watched event name and its signal number (an alias such as SIGIOT is its own entry, as
// each name gets its own wrap in Node).
const watched = new Map();

function isSignal(type) {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(signals, type);
}

/** process's 'newListener' listener: the first listener of a signal starts watching it. */
function startListeningIfSignal(type) {
  if (!isSignal(type) || watched.has(type)) return;
  const signum = signals[type];
  const err = native.signals.start(signum);
  if (err !== 0) throw errnoException(err, 'uv_signal_start');
  if (watched.size === 0) require('internal/messaging').setSignalDelivery(deliver);
  watched.set(type, signum);
}

/** process's 'removeListener' listener: the last listener of a signal removed stops it. */
function stopListeningIfSignal(type) {
  const signum = watched.get(type);
  if (signum === undefined || process.listenerCount(type) !== 0) return;
  watched.delete(type);
  // (Another watched alias of the same number keeps it watched.)
  for (const other of watched.values()) if (other === signum) return;
  native.signals.stop(signum);
}

/** Emits every signal that arrived, oldest first, to each name watching its number. */
function deliver() {
  const arrived = native.signals.take();
  for (let i = 0; i < arrived.length; i++) {
    const signum = arrived[i];
    for (const [type, number] of watched) {
      if (number !== signum) continue;
      try {
        process.emit(type, type, signum);
      } catch (err) {
        loop.fatal(err);
      }
      loop.runTicks();
    }
  }
}

module.exports = { startListeningIfSignal, stopListeningIfSignal };
