// Regular expressions that start with `^` (engine patch 0052 tries an anchored pattern at the
// start of the input only, not at every later position): seeded patterns anchored or not
// (alternatives at the top level and inside groups, '|' inside classes and escaped, `^` inside
// groups and lookarounds), with and without the g, y, m, i, s, u flags, run through exec
// (lastIndex before and after), test, match, matchAll, replace, split and search over seeded
// subjects, plus a long subject where only an anchored match can be found quickly.
'use strict';

const { rand, pick } = require('./_seeded').seeded(5252);

const atoms = ['a', 'b', 'ab', '\\d+', '[a|b]', '\\|', '.', '(a|b)', '(?:x|^y)', '(?=a)', '(?<=b)', 'c*', '\\n', '[^a]', '$'];
function pattern() {
  let p = rand() < 0.7 ? '^' : '';
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) p += pick(atoms);
  if (rand() < 0.25) p += '|' + pick(atoms);
  if (rand() < 0.1) p = `(${p})`;
  return p;
}
const subjects = ['ab', 'abab', 'yab', 'b|a', 'a\nb', '\nab', '12ab', 'xxab', '', 'ba', 'y', 'aaa\nyab', 'ÿab', '😀ab'];
const flagSets = ['', 'g', 'y', 'm', 'gm', 'i', 's', 'u', 'gy', 'gu', 'mu'];

function show(v) {
  return JSON.stringify(v, (k, x) => (x === undefined ? '<u>' : x));
}

let lines = 0;
let digest = 0;
for (let round = 0; round < 400; round++) {
  const src = pattern();
  const flags = pick(flagSets);
  let re;
  try {
    re = new RegExp(src, flags);
  } catch (e) {
    console.log(round, src, flags, e.name);
    continue;
  }
  const out = [];
  for (const subject of subjects) {
    re.lastIndex = Math.floor(rand() * 3);
    const before = re.lastIndex;
    const m = re.exec(subject);
    out.push(`${before}:${m ? `${m.index}${show([...m])}` : 'null'}:${re.lastIndex}`);
    re.lastIndex = 0;
    out.push(String(re.test(subject)));
    re.lastIndex = 0;
    out.push(show(subject.match(re)));
    if (re.global) out.push(show([...subject.matchAll(re)].map((x) => x.index)));
    out.push(subject.replace(re, '<$&>'), show(subject.split(re)), String(subject.search(re)));
  }
  const text = out.join(' ');
  for (let i = 0; i < text.length; i++) digest = (Math.imul(digest, 31) + text.charCodeAt(i)) >>> 0;
  if (round % 25 === 0) {
    console.log(round, `/${src}/${flags}`, text.slice(0, 300));
    lines++;
  }
}
console.log('digest', digest.toString(16), lines);

// A long subject: an anchored test fails at once; unanchored ones still find a late match.
const long = 'x'.repeat(50000) + 'end';
console.log(/^end/.test(long), /end$/.test(long), /^x+end$/.test(long), /(?:^|y)end/.test(long), /^x|end/.exec(long).index,
  long.replace(/^x/g, 'X').slice(0, 3), /^x/m.exec('a\nx').index, /^x/y.test(long));
