const util = require('util');
function foo() {}
const anon = (() => () => {})();
class A {}
class B extends A {}
const C = class {};
console.log(foo, anon, A, B, C, class {}, Math.max, async function af() {}, function* gen() {}, async function* ag() {});
foo.prop = 1;
console.log(foo, [foo], { foo });
const bound = foo.bind(null);
console.log(bound);
console.log(Object.setPrototypeOf(function np() {}, null));
console.log(util.inspect(A, { showHidden: false }), typeof A);
console.log({ method() {}, arrow: () => {}, [Symbol('s')]: function () {} });
class WithStatic { static x = 1; }
console.log(WithStatic);
console.log(Symbol, Object, Array, Map, Promise);
