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
