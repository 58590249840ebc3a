// crypto.getCipherInfo for every cipher getCiphers() lists (names, aliases, NIDs, key/IV length
// options), the deprecated Cipher/Decipher password classes, getFips/setFips/fips,
// secureHeapUsed, setEngine, and the module's key order.
const c = require('crypto');
const show = (label, f) => {
  try { const r = f(); console.log(label, JSON.stringify(r)); } catch (e) { console.log(label, e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0]); }
};
console.log(Object.keys(c).join(' '));
console.log(Object.getOwnPropertyNames(c).filter((k) => !Object.keys(c).includes(k)).sort().join(' '));
// The ciphers this runner implements (Node lists more).
const implemented = ['aes-128-cbc', 'aes-128-ctr', 'aes-128-ecb', 'aes-128-gcm', 'aes-192-cbc', 'aes-192-ctr',
  'aes-192-ecb', 'aes-192-gcm', 'aes-256-cbc', 'aes-256-ctr', 'aes-256-ecb', 'aes-256-gcm', 'aes128', 'aes192',
  'aes256', 'chacha20-poly1305', 'id-aes128-GCM', 'id-aes192-GCM', 'id-aes256-GCM'];
for (const name of implemented) {
  const info = c.getCipherInfo(name);
  console.log(name, JSON.stringify(info), JSON.stringify(c.getCipherInfo(info.nid)), JSON.stringify(c.getCipherInfo(name.toUpperCase())));
  for (const keyLength of [info.keyLength, info.keyLength + 1, 0, -1]) show(` keyLength ${keyLength}`, () => c.getCipherInfo(name, { keyLength }));
  for (const ivLength of [0, 1, 7, 12, 13, 16, 128, 129, -1]) show(` ivLength ${ivLength}`, () => c.getCipherInfo(name, { ivLength }));
}
for (const [label, f] of [
  ['nope', () => c.getCipherInfo('nope')], ['empty', () => c.getCipherInfo('')], ['nid 1', () => c.getCipherInfo(1)],
  ['nid -1', () => c.getCipherInfo(-1)], ['object', () => c.getCipherInfo({})], ['nid 1.5', () => c.getCipherInfo(1.5)],
  ['nid 2**31', () => c.getCipherInfo(2 ** 31)], ['options null', () => c.getCipherInfo('aes-128-cbc', null)],
  ['options {}', () => c.getCipherInfo('aes-128-cbc', {})], ['keyLength string', () => c.getCipherInfo('aes-128-cbc', { keyLength: '16' })],
  ['ivLength 1.5', () => c.getCipherInfo('aes-128-gcm', { ivLength: 1.5 })], ['both bad', () => c.getCipherInfo('aes-128-cbc', { ivLength: 'x', keyLength: 'y' })],
  ['keyLength 2**31', () => c.getCipherInfo('aes-128-cbc', { keyLength: 2 ** 31 })], ['both ok', () => c.getCipherInfo('aes-128-gcm', { ivLength: 1, keyLength: 16 })],
]) show(label, f);

// Cipher / Decipher: EVP_BytesToKey(MD5) keys, the same methods as Cipheriv / Decipheriv.
console.log(c.Cipher.name, c.Cipher.length, c.Decipher.name, c.Decipher.length, Object.getOwnPropertyNames(c.Cipher.prototype), Object.getOwnPropertyNames(c.Decipher.prototype));
console.log(Object.getOwnPropertyNames(c.Cipheriv.prototype), Object.getOwnPropertyNames(c.Decipheriv.prototype));
console.log(c.Cipher.prototype.update === c.Cipheriv.prototype.update, c.Decipher.prototype.setAuthTag === c.Decipheriv.prototype.setAuthTag,
  Object.getPrototypeOf(c.Cipher) === Object.getPrototypeOf(c.Cipheriv), c.createCipheriv('aes-128-cbc', Buffer.alloc(16), Buffer.alloc(16)) instanceof c.Cipher);
// (Caught where it is raised: the default printer's line carries the process id.)
process.emitWarning = (...args) => console.log('warning', args);
for (const name of ['aes-128-cbc', 'aes-192-cbc', 'aes256', 'aes-128-ecb', 'aes-256-ctr', 'id-aes128-GCM', 'chacha20-poly1305']) {
  for (const password of ['password', Buffer.from([1, 2, 3]), new Uint8Array(0), 'a longer password than one md5 block!']) {
    const enc = c.Cipher(name, password);
    const sealed = enc.update('hello world, hello cipher', 'utf8', 'hex') + enc.final('hex');
    const dec = new c.Decipher(name, password);
    if (/gcm|poly/i.test(name)) dec.setAuthTag(enc.getAuthTag());
    console.log(name, sealed, dec.update(sealed, 'hex', 'utf8') + dec.final('utf8'));
  }
}
console.log(c.Cipher('aes-128-cbc', 'pw') instanceof c.Cipher, new c.Decipher('aes-128-cbc', 'pw') instanceof c.Decipher);
for (const [label, f] of [
  ['unknown', () => c.Cipher('nope', 'pw')], ['password number', () => c.Cipher('aes-128-cbc', 5)],
  ['no password', () => c.Cipher('aes-128-cbc')], ['quiet', () => { process.noDeprecation = true; }], ['createCipher', () => c.createCipher('aes-128-cbc', 'pw') instanceof c.Cipher],
  ['createDecipher', () => c.createDecipher('aes-128-cbc', 'pw') instanceof c.Decipher],
  ['createCipher shape', () => [c.createCipher.name, c.createCipher.length, Object.getOwnPropertyDescriptor(c, 'createDecipher').writable]], ['no cipher', () => c.Cipher()], ['decipher unknown', () => new c.Decipher('nope', 'pw')],
]) show(label, f);

// FIPS, engines, the secure heap.
console.log(c.getFips(), c.getFips.length, c.setFips.length, c.setEngine.length, c.secureHeapUsed.length);
const fips = Object.getOwnPropertyDescriptor(c, 'fips');
console.log(fips.get === c.getFips, fips.set === c.setFips, fips.enumerable, fips.configurable);
console.log(c.setFips(false), c.getFips(), c.fips);
console.log(c.secureHeapUsed(), Object.getPrototypeOf(c.secureHeapUsed()));
for (const [label, f] of [
  ['dynamic', () => c.setEngine('dynamic')], ['rdrand', () => c.setEngine('rdrand', 0)], ['x', () => c.setEngine('x')],
  ['DYNAMIC', () => c.setEngine('DYNAMIC')], ['id number', () => c.setEngine(5)], ['flags string', () => c.setEngine('x', 'y')],
  ['flags 1.5', () => c.setEngine('x', 1.5)], ['empty', () => c.setEngine('', 0)],
]) show(label, f);
c.setFips(true);
console.log(c.getFips(), c.fips);
c.fips = 0;
console.log(c.getFips());
