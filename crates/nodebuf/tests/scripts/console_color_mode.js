// Console's colorMode and inspectOptions as Node's: 'auto' colours a terminal only (the
// streams here are not terminals, so given inspect options get `colors: undefined`), true
// colours any stream, false none; a bad colorMode, or colorMode with inspectOptions.colors,
// throws Node's errors.
'use strict';
const { Console } = require('console');
const { Writable } = require('stream');

function capture() {
  const chunks = [];
  const stream = new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } });
  return { stream, text: () => JSON.stringify(chunks.join('')) };
}
const values = ['s', 1, null, { a: [1, 'x'] }, undefined, 10n, Symbol('q')];
for (const colorMode of [undefined, 'auto', true, false]) {
  const out = capture();
  const err = capture();
  const c = new Console({ stdout: out.stream, stderr: err.stream, colorMode });
  c.log(...values);
  c.error('%o', { e: 1 });
  c.dir({ d: [1] });
  c.warn('w', 2);
  console.log(String(colorMode), out.text(), err.text());
}
const ttyLike = capture();
ttyLike.stream.isTTY = true;
ttyLike.stream.getColorDepth = () => 8;
new Console(ttyLike.stream).log({ tty: 1 });
const twoColours = capture();
twoColours.stream.isTTY = true;
twoColours.stream.getColorDepth = () => 1;
new Console(twoColours.stream).log({ two: 1 });
const noDepth = capture();
noDepth.stream.isTTY = true;
new Console(noDepth.stream).log({ noDepth: 1 });
console.log(ttyLike.text(), twoColours.text(), noDepth.text());

const given = { depth: 0 };
const g = capture();
new Console({ stdout: g.stream, inspectOptions: given }).log('only strings');
console.log('given after a log of strings', given);
const given2 = { depth: 0, colors: true };
const g2 = capture();
new Console({ stdout: g2.stream, inspectOptions: given2 }).log({ deep: { er: 1 } });
console.log(g2.text(), given2);

for (const options of [{ colorMode: 'x' }, { colorMode: 1 }, { colorMode: null }, { colorMode: true, inspectOptions: { colors: false } },
  { colorMode: 'auto', inspectOptions: { colors: undefined } }, { inspectOptions: 5 }, { inspectOptions: null }]) {
  try {
    new Console({ stdout: capture().stream, ...options });
    console.log('made', options);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
