// node:repl's surface: exports, REPLServer's shape and defaults, option errors, defineCommand
// errors, Recoverable, isValidSyntax, the writer's options (util.inspect.replDefaults), the
// 'reset' event, resetContext/createContext, clearBufferedCommand, displayPrompt and setPrompt.
const repl = require('repl');
const util = require('util');
const { PassThrough } = require('stream');
const readline = require('readline');

console.log(Object.keys(repl), typeof repl.start, repl.start.length, repl.REPLServer.length);
console.log(String(repl.REPL_MODE_SLOPPY), String(repl.REPL_MODE_STRICT));
console.log(repl.writer.options, util.inspect.replDefaults);
for (const name of ['fs', 'path', 'events', 'stream', 'util', 'zlib', 'repl', 'readline/promises']) {
  console.log(name, repl.builtinModules.includes(name));
}
console.log(repl.builtinModules.some((n) => n.startsWith('_') || n.startsWith('internal/')));
console.log(Object.getPrototypeOf(repl.REPLServer.prototype) === readline.Interface.prototype);
console.log(Object.getOwnPropertyNames(repl.REPLServer.prototype));
const rec = new repl.Recoverable(new SyntaxError('x'));
console.log(rec instanceof SyntaxError, rec.err.message, Object.keys(rec));
console.log(repl.isValidSyntax('1 +'), repl.isValidSyntax('let a = 1'));

const input = new PassThrough();
const output = new PassThrough();
let out = '';
output.on('data', (d) => { out += d; });
const r = repl.start({ input, output, terminal: false });
console.log(r instanceof readline.Interface, r.terminal, r.useColors, r.useGlobal, r.ignoreUndefined,
  r.replMode === repl.REPL_MODE_SLOPPY, r.historySize, r.getPrompt(), r._initialPrompt, r.editorMode,
  r.underscoreAssigned, r.last, r.lastError, r.breakEvalOnSigint, r.lines, Object.keys(r.commands),
  r.writer === repl.writer, r.input === input, r.output === output);
console.log(typeof r.context.require, typeof r.context.module, r.context.module.id, r.context.global === r.context,
  r.context === globalThis, typeof r.context.fs, r.context.Object === Object, typeof r.context.process);
r.on('reset', (ctx) => console.log('reset', ctx === r.context));
r.context.keep = 1;
r.resetContext();
console.log('after reset', r.context.keep);
const other = r.createContext();
console.log(other !== r.context, typeof other.require);
r.setPrompt('$ ');
r.displayPrompt();
r.write('1 +\n');
r.displayPrompt();
r.clearBufferedCommand();
r.displayPrompt(true);
r.write('2\n');
console.log(JSON.stringify(out));
r.close();

for (const bad of [{ breakEvalOnSigint: true, eval() {} }]) {
  try {
    repl.start({ input: new PassThrough(), output: new PassThrough(), ...bad });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const s = repl.start({ input: new PassThrough(), output: new PassThrough(), terminal: false, prompt: 'p> ' });
for (const cmd of [{}, 5, { action: 'x' }]) {
  try {
    s.defineCommand('x', cmd);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
s.defineCommand('f', () => {});
console.log(typeof s.commands.f.action, s.getPrompt());
s.close();
const legacy = repl.start('L> ', { stdin: new PassThrough(), stdout: new PassThrough() });
console.log(legacy.getPrompt(), legacy.useGlobal);
legacy.close();
const t = repl.start({ input: new PassThrough(), output: new PassThrough(), terminal: true });
console.log(Object.keys(t.commands), t.useColors !== undefined);
t.close();
