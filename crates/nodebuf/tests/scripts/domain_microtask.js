// domain: a queueMicrotask callback runs inside the domain it was queued in, but its exception
// is reported after its scope ends, so the domain does not take it: it reaches
// 'uncaughtException' listeners with the domain stack empty.
'use strict';
const domain = require('domain');
const d = domain.create();
d.on('error', (e) => console.log('domain caught', e.message));
process.on('uncaughtException', (e) => console.log('listener', e.message, process.domain, domain._stack.length));
d.run(() => queueMicrotask(() => {
  console.log('in microtask', process.domain === d, domain._stack.length);
  throw new Error('from the microtask');
}));
setTimeout(() => d.run(() => queueMicrotask(() => { throw new Error('queued from a timer'); })), 1);
// A promise reaction's exception is a rejection, not an uncaught exception: unhandled, it goes
// to the domain active when it was rejected.
d.run(() => Promise.resolve().then(() => { throw new Error('from a then callback'); }));
