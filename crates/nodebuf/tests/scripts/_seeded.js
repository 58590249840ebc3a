// Seeded randomness for the differential scripts: node and nodebuf draw the same sequence.
// NODEBUF_SEED replaces a script's own seed (to sweep seeds by hand). Not a script itself (the
// runner skips names starting with `_`).
'use strict';

/** `rand()` in [0, 1), `int(n)` in [0, n) and `pick(list)`, from a 32-bit LCG seeded with `seed`. */
function seeded(seed) {
  let state = (process.env.NODEBUF_SEED === undefined ? seed : Number(process.env.NODEBUF_SEED)) >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  return { rand, int, pick };
}

module.exports = { seeded };
