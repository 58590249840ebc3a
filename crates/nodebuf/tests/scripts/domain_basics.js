// domain: the module's shape, the Domain object, the stack (enter/exit/run), add/remove,
// bind/intercept wrappers and their decorations, emitters joining the active domain.
'use strict';
const domain = require('domain');
const EventEmitter = require('events');

console.log(Object.keys(domain), domain.active, process.domain, domain._stack);
console.log(domain.create === domain.createDomain, domain.create.name, domain.Domain.name);
console.log(Object.getOwnPropertyDescriptor(process, 'domain').enumerable, EventEmitter.usingDomains);
for (const k of Object.getOwnPropertyNames(domain.Domain.prototype)) {
  const v = domain.Domain.prototype[k];
  console.log(k, typeof v === 'function' ? [v.name, v.length] : v);
}

const d = domain.create();
console.log(d, d instanceof EventEmitter, d.domain);

// The stack.
const e = new domain.Domain();
d.enter();
console.log(process.domain === d, domain.active === d, domain._stack.length);
e.enter();
d.enter();
console.log(domain._stack.map((x) => (x === d ? 'd' : 'e')).join(','));
e.exit(); // leaves e and everything entered after it
console.log(domain._stack.length, process.domain === d, domain.active === d);
d.exit();
console.log(domain._stack.length, process.domain, domain.active);
e.exit(); // not on the stack: nothing happens
console.log(domain._stack.length, process.domain, domain.active);

// run: `this` is the domain, arguments passed on, return value returned.
const ret = d.run(function (a, b) {
  console.log('in run', this === d, process.domain === d, a, b);
  return a + b;
}, 2, 3);
console.log('ret', ret, process.domain);

// Emitters made inside a domain join it (non-enumerable `domain`); Domains do not.
d.run(() => {
  const ee = new EventEmitter();
  const inner = domain.create();
  console.log(ee.domain === d, Object.getOwnPropertyDescriptor(ee, 'domain').enumerable, inner.domain);
  console.log(Object.keys(ee));
});
const outside = new EventEmitter();
console.log(outside.domain, 'domain' in outside);

// add / remove.
const a = new EventEmitter();
const b = new EventEmitter();
d.add(a);
d.add(a); // already in it
d.add(b);
console.log(d.members.length, a.domain === d, Object.getOwnPropertyDescriptor(a, 'domain'));
e.add(a); // moves from d to e
console.log(d.members.length, e.members.length, a.domain === e);
d.remove(b);
console.log(d.members.length, b.domain);
const t = setTimeout(() => {}, 1);
d.add(t);
console.log(t.domain === d, d.members.includes(t));
d.remove(t);
clearTimeout(t);
// Circular domain links are refused.
const parent = domain.create();
const child = domain.create();
parent.add(child);
child.add(parent);
console.log(child.domain === parent, parent.domain, child.members.length);

// bind: runs in the domain, keeps `this` and arguments, has a `domain`.
const bound = d.bind(function (x, y) {
  console.log('bound', this.tag, x, y, process.domain === d);
  return x * y;
});
console.log(bound.name, bound.length, bound.domain === d, bound.call({ tag: 'T' }, 6, 7), process.domain);

// intercept: an Error first argument goes to the domain's 'error' (decorated); otherwise the
// callback gets the rest of the arguments.
const caught = [];
d.on('error', (er) => caught.push(er));
const cb = function cb(x, y) { console.log('intercepted', x, y, process.domain === d); return 'r'; };
const icb = d.intercept(cb);
console.log(icb.name, icb.length, icb(null, 1, 2), icb(undefined, 3));
const err = new Error('intercepted error');
console.log(icb(err, 1));
console.log(caught.length, caught[0] === err, err.domain === d, err.domainThrown, err.domainBound === cb,
  Object.keys(err), Object.getOwnPropertyDescriptor(err, 'domain').enumerable);
// A non-Error first argument is not an error.
console.log(icb('not an error', 5));
// dispose is gone in v20.
console.log(typeof d.dispose);
