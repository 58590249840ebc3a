// indexOf / lastIndexOf / includes where searches are hard: haystacks of a few letters (text
// that repeats, so a needle's first bytes match again and again), needles cut from the
// haystack (so matches exist, often overlapping one another: "abaab" in "abaabaab" at 0 and 3)
// or cut and changed in one byte, at sizes around the vector widths, the 1 KiB blocks of the
// reverse scan and the 64 KiB limit of the short-haystack scan, with start positions and
// encodings. Every answer is folded into a digest, compared with Node's; every 40th answer is
// printed too, to see a difference.
'use strict';
let seed = Number(process.env.NODEBUF_SEED || 7321) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}

const ALPHABETS = ['ab', 'aab', 'abc', 'a b', 'The quick brown fox. ', 'xyzzy', 'ab\u00e9'];
const SIZES = [0, 1, 5, 16, 31, 33, 64, 100, 1000, 1024, 1030, 2049, 5000, 65535, 65536, 65600, 70000];

function haystack(size) {
  const alphabet = ALPHABETS[rand(ALPHABETS.length)];
  let s = '';
  if (rand(2) === 0) {
    // Periodic: the alphabet repeated (with one period of noise now and then).
    while (s.length < size) s += rand(20) === 0 ? alphabet.split('').reverse().join('') : alphabet;
  } else {
    while (s.length < size) s += alphabet[rand(alphabet.length)];
  }
  return Buffer.from(s.slice(0, size), 'latin1');
}

function needleOf(hay) {
  const len = 1 + rand(rand(4) === 0 ? 300 : 12);
  if (hay.length === 0 || rand(8) === 0) return Buffer.from('ab'.repeat(len).slice(0, len), 'latin1');
  const at = rand(hay.length);
  const cut = Buffer.from(hay.subarray(at, at + len));
  if (cut.length > 0 && rand(3) === 0) cut[rand(cut.length)] ^= 1 << rand(7);
  return cut;
}

let digest = 0;
let answers = 0;
const shown = [];
function record(v) {
  const n = typeof v === 'boolean' ? (v ? -7 : -9) : v;
  digest = (Math.imul(digest, 31) + n + 13) | 0;
  if (answers++ % 40 === 0) shown.push(v);
}

for (let round = 0; round < 6; round++) {
  for (const size of SIZES) {
    const hay = haystack(size);
    // A view at an odd offset too: the same bytes, a different alignment.
    const padded = Buffer.alloc(size + 3);
    hay.copy(padded, 3);
    const views = [hay, padded.subarray(3)];
    for (let k = 0; k < 6; k++) {
      const needle = needleOf(hay);
      const asString = needle.toString('latin1');
      for (const view of views) {
        const from = rand(4) === 0 ? rand(size + 2) - 1 : undefined;
        record(view.indexOf(needle, from));
        record(view.lastIndexOf(needle, from));
        record(view.includes(asString, from, 'latin1'));
        record(view.lastIndexOf(asString, from === undefined ? undefined : from, 'latin1'));
        if (rand(3) === 0) {
          record(view.indexOf(asString, from, 'utf8'));
          record(view.lastIndexOf(asString, from, 'utf8'));
        }
        if (rand(4) === 0 && size < 6000) {
          const wide = Buffer.from(view.toString('latin1'), 'ucs2');
          record(wide.indexOf(asString, 0, 'ucs2'));
          record(wide.lastIndexOf(asString, undefined, 'ucs2'));
        }
      }
    }
  }
}
console.log(shown.join(' '));
console.log('digest', digest);
