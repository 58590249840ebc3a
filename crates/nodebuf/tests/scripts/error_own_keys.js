// Own keys of errors and error prototypes, as V8 lays them out: `stack` first (an own data
// property), then `message`, `cause`, `errors`...; the prototypes start with `constructor`.
// Also what scripts do with them: serializing with getOwnPropertyNames, deleting or replacing
// `stack`, Error.captureStackTrace on errors and plain objects, errors thrown by the engine.
'use strict';
const keys = (o) => Object.getOwnPropertyNames(o);
const shape = (d) => (d === undefined ? 'none' : Object.keys(d).join(',') + ` e=${d.enumerable}`);
const errors = [
  new Error('m'), new TypeError('t'), new RangeError(), new Error('c', { cause: 0 }),
  new AggregateError([1], 'a'), new SyntaxError('s', { cause: undefined }),
];
try { null.x; } catch (e) { errors.push(e); }
try { undefinedName; } catch (e) { errors.push(e); }
try { JSON.parse('{'); } catch (e) { errors.push(e); }
try { new Uint8Array(-1); } catch (e) { errors.push(e); }
class MyError extends Error { constructor() { super('mine'); this.extra = 1; } }
errors.push(new MyError());
for (const e of errors) console.log(e.name, keys(e), shape(Object.getOwnPropertyDescriptor(e, 'stack')));
for (const E of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError]) {
  console.log(E.name, keys(E.prototype), Object.getOwnPropertyDescriptor(E.prototype, 'constructor').value === E);
}
console.log('stack' in Error.prototype, Object.getOwnPropertyDescriptor(Error.prototype, 'stack'));
const e = new Error('z');
const json = JSON.parse(JSON.stringify(e, keys(e)));
console.log(Object.keys(json), json.stack.split('\n')[0]);
delete e.stack;
console.log(e.stack, keys(e));
e.stack = 42;
console.log(e.stack, keys(e));
const o = { a: 1 };
Error.captureStackTrace(o);
console.log(keys(o), o.stack.split('\n')[0]);
const e2 = new Error('again');
Error.captureStackTrace(e2);
console.log(keys(e2), e2.stack.split('\n')[0]);
Promise.any([Promise.reject(1)]).catch((err) => console.log(err.name, keys(err), err.stack.split('\n')[0]));
