// Which of a script's replacements of Function.prototype.apply/call, Array.prototype.slice and
// the array iterator EventEmitter's emit and once wrappers call (Node: apply for each listener,
// call for a once listener given no arguments, never slice or the iterator). path.resolve takes
// the working directory from process.cwd() (a replacement is used, as in Node), which follows
// chdir.
'use strict';
const EventEmitter = require('events');
const path = require('path');

const e = new EventEmitter();
const seen = [];
e.on('x', (a, b) => seen.push(`one ${a} ${b}`));
e.on('x', function (a) { seen.push(`two ${a} ${this === e}`); });
e.once('x', (a) => seen.push(`once ${a}`));
e.on('y', (a, b, c) => seen.push(`y ${a} ${b} ${c}`));

e.once('q', function () { seen.push(`q ${arguments.length}`); });

const saved = {
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  slice: Array.prototype.slice,
  iterator: Array.prototype[Symbol.iterator],
};
const called = [];
Function.prototype.apply = function apply(thisArg, args) {
  called.push('apply');
  return Reflect.apply(this, thisArg, args);
};
Function.prototype.call = function call(thisArg, ...args) {
  called.push('call');
  return Reflect.apply(this, thisArg, args);
};
Array.prototype.slice = function slice() {
  called.push('slice');
  return Reflect.apply(saved.slice, this, arguments);
};
Array.prototype[Symbol.iterator] = function iterator() {
  called.push('iterator');
  return Reflect.apply(saved.iterator, this, []);
};
let results;
try {
  results = [e.emit('x', 1, 2), e.emit('x', 3), e.emit('y', 'a', 'b', 'c'), e.emit('z'), e.emit('q')];
} finally {
  Function.prototype.call = saved.call;
  Function.prototype.apply = saved.apply;
  Array.prototype.slice = saved.slice;
  Array.prototype[Symbol.iterator] = saved.iterator;
}
console.log(seen.join('\n'));
console.log(results.join(), 'replacements called:', called.join());

// A listener added or removed while an emit runs changes only the next emit.
const f = new EventEmitter();
const order = [];
const late = () => order.push('late');
f.on('e', () => { order.push('first'); f.on('e', late); });
f.on('e', () => { order.push('second'); f.removeAllListeners('e'); });
f.on('e', () => order.push('third'));
f.emit('e');
f.emit('e');
console.log(order.join());

// A listener returning a rejected promise, with captureRejections.
const g = new EventEmitter({ captureRejections: true });
g.on('e', async () => { throw new Error('rejected'); });
g.on('error', (err) => console.log('captured', err.message));
g.emit('e');

const realCwd = process.cwd;
const start = realCwd();
process.cwd = () => '/replaced/cwd';
console.log(path.resolve('a', 'b'), path.relative('x', 'y'));
process.cwd = realCwd;
process.chdir('/tmp');
console.log(process.cwd(), path.resolve('c'));
process.chdir(start);
console.log(process.cwd() === start, path.resolve('d') === `${start}/d`);
