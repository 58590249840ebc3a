// domain: errors thrown in asynchronous work reach the domain it was started in (timers,
// immediates, ticks, promise reactions, queueMicrotask, fs callbacks, AsyncResource), with
// Node's decorations; emitters' unheard 'error' events go to their domain; nested domains.
'use strict';
const domain = require('domain');
const EventEmitter = require('events');
const fs = require('fs');
const { AsyncResource } = require('async_hooks');

const log = [];
const steps = [];
function describe(name, d) {
  return (er) => {
    const own = typeof er === 'object' && er !== null ? Object.keys(er) : [];
    log.push(`${name}: ${er && er.message !== undefined ? er.message : String(er)} domain=${er && er.domain === d} ` +
      `thrown=${er && er.domainThrown} emitter=${er && er.domainEmitter ? er.domainEmitter.constructor.name : '-'} ` +
      `keys=${own.join('|')} active=${process.domain === d ? 'self' : process.domain ? 'other' : String(process.domain)} ` +
      `stack=${domain._stack.length}`);
  };
}

const d = domain.create();
d.on('error', describe('d', d));

d.run(() => {
  setTimeout(() => { throw new Error('from timeout'); }, 1);
  setImmediate(() => { throw new Error('from immediate'); });
  process.nextTick(() => { throw new Error('from tick'); });
  const interval = setInterval(() => {
    clearInterval(interval);
    throw new Error('from interval');
  }, 2);
  fs.readFile(__filename, () => { throw new Error('from fs callback'); });
  fs.stat('/no/such/file/here', (er) => { steps.push(`stat ${er.code} in d: ${process.domain === d}`); });
  Promise.resolve(1).then((v) => {
    steps.push(`then ${v} in d: ${process.domain === d}`);
  });
  const resource = new AsyncResource('Example');
  setTimeout(() => {
    resource.runInAsyncScope(() => steps.push(`resource scope in d: ${process.domain === d}`));
  }, 3);
  // A thrown primitive gets no decorations.
  setTimeout(() => { throw 'a string'; }, 4);
  // An emitter made here joins d: its unheard 'error' goes to d, listeners run inside d.
  const ee = new EventEmitter();
  ee.on('data', () => steps.push(`listener in d: ${process.domain === d}`));
  setTimeout(() => {
    ee.emit('data');
    ee.emit('error', new Error('from emitter'));
    ee.emit('error');
    // An emitter with its own 'error' listener keeps its error.
    const heard = new EventEmitter();
    heard.on('error', (er) => steps.push(`own listener: ${er.message} ${er.domain === undefined}`));
    heard.emit('error', new Error('heard'));
  }, 5);
});

// A promise's reactions run in the domain where `then` was called.
const p = Promise.resolve('v');
const e = domain.create();
e.run(() => {
  p.then(() => steps.push(`then registered in e: ${process.domain === e}`));
});
p.then(() => steps.push(`then registered outside: ${process.domain}`));

// A promise rejected with no handler inside a domain becomes the domain's 'error'.
const r = domain.create();
r.on('error', describe('r', r));
r.run(() => { Promise.reject(new Error('unhandled rejection')); });

// Nested domains: an error thrown in the inner domain's handler goes to the outer one.
const outer = domain.create();
const inner = domain.create();
outer.on('error', describe('outer', outer));
inner.on('error', (er) => {
  describe('inner', inner)(er);
  throw new Error(`inner handler rethrew: ${er.message}`);
});
// (Both on the stack: the throw happens synchronously inside both runs.)
setTimeout(() => {
  outer.run(() => {
    inner.run(() => { throw new Error('deep'); });
  });
}, 6);
// Work scheduled inside both runs belongs to the inner one only: its handler's exception is
// not caught by `outer`, which is not on the stack then (see domain_handler_throws.js).

// An inner domain without an 'error' listener: a lower one with a listener gets the error.
const quiet = domain.create();
const loud = domain.create();
loud.on('error', describe('loud', loud));
setTimeout(() => loud.run(() => quiet.run(() => { throw new Error('quiet has no listener'); })), 7);

// The error handler does not run inside its own domain.
const self = domain.create();
self.on('error', (er) => {
  log.push(`self handler: active is self ${process.domain === self}`);
});
self.run(() => setTimeout(() => { throw new Error('x'); }, 8));

// (Sorted: the order between timers and I/O completions depends on timing.)
process.on('exit', () => {
  console.log(log.sort().join('\n'));
  console.log(steps.sort().join('\n'));
  console.log('end', process.domain, domain._stack.length);
});
