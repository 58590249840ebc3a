// REPLServer#complete(line, callback): dot commands, builtin module names in require(), member
// completion (own names, then each prototype's, farthest group first, '' between groups),
// case-insensitive prefixes, keywords with a prefix, lines that complete nothing, and a custom
// completer.
const repl = require('repl');
const { PassThrough } = require('stream');

const r = repl.start({ input: new PassThrough(), output: new PassThrough(), terminal: false });
r.context.myObj = { alpha: 1, beta: 2, alp: 3, 'not-id': 4 };
r.context.Mixed = { Apple: 1, apricot: 2 };
class Base { baseMethod() {} }
class Derived extends Base { derivedMethod() {} }
r.context.inst = new Derived();
r.context.inst.own = 1;
const lines = ['myObj.al', 'myObj.', 'myObj.z', '.b', '.', '.e', 'myO', "require('pa", "require(\"node:fs",
  "require('fs/", '[1].fil', '"x".toUpp', 'zzz.', 'nothing', 'myObj.alpha.toF', 'let x = myObj.b',
  '1 + ', 'Math.PI.toFi', 'Mixed.ap', 'inst.', 'inst.d', 'typ', 'aw', 'process.ver', 'myObj?.al',
  'Buffer.from', 'JSON.str', 'undefined.', 'null.x'];
let pending = lines.length;
const results = new Map();
for (const line of lines) {
  r.complete(line, (err, value) => {
    results.set(line, [err, value]);
    if (--pending === 0) {
      for (const l of lines) console.log(JSON.stringify(l), JSON.stringify(results.get(l)));
      r.close();
      custom();
    }
  });
}

function custom() {
  const c = repl.start({
    input: new PassThrough(),
    output: new PassThrough(),
    terminal: false,
    completer: (line) => [['one', 'two'].filter((w) => w.startsWith(line)), line],
  });
  c.completer('t', (err, value) => {
    console.log('custom', err, JSON.stringify(value));
    c.close();
  });
}
