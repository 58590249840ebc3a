// RegExp.prototype.test matches without making the match array when `exec` is the intrinsic
// one (engine patch 0059); every observable step stays: the `exec` lookup (getters, Proxies,
// subclasses, own and replaced `exec`), `lastIndex` read (valueOf), written for g/y, reset on
// failure, the legacy statics (RegExp.$1, lastMatch, leftContext...), and errors.
'use strict';
const log = [];
const note = (label, value) => log.push(`${label}: ${JSON.stringify(value)}`);

const re = /(\d+)-(\w+)/;
note('plain', [re.test('x 12-ab y'), RegExp.$1, RegExp.$2, RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, re.lastIndex]);
note('miss keeps statics', [re.test('none'), RegExp.$1]);

const g = /a/g;
note('global', [g.test('aXa'), g.lastIndex, g.test('aXa'), g.lastIndex, g.test('aXa'), g.lastIndex]);
const y = /a/y;
y.lastIndex = 1;
note('sticky', [y.test('ba'), y.lastIndex, y.test('ba'), y.lastIndex]);

let reads = 0;
const counted = /b/g;
counted.lastIndex = { valueOf() { reads++; return 1; } };
note('lastIndex valueOf', [counted.test('abb'), counted.lastIndex, reads]);
const nonGlobal = /b/;
nonGlobal.lastIndex = { valueOf() { reads++; return 5; } };
note('lastIndex read without g', [nonGlobal.test('abb'), reads]);

const own = /z/;
let execCalls = 0;
own.exec = function (s) { execCalls++; return s === 'yes' ? [s] : null; };
note('own exec', [own.test('yes'), own.test('z'), execCalls]);

class Sub extends RegExp {
  exec(s) { execCalls++; return super.exec(s); }
}
note('subclass exec', [new Sub('q').test('aq'), execCalls]);

let lookups = 0;
const viaGetter = /k/;
Object.defineProperty(viaGetter, 'exec', { get() { lookups++; return RegExp.prototype.exec; } });
note('exec getter', [viaGetter.test('k'), viaGetter.test('x'), lookups]);

const proxied = new Proxy(/p/, { get(target, key) { log.push(`trap ${String(key)}`); return Reflect.get(target, key); } });
try { note('proxy', RegExp.prototype.test.call(proxied, 'p')); } catch (e) { note('proxy threw', e.name); }

const bad = /x/;
bad.exec = () => 42;
try { bad.test('x'); } catch (e) { note('bad exec', [e.name, e.message]); }
try { RegExp.prototype.test.call({ exec: () => ({}) }, 's'); note('plain object with exec', 'ok'); } catch (e) { note('plain object threw', e.message); }
try { RegExp.prototype.test.call({}, 's'); } catch (e) { note('no exec', [e.name]); }
try { RegExp.prototype.test.call(1, 's'); } catch (e) { note('primitive', [e.name]); }

const saved = RegExp.prototype.exec;
let replaced = 0;
RegExp.prototype.exec = function (s) { replaced++; return saved.call(this, s); };
note('replaced intrinsic', [/r/.test('r'), replaced]);
RegExp.prototype.exec = saved;
note('restored', [/r/.test('r'), replaced]);

note('coerced subject', [/^12$/.test({ toString() { return '12'; } }), /^undefined$/.test()]);
note('unicode', [/\u{1F600}/u.test('x😀'), /^.$/u.test('😀'), /^.$/.test('😀')]);
console.log(log.join('\n'));
