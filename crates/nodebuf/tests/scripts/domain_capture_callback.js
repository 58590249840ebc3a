// domain: domains own the uncaught-exception capture callback: setting one after loading
// domain fails with ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE, loading domain while one
// is set fails with ERR_DOMAIN_CALLBACK_NOT_AVAILABLE; hasUncaughtExceptionCaptureCallback
// tells whether a listening domain is on the stack.
'use strict';
process.setUncaughtExceptionCaptureCallback(() => {});
try {
  require('domain');
} catch (er) {
  console.log(er.name, er.code, er.message);
}
process.setUncaughtExceptionCaptureCallback(null);
const domain = require('domain');
try {
  process.setUncaughtExceptionCaptureCallback(() => {});
} catch (er) {
  console.log(er.name, er.code, er.message);
  console.log(er.stack.includes('----------------------------------------\nError: require(`domain`) at this point'));
}
const d = domain.create();
console.log(process.hasUncaughtExceptionCaptureCallback());
d.enter();
console.log(process.hasUncaughtExceptionCaptureCallback());
d.on('error', () => {});
// ('newListener' runs before the listener is added: still false until the next enter/exit.)
console.log(process.hasUncaughtExceptionCaptureCallback());
d.enter();
console.log(process.hasUncaughtExceptionCaptureCallback());
d.exit();
console.log(process.hasUncaughtExceptionCaptureCallback());
// Nested: a listening domain anywhere on the stack sets it.
const q = domain.create();
d.enter();
q.enter();
console.log(process.hasUncaughtExceptionCaptureCallback(), domain._stack.length);
q.exit();
d.exit();
// Errors of bad `run` arguments are plain TypeErrors thrown in the caller.
try {
  d.run(42);
} catch (er) {
  console.log(er.name, er.message, domain._stack.length, process.domain === d);
}
d.exit();
console.log(domain._stack.length, process.domain);
