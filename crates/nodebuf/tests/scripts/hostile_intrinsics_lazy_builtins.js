// Intrinsics a script replaces before the first stack is formatted or the first builtin is loaded
// lazily (internal/call_site, internal/messaging, url): stacks, CallSite methods, engine messages
// and lazily loaded builtins work as in node.
'use strict';
// Replace intrinsics before the first stack is formatted (internal/call_site loads lazily now).
const saved = { gp: Object.getPrototypeOf, gopd: Object.getOwnPropertyDescriptor, call: Function.prototype.call, apply: Function.prototype.apply };
Object.getPrototypeOf = () => { throw new Error('tampered gp'); };
Object.getOwnPropertyDescriptor = () => { throw new Error('tampered gopd'); };
Map.prototype.get = () => { throw new Error('tampered map'); };
function f() { return new Error('x'); }
const e = f();
Object.getPrototypeOf = saved.gp;
Object.getOwnPropertyDescriptor = saved.gopd;
console.log(e.stack.split('\n').slice(0, 2).join('|'));
Error.prepareStackTrace = (err, sites) => sites.filter((s) => s.getFileName() === __filename).map((s) => `${s.getFunctionName()}:${s.getTypeName()}:${s.isToplevel()}`).join(',');
console.log(f().stack);
delete Error.prepareStackTrace;
try { null.x; } catch (err) { console.log(err.message); }
console.log(new URL('http://a/b').href, typeof structuredClone({ a: 1 }));
