// Number.prototype.toString with V8's texts: the receiver checked as V8 does, then the radix;
// the digits come from native helpers (`native.radix`: V8's radix algorithm, `native.shortest`:
// the shortest round-trip digits). Written in JS so that the original `valueOf` it keeps is held
// where the engine's GC sees it; compiled at build time without its source text (build.rs), so
// `String(Number.prototype.toString)` is `function toString() { [native code] }` as in V8.
// The other formatters (`toFixed`, `toExponential`, `toPrecision`) are the engine's own: with
// engine patch quickjs-0005 they print V8's digits. Evaluated once per context.
(function installNumberPrototype(native) {
  'use strict';
  const proto = Number.prototype;
  const valueOf = proto.valueOf;
  const apply = Reflect.apply;
  const trunc = Math.trunc;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const { radix: radixString, shortest } = native;

  const methods = {
    toString(radix) {
      let x = this;
      if (typeof x !== 'number') {
        try {
          x = apply(valueOf, x, []);
        } catch {
          throw new TypeErrorCtor("Number.prototype.toString requires that 'this' be a Number");
        }
      }
      if (radix === undefined) return shortest(x);
      let r = +radix;
      r = r !== r ? 0 : trunc(r);
      if (r < 2 || r > 36) {
        throw new RangeErrorCtor('toString() radix argument must be between 2 and 36');
      }
      if (r === 10 || x !== x || x === Infinity || x === -Infinity) return shortest(x);
      return radixString(x, r);
    },
  };
  Object.defineProperty(proto, 'toString', {
    value: methods.toString, writable: true, enumerable: false, configurable: true,
  });
})
