// dns.lookup / lookupService / dns.promises.lookup against the system resolver, with names
// whose answers do not depend on the network: localhost, IP literals, the reserved `.invalid`
// TLD (ENOTFOUND), plus Node's argument checks (seeded option mixes) and the module's shape.
'use strict';

const dns = require('dns');
const dnsPromises = require('dns/promises');
const { seeded } = require('./_seeded');

const show = (e) => `${e.name} ${e.code}: ${e.message}`;
const errFields = (e) => JSON.stringify({ keys: Object.keys(e), errno: e.errno, code: e.code, syscall: e.syscall, hostname: e.hostname, message: e.message });

console.log(Object.keys(dns).join());
console.log(Object.keys(dnsPromises).join());
console.log(dns.promises === dnsPromises, require('node:dns') === dns, require('node:dns/promises') === dnsPromises);
console.log(require('module').builtinModules.filter((m) => m.startsWith('dns')));
console.log(dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.NODATA, dns.CANCELLED, dns.TIMEOUT);
console.log(dns.getDefaultResultOrder());

// Argument checks: seeded mixes of hostnames, families and option objects.
const { pick } = seeded(20);
const hostnames = ['localhost', 1, {}, null, '', 'a.invalid', true];
const optionsList = [undefined, 4, 6, 5, 'x', { family: 'IPv4' }, { family: 'IPv7' }, { family: 3 },
  { hints: 999 }, { hints: dns.ADDRCONFIG | dns.V4MAPPED }, { hints: '1' }, { all: 1 }, { verbatim: 'yes' },
  { order: 'ipv4first' }, { order: 'random' }, { all: true, family: 6 }, null, []];
const callbacks = [() => {}, undefined, 'cb'];
for (let i = 0; i < 40; i++) {
  const host = pick(hostnames);
  const options = pick(optionsList);
  const cb = pick(callbacks);
  // Only synchronous outcomes: the valid calls are made again below, one at a time.
  try {
    if (typeof cb === 'function' && (typeof host === 'string' || !host)) continue;
    dns.lookup(host, options, cb);
    console.log(i, 'ok');
  } catch (e) {
    console.log(i, show(e));
  }
}
for (const args of [['a'], ['a', 'x'], ['a', 'x', () => {}], ['a', 7, () => {}], [1, () => {}]]) {
  try {
    dns.lookup(...args);
  } catch (e) {
    console.log('lookup', args.length, show(e));
  }
}
for (const args of [['a', 1, () => {}], [1, 1, () => {}], ['1.2.3.4', -1, () => {}], ['1.2.3.4', 'x', () => {}],
  ['1.2.3.4', 80], ['1.2.3.4', 80, 'cb'], ['::1', 70000, () => {}]]) {
  try {
    dns.lookupService(...args);
  } catch (e) {
    console.log('lookupService', show(e));
  }
}
for (const value of ['x', 1, 'ipv4first']) {
  try {
    dns.setDefaultResultOrder(value);
    console.log('order', dns.getDefaultResultOrder());
  } catch (e) {
    console.log('order', show(e));
  }
}
dns.setDefaultResultOrder('verbatim');
for (const args of [[1], [''], ['a', { family: 5 }], ['1.2.3.4', 1]]) {
  try {
    dnsPromises.lookup(...args).then((r) => console.log('promise lookup', args, r));
  } catch (e) {
    console.log('promises.lookup', show(e));
  }
}
try {
  dnsPromises.lookupService('1.2.3.4');
} catch (e) {
  console.log('promises.lookupService', show(e));
}

// The asynchronous cases, one after another (their completion order is the resolver's).
const cases = [
  (done) => dns.lookup('localhost', { family: 4 }, (e, a, f) => done(e, a, f)),
  (done) => dns.lookup('localhost', { family: 'IPv4', all: true }, (e, list) => done(e, list)),
  (done) => dns.lookup('127.0.0.1', (e, a, f) => done(e, a, f)),
  (done) => dns.lookup('::1', { family: 4 }, (e, a, f) => done(e, a, f)),
  (done) => dns.lookup('10.1.2.3', { all: true }, (e, list) => done(e, list)),
  (done) => dns.lookup('name.invalid', (e, a, f) => done(e, a, f)),
  (done) => dns.lookup('name.invalid', { all: true, hints: dns.ADDRCONFIG }, (e, a) => done(e, a)),
  (done) => dns.lookup('', (e, a, f) => done(e, a, f)),
  (done) => dns.lookup(null, { family: 6 }, (e, a, f) => done(e, a, f)),
  (done) => dns.lookup(undefined, { all: true }, (e, a) => done(e, a)),
  (done) => dns.lookupService('127.0.0.1', 0, (e, h, s) => done(e, typeof h, typeof s)),
  (done) => dnsPromises.lookup('localhost', { family: 4 }).then((r) => done(null, r), done),
  (done) => dnsPromises.lookup('localhost', { family: 4, all: true, order: 'ipv6first' }).then((r) => done(null, r), done),
  (done) => dnsPromises.lookup('::ffff:1.2.3.4').then((r) => done(null, r), done),
  (done) => dnsPromises.lookup('x.invalid', { family: 6 }).then((r) => done(null, r), done),
  (done) => dnsPromises.lookupService('127.0.0.1', 0).then((r) => done(null, Object.keys(r)), done),
  (done) => require('util').promisify(dns.lookup)('127.0.0.1').then((r) => done(null, r), done),
  (done) => require('util').promisify(dns.lookup)('localhost', { family: 4 }).then((r) => done(null, r), done),
];
let tick = 0;
process.nextTick(() => { tick++; });
(function next(i) {
  if (i === cases.length) {
    console.log('done', tick);
    return;
  }
  let sync = true;
  cases[i]((err, ...rest) => {
    console.log(i, sync ? 'sync' : 'async', err ? errFields(err) : null, JSON.stringify(rest));
    next(i + 1);
  });
  sync = false;
})(0);
