// flags: --pending-deprecation
// process.env as Node's host object: values stored as strings (a Symbol refused), definitions
// only as plain data, Symbol keys reading nothing, DEP0104 under --pending-deprecation, and no
// Proxy visible to util.types.isProxy, inspect or structuredClone.
const util = require('util');
const e = process.env; e.A = 42; console.log(typeof e.A, e.A);
e.B = undefined; console.log(e.B, typeof e.B); e.C = null; console.log(e.C);
try { e[Symbol('s')] = 1 } catch (x) { console.log(x.name, x.code, x.message) }
console.log(e[Symbol('s')]);
try { Object.defineProperty(e, 'D', { get() { return 1 } }) } catch (x) { console.log(x.name, x.code, x.message) }
try { Object.defineProperty(e, 'D', { value: 1 }) } catch (x) { console.log(x.name, x.code, x.message) }
Object.defineProperty(e, 'E', { value: 5, writable: true, enumerable: true, configurable: true }); console.log(typeof e.E);
console.log(delete e.A, 'A' in e, delete e.NOPE, Symbol('x') in e);
e.F = { toString() { return 'tos' } }; console.log(e.F);
try { e.G = Symbol('v') } catch (x) { console.log(x.name, x.message) }
console.log(Object.getOwnPropertyDescriptor(e, 'E'), Object.prototype.toString.call(e), typeof e.toString);
const keys = Object.keys(e).filter((k) => ['B', 'C', 'E', 'F'].includes(k));
console.log(keys.join(), util.inspect(Object.fromEntries(keys.map((k) => [k, e[k]]))));
console.log(util.inspect(e).startsWith('{'), JSON.stringify(e).startsWith('{'), util.types.isProxy(e));
console.log(JSON.stringify(structuredClone(process.env)) === JSON.stringify(process.env), require('util').inspect(process.env, { showProxy: true }) === require('util').inspect(process.env))
