// punycode (Node v20's bundled 2.1.0 interface): RFC 3492 sample strings, encode/decode round
// trips of seeded random text (astral characters, lone surrogates, basic code points), decode
// errors (non-basic input, invalid digits, overflow), domain and email conversion with every
// IDNA full stop, ucs2 helpers, the module's shape, and no warning without
// --pending-deprecation.
'use strict';
const punycode = require('punycode');
const { seeded } = require('./_seeded');

console.log(Object.keys(punycode), Object.keys(punycode.ucs2), punycode.version, require('node:punycode') === punycode);
for (const name of ['decode', 'encode', 'toASCII', 'toUnicode']) console.log(name, punycode[name].name, punycode[name].length);
const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, e.name, e.message);
  }
};
// RFC 3492 section 7.1 samples.
const samples = ['egbpdaj6bu4bxfgehfvwxn', 'ihqwcrb4cv8a8dqg056pqjye', 'ihqwctvzc91f659drss3x8bo0yb',
  'Proprostnemluvesky-uyb24dma41a', '4dbcagdahymbxekheh6e0a7fei0b', 'i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd',
  'n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa', '989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c',
  'b1abfaaepdrnnbgefbaDotcwatmq2g4l', 'PorqunopuedensimplementehablarenEspaol-fmd56a', 'TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g',
  '3B-ww4c5e180e575a65lsy2b', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n', 'Hello-Another-Way--fc4qua05auwb3674vfr0b',
  '2-u9tlzr9756bt3uc0v', 'MajiKoi5-783gue6qz075azm5e', 'de-jg4avhby1noc0d', 'd9juau41awczczp', '-> $1.00 <--'];
for (const s of samples) show(`decode ${s}`, () => [punycode.decode(s), punycode.encode(punycode.decode(s))]);
for (const s of ['', 'a', 'a-', '-', '--', 'ab-\x81', '\x81-a', 'a-!', '!', 'a-9', 'a-zz', '99999999999', 'a-zzzzzzzzzz',
  'ZZ', 'ü', 'mañana', 'xn--x', 'a-@', 'a-[', '\x01', 'AbC-dEf']) {
  show(`decode ${JSON.stringify(s)}`, () => punycode.decode(s));
  show(`encode ${JSON.stringify(s)}`, () => punycode.encode(s));
}
show('encode number', () => punycode.encode(1));
show('decode number', () => punycode.decode(1));
for (const s of ['mañana.com', 'user@mañana.com', 'a@b@ñ', '\x7f', 'ñ\u3002ü\uff0eé\uff61x', 'XN--maana-pta.com',
  'xn--maana-pta.com', 'xn--maana-pta@xn--maana-pta', 'ドメイン名例.jp', '😀.com', 'xn--bad-', 'a..b', '']) {
  show(`toASCII ${JSON.stringify(s)}`, () => punycode.toASCII(s));
  show(`toUnicode ${JSON.stringify(s)}`, () => punycode.toUnicode(s));
}
show('ucs2 decode', () => punycode.ucs2.decode('\ud83d\ude00a\ud800\udc00\ud800x\udc00'));
show('ucs2 encode', () => punycode.ucs2.encode([0x1f600, 97, 0xd800, 0x10ffff]));
show('ucs2 encode bad', () => punycode.ucs2.encode([0x110000]));
show('ucs2 decode number', () => punycode.ucs2.decode(5));

const { int, pick } = seeded(99);
const chars = ['a', 'Z', '0', '-', 'é', 'ñ', '中', '文', '😀', '\ud800', '\udc00', '\u0080', '\uffff', ' ', '.', 'ß', 'Ω'];
for (let i = 0; i < 300; i++) {
  let text = '';
  for (let j = int(8) + 1; j > 0; j--) text += pick(chars);
  show(`round ${JSON.stringify(text)}`, () => {
    const encoded = punycode.encode(text);
    return [encoded, punycode.decode(encoded), punycode.toASCII(text), punycode.toUnicode(punycode.toASCII(text))];
  });
}
const ascii = 'abcxyz019-_!@AZ~{';
for (let i = 0; i < 200; i++) {
  let text = '';
  for (let j = int(10); j > 0; j--) text += ascii[int(ascii.length)];
  show(`random decode ${JSON.stringify(text)}`, () => punycode.decode(text));
}
