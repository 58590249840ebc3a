const util = require('util');
console.log(new Error('plain'));
console.log(new TypeError('type'), new RangeError('range'));
const e = new Error('with props');
e.code = 'ERR_SOMETHING';
e.extra = { nested: true };
console.log(e);
console.log([new Error('in array')]);
console.log({ err: new Error('in object') });
class MyError extends Error {}
console.log(new MyError('mine'));
class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
console.log(new NamedError('named'));
const noStack = new Error('no stack');
noStack.stack = undefined;
console.log(noStack);
const shortStack = new Error('short');
shortStack.stack = 'Error: short';
console.log(shortStack, [shortStack]);

console.log(new Error('cause primitive', { cause: 42 }));
const named = new Error('msg');
named.name = 'CustomName';
console.log(named);
console.log(util.inspect(new Error('x')).split('\n')[0]);
console.log(String(new RangeError('r')), `${new Error('tmpl')}`);
console.log(Object.keys(new Error('k')), Object.getOwnPropertyNames(new Error('k')).includes('message'));
const agg = new AggregateError([new Error('a1')], 'agg');
console.log(agg.message, agg.errors.length, agg.name);
try { null.x; } catch (err) { console.log(err.message); }
try { undefined.y = 1; } catch (err) { console.log(err.message); }
try { JSON.parse('{bad'); } catch (err) { console.log(err.name, err.message); }
try { nope; } catch (err) { console.log(err.name, err.message); }
try { (function f() { f(); })(); } catch (err) { console.log(err.name, err.message); }
try { new Array(-1); } catch (err) { console.log(err.name, err.message); }
try { 1n + 1; } catch (err) { console.log(err.name, err.message); }
