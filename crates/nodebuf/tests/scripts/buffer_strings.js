// Encodings both ways, write, toString ranges, lone surrogates.
const encs = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
const samples = ['', 'hello', 'héllo wörld', '€uro', '\ud83d\ude00 smile', 'lone \ud800 x', 'aGk*aGk', 'zz9f'];
for (const enc of encs) {
  for (const s of samples) {
    const b = Buffer.from(s, enc);
    console.log(enc, JSON.stringify(s), b.toString('hex'), JSON.stringify(b.toString(enc)), Buffer.byteLength(s, enc));
  }
}
const bytes = Buffer.from([0, 0x41, 0x7f, 0x80, 0xc3, 0xa9, 0xe2, 0x82, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
for (const enc of encs) console.log(enc, JSON.stringify(bytes.toString(enc)));
const buf = Buffer.alloc(10);
console.log(buf.write('abc'), buf.write('€€€', 5), buf, buf.write('ff', 1, 'hex'), buf.write('xyz', 8, 5), buf);
console.log(buf.write('aGVsbG8=', 0, 3, 'base64'), buf, buf.write('\u00e9', 'latin1'), buf);
console.log(Buffer.from('hello').toString('utf8', 1, 3), Buffer.from('hello').toString('hex', -5, 100), Buffer.from('hello').toString(undefined, 4, 2));
console.log(Buffer.from('hello').latin1Slice(1, 3), Buffer.from('hello').hexSlice(), Buffer.from('hello').ucs2Slice(0, 4), Buffer.alloc(4).utf8Write('ab', 1));
console.log(Buffer.from('\ud800', 'utf8'), Buffer.from('\ud800', 'utf16le'), Buffer.from([0x00, 0xd8]).toString('utf16le').charCodeAt(0));
for (const bad of [null, '', 'nope', 5]) {
  try { console.log(Buffer.from('ab').toString(bad)); } catch (e) { console.log(String(e)); }
}
try { Buffer.from('ab', 'nope'); } catch (e) { console.log(String(e)); }
try { Buffer.alloc(2).write('ab', 3); } catch (e) { console.log(String(e)); }
try { Buffer.alloc(2).write(5); } catch (e) { console.log(String(e)); }
