// The console objects' own properties as Node lists them (methods in its order, bound and named,
// state not enumerable), Console.prototype's order, and the global console's extras.
console.log(Object.keys(console).join());
console.log(Object.getOwnPropertyNames(console).filter((k) => !k.startsWith('_')).join());
const { Console } = require('console');
const c = new Console(process.stdout);
console.log(Object.keys(c).join());
console.log(Object.getOwnPropertyNames(Console.prototype).join());
console.log(console.log.name, console.log.length, typeof console._stdout, Object.getOwnPropertyDescriptor(console, '_stdout').enumerable);
console.profile('x'); console.profileEnd('x'); console.timeStamp('x'); console.clear();
try { console.createTask(); } catch (e) { console.log(e.name, e.message); }
console.log(console.createTask('t').run(() => 42));
console.count(); console.count(); console.countReset(); console.count('a');
console.group('g'); console.log('in'); console.groupEnd(); console.log('out');
console.log(console.context('x').log === console.log, typeof console.context('x').log);
