// crypto.Certificate (SPKAC): verifySpkac, exportPublicKey, exportChallenge on RSA and EC
// requests signed with several digests (made with `openssl spkac` for this test), tampered
// and malformed input, every input type, the static and instance forms, argument errors.
const c = require('crypto');
const requests = {
  'k1-md5': 'MIIBSDCBsjCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEArxdcF0BOhS2lXqCs4p6eykmxJvyFSehp8u88rIkB/PWz956D1B3/4UbgaTwJzh1xiWh6xDw9x8dvOKvx3WhPuio5GSFlW3Qej6pzgC3x++Z2WSdOYpXNFq2O5T5boSRQNf8itnp/HSqHlJoW/oT0RfwXfhFb2vlNzHdDxZerXrUCAwEAARYObm9kZWJ1ZiBrMSBtZDUwDQYJKoZIhvcNAQEEBQADgYEAqLT1S/d2hUuw7ipxLslLqP5SazP3rTs4omH5N8m7Afq+7kker3VhG7GDdjQNSLIBUBx5r7NGfdZMtubT+uz33DjCNTrf5u/2cu4mTARBj7MzirumV9EMagrLph6Wghb38h/i8rmDbF67QHCfFRBZiORgCGyPrdKcoxYcgRhqUxU=',
  'k1-sha256': 'MIIBSzCBtTCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEArxdcF0BOhS2lXqCs4p6eykmxJvyFSehp8u88rIkB/PWz956D1B3/4UbgaTwJzh1xiWh6xDw9x8dvOKvx3WhPuio5GSFlW3Qej6pzgC3x++Z2WSdOYpXNFq2O5T5boSRQNf8itnp/HSqHlJoW/oT0RfwXfhFb2vlNzHdDxZerXrUCAwEAARYRbm9kZWJ1ZiBrMSBzaGEyNTYwDQYJKoZIhvcNAQELBQADgYEAatrSHSRTwQxCwO1EZ/Gbctf0lL22KGhuZpMumT/gTARplxC5bSEZnfXkR56sYRBthJaxzgyh6KWPiuMzFgGE5WxIM0T/yuYPKMpC6YbNKieh19gCU++Bpzd9tYNqzrI1zkFBboRzoqqrL+270DbBenp34vow/4Ist96FU7rDnBk=',
  'k2-sha1': 'MIHDMGwwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR6YrphFblYX60FVG/2cyhY5XQDK3vSBKsJNQN4UhqHJ7bdJ0BG5oJfCxdhCxwsuneZOEKMZP8g1X3dXV2MY4saFg9ub2RlYnVmIGsyIHNoYTEwCQYHKoZIzj0EAQNIADBFAiBWeBHe2EFN6KjWo71fS6m+gF+Y+UCWf0+jzRCXm8KCGAIhAIKX6Luc+3FMs0Ry78pK+1BrgSwS7k4G6fcGmW6sb7bh',
  'k2-sha512': 'MIHGMG4wWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAR6YrphFblYX60FVG/2cyhY5XQDK3vSBKsJNQN4UhqHJ7bdJ0BG5oJfCxdhCxwsuneZOEKMZP8g1X3dXV2MY4saFhFub2RlYnVmIGsyIHNoYTUxMjAKBggqhkjOPQQDBANIADBFAiEAkf4rmhIvvmTUC2dnE9XyoSPwVGyHnH/graM63oarVT8CIG3xf1b1miySQhO7or7re5TtFGLT0p2SbTd3KeiSKR/5',
};
const { Certificate } = c;
console.log(Certificate.name, Certificate.length, Object.getOwnPropertyNames(Certificate), Object.keys(Certificate.prototype),
  Certificate.prototype.verifySpkac === Certificate.verifySpkac, Certificate.verifySpkac.length, Certificate.exportChallenge.name);
console.log(Certificate(), Certificate() instanceof Certificate, new Certificate() instanceof Certificate);
for (const [name, text] of Object.entries(requests)) {
  for (const cert of [Certificate, new Certificate()]) {
    const buf = Buffer.from(text);
    console.log(name, cert.verifySpkac(text), cert.verifySpkac(buf), cert.verifySpkac(new DataView(buf.buffer, buf.byteOffset, buf.length)),
      cert.verifySpkac(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)), cert.verifySpkac(buf.toString('hex'), 'hex'));
    console.log(' ', cert.exportChallenge(text).toString(), cert.exportChallenge(new Uint8Array(buf)));
    console.log(' ', cert.exportPublicKey(text).toString());
  }
  const der = Buffer.from(text, 'base64');
  for (const at of [10, der.length - 3, der.length - 40]) {
    const bad = Buffer.from(der);
    bad[at] ^= 4;
    const b64 = bad.toString('base64');
    console.log(' tampered', at, Certificate.verifySpkac(b64), String(Certificate.exportChallenge(b64)).length, String(Certificate.exportPublicKey(b64)).length);
  }
  console.log(' spaced', Certificate.verifySpkac(`  ${text}\n\n`), Certificate.verifySpkac(`${text.slice(0, 40)}\n${text.slice(40)}`),
    Certificate.verifySpkac(text.slice(4)), Certificate.exportChallenge(text.slice(0, -4)), Certificate.verifySpkac(`${text}AAAA`));
}
console.log(Certificate.exportPublicKey(''), Certificate.exportChallenge('abcd'), Certificate.verifySpkac('===='), Certificate.verifySpkac(Buffer.alloc(0)));
for (const value of [1, {}, [], Infinity, true, undefined, null]) {
  for (const method of ['verifySpkac', 'exportPublicKey', 'exportChallenge']) {
    try { Certificate[method](value); } catch (e) { console.log(method, e.name, e.code, e.message); }
  }
}
