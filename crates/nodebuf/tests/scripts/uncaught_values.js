'use strict';
// What an uncaught throw prints, by the kind of value thrown: primitives as their string with
// the --trace-uncaught hint (a symbol as nothing), objects that no Error constructor made
// inspected under a blank line and the source line, errors under the source line, every
// object without its custom inspect and at least 5 levels deep; an error whose stack is not
// a string; a cause chain shortened by the frames it shares. Each runs as its own child
// process (a file in the temporary directory; its path is masked in the output) with
// Error.stackTraceLimit 1 or errors made deeper than 10 calls, so that no frame of the
// runtime itself (which differ from Node's) shows.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-uncaught-'));
const file = path.join(dir, 'thrower.js');
const cases = [
  'throw 1',
  'throw -0',
  'throw 10n',
  'throw "a string"',
  'throw null',
  'throw undefined',
  'throw Symbol("q")',
  'throw [1, { a: { b: { c: { d: { e: { f: {} } } } } } }]',
  'throw function named() {}',
  'throw Object.create(null)',
  'throw { stack: "fake stack", message: "m" }',
  'throw Object.assign(Object.create(Error.prototype), { a: 1 })',
  'throw { [require("util").inspect.custom]() { return "custom"; }, deep: { a: { b: { c: { d: { e: { f: 1 } } } } } } }',
  'const e = new Error("x"); e.stack = { a: { b: 1 } }; throw e',
  'const e = new Error("x"); e[require("util").inspect.custom] = () => "custom"; e.a = { b: { c: { d: { e: { f: { g: 1 } } } } } }; throw e',
  'class AppError extends Error {}\nthrow new AppError("m", { cause: new TypeError("t", { cause: { code: 1 } }) })',
  'function deep(n, f) { return n > 0 ? deep(n - 1, f) : f(); }\n' +
    'function make() { return new Error("inner"); }\n' +
    'const inner = deep(12, make);\n' +
    'throw deep(12, function outer() { return new RangeError("outer", { cause: inner }); })',
  'throw new AggregateError([new Error("a"), 1, { x: 1 }], "agg")',
  'Promise.reject(Object.assign(new Error("rejected"), { code: "E_X", deep: { a: { b: { c: { d: { e: {} } } } } } }))',
];
try {
  for (const source of cases) {
    const limit = source.includes('deep(') ? '' : 'Error.stackTraceLimit = 1; ';
    fs.writeFileSync(file, `${limit}${source}\n`);
    const out = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20000 });
    console.log(`--- ${JSON.stringify(source)} -> exit ${out.status}`);
    console.log(out.stderr.split(file).join('<file>').split(dir).join('<dir>'));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
