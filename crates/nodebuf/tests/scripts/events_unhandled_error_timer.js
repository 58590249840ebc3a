// An unhandled 'error' event emitted from a timer callback, with an error made elsewhere: the
// emitter's stack follows the error's own, nothing elided.
'use strict';
const EventEmitter = require('events');
const emitter = new EventEmitter();
function makeError() {
  const err = new Error('boom');
  err.code = 'E_BOOM';
  return err;
}
const err = makeError();
setTimeout(function later() {
  emitter.emit('error', err);
}, 1);
