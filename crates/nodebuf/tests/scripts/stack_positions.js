// Where V8 places calls, constructor calls, property reads and stores in stack frames and
// errors (each case prints the line:column its frame or error points at), and how it prints
// whole frames: receivers' type names, `[as key]`, `new`, accessors, static methods, builtins
// as `(<anonymous>)`, no frame for Function.prototype.call/apply or Reflect.apply.
'use strict';
function frameAt(depth) {
  const line = new Error('x').stack.split('\n')[depth];
  return line.slice(line.lastIndexOf(':', line.lastIndexOf(':') - 1) + 1).replace(')', '');
}
// Where the call of `here` (or of the function calling `here3`) is placed.
function here() { return frameAt(3); }
function here3() { return frameAt(4); }
function failAt(f) {
  try { f(); } catch (e) { const line = e.stack.split('\n')[1]; return `${e.constructor.name} ${line.slice(line.lastIndexOf(':', line.lastIndexOf(':') - 1) + 1).replace(')', '')}`; }
  return 'no error';
}
const o = { m: here, n: { k: here }, h() { return here; }, arr: [here], get g() { return here3(); } };
function tag() { return here3(); }
class K {
  constructor() { this.at = here(); }
  method() { return here(); }
  static s() { return here(); }
}
class Sub extends K {
  constructor() { super(); this.sub = here(); }
  method() { return super.method(); }
}
const cases = {
  plain: () => here(   ),
  member: () => o.m(   ),
  deep: () => o.n.k(   ),
  computed: () => o['m'](   ),
  index: () => o.arr[0](   ),
  spaced: () => o  .  m  (  ),
  chained: () => o.h()(   ),
  parens: () => (0, here)(   ),
  optional: () => o?.m(   ),
  optionalCall: () => o.m?.(   ),
  tagged: () => tag`  x`,
  nested: () => [here(o.m()), o.m(here())].join(' '),
  multiline: () => here(
    1,
    2),
  spread: () => here(...[2]),
  spreadMember: () => o.m(...[2]),
  newPlain: () => new K().at,
  newMember: () => new (class { constructor() { this.at = here(); } })().at,
  newNoParens: () => { const C = function () { this.at = here(); }; return new C; },
  superCall: () => new Sub().sub,
  superMethod: () => new Sub().method(),
  staticMethod: () => K.s(),
  getter: () => o.g,
  callback: () => [1].map(() => here3())[0],
  ternary: () => (true ? o.m : null)(),
  readUndefined: () => failAt(() => o.missing.x),
  readDeep: () => failAt(() => o.n.missing.x.y),
  readIndex: () => failAt(() => o['missing']['x']),
  readNull: () => failAt(() => null.x),
  callMissing: () => failAt(() => o.missing()),
  callMissingDeep: () => failAt(() => o.n.missing(1, 2)),
  callNonFunction: () => failAt(() => (1)()),
  storeUndefined: () => failAt(() => { o.missing.x = 1; }),
  storeIndex: () => failAt(() => { o.missing[0] = 1; }),
  constAssign: () => failAt(() => { const c = 1; c = 2; }),
  newNonConstructor: () => failAt(() => new o.m.call()),
  throwNew: () => failAt(() => { throw new TypeError('t'); }),
};
for (const [name, run] of Object.entries(cases)) console.log(name, run());

// Whole frames, as V8 prints them, down to this module's own frame (the loader's frames below
// it are each runtime's own).
function userFrames(error) {
  const lines = error.stack.split('\n');
  const end = lines.findIndex((line) => line.includes('Object.<anonymous>'));
  return lines.slice(0, end + 1).join('\n');
}
function framesOf(f) {
  try { f(); } catch (e) { return userFrames(e); }
  return 'no error';
}
class Shape {
  area() { throw new Error('area'); }
  static make() { return new Shape().area(); }
  get size() { throw new RangeError('size'); }
}
class Square extends Shape {}
const shapes = { build: Shape.make, alias: function named() { throw new Error('named'); } };
const frames = {
  builtinCallback: () => [1].map(() => { throw new Error('in map'); }),
  jsonParse: () => JSON.parse('{'),
  method: () => new Shape().area(),
  inherited: () => new Square().area(),
  staticMethod: () => Shape.make(),
  getter: () => new Square().size,
  aliased: () => shapes.alias(),
  throughCall: () => shapes.alias.call(shapes),
  throughApply: () => Reflect.apply(shapes.alias, shapes, []),
  constructor: () => new (class Boom { constructor() { throw new Error('boom'); } })(),
  anonymousMethod: () => ({ run: () => { throw new Error('arrow'); } }).run(),
  sortComparator: () => [2, 1].sort(() => { throw new Error('cmp'); }),
};
for (const [name, run] of Object.entries(frames)) console.log(`--- ${name}\n${framesOf(run)}`);

// Names V8 infers for anonymous functions assigned to properties (their `name` stays '').
const frameName = () => new Error().stack.split('\n')[2].trim().replace(/ \(.*/, '');
const lib = { nested: {} };
lib.plain = function () { return frameName(); };
lib.nested.deep = function () { return frameName(); };
lib['quoted'] = function () { return frameName(); };
lib.arrow = () => frameName();
function Proto() {}
Proto.prototype.method = function () { return frameName(); };
function Owner() { this.own = function () { return frameName(); }; }
const chained = lib.chain = function () { return frameName(); };
module.exports.exported = function () { return frameName(); };
lib.named = function explicit() { return frameName(); };
console.log(lib.plain(), JSON.stringify(lib.plain.name), lib.nested.deep(), lib.quoted(), lib.arrow(),
  new Proto().method(), new Owner().own(), chained(), module.exports.exported(), lib.named());
