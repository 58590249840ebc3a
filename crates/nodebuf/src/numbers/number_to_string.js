// Number.prototype.toString with V8's receiver check, radix conversion and texts; the digits
// for radix != 10 come from the native `radixString` (V8's algorithm). Written in JS so that
// the originals it keeps are held where the engine's GC sees them. Evaluated once per context.
(function installNumberToString(radixString) {
  'use strict';
  const proto = Number.prototype;
  const originalToString = proto.toString;
  const numberValueOf = proto.valueOf;
  const apply = Reflect.apply;
  const trunc = Math.trunc;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const methods = {
    toString(radix) {
      let x = this;
      if (typeof x !== 'number') {
        try {
          x = apply(numberValueOf, x, []);
        } catch {
          throw new TypeErrorCtor("Number.prototype.toString requires that 'this' be a Number");
        }
      }
      if (radix === undefined) return apply(originalToString, x, []);
      let r = +radix;
      r = r !== r ? 0 : trunc(r);
      if (r < 2 || r > 36) {
        throw new RangeErrorCtor('toString() radix argument must be between 2 and 36');
      }
      if (r === 10 || x !== x || x === Infinity || x === -Infinity) {
        return apply(originalToString, x, []);
      }
      return radixString(x, r);
    },
  };
  Object.defineProperty(proto, 'toString', {
    value: methods.toString, writable: true, enumerable: false, configurable: true,
  });
})
