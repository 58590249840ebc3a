// Reads and writes under symbol keys (`obj[sym]`, `obj[sym] |= bit`): own data properties take the
// engine's short path (engine patch 0056); accessors, inherited properties, read-only and frozen
// properties, Proxies, typed arrays, functions, arrays and missing keys keep every rule.
// Seeded (NODEBUF_SEED): random operations on a few objects are logged and compared.
'use strict';
const log = [];
const sym = Symbol('s');
const other = Symbol.for('registered');

const plain = { [sym]: 1 };
plain[sym] |= 6;
plain[sym] += 1;
log.push(['plain', plain[sym], plain[other]]);

const proto = { [sym]: 'inherited' };
const child = Object.create(proto);
log.push(['inherited', child[sym], Object.hasOwn(child, sym)]);
child[sym] = 'own';
log.push(['shadowed', child[sym], proto[sym]]);

let gets = 0;
let sets = 0;
const accessor = {
  get [sym]() { gets++; return 10; },
  set [sym](v) { sets++; this.seen = v; },
};
accessor[sym] |= 1;
log.push(['accessor', accessor[sym], accessor.seen, gets, sets]);

const readOnly = Object.defineProperty({}, sym, { value: 1, writable: false, configurable: true });
try { readOnly[sym] = 2; } catch (e) { log.push(['read-only strict', e.constructor.name, e.message]); }
log.push(['read-only', readOnly[sym]]);
const frozen = Object.freeze({ [sym]: 3 });
try { frozen[sym] = 4; } catch (e) { log.push(['frozen', e.constructor.name, e.message]); }
const sealed = Object.seal({ [sym]: 3 });
sealed[sym] = 5;
log.push(['sealed', sealed[sym]]);

const trapped = [];
const proxy = new Proxy({ [sym]: 'target' }, {
  get(t, k, r) { trapped.push(['get', String(k)]); return Reflect.get(t, k, r); },
  set(t, k, v, r) { trapped.push(['set', String(k), v]); return Reflect.set(t, k, v, r); },
});
proxy[sym] = 'via proxy';
log.push(['proxy', proxy[sym], trapped]);

const ta = new Uint8Array(4);
ta[sym] = 'on a typed array';
log.push(['typed array', ta[sym], ta.length]);
const fn = function f() {};
fn[sym] = 1;
fn[sym] <<= 3;
log.push(['function', fn[sym]]);
const arr = [1, 2];
arr[sym] = 'on an array';
arr[sym] += '!';
log.push(['array', arr[sym], arr.length]);
log.push(['missing', ({})[sym], (() => { try { return null[sym]; } catch (e) { return e.message; } })()]);
const str = new String('abc');
str[sym] = 'boxed';
log.push(['boxed string', str[sym]]);
const err = new Error('e');
err[sym] = 1;
log.push(['error', err[sym], typeof err.stack]);

// A getter that replaces the property it was found under.
const swap = {};
Object.defineProperty(swap, sym, {
  configurable: true,
  get() { Object.defineProperty(this, sym, { value: 'replaced', writable: true, configurable: true }); return 'first'; },
});
log.push(['self-replacing getter', swap[sym], swap[sym]]);

// Messages name a symbol key as V8 does (`Symbol(description)`).
for (const s of [Symbol(), Symbol(''), Symbol.for('g'), Symbol('a b')]) {
  try { null[s]; } catch (e) { log.push(['message', e.message]); }
  try { undefined[s] = 1; } catch (e) { log.push(['message', e.message]); }
  try { Object.defineProperty(Object.freeze({ [s]: 1 }), s, { value: 2 }); } catch (e) { log.push(['message', e.message]); }
}

// A missing iterator on null or undefined: V8 says the value is not iterable.
for (const v of [null, undefined]) {
  try { v[Symbol.iterator]; } catch (e) { log.push(['iterator', e.message]); }
  try { v[Symbol.asyncIterator]; } catch (e) { log.push(['async iterator', e.message]); }
  try { const k = Symbol.iterator; v[k](); } catch (e) { log.push(['iterator call', e.message]); }
  try { for (const x of v); } catch (e) { log.push(['for of', e.message]); }
}

// Seeded operations.
const { int: rand } = require('./_seeded').seeded(7);
const keys = [Symbol('a'), Symbol('b'), Symbol.iterator, other];
const objects = [{}, [], Object.create(null), new Map(), function g() {}];
const trace = [];
for (let step = 0; step < 400; step++) {
  const o = objects[rand(objects.length)];
  const k = keys[rand(keys.length)];
  const which = rand(7);
  try {
    if (which === 0) o[k] = step;
    else if (which === 1) o[k] |= 1 << rand(8);
    else if (which === 2) trace.push(typeof o[k] === 'function' ? 'fn' : o[k]);
    else if (which === 3) delete o[k];
    else if (which === 4) Object.defineProperty(o, k, { value: step, writable: rand(2) === 0, configurable: true });
    else if (which === 5) Object.defineProperty(o, k, { get() { return `g${step}`; }, configurable: true });
    else Object.freeze(o);
  } catch (e) {
    trace.push(e.constructor.name);
  }
}
log.push(['seeded', trace.join(' ')]);
console.log(JSON.stringify(log, null, 1));
