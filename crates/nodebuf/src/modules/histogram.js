// perf_hooks' histograms: createHistogram() (RecordableHistogram) and monitorEventLoopDelay()
// (ELDHistogram), with Node's HdrHistogram semantics: values fall into buckets of `figures`
// significant digits between `lowest` and `highest`, and every statistic is read from the
// buckets (min is its bucket's lowest value, max its highest, mean and stddev use bucket
// midpoints), so the numbers equal Node's for the same values.
'use strict';

const { codes, makeNodeError, validateInteger, validateObject } = require('internal/errors');
const { inspect } = require('internal/inspect');

const kHandle = Symbol('kHandle');
const kRecordable = Symbol('kRecordable');
const kMap = Symbol('kMap');
const kConstruct = Symbol('kConstruct');
const kInt64Max = 9223372036854775807n;

// Node's percentile maps are its primordial SafeMap (and inspect names them so).
class SafeMap extends Map {}

function bitLength(value) {
  return value >= 2 ** 32 ? 32 + bitLength(Math.floor(value / 2 ** 32)) : 32 - Math.clz32(value);
}

const pow2 = (n) => 2 ** n;

/** The bucket layout and counts of one histogram (HdrHistogram's arithmetic on doubles: every
 * value is an integer below 2**64, and bucket bounds are multiples of powers of two). */
class Buckets {
  constructor(lowest, highest, figures) {
    this.lowest = lowest;
    this.highest = highest;
    this.figures = figures;
    const singleUnitLargest = 2 * 10 ** figures;
    const subBucketCountMagnitude = Math.ceil(Math.log2(singleUnitLargest));
    this.halfMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
    this.unitMagnitude = Math.floor(Math.log2(lowest));
    this.subBucketCount = pow2(this.halfMagnitude + 1);
    this.halfCount = this.subBucketCount / 2;
    this.subBucketMask = (this.subBucketCount - 1) * pow2(this.unitMagnitude);
    let untrackable = this.subBucketCount * pow2(this.unitMagnitude);
    let buckets = 1;
    while (untrackable <= highest) {
      if (untrackable > 2 ** 62) {
        buckets++;
        break;
      }
      untrackable *= 2;
      buckets++;
    }
    this.counts = new Float64Array((buckets + 1) * this.halfCount);
    this.clear();
  }

  clear() {
    this.counts.fill(0);
    this.total = 0;
    this.min = null; // (none: INT64_MAX)
    this.max = 0;
    this.topIndex = -1;
  }

  bucketIndex(value) {
    const bits = Math.max(bitLength(value), bitLength(this.subBucketMask));
    return bits - this.unitMagnitude - (this.halfMagnitude + 1);
  }

  subBucketIndex(value, bucket) {
    return Math.floor(value / pow2(bucket + this.unitMagnitude));
  }

  indexOf(value) {
    const bucket = this.bucketIndex(value);
    const sub = this.subBucketIndex(value, bucket);
    return (bucket + 1) * pow2(this.halfMagnitude) + (sub - this.halfCount);
  }

  valueAt(index) {
    let bucket = Math.floor(index / pow2(this.halfMagnitude)) - 1;
    let sub = (index % this.halfCount) + this.halfCount;
    if (bucket < 0) {
      sub -= this.halfCount;
      bucket = 0;
    }
    return sub * pow2(bucket + this.unitMagnitude);
  }

  rangeSize(value) {
    const bucket = this.bucketIndex(value);
    const sub = this.subBucketIndex(value, bucket);
    return pow2(this.unitMagnitude + (sub >= this.subBucketCount ? bucket + 1 : bucket));
  }

  lowestEquivalent(value) {
    const bucket = this.bucketIndex(value);
    return this.subBucketIndex(value, bucket) * pow2(bucket + this.unitMagnitude);
  }

  highestEquivalent(value) {
    return this.lowestEquivalent(value) + this.rangeSize(value) - 1;
  }

  medianEquivalent(value) {
    return this.lowestEquivalent(value) + Math.floor(this.rangeSize(value) / 2);
  }

  /** Counts `count` of `value`; false when no bucket holds it. */
  record(value, count = 1) {
    if (value < 0 || value > this.highest) return false;
    const index = this.indexOf(value);
    if (index < 0 || index >= this.counts.length) return false;
    this.counts[index] += count;
    this.total += count;
    if (value !== 0 && (this.min === null || value < this.min)) this.min = value;
    if (value > this.max) this.max = value;
    if (index > this.topIndex) this.topIndex = index;
    return true;
  }

