// String.prototype.replace/replaceAll with a global RegExp and a replacement text without `$`
// patterns match and copy in one loop (engine patch 0061); everything a script can see stays:
// lastIndex (0 after, a frozen regexp's TypeError), empty matches and unicode stepping, sticky
// sources, the legacy statics, own or replaced `exec`, a `flags` getter, and no read of
// `constructor` (V8 does not read it; QuickJS's old check did).
'use strict';
const log = [];
const show = (label, value) => log.push(`${label}: ${JSON.stringify(value)}`);
const texts = ['', 'hello world', 'aaa', 'x😀y😀', '😀😀', '\ud800a\udc00', 'line1\r\nline2\n', 'a.b.c'];
const patterns = [/o/g, /a/g, /x*/g, /(?:)/g, /(?:)/gu, /😀/gu, /./gsu, /\r?\n/g, /a/gy, /\./g, /[aeiou]/gi, /(l)(o)?/g, /^/gm, /$/g];
const reps = ['', '0', 'long replacement', '$', '$$', '$&', '$1', "$'", '$`', '$<n>', 'é'];
for (const text of texts) {
  for (const re of patterns) {
    for (const rep of reps) {
      re.lastIndex = 3;
      show(`${JSON.stringify(text)} ${re} ${JSON.stringify(rep)}`, [text.replace(re, rep), re.lastIndex]);
    }
    show(`${JSON.stringify(text)} ${re} replaceAll`, text.replaceAll(re, '-'));
    show(`${JSON.stringify(text)} ${re} fn`, text.replace(re, (...args) => `[${args.length}]`));
  }
}
'one-two_three'.replace(/[-_]/g, ' ');
show('statics', [RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, RegExp.input]);
const frozen = Object.freeze(/a/g);
try { 'aa'.replace(frozen, 'b'); } catch (e) { show('frozen', [e.name, e.message]); }
let ctorReads = 0;
const watched = /o/g;
Object.defineProperty(watched, 'constructor', { get() { ctorReads++; return RegExp; } });
show('constructor not read', ['foo'.replace(watched, '0'), 'foo'.replace(watched, ''), ctorReads]);
let execCalls = 0;
const own = /o/g;
own.exec = function (s) { execCalls++; return RegExp.prototype.exec.call(this, s); };
show('own exec', ['foo'.replace(own, '0'), execCalls]);
let flagsReads = 0;
const claimsNone = /o/g;
Object.defineProperty(claimsNone, 'flags', { get() { flagsReads++; return ''; } });
show('flags getter', ['foo'.replace(claimsNone, '0'), flagsReads, claimsNone.lastIndex]);
const saved = RegExp.prototype.exec;
let replaced = 0;
RegExp.prototype.exec = function (s) { replaced++; return saved.call(this, s); };
show('replaced exec', ['a,b,c'.replace(/,/g, ';'), replaced]);
RegExp.prototype.exec = saved;
class Sub extends RegExp {}
show('subclass', 'a1b2'.replace(new Sub('\\d', 'g'), '#'));
const big = 'word '.repeat(20000);
show('long', [big.replace(/o/g, '0').length, big.replace(/ /g, '').length, big.replace(/w/g, 'ww').slice(0, 20)]);
console.log(log.join('\n'));
// Which flag properties each method reads, and in which order (V8's, not the spec's `flags`).
for (const method of ['replace', 'split', 'match', 'matchAll', 'replaceAll', 'search']) {
  const reads = [];
  const re = /o/g;
  for (const k of ['flags', 'global', 'unicode', 'unicodeSets', 'sticky', 'hasIndices', 'ignoreCase', 'multiline', 'dotAll']) {
    const d = Object.getOwnPropertyDescriptor(RegExp.prototype, k);
    Object.defineProperty(re, k, { get() { reads.push(k); return d.get.call(this); } });
  }
  const r = 'foo'[method](re, method === 'replace' || method === 'replaceAll' ? '0' : undefined);
  if (method === 'matchAll') [...r];
  console.log(method, reads.join(','));
}
console.log(/a/dgimsuy.flags, /a/v.flags, /a/vy.flags);
