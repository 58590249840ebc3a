// crypto.createSecretKey / KeyObject (secret keys): shape, export, equals, errors, use as an HMAC key.
const c=require('crypto');
const k=c.createSecretKey(Buffer.from('abc')); console.log(k, k.type, k.symmetricKeySize, k.asymmetricKeyType, k.export(), k.export({format:'jwk'}), k.export({format:'buffer'}), Object.getOwnPropertyNames(Object.getPrototypeOf(k)), Object.getOwnPropertyNames(c.KeyObject.prototype), Object.getPrototypeOf(Object.getPrototypeOf(k)) === c.KeyObject.prototype);
console.log(c.createSecretKey('abcd', 'hex').export(), k.equals(c.createSecretKey('abc')), k.equals(c.createSecretKey('abd')), k instanceof c.KeyObject, c.createSecretKey(new ArrayBuffer(2)).symmetricKeySize, c.createSecretKey(Buffer.alloc(0)).symmetricKeySize);
for (const f of [() => c.createSecretKey(5), () => c.createSecretKey('a', 'bogus'), () => k.equals(5), () => new c.KeyObject('secret', {}), () => new c.KeyObject('x'), () => k.export({format: 'pem'}), () => k.export(5)]) { try { console.log(f()) } catch (e) { console.log(e.name, e.code, e.message) } }
console.log(c.createHmac('sha1', k).digest('hex') === c.createHmac('sha1', 'abc').digest('hex'));
console.log(Object.prototype.toString.call(k));
