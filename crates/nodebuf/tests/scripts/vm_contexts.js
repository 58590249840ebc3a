// A vm context keeps its state across runs as in Node: functions, `var`/`let`/`const` and the
// context's own intrinsics persist; the contextified object shows the globals the code made,
// and what is set on the object is seen by the next run.
'use strict';
const vm = require('vm');

const c = vm.createContext({ a: 1 });
vm.runInContext('var x = 1; function f() { return x + a; } let hidden = "lexical"; const k = 2;', c);
console.log(vm.runInContext('x = 2; f()', c), c.x, typeof c.f, c.f(), 'hidden' in c, 'k' in c);
console.log(vm.runInContext('hidden + k', c));
c.a = 10;
console.log(vm.runInContext('f()', c), c.f());
console.log(vm.runInContext('Object', c) === vm.runInContext('Object', c), vm.runInContext('Object', c) === Object);
vm.runInContext('var arr = [1, 2]', c);
console.log(c.arr instanceof Array, Array.isArray(c.arr), vm.runInContext('arr instanceof Array', c));
console.log(vm.isContext(c), Object.keys(c).sort());
const g = vm.runInContext('var later = () => typeof late; later', c);
vm.runInContext('var late = 1', c);
console.log(g());

// runInNewContext makes its object a context; later runs see what the first defined.
const sandbox = { n: 1 };
vm.runInNewContext('n += 1; var made = "yes"; function inc() { n++; return n; }', sandbox);
console.log(vm.isContext(sandbox), sandbox.n, sandbox.made, vm.runInContext('inc()', sandbox), sandbox.n);

// Each context is its own realm.
const other = vm.createContext();
console.log(vm.runInContext('Object', other) === vm.runInContext('Object', c));
console.log(vm.runInContext('typeof x', other), vm.runInContext('this.constructor.name', other));
// A property deleted from the object stays on the context's global (V8's behaviour).
vm.runInContext('var gone = 1; this.p = 2', other);
delete other.gone;
delete other.p;
console.log(vm.runInContext('[typeof gone, typeof p]', other), 'gone' in other);
// Errors from a context: its own Error, Node's stack format.
const e = vm.runInContext('try { null.p } catch (err) { err }', other);
console.log(e instanceof TypeError, e.name, e.message, e.stack.split('\n')[1]);
console.log(vm.runInContext('new Error("in context")', other).stack.split('\n').slice(0, 2));
// Many contexts in a loop are released with their objects.
let total = 0;
for (let i = 0; i < 300; i++) total += vm.runInNewContext('v * 2', { v: i });
console.log(total);
