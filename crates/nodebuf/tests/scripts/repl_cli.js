// The command line's REPL: `-i`/`--interactive` with stdin a pipe (Node's welcome lines,
// results, errors, multi-line input, .help with .clear as an alias of .break, `_`, await,
// process.exitCode and .exit ending the process), and --input-type refused with -i.
const { spawnSync } = require('child_process');

function run(args, input, env = {}) {
  const r = spawnSync(process.execPath, args, { input, env: { ...process.env, ...env } });
  const out = r.stdout.toString().split(process.version).join('<version>');
  console.log(JSON.stringify(args), r.status, JSON.stringify(out), JSON.stringify(r.stderr.toString()));
}

run(['-i'], '1 + 1\nlet q = 3\nq\nthrow new Error("x")\n.help\n');
run(['--interactive'], '.exit\nnever()\n');
run(['-i'], 'process.exitCode = 3\n');
run(['-i'], 'fs.existsSync("/")\n_\nfunction f() { throw new TypeError("t") }\nf()\n' +
  'await new Promise((r) => setTimeout(() => r(5), 10))\n[1,\n2]\n');
run(['-i'], 'x = 1\n(function () { return this; })()\n', { NODE_REPL_MODE: 'strict' });
run(['-i'], 'typeof require("repl").repl\nrequire("repl").repl.useGlobal\n');
run(['-i', '--input-type=module'], '');
run(['-i', '-e', 'globalThis.fromEval = 41'], 'fromEval + 1\n');
