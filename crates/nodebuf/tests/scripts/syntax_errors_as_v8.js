// A parse error reads as V8's: its message ("Unexpected token ';'", "Identifier 'a' has
// already been declared", "Cannot use import statement outside a module"...), and where Node
// shows it (a required file, vm.Script, runInThisContext) the head of its stack: `name:line`,
// the source line and `^` under the token the parser stopped at. ES module syntax in a
// CommonJS file also brings Node's warning on how to load an ES module.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');

const snippets = [
  'let x = ;', 'foo bar', 'var 1a = 2', 'if (x {', 'const a = 1; const a = 2;', "'unterminated",
  'x = {a:1,,}', 'class { }', 'let let = 1', 'a === === b', 'f(...)', 'x = 0x', '`abc', 'enum X {}',
  '  await 1;', 'x = 1;\nfoo bar', 'return 5', 'x = 1 +', 'a = (1, 2', 'var a = 1\nlet a = 2',
  'function f(a) { let a; }', 'let b; { var b; }', 'function g(){} let g;', 'x = {1a: 2}',
  '({a b})', "import fs from 'fs'", 'export const b = 2', 'const x = import.meta.url',
  'new.target', 'for (let i of ) {}', 'a => { return }}', 'switch (x) { case: }',
  'let [a, a] = [];', 'function* g() { yield* }', 'x ? y', 'return 1;\nlet q = ;',
];
// (Known: for `"\u{zz}"`, `1 = 2` and `obj.#priv` the messages are V8's but the carets stand
// where QuickJS's parser stops.)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-syntax-'));
const head = (stack) => stack.split('\n').filter((l) => !l.startsWith('    at ')).join(' | ');
snippets.forEach((source, i) => {
  const out = [];
  // A CommonJS module (a .cjs file: no detection of ES module syntax).
  const file = path.join(dir, `m${i}.cjs`);
  fs.writeFileSync(file, `// line one\n${source}\n`);
  try {
    require(file);
    out.push('required');
  } catch (e) {
    out.push(head(e.stack.split(dir).join('DIR')));
  }
  for (const make of [
    () => new vm.Script(source, { filename: 'v.js' }),
    () => vm.runInThisContext(source),
    () => new Function(source),
  ]) {
    try {
      make();
      out.push('compiled');
    } catch (e) {
      out.push(e instanceof SyntaxError && e.stack.includes('\n\nSyntaxError') ? head(e.stack) : `${e.name}: ${e.message}`);
    }
  }
  console.log(`${JSON.stringify(source)}\n  ${out.join('\n  ')}`);
});
fs.rmSync(dir, { recursive: true });