  /** Calls `visit(value, count)` for each non-empty bucket, in order. */
  forEach(visit) {
    for (let i = 0; i <= this.topIndex; i++) {
      if (this.counts[i] !== 0) visit(this.valueAt(i), this.counts[i]);
    }
  }

  minValue() {
    if (this.counts[0] > 0) return 0;
    return this.min === null ? null : this.lowestEquivalent(this.min);
  }

  maxValue() {
    return this.max === 0 ? 0 : this.highestEquivalent(this.max);
  }

  mean() {
    let sum = 0;
    this.forEach((value, count) => {
      sum += count * this.medianEquivalent(value);
    });
    return sum / this.total;
  }

  stddev() {
    const mean = this.mean();
    let total = 0;
    this.forEach((value, count) => {
      const deviation = this.medianEquivalent(value) - mean;
      total += deviation * deviation * count;
    });
    return Math.sqrt(total / this.total);
  }

  valueAtPercentile(percentile) {
    const requested = percentile < 100 ? percentile : 100;
    const wanted = Math.max(Math.trunc((requested / 100) * this.total + 0.5), 1);
    let seen = 0;
    for (let i = 0; i <= this.topIndex; i++) {
      seen += this.counts[i];
      if (seen >= wanted) return this.highestEquivalent(this.valueAt(i));
    }
    return 0;
  }

  /** HdrHistogram's percentile iteration (one tick per half distance): [percentile, value]
   * pairs, closing with 100. */
  percentiles() {
    const out = [];
    let next = 0;
    let cumulative = 0;
    let value = 0;
    for (let i = 0; i <= this.topIndex && cumulative < this.total; i++) {
      const count = this.counts[i];
      if (count === 0) continue;
      cumulative += count;
      value = this.valueAt(i);
      const reached = (100 * cumulative) / this.total;
      while (next <= reached) {
        out.push([next, value]);
        const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - next)) / Math.log(2)) + 1);
        next += 100 / halfDistance;
        if (cumulative >= this.total) break;
      }
    }
    out.push([100, value]);
    return out;
  }
}

function handleOf(histogram, type) {
  const handle = histogram !== null && typeof histogram === 'object' ? histogram[kHandle] : undefined;
  if (handle === undefined) throw codes.ERR_INVALID_THIS(type);
  return handle;
}

