// What node prints for a value thrown by `-e` code or code read from stdin and not caught: a
// thrown object that is no error shows as an error does (the source line and caret, a blank
// line, then the object inspected), unlike in a file; primitives and errors as in a file.
'use strict';
const { spawnSync } = require('child_process');

const thrown = ["{ a: 1, b: 'x' }", '[1, [2]]', 'Object.create(null)', '5', "'text'", 'null',
  "new TypeError('t')", "Object.assign(new Error('e'), { code: 'E_X' })", '{ stack: 12 }',
  "new Proxy({}, {})", 'function f() {}', 'Symbol("s")'];
const lines = (text) => text.split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
for (const value of thrown) {
  const code = `throw ${value}`;
  const viaE = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const viaStdin = spawnSync(process.execPath, [], { input: code, encoding: 'utf8' });
  console.log(`== -e ${code} (exit ${viaE.status})\n${lines(viaE.stderr)}`);
  console.log(`== stdin ${code} (exit ${viaStdin.status})\n${lines(viaStdin.stderr)}`);
}
