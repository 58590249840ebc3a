// Patterns whose matches start with a literal character are searched by skipping to each
// occurrence of it (engine patch 0062: memchr on 8-bit text, a unit loop on 16-bit text, also
// in split's direct loop; patch 0063: an ASCII letter under the i flag, in either case, in
// 8-bit text: 'K'/'s' fold to U+212A/U+017F only in 16-bit text). Seeded random patterns (literal starts in Latin-1, BMP and astral
// ranges, with groups, classes, alternations, quantifiers, lookarounds and back references,
// every flag combination) against seeded texts, through test/exec/match/matchAll/replace/
// split/search with lastIndex after each, must equal node.
'use strict';
const { seeded } = require('./_seeded');

const { int, pick } = seeded(62);
const alphabet = ['a', 'b', 'x', 'é', '€', '😀', '\n', ' ', '1', 'A', '\ud800', 'aa', 'ab', 'B', 'X', 'É', 'µ', 'ÿ', '@', '`', 'K', 'k', 'ſ'];
const starts = ['a', 'b', 'x', 'é', '€', '😀', ' ', '1', '\\n', 'A', 'ab', 'aab', 'K', 's', 'Y', 'M'];
const tails = ['', 'b', '.', '\\d', '(x)', '(b|x)', 'a*', '+', '?', '(?=b)', '(?!a)', '(?<=a)', '[ab]', '\\1', '$', '\\s', '{2}', 'é', '€'];
function randomPattern() {
  let p = pick(starts);
  const n = int(4);
  for (let i = 0; i < n; i++) p += pick(tails);
  try { new RegExp(p); } catch { return 'a'; }
  return p;
}
// Half the texts stay 8-bit (Latin-1 only), the engine's other string width.
const latin1 = alphabet.filter((piece) => [...piece].every((ch) => ch.charCodeAt(0) <= 0xff));
function randomText() {
  const from = int(2) === 0 ? latin1 : alphabet;
  let t = '';
  const n = int(40);
  for (let i = 0; i < n; i++) t += pick(from);
  return t;
}
const flagSets = ['', 'g', 'i', 'y', 'gu', 'gi', 'm', 's', 'gy', 'u', 'gim'];
const out = [];
for (let k = 0; k < 600; k++) {
  const source = randomPattern();
  const flags = pick(flagSets);
  let re;
  try { re = new RegExp(source, flags); } catch (e) { out.push(`${source}/${flags}: ${e.name}`); continue; }
  const text = randomText();
  const row = [source, flags, text];
  try {
    // (not inside a surrogate pair in unicode mode: V8's literal search then does not step
    // back to the pair as its other matchers do)
    re.lastIndex = re.unicode ? 0 : int(5);
    row.push(re.test(text), re.lastIndex);
    re.lastIndex = 0;
    const m = re.exec(text);
    row.push(m && [m.index, [...m]], re.lastIndex);
    row.push(text.match(re), text.search(re), text.split(re), text.split(re, 2));
    row.push(text.replace(re, '#'), text.replace(re, '[$&]'), re.lastIndex);
    if (re.global) row.push([...text.matchAll(re)].map((r) => [r.index, r[0]]), text.replaceAll(re, '_'));
  } catch (e) {
    row.push(e.name);
  }
  out.push(JSON.stringify(row));
}
console.log(out.join('\n'));
