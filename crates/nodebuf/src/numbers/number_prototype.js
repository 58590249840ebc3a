// Number.prototype's conversions with V8's texts. `toString` checks its receiver and radix as
// V8 does; the digits come from native helpers (`native.radix`: V8's radix algorithm,
// `native.shortest`: the shortest round-trip digits V8 prints where QuickJS sometimes prints one
// digit more). `toFixed`/`toExponential`/`toPrecision` keep QuickJS's own (exact, already V8's)
// conversion and argument checks, and take the shortest text only where the specification says
// `Number::toString` (`toFixed` of |x| >= 1e21, `toPrecision()`) or shortest digits
// (`toExponential()`). Written in JS so that the originals it keeps are held where the engine's
// GC sees them. Evaluated once per context.
(function installNumberPrototype(native) {
  'use strict';
  const proto = Number.prototype;
  const { toString: originalToString, toFixed, toExponential, toPrecision, valueOf } = proto;
  const apply = Reflect.apply;
  const trunc = Math.trunc;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const { radix: radixString, shortest, exponentialShortest } = native;

  function thisNumber(receiver, method) {
    if (typeof receiver === 'number') return receiver;
    try {
      return apply(valueOf, receiver, []);
    } catch {
      throw new TypeErrorCtor(`Number.prototype.${method} requires that 'this' be a Number`);
    }
  }
  const finite = (x) => x === x && x !== Infinity && x !== -Infinity;

  const methods = {
    toString(radix) {
      const x = thisNumber(this, 'toString');
      if (radix === undefined) return shortest(x);
      let r = +radix;
      r = r !== r ? 0 : trunc(r);
      if (r < 2 || r > 36) {
        throw new RangeErrorCtor('toString() radix argument must be between 2 and 36');
      }
      if (r === 10 || !finite(x)) return shortest(x);
      return radixString(x, r);
    },
    toFixed(fractionDigits) {
      const text = apply(toFixed, this, [fractionDigits]);
      const x = thisNumber(this, 'toFixed');
      return finite(x) && (x >= 1e21 || x <= -1e21) ? shortest(x) : text;
    },
    toExponential(fractionDigits) {
      const text = apply(toExponential, this, [fractionDigits]);
      const x = thisNumber(this, 'toExponential');
      return fractionDigits === undefined && finite(x) ? exponentialShortest(x) : text;
    },
    toPrecision(precision) {
      const text = apply(toPrecision, this, [precision]);
      return precision === undefined ? shortest(thisNumber(this, 'toPrecision')) : text;
    },
  };
  for (const name of ['toString', 'toFixed', 'toExponential', 'toPrecision']) {
    Object.defineProperty(proto, name, {
      value: methods[name], writable: true, enumerable: false, configurable: true,
    });
  }
})
