// The cluster's control messages: both sides speak in `{ cmd: 'NODE_CLUSTER', act, seq }`
// messages (internal: the 'message' listeners of scripts never see them), and an answer names
// the message it answers in `ack`.
'use strict';

// Callbacks waiting for the answer to message `seq`.
const callbacks = new Map();
let seq = 0;

/**
 * Sends control message `message` (with `handle`, if any) on `proc`'s channel; `cb(reply,
 * handle)` gets the answer. False when the channel is closed.
 */
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  const framed = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(framed, handle);
}

/**
 * An 'internalMessage' listener for `worker`: answers go to the callback waiting for them,
 * other cluster messages to `cb` (with `this` the worker).
 */
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined) {
      const waiting = callbacks.get(message.ack);
      if (waiting !== undefined) {
        fn = waiting;
        callbacks.delete(message.ack);
      }
    }
    fn.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
