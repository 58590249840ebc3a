// crypto.generateKey / generateKeySync: secret 'hmac' and 'aes' KeyObjects, length rules,
// validation order and errors, callback timing.
const c = require('crypto');
const show = (label, f) => {
  try { const r = f(); console.log(label, r); } catch (e) { console.log(label, e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0]); }
};
console.log(c.generateKey.name, c.generateKey.length, c.generateKeySync.name, c.generateKeySync.length);
const k = c.generateKeySync('hmac', { length: 64 });
console.log(k, k.type, k.symmetricKeySize, k instanceof c.KeyObject, k.export().length, k.export({ format: 'jwk' }).kty);
for (const [type, length] of [['hmac', 8], ['hmac', 9], ['hmac', 65], ['hmac', 1024], ['hmac', 12345], ['aes', 128], ['aes', 192], ['aes', 256]]) {
  console.log(type, length, c.generateKeySync(type, { length }).symmetricKeySize);
}
const a = c.generateKeySync('aes', { length: 256 });
const b = c.generateKeySync('aes', { length: 256 });
console.log(a.equals(b), a.equals(a));
const cipher = c.createCipheriv('aes-256-cbc', a, Buffer.alloc(16));
const sealed = Buffer.concat([cipher.update('secret text'), cipher.final()]);
const decipher = c.createDecipheriv('aes-256-cbc', a, Buffer.alloc(16));
console.log(Buffer.concat([decipher.update(sealed), decipher.final()]).toString());
for (const [label, f] of [
  ['hmac 7', () => c.generateKeySync('hmac', { length: 7 })], ['hmac 2**31', () => c.generateKeySync('hmac', { length: 2 ** 31 })],
  ['hmac 1.5', () => c.generateKeySync('hmac', { length: 1.5 })], ['hmac none', () => c.generateKeySync('hmac', {})],
  ['hmac no options', () => c.generateKeySync('hmac')], ['hmac string', () => c.generateKeySync('hmac', { length: '8' })],
  ['aes 129', () => c.generateKeySync('aes', { length: 129 })], ['aes string', () => c.generateKeySync('aes', { length: '128' })],
  ['aes none', () => c.generateKeySync('aes', {})], ['des', () => c.generateKeySync('des', { length: 64 })],
  ['type number', () => c.generateKeySync(1, { length: 64 })], ['HMAC', () => c.generateKeySync('HMAC', { length: 64 })],
  ['options null', () => c.generateKeySync('aes', null)], ['options string', () => c.generateKeySync('aes', 'x')],
  ['type before options', () => c.generateKeySync(1, null)],
  ['async no callback', () => c.generateKey('aes', { length: 128 })], ['async bad callback', () => c.generateKey('aes', { length: 128 }, 'x')],
  ['async bad length', () => c.generateKey('aes', { length: 1 }, () => {})], ['async options as callback', () => c.generateKey('aes', () => {})],
]) show(label, f);
c.generateKey('hmac', { length: 16 }, (...args) => console.log('callback', args.length, args[0], args[1].type, args[1].symmetricKeySize));
console.log('sync end');
