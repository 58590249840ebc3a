// perf_hooks.createHistogram: HdrHistogram buckets (min/max/mean/stddev read from buckets,
// percentile iteration), bigint variants, add/reset/recordDelta, exceeds and Node's validation.
const ph = require('perf_hooks');
const { inspect } = require('util');

const show = (label, f) => {
  try {
    const v = f();
    console.log(label, typeof v === 'string' ? v : inspect(v));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};

// Seeded inputs (an LCG): skewed values over nine decades.
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
for (const figures of [1, 2, 3, 4]) {
  const h = ph.createHistogram({ figures });
  for (let i = 0; i < 400; i++) h.record(1 + Math.floor(rand() ** 3 * 1e9));
  console.log(figures, h.count, h.min, h.max, h.mean, h.stddev, h.exceeds);
  console.log([...h.percentiles].join(' '));
  console.log([1, 10, 25, 50, 90, 99, 99.9, 100].map((p) => h.percentile(p)).join(' '), h.percentileBigInt(50));
}
for (const [lowest, highest] of [[1, 1000], [10, 5000], [3, 100000], [1000, 2 ** 40]]) {
  const h = ph.createHistogram({ lowest, highest, figures: 2 });
  for (let i = 0; i < 200; i++) h.record(1 + Math.floor(rand() * highest * 1.2));
  console.log(lowest, highest, JSON.stringify(h.toJSON()));
}

const h = ph.createHistogram({ lowest: 10, highest: 5000, figures: 2 });
for (const v of [1, 9, 10, 11, 100, 4999, 5000, 6000, 100000, 2 ** 40]) h.record(v);
console.log(h.toJSON(), h.minBigInt, h.maxBigInt, h.countBigInt, h.exceedsBigInt, h.percentilesBigInt);
console.log(h);
show('depth 0', () => inspect(h, { depth: 0 }));
const empty = ph.createHistogram();
console.log(empty, empty.toJSON(), empty.minBigInt, empty.percentilesBigInt, empty.percentile(50));

const a = ph.createHistogram();
a.record(5);
a.record(7n);
a.add(h);
console.log(a.count, a.min, a.max, a.exceeds);
a.reset();
console.log(a.count, a.exceeds, a.min, a.max);
a.recordDelta();
console.log('after one recordDelta', a.count);
a.recordDelta();
console.log('after two', a.count, a.min > 0);

show('record 0', () => a.record(0));
show('record -1', () => a.record(-1));
show('record 1.5', () => a.record(1.5));
show('record string', () => a.record('1'));
show('record 2**53', () => a.record(2 ** 53));
show('record 0n', () => a.record(0n));
show('record 2n**63n', () => a.record(2n ** 63n));
show('percentile 0', () => a.percentile(0));
show('percentile 101', () => a.percentile(101));
show('percentile NaN', () => a.percentile(NaN));
show('percentile string', () => a.percentile('1'));
show('add {}', () => a.add({}));
show('add 1', () => a.add(1));
show('lowest 0', () => ph.createHistogram({ lowest: 0 }));
show('highest 3', () => ph.createHistogram({ lowest: 2, highest: 3 }));
show('highest 2**53', () => ph.createHistogram({ highest: 2 ** 53 }));
show('figures 6', () => ph.createHistogram({ figures: 6 }));
show('figures 1.5', () => ph.createHistogram({ figures: 1.5 }));
show('options 1', () => ph.createHistogram(1));
show('options null', () => ph.createHistogram(null));
show('lowest string', () => ph.createHistogram({ lowest: '1' }));
show('bigint bounds', () => ph.createHistogram({ lowest: 5n, highest: 100n }).count);

const proto = Object.getPrototypeOf(a);
const base = Object.getPrototypeOf(proto);
console.log(proto.constructor.name, base.constructor.name, Object.getOwnPropertyNames(proto), Object.getOwnPropertyNames(base));
console.log(Object.keys(a), ph.createHistogram.length, a.record.length, a.percentile.length, a.add.length);
show('min getter on {}', () => Object.getOwnPropertyDescriptor(base, 'min').get.call({}));
show('record on {}', () => proto.record.call({}, 1));
show('new RecordableHistogram', () => new proto.constructor());
show('new Histogram', () => new base.constructor());
console.log(ph.constants);
