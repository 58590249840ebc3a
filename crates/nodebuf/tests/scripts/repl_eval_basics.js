// node:repl over PassThrough streams (terminal: false): results, errors as the REPL prints
// them (`Uncaught ...`, stacks cut at the input's own frame, SyntaxErrors with their source
// line), continuation of input cut short (`... `), the dot commands, `_` and `_error`, custom
// eval/writer/ignoreUndefined, defineCommand, .save/.load, top-level await, the context.
const repl = require('repl');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PassThrough } = require('stream');

function session(title, lines, options = {}, setup) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => { out += d; });
    const r = repl.start({ input, output, terminal: false, prompt: '> ', ...options });
    if (setup) setup(r);
    r.on('exit', () => {
      console.log(`--- ${title}`);
      console.log(out.split(dir).join('<dir>'));
      resolve(r);
    });
    for (const line of lines) input.write(`${line}\n`);
    input.end();
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-repl-'));

(async () => {
  await session('values', ['1 + 1', 'let x = 5', 'x * 2', '"str"', 'undefined', 'null', 'Symbol("s")',
    '[1, 2, 3].map((v) => v * 2)', 'class A {}', 'new A()', '{ a: 1 }', '{ b: [1, { c: 2 }] }',
    'new Map([[1, { a: [1, { b: 2 }] }]])', '   ', '', 'function f() {}', 'typeof f',
    'var v = 3', 'v', 'x = 7', 'x', '0.1 + 0.2', '-0', '10n ** 20n', '"a\\nb"', '[,1]']);
  await session('errors', ['throw new Error("boom")', 'foo.bar', 'null.x', 'function g() { throw new TypeError("x") }',
    'g()', 'throw 5', 'throw null', 'throw undefined', 'throw "s"', 'throw { a: 1 }', 'throw [1]',
    'const e = new Error("m"); e.code = "E1"; throw e', '1 +* 2', 'JSON.parse("{")',
    'let dup = 1', 'let dup = 2', 'new RangeError("r").message', 'undefinedFn()', '({}).x.y',
    'class E extends Error {}', 'new E("sub").name']);
  await session('multiline', ['(function () {', 'return 42', '})()', '{', 'a: 1', '}', '`abc', 'def`',
    '/* c', '*/ 4', 'if (true) {', '"in"', '}', 'x => {', '}', '"a" +', '"b"', '[1,', '2]', 'f(1,',
    '.break', 'Math.', 'max(1, 2)', '.break', 'nope(', '.break', '"after"']);
  await session('input stopping early', ['r = function test (', ' one, two) {', 'return one + two', '}', 'r(1, 2)',
    '/abc', "'abc", 'x.', 'y', 'let', 'q = 1', 'q', 'class A extends', 'Object {}', 'new A()', 'a =>', '1',
    'for (;;', ') break', 'async function g(', ') {}', '[', ']', "'line \\", "continued'"]);
  await session('commands', ['.foo', '.help', '1', '.break', '.clear', 'typeof x', '.exit', 'never']);
  await session('underscore', ['1', '_', '_ + 1', 'throw new Error("e1")', '_error.message', '_ = 5', '2', '_',
    '_error = 3', 'throw 1', '_error']);
  const file = path.join(dir, 'load.js');
  fs.writeFileSync(file, 'const loaded = 1;\nfunction h() {\n  return loaded + 1;\n}\nh()\n');
  const saved = path.join(dir, 'saved.txt');
  await session('save and load', ['let s = 1', `.load ${file}`, 'h()', `.load ${path.join(dir, 'none.js')}`,
    `.load ${dir}`, `.save ${saved}`, `.save ${path.join(dir, 'no', 'dir.txt')}`]);
  console.log(JSON.stringify(fs.readFileSync(saved, 'utf8').split(dir).join('<dir>')));
  await session('ignoreUndefined and writer', ['1', 'undefined', 'void 0', '"a"', 'throw new Error("w")'],
    { ignoreUndefined: true, writer: (o) => `<${typeof o}:${String(o)}>` });
  await session('custom eval', ['hello world', 'more', 'fail'], {
    eval(cmd, context, file, cb) {
      if (cmd === 'fail\n') {
        const err = new Error('evalfail');
        err.stack = 'Error: evalfail';
        cb(err);
        return;
      }
      cb(null, `${/^REPL\d+$/.test(file)}|${JSON.stringify(cmd)}|${context === r2.context}`);
    },
  }, (r) => { r2 = r; });
  await session('custom eval recoverable', ['open', 'close', 'done'], {
    eval(cmd, context, file, cb) {
      if (cmd === 'open\n') cb(new repl.Recoverable(new SyntaxError('more')));
      else cb(null, cmd);
    },
  });
  await session('defineCommand', ['.hi there', '.hi', '.fn x', '.help'], {}, (r) => {
    r.defineCommand('hi', {
      help: 'Say hi',
      action(rest) {
        this.clearBufferedCommand();
        this.output.write(`hi [${rest}]\n`);
        this.displayPrompt();
      },
    });
    r.defineCommand('fn', function (rest) { this.output.write(`fn ${rest}\n`); this.displayPrompt(); });
  });
  await session('context', ['ctxValue', 'console.log("to output", typeof require, typeof module, module.id)',
    'typeof fs.readFileSync', 'typeof path.join', 'var onContext = 1', 'setOnContext = 2'], {}, (r) => {
    r.context.ctxValue = 42;
    r.on('exit', () => console.log('context', r.context.onContext, r.context.setOnContext,
      r.context.global === r.context, r.context.console !== console, globalThis.ctxValue));
  });
  await session('await', ['await Promise.resolve(7)']);
  await session('await rejected', ['await Promise.reject("rej")']);
  await session('await declaration', ['const fromAwait = await Promise.resolve(8)']);
  await session('await later', ['await new Promise((r) => setTimeout(() => r("late"), 5))']);
  await session('prompt', ['1', '(', '1)'], { prompt: 'my> ' });
  fs.rmSync(dir, { recursive: true });
})();
let r2;
