// Strings in every form the engine stores them (8-bit and 16-bit units, ropes from `+`,
// slices of long strings, lone surrogates), through every encoding both ways, byteLength,
// write and string search: the natives read the engine's own units and make strings from
// them directly, so each form must give Node's bytes and strings.
'use strict';
let seed = 0x2545f491;
function rand(n) {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const pools = [
  'abcdefghijklmnopqrstuvwxyz0123456789 ',
  'äöüßéèçñ\u00a0\u00ff\u0080ÀÁ',
  'Привет мир 你好 \u0100\u07ff\u0800\uffff',
  '😀🎉\ud83d\ude00',
  '\ud800\udc00\udbff\udfff\ud800\udfff',
  'x\ud800y\udc00z',
];
function piece(len) {
  const pool = pools[rand(pools.length)];
  let s = '';
  for (let i = 0; i < len; i++) s += pool[rand(pool.length)];
  return s;
}
function forms() {
  const out = [];
  for (let i = 0; i < 40; i++) {
    const a = piece(1 + rand(40));
    const b = piece(rand(300));
    out.push(a);
    out.push(a + b); // a rope when long enough
    const long = b + a + b + a;
    out.push(long.slice(rand(long.length + 1))); // may be a slice of `long`
    out.push(long.substring(1, 1 + rand(long.length)));
  }
  out.push('');
  out.push('a'.repeat(5000) + 'é'.repeat(5000));
  out.push(('ab' + '\u0101').repeat(3000).slice(0, 6001));
  return out;
}
const encodings = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
function digest(buf) {
  let h = 2166136261;
  for (const byte of buf) h = Math.imul(h ^ byte, 16777619) >>> 0;
  return `${buf.length}:${h.toString(16)}`;
}
function strDigest(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return `${s.length}:${h.toString(16)}`;
}
const all = forms();
all.forEach((s, i) => {
  const line = [i];
  for (const enc of encodings) {
    const b = Buffer.from(s, enc);
    line.push(enc, digest(b), Buffer.byteLength(s, enc), strDigest(b.toString(enc)));
    const target = Buffer.alloc(64, 0x2e);
    line.push(target.write(s, 3, enc), digest(target));
  }
  const hay = Buffer.from(all[(i * 7) % all.length] + s + 'tail', 'utf8');
  const needle = s.slice(0, 1 + rand(8));
  line.push(hay.indexOf(needle), hay.lastIndexOf(needle), hay.includes(needle, 2));
  line.push(hay.indexOf(needle, 0, 'latin1'), hay.indexOf(needle, 1, 'utf16le'));
  console.log(line.join(' '));
});
// Decoding every byte value back to strings of each form.
const bytes = Buffer.alloc(512);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;
for (const enc of encodings) {
  const s = bytes.toString(enc);
  console.log(enc, strDigest(s), strDigest(bytes.toString(enc, 3, 300)), s === Buffer.from(s, enc).toString(enc));
  console.log(enc, strDigest(s + s), (s + 'x').length, JSON.stringify(s.slice(0, 12)));
}
