// String.prototype.split with a RegExp: with the intrinsic RegExp and exec, the split loop
// matches directly (engine patch 0060); the pieces, captures (undefined ones included),
// limits, empty matches, unicode stepping, sticky and global sources, the legacy statics and
// every step a script can observe (species, flags getters, exec replaced or wrapped, lastIndex
// reads) stay as in node.
'use strict';
const log = [];
const show = (label, value) => log.push(`${label}: ${JSON.stringify(value)}`);
const texts = ['', 'a', 'a,b,,c', ',a,', 'one two  three', 'line1\r\nline2\nline3\r\n', 'x😀y😀z', '😀😀', '\ud800,\udc00', 'aaa', 'abcabc'];
const patterns = [/,/, /(,)/, /\s+/, /(\s)(x)?/, /\r?\n/, /(?:)/, /(?:)/u, /x*/, /x*/y, /a/g, /b|(c)/, /😀/u, /./su, /$/, /^/m, /(?<sep>,)/, /[,\s]/i];
for (const text of texts) {
  for (const re of patterns) {
    show(`${JSON.stringify(text)} ${re}`, [text.split(re), text.split(re, 2), text.split(re, 0), re.lastIndex]);
  }
}
'k1=v1; k2=v2;k3'.split(/;\s*/);
show('statics', [RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, RegExp.$1]);
'a-b_c'.split(/([-_])/);
show('statics with capture', [RegExp.$1, RegExp.lastParen, RegExp.input]);

class MyRe extends RegExp {}
show('subclass', 'a1b2c'.split(new MyRe('\\d')));
let execCalls = 0;
class Counting extends RegExp { exec(s) { execCalls++; return super.exec(s); } }
show('subclass exec', ['a1b2c'.split(new Counting('\\d')), execCalls]);
const speciesRe = /,/;
let speciesReads = 0;
speciesRe.constructor = { get [Symbol.species]() { speciesReads++; return RegExp; } };
show('species', ['a,b'.split(speciesRe), speciesReads]);
let flagsReads = 0;
const flagged = /,/;
Object.defineProperty(flagged, 'flags', { get() { flagsReads++; return 'i'; } });
show('flags getter', ['A,B'.split(flagged), flagsReads]);
const saved = RegExp.prototype.exec;
let replaced = 0;
RegExp.prototype.exec = function (s) { replaced++; return saved.call(this, s); };
show('replaced exec', ['a,b,c'.split(/,/), replaced]);
RegExp.prototype.exec = saved;
Object.defineProperty(RegExp.prototype, 'exec', { get() { replaced += 100; return saved; }, configurable: true });
show('exec getter', ['a,b'.split(/,/), replaced]);
Object.defineProperty(RegExp.prototype, 'exec', { value: saved, writable: true, configurable: true });
show('restored', ['a,b'.split(/,/), replaced]);
const big = 'word '.repeat(5000);
show('long', [big.split(/ /).length, big.split(/(o)/).length, big.split(/ /, 7)]);
try { 'x'.split({ [Symbol.split]: RegExp.prototype[Symbol.split] }); } catch (e) { show('non-regexp this', e.constructor.name); }
console.log(log.join('\n'));