function illegalConstructor() {
  return makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

// The statistics as Node's getters: (state) => number.
const stats = {
  count: (h) => h.buckets.total,
  min: (h) => h.buckets.minValue(),
  max: (h) => h.buckets.maxValue(),
  exceeds: (h) => h.exceeds,
};

class Histogram {
  constructor(key) {
    if (key !== kConstruct) throw illegalConstructor();
  }

  get count() { return stats.count(handleOf(this, 'Histogram')); }

  get countBigInt() { return BigInt(stats.count(handleOf(this, 'Histogram'))); }

  get min() {
    const min = stats.min(handleOf(this, 'Histogram'));
    return min === null ? Number(kInt64Max) : min;
  }

  get minBigInt() {
    const min = stats.min(handleOf(this, 'Histogram'));
    return min === null ? kInt64Max : BigInt(min);
  }

  get max() { return stats.max(handleOf(this, 'Histogram')); }

  get maxBigInt() { return BigInt(stats.max(handleOf(this, 'Histogram'))); }

  get mean() { return handleOf(this, 'Histogram').buckets.mean(); }

  get exceeds() { return stats.exceeds(handleOf(this, 'Histogram')); }

  get exceedsBigInt() { return BigInt(stats.exceeds(handleOf(this, 'Histogram'))); }

  get stddev() { return handleOf(this, 'Histogram').buckets.stddev(); }

  percentile(percentile) {
    const handle = handleOf(this, 'Histogram');
    validatePercentile(percentile);
    return handle.buckets.valueAtPercentile(percentile);
  }

  percentileBigInt(percentile) {
    const handle = handleOf(this, 'Histogram');
    validatePercentile(percentile);
    return BigInt(handle.buckets.valueAtPercentile(percentile));
  }

  get percentiles() {
    const map = this[kMap];
    map.clear();
    for (const [p, value] of handleOf(this, 'Histogram').buckets.percentiles()) map.set(p, value);
    return map;
  }

  get percentilesBigInt() {
    const map = this[kMap];
    map.clear();
    for (const [p, value] of handleOf(this, 'Histogram').buckets.percentiles()) map.set(p, BigInt(value));
    return map;
  }

  reset() {
    const handle = handleOf(this, 'Histogram');
    handle.buckets.clear();
    handle.exceeds = 0;
    handle.previous = undefined;
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const shown = {
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    };
    return `Histogram ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

function validatePercentile(percentile) {
  if (typeof percentile !== 'number') throw codes.ERR_INVALID_ARG_TYPE('percentile', 'number', percentile);
  if (!(percentile > 0 && percentile <= 100)) throw codes.ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
}

function valueOutOfRange() {
  return makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', 'value is out of range');
}

function initHistogram(histogram, lowest, highest, figures) {
  Object.defineProperty(histogram, kHandle, {
    value: { buckets: new Buckets(lowest, highest, figures), exceeds: 0, previous: undefined },
    configurable: true,
  });
  Object.defineProperty(histogram, kMap, { value: new SafeMap(), configurable: true });
}

function recordInto(handle, value) {
  if (!handle.buckets.record(value)) handle.exceeds++;
}

class RecordableHistogram extends Histogram {
  constructor(key) {
    super(key);
  }

  record(val) {
    const handle = handleOf(this, 'RecordableHistogram');
    if (typeof val === 'bigint') {
      if (val < 1n || val > kInt64Max) throw valueOutOfRange();
      recordInto(handle, Number(val));
      return;
    }
    validateInteger(val, 'val', 1);
    recordInto(handle, val);
  }

  recordDelta() {
    const handle = handleOf(this, 'RecordableHistogram');
    const now = native.hrtimeBigint();
    if (handle.previous !== undefined) recordInto(handle, Number(now - handle.previous));
    handle.previous = now;
  }

  add(other) {
    const handle = handleOf(this, 'RecordableHistogram');
    if (other === null || typeof other !== 'object' || other[kRecordable] !== true) {
      throw codes.ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    const source = other[kHandle];
    source.buckets.forEach((value, count) => {
      if (!handle.buckets.record(value, count)) handle.exceeds += count;
    });
    handle.exceeds += source.exceeds;
  }
}

function validateBound(options, name, min) {
  const value = options[name];
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(`options.${name}`, 'number', value);
  validateInteger(value, `options.${name}`, min);
  return value;
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const low = validateBound({ lowest }, 'lowest', 1);
  const high = validateBound({ highest }, 'highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  const histogram = new RecordableHistogram(kConstruct);
  Object.defineProperty(histogram, kRecordable, { value: true, configurable: true });
  // (Node's instances carry an own enumerable `constructor`.)
  Object.defineProperty(histogram, 'constructor', {
    value: RecordableHistogram, writable: true, enumerable: true, configurable: true,
  });
  initHistogram(histogram, low, high, figures);
  return histogram;
}

const kTimer = Symbol('kTimer');

/** The event loop delay: a timer every `resolution` ms (unref'd) records, in nanoseconds, how
 * long each interval really took. */
class ELDHistogram extends Histogram {
  constructor(key) {
    super(key);
  }

  enable() {
    const handle = handleOf(this, 'ELDHistogram');
    if (this[kTimer] !== null) return false;
    handle.previous = native.hrtimeBigint();
    const tick = () => {
      const now = native.hrtimeBigint();
      recordInto(handle, Number(now - handle.previous));
      handle.previous = now;
    };
    this[kTimer] = require('timers').setInterval(tick, handle.resolution).unref();
    return true;
  }

  disable() {
    handleOf(this, 'ELDHistogram');
    if (this[kTimer] === null) return false;
    require('timers').clearInterval(this[kTimer]);
    this[kTimer] = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  if (typeof resolution !== 'number') throw codes.ERR_INVALID_ARG_TYPE('options.resolution', 'number', resolution);
  validateInteger(resolution, 'options.resolution', 1);
  const histogram = new ELDHistogram(kConstruct);
  initHistogram(histogram, 1, Number.MAX_SAFE_INTEGER, 3);
  histogram[kHandle].resolution = resolution;
  Object.defineProperty(histogram, kTimer, { value: null, writable: true, configurable: true });
  return histogram;
}

module.exports = { createHistogram, monitorEventLoopDelay, Histogram, RecordableHistogram };
