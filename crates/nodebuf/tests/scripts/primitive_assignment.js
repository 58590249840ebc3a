// Assignments to properties of primitives: V8's texts in strict code ("Cannot create property
// 'x' on number '5'", "Cannot assign to read only property '1' of string 'abc'"), silence in
// sloppy code, false from Reflect.set.
'use strict';
const sym = Symbol('s');
const receivers = ['abc', '', 5, -0, 1.5, NaN, true, sym, 10n, 2n ** 70n];
const keys = ['0', '1', '5', 'length', 'foo', '-1', '1.5', sym, 'toString'];
for (const r of receivers) {
  for (const k of keys) {
    let out;
    try {
      r[k] = 1;
      out = 'ok';
    } catch (e) {
      out = `${e.name}: ${e.message}`;
    }
    const sloppy = Function('r', 'k', 'r[k] = 1; return "ok";');
    console.log(typeof r, String(k), out, sloppy(r, k), Reflect.set(Object(r), k, 1, r));
  }
}
