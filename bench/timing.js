// The timing loop bench/suite.js and bench/sizes.js share, under any runtime (node, nodebuf,
// bun, deno): `calls` calls of `fn` per round, one warm-up round, then the best of `rounds`
// (the round least disturbed by other load), in ns per call.
'use strict';

const now = () => Number(process.hrtime.bigint());
let sink = 0;

function bestNsPerCall(fn, calls, rounds) {
  let best = Infinity;
  for (let round = 0; round <= rounds; round++) {
    const t0 = now();
    for (let i = 0; i < calls; i++) {
      const r = fn();
      // keep every result alive so no runtime can drop the call
      sink ^= typeof r === 'number' ? r : r.length;
    }
    const ns = (now() - t0) / calls;
    if (round > 0 && ns < best) best = ns;
  }
  if (sink === 0.5) console.log('');
  return best;
}

module.exports = { bestNsPerCall };
