// exec and execFile as Node's: the output joined as the encoding (or the streams' own
// encoding) makes it, or Buffers; maxBuffer cuts each stream (counted in bytes, also for
// strings) and kills the child with ERR_CHILD_PROCESS_STDIO_MAXBUFFER; timeout kills with
// killSignal; failures say `Command failed: <cmd>` plus the stderr text with code, killed,
// signal and cmd (code null when a signal ended the child); the argument checks and their
// errors; util.promisify's `{ stdout, stderr }` with the child on the promise.
'use strict';
const cp = require('child_process');
const util = require('util');

const show = (label, err, stdout, stderr) => {
  const e = err === null ? null : { message: err.message, name: err.name, keys: Object.keys(err),
    code: err.code, killed: err.killed, signal: err.signal, cmd: err.cmd, stdout: err.stdout, stderr: err.stderr };
  console.log(label, util.inspect(e), util.inspect(stdout), util.inspect(stderr));
};
const run = (label, start) => new Promise((resolve) => {
  start((err, stdout, stderr) => {
    show(label, err, stdout, stderr);
    resolve();
  });
});

const cases = [
  ['exit code', (cb) => cp.exec('exit 3', cb)],
  ['signal', (cb) => cp.exec('kill -TERM $$', cb)],
  ['stderr in message, buffers', (cb) => cp.exec('echo hi; echo err >&2; exit 1', { encoding: 'buffer' }, cb)],
  ['missing file', (cb) => cp.execFile('/nonexistent-bin-nodebuf', cb)],
  ['maxBuffer', (cb) => cp.exec('yes | head -c 100000', { maxBuffer: 1000 }, cb)],
  ['maxBuffer buffers', (cb) => cp.exec('yes | head -c 5000', { maxBuffer: 1000, encoding: 'buffer' }, cb)],
  ['maxBuffer counts bytes', (cb) => cp.exec('printf ééééé', { maxBuffer: 3 }, cb)],
  ['maxBuffer stderr', (cb) => cp.exec('printf 0123456789 >&2', { maxBuffer: 4 }, cb)],
  ['maxBuffer Infinity', (cb) => cp.exec('printf 0123456789', { maxBuffer: Infinity }, cb)],
  ['hex', (cb) => cp.exec('printf abc', { encoding: 'hex' }, cb)],
  ['unknown encoding gives buffers', (cb) => cp.exec('printf abc', { encoding: 'nope' }, cb)],
  ['stream encoding set after', (cb) => { cp.exec('printf héllo', cb).stdout.setEncoding('latin1'); }],
  ['buffer with stream encoding', (cb) => { cp.exec('printf héllo', { encoding: 'buffer' }, cb).stdout.setEncoding('utf8'); }],
  ['timeout', (cb) => cp.exec('sleep 2', { timeout: 100 }, cb)],
  ['timeout killSignal number', (cb) => cp.exec('sleep 2', { timeout: 50, killSignal: 9 }, cb)],
  ['execFile args', (cb) => cp.execFile('echo', ['a b', 'c'], cb)],
  ['execFile failing args', (cb) => cp.execFile('sh', ['-c', 'exit 4'], cb)],
  ['execFile null args and options', (cb) => cp.execFile('echo', null, null, cb)],
  ['execFile options in args place', (cb) => cp.execFile('pwd', { cwd: '/' }, cb)],
  ['shell string', (cb) => cp.exec('echo $0', { shell: '/bin/bash' }, cb)],
  ['execFile with shell', (cb) => cp.execFile('echo $((1 + 2))', { shell: true }, cb)],
  ['env', (cb) => cp.exec('echo $NODEBUF_TEST_VAR', { env: { NODEBUF_TEST_VAR: 'set', PATH: process.env.PATH } }, cb)],
];

const throwing = [
  () => cp.execFile('ls', [], { timeout: -1 }),
  () => cp.execFile('ls', [], { timeout: 1.5 }),
  () => cp.execFile('ls', [], { maxBuffer: 'x' }),
  () => cp.execFile('ls', [], { maxBuffer: -1 }),
  () => cp.execFile('ls', [], { killSignal: {} }),
  () => cp.execFile('ls', [], { killSignal: 'SIGNOPE' }),
  () => cp.exec('ls\0x'),
  () => cp.exec(5),
  () => cp.exec(),
  () => cp.execFile('ls', 5),
  () => cp.execFile('ls', 'x'),
  () => cp.execFile('ls', [], 5),
  () => cp.execFile('ls', [], {}, 5),
  () => cp.execFile('ls', [], { argv0: 5 }),
  () => cp.execFile('ls', [], { argv0: 'a\0b' }),
];

(async () => {
  for (const [label, start] of cases) await run(label, start);
  for (const f of throwing) {
    try {
      f();
      console.log('no throw', f.toString());
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  }
  console.log(await util.promisify(cp.exec)('echo p'));
  try {
    await util.promisify(cp.exec)('echo q; echo r >&2; exit 2');
  } catch (e) {
    show('promisified rejection', e);
  }
  const p = util.promisify(cp.execFile)('echo', ['r']);
  console.log('child on the promise', p.child instanceof cp.ChildProcess, typeof p.child.pid);
  console.log(await p);
  console.log(await util.promisify(cp.execFile)('printf', ['x'], { encoding: 'buffer' }));
})();
