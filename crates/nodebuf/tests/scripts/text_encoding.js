const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €'), enc.encode(''), enc.encode('\ud800x'), enc.encode());
const target = new Uint8Array(5);
console.log(enc.encodeInto('a€b', target), target, enc.encodeInto('😀', new Uint8Array(3)));
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM, JSON.stringify(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 104, 0xff, 0xe2, 0x82, 105]))));
console.log(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 65]))));
console.log(new TextDecoder().decode(new Uint8Array([104, 105]).buffer), new TextDecoder().decode(new DataView(new Uint8Array([65, 66]).buffer)), JSON.stringify(new TextDecoder().decode()));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
const util = require('util');
console.log(util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder);
// The one-shot utf-8 path: inputs it refuses (in Node's words), views at offsets, shared memory,
// text of every width, ill-formed bytes with and without fatal.
{
  const dec = new TextDecoder();
  const fatal = new TextDecoder('utf-8', { fatal: true });
  for (const input of ['str', 1, null, {}, [104], new Proxy(new Uint8Array([104]), {}), Symbol.iterator]) {
    try { console.log(JSON.stringify(dec.decode(input))); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const bytes = Buffer.from('héllo wörld € 😀 \u00ff');
  console.log(dec.decode(bytes), dec.decode(bytes.subarray(1, 9)), dec.decode(new Uint16Array(bytes.buffer, bytes.byteOffset & ~1, 4)));
  const shared = new Uint8Array(new SharedArrayBuffer(4));
  shared.set([0xe2, 0x82, 0xac, 0x41]);
  console.log(dec.decode(shared), dec.decode(shared.buffer), fatal.decode(shared));
  for (const bad of [[0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0x41, 0xff, 0x42], [0xef, 0xbb, 0xbf, 0xff]]) {
    const u8 = new Uint8Array(bad);
    let strict;
    try { strict = fatal.decode(u8); } catch (e) { strict = `${e.name} ${e.code}`; }
    console.log(JSON.stringify(dec.decode(u8)), strict);
  }
  console.log(JSON.stringify(dec.decode(new Uint8Array(0))), JSON.stringify(dec.decode(undefined)), JSON.stringify(dec.decode(new Uint8Array([0x41]), undefined)));
}
