// domain: a domain without an 'error' listener takes nothing: the error is uncaught as usual
// (no decorations), 'exit' runs with 1.
'use strict';
const domain = require('domain');
process.on('exit', (code) => console.log('exit event', code, process.domain, domain._stack.length));
const d = domain.create();
d.run(() => {
  setTimeout(() => {
    console.log('in d', process.domain === d, process.hasUncaughtExceptionCaptureCallback());
    throw new TypeError('nobody listens');
  }, 1);
});
