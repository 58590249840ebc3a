// Headers as Node v20's fetch has them: validation messages, normalization, the sorted live
// iteration with set-cookie lines apart, getSetCookie, guards, inspect; then seeded random
// sequences of operations whose every result is printed.
'use strict';
const util = require('util');

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message));
  }
}

attempt('pairs', () => new Headers([['b', '1'], ['A', '2'], ['a', '3']]));
attempt('record', () => new Headers({ b: 1, a: { toString() { return 'z'; } } }));
attempt('from headers', () => new Headers(new Headers({ x: '1' })));
attempt('from map', () => new Headers(new Map([['m', 'v']])));
attempt('short pair', () => new Headers([['a']]));
attempt('long pair', () => new Headers([['a', 'b', 'c']]));
attempt('pair not iterable', () => new Headers([5]));
attempt('string pair', () => new Headers(['ab']));
attempt('number init', () => new Headers(5));
attempt('null init', () => new Headers(null));
attempt('string init', () => new Headers('abc'));
attempt('symbol key', () => new Headers({ [Symbol('s')]: 1 }));
attempt('bad name', () => new Headers({ 'a b': '1' }));
attempt('empty name', () => new Headers({ '': '1' }));
attempt('bad value', () => new Headers({ a: 'x\ny' }));
attempt('nul value', () => new Headers({ a: 'x\0y' }));
attempt('wide value', () => new Headers({ a: '\u0100' }));
attempt('wide name', () => new Headers({ '\u0100': 'x' }));
attempt('trimmed', () => new Headers({ a: ' \t x y \t\n' }).get('a'));
attempt('latin1 value', () => new Headers({ a: '\x01\x7f\xff' }).get('a'));
attempt('append arity', () => new Headers().append('a'));
attempt('append none', () => new Headers().append());
attempt('get arity', () => new Headers().get());
for (const m of ['get', 'has', 'delete']) attempt(`${m} bad name`, () => new Headers()[m]('a b'));
attempt('set bad name', () => new Headers().set('a b', '1'));
attempt('set bad value', () => new Headers().set('a', 'a\rb'));
attempt('illegal this', () => Headers.prototype.get.call({}, 'a'));
attempt('forEach non-function', () => new Headers().forEach(5));
attempt('iterator next this', () => Object.getPrototypeOf(new Headers().keys()).next.call({}));

const h = new Headers();
h.append('Set-Cookie', 'a=1');
h.append('set-cookie', 'b=2');
h.append('X-Multi', '1');
h.append('x-multi', '2');
h.append('cookie', 'c1');
h.append('Cookie', 'c2');
h.append('b', 'B');
console.log(h);
console.log([...h], [...h.keys()], [...h.values()]);
console.log(h.get('set-cookie'), h.getSetCookie(), h.get('x-multi'), h.get('cookie'), h.get('missing'));
h.set('SET-COOKIE', 'only');
console.log(h.getSetCookie(), [...h]);
h.delete('set-cookie');
console.log(h.getSetCookie(), h.has('Set-Cookie'), h);

const live = new Headers({ b: '1', a: '2' });
const it = live.entries();
console.log(it.next());
live.append('c', '3');
live.append('0', 'zero');
console.log(it.next(), it.next(), it.next());
const seen = [];
live.forEach(function each(value, key, object) { seen.push([value, key, object === live, String(this)]); }, 'T');
console.log(seen);

console.log(Object.prototype.toString.call(h), String(h), h.keys()[Symbol.toStringTag]);
console.log(util.inspect(new Headers({ a: '1' }).entries()), util.inspect(new Headers({ a: '1' }), { depth: -1 }));
console.log(util.inspect([new Headers({ a: '1' })], { depth: 0 }));
console.log(Object.keys(new Headers({ a: '1' })), Object.getOwnPropertySymbols(new Headers()).length);
console.log(Headers.prototype[Symbol.iterator] === Headers.prototype.entries);
console.log(Response.error().headers);
attempt('immutable set', () => Response.error().headers.set('a', '1'));
attempt('immutable append', () => Response.error().headers.append('a', '1'));
attempt('immutable delete', () => Response.error().headers.delete('a'));
attempt('redirect headers', () => Response.redirect('http://a.test/x').headers.set('a', '1'));

// Seeded random operation sequences: names from a small pool in random case, values with
// surrounding whitespace, invalid characters now and then.
let seed = Number(process.env.NODEBUF_SEED || 4242) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const names = ['a', 'B', 'set-cookie', 'Cookie', 'x-y', 'content-type', 'Z9', 'a b', '', 'é', 'accept'];
const pieces = ['v', ' w ', '\t', '1, 2', 'x;y', '\n', '\r', '\0', 'ÿ', 'é', '"q"', 'Ā'];
function randCase(s) {
  return [...s].map((c) => (rand(2) ? c.toUpperCase() : c.toLowerCase())).join('');
}
function randValue() {
  let v = '';
  for (let i = rand(4); i >= 0; i--) v += pieces[rand(pieces.length)];
  return v;
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 300);
const target = new Headers();
for (let i = 0; i < cases; i++) {
  const name = randCase(names[rand(names.length)]);
  const op = ['append', 'set', 'delete', 'get', 'has', 'getSetCookie', 'entries'][rand(7)];
  attempt(`${i} ${op} ${JSON.stringify(name)}`, () => {
    switch (op) {
      case 'append': return target.append(name, randValue());
      case 'set': return target.set(name, randValue());
      case 'delete': return target.delete(name);
      case 'get': return target.get(name);
      case 'has': return target.has(name);
      case 'getSetCookie': return target.getSetCookie();
      default: return JSON.stringify([...target]);
    }
  });
}
console.log(target);
