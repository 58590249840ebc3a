// node:repl on a terminal (PassThrough streams with terminal: true, preview off): the
// prompt redraws, continuation prompts, Tab completion, .editor (Ctrl+D submits, indentation
// carried to the next typed line), Ctrl+C (the exit hint, then closing), Ctrl+D on an empty
// line, and the history of submitted lines.
const repl = require('repl');
const { PassThrough } = require('stream');

function session(title, keys, options = {}) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => { out += d; });
    const r = repl.start({ input, output, terminal: true, useColors: false, preview: false, ...options });
    r.on('exit', () => {
      console.log(`--- ${title}`);
      console.log(JSON.stringify(out));
      console.log(JSON.stringify(r.history));
      resolve();
    });
    for (const k of keys) {
      if (typeof k === 'string') input.write(k);
      else r.write(null, k);
    }
    r.close();
  });
}

(async () => {
  await session('lines', ['1 + 1\r', 'let o = {\r', 'a: 1 }\r', 'o.a\r']);
  await session('tab', ['Math.ma', '\t', '\r', 'Math.PI.toFi', '\t', '(2)\r']);
  await session('editor', ['.editor\r', 'let i = 1;\r', 'i + 3', { ctrl: true, name: 'd' }]);
  await session('editor indent', ['.editor\r', ' ', ' ', 'let j = 1;\r', 'j', { ctrl: true, name: 'd' }]);
  await session('ctrl-c', ['12', { ctrl: true, name: 'c' }, { ctrl: true, name: 'c' }, { ctrl: true, name: 'c' }]);
  await session('ctrl-d', ['1\r', { ctrl: true, name: 'd' }]);
})();
