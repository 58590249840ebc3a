// crypto's random functions, timingSafeEqual, webcrypto (the crypto global) and argument errors.
'use strict';
const c = require('crypto');
function t(l, f) { try { const r = f(); console.log(l, r); } catch (e) { console.log(l, 'THROW', e.name, e.code, JSON.stringify(e.message)); } }
t('grv none', () => crypto.getRandomValues());
t('grv c none', () => c.getRandomValues());
t('grv obj', () => crypto.getRandomValues({}));
t('new Crypto', () => new crypto.constructor());
t('subtle ctor', () => new crypto.subtle.constructor());
t('crypto proto', () => Object.getOwnPropertyNames(Object.getPrototypeOf(crypto)).join());
t('crypto keys', () => Object.getOwnPropertyNames(globalThis.crypto).join());
t('desc', () => JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'crypto')));
t('rfs arraybuffer', () => c.randomFillSync(new ArrayBuffer(8), 2, 3).byteLength);
t('rfs u16 offset', () => c.randomFillSync(new Uint16Array(4), 3, 2));
t('rfs u16 size', () => c.randomFillSync(new Uint16Array(4), 1, 5));
t('rfs nan', () => c.randomFillSync(Buffer.alloc(4), NaN));
t('rfs str off', () => c.randomFillSync(Buffer.alloc(4), '1'));
t('rfs 1.5', () => c.randomFillSync(Buffer.alloc(4), 1.5, 1).length);
t('rb 1.5', () => c.randomBytes(1.5).length);
t('rb NaN', () => c.randomBytes(NaN));
t('rb 0', () => c.randomBytes(0));
t('ruuid', () => c.randomUUID(null));
t('ri neg', () => c.randomInt(-5, -4));
t('ri cb', () => c.randomInt(5, 'x'));
t('ri str', () => c.randomInt('5'));
t('upd hex odd', () => c.createHash('sha1').update('abc', 'hex'));
t('upd HEX odd', () => c.createHash('sha1').update('abc', 'HEX').digest('hex'));
t('dig bogus', () => c.createHash('sha1').digest('bogus').length);
t('dig latin1', () => c.createHash('sha1').update('a').digest('LATIN1').length);
t('dig utf8', () => JSON.stringify(c.createHash('md5').update('a').digest('utf8')));
t('dig null', () => c.createHash('md5').update('a').digest(null).length);
t('dig obj', () => c.createHash('md5').update('a').digest({toString(){return 'hex'}}));
t('hmac dig2 hex', () => { const h = c.createHmac('sha1', 'k'); h.digest(); return JSON.stringify(h.digest('hex')); });
t('hmac dig2 bogus', () => { const h = c.createHmac('sha1', 'k'); h.digest(); return h.digest('bogus'); });
t('hmac enc num', () => c.createHmac('sha1', 'k', { encoding: 5 }));
t('hmac name num', () => c.createHmac(5, 'k'));
t('tse ab', () => c.timingSafeEqual(new ArrayBuffer(2), new Uint8Array(2)));
t('hash out buffer', () => c.hash('sha1', 'a', 'buffer').length);
t('hash out BASE64', () => c.hash('sha1', 'a', 'BASE64'));
t('hash out ucs2', () => c.hash('md5', 'a', 'ucs2').length);
// Node runs digests and random fills on its thread pool, so their callbacks come in no fixed
// order: each result is kept under its label and all are printed, in a fixed order, at exit.
const settled = new Map();
const keep = (label) => (...args) => settled.set(label, args);
process.on('exit', () => {
  for (const label of ['digest str', 'digest none', 'digest ab', 'digest {}', 'digest dv', 'rf0 cb', 'rb cb']) {
    console.log(label, ...(settled.get(label) || ['never settled']));
  }
});
const failure = (label) => (e) => settled.set(label, [e.name, e.code, e.message]);
c.subtle.digest('SHA-256', 'abc').then(keep('digest str'), failure('digest str'));
c.subtle.digest('SHA-256').then(keep('digest none'), failure('digest none'));
c.subtle.digest('sha-256', new ArrayBuffer(1)).then((r) => settled.set('digest ab', [r.byteLength]));
c.subtle.digest({}, new ArrayBuffer(1)).then(keep('digest {}'), failure('digest {}'));
c.subtle.digest('SHA-256', new DataView(new ArrayBuffer(1))).then((r) => settled.set('digest dv', [r.byteLength]));
c.randomFill(Buffer.alloc(2), 0, 0, keep('rf0 cb'));
console.log('after rf0');
c.randomBytes(3, (e, b) => settled.set('rb cb', [e, b.length]));
console.log(c.timingSafeEqual.length, c.randomBytes.length, c.createHash.length, c.hash.length, c.randomFill.length, c.randomInt.length);
function t2(l, f) { try { console.log(l, f()); } catch (e) { console.log(l, 'THROW', e.name, e.code, e.message); } }
t2('tse len', () => c.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t2('tse str', () => c.timingSafeEqual('a', Buffer.from('ab')));
t2('tse eq', () => c.timingSafeEqual(Buffer.from('abc'), new Uint8Array([97, 98, 99])));
t2('tse ne', () => c.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd')));
for (const v of [-1, NaN, 2 ** 31, '1', 1.5]) t2(`randomBytes(${String(v)})`, () => c.randomBytes(v).length);
t2('ri order', () => c.randomInt(5, 1));
t2('ri big', () => c.randomInt(2 ** 48));
t2('ri range', () => c.randomInt(0, 2 ** 48));
t2('ri ok', () => { const n = c.randomInt(3, 7); return n >= 3 && n < 7 && Number.isInteger(n); });
t2('rfs off', () => c.randomFillSync(Buffer.alloc(4), 5));
t2('rfs size', () => c.randomFillSync(Buffer.alloc(4), 1, 4));
t2('rfs type', () => c.randomFillSync('x'));
t2('rf no cb', () => c.randomFill(Buffer.alloc(4)));
t2('grv big', () => c.getRandomValues(new Uint8Array(65537)));
t2('grv float', () => c.getRandomValues(new Float32Array(2)));
t2('grv dv', () => c.webcrypto.getRandomValues(new DataView(new ArrayBuffer(2))));
t2('grv max', () => crypto.getRandomValues(new BigUint64Array(8192)).length);
t2('grv this', () => crypto.getRandomValues.call(null, new Uint8Array(2)));
t2('uuid', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
t2('uuid opt', () => c.randomUUID({ disableEntropyCache: 5 }));
console.log(crypto === c.webcrypto, c.subtle === crypto.subtle, Object.prototype.toString.call(crypto), Object.keys(globalThis).includes('crypto'));
console.log(Object.getOwnPropertyNames(c.Hash.prototype), Object.getOwnPropertyNames(c.Hmac.prototype));
c.subtle.digest('SHA-512', Buffer.from('abc')).then((r) => console.log(Buffer.from(r).toString('hex')));
c.subtle.digest('md5', Buffer.from('a')).catch((e) => console.log(e.name, e.message, e.code));
console.log(c.createHash('md5'), c.createHmac('sha1', 'k'));
