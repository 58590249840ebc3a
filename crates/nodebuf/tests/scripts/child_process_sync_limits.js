// spawnSync, execSync and execFileSync as Node's: the input is written while the outputs are
// read (a megabyte through `cat` no longer deadlocks), `timeout` kills the child with
// `killSignal` and reports ETIMEDOUT, an output past `maxBuffer` (1 MiB by default) kills it
// and reports ENOBUFS, string input is decoded with `encoding`, and the option checks throw
// Node's errors.
'use strict';
const cp = require('child_process');

const show = (label, r, maxBuffer = Infinity) => {
  const e = r.error && [r.error.message, r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.spawnargs];
  const size = (out) => (out === null || out === undefined ? out : out.length > maxBuffer ? `more than ${maxBuffer}` : out.length);
  console.log(label, JSON.stringify(e), r.status, r.signal, size(r.stdout), size(r.stderr), r.output && r.output.length,
    typeof r.pid, Object.keys(r));
};
show('maxBuffer', cp.spawnSync('yes', { maxBuffer: 100 }), 100);
show('maxBuffer stderr', cp.spawnSync('sh', ['-c', 'exec yes >&2'], { maxBuffer: 100 }), 100);
show('default maxBuffer', cp.spawnSync('sh', ['-c', 'head -c 2000000 /dev/zero']), 1024 * 1024);
show('within maxBuffer', cp.spawnSync('sh', ['-c', 'head -c 100 /dev/zero'], { maxBuffer: 100 }));
show('timeout', cp.spawnSync('sleep', ['3'], { timeout: 100 }));
show('timeout SIGKILL', cp.spawnSync('sleep', ['3'], { timeout: 100, killSignal: 'SIGKILL' }));
show('timeout number signal', cp.spawnSync('sleep', ['3'], { timeout: 100, killSignal: 2 }));
show('timeout not reached', cp.spawnSync('true', [], { timeout: 5000 }));
show('big input', cp.spawnSync('cat', { input: Buffer.alloc(1 << 20, 1) }), 1 << 21);
show('big input into a closed stdin', cp.spawnSync('sh', ['-c', 'exec 0<&-; echo done'], { input: Buffer.alloc(1 << 20, 1) }));
console.log('hex input', cp.spawnSync('cat', { input: '616263', encoding: 'hex' }).stdout);
console.log('typed array input', cp.spawnSync('cat', { input: new Uint16Array([0x6261, 0x6463]) }).stdout);
console.log('DataView input', String(cp.spawnSync('cat', { input: new DataView(Buffer.from('xyz').buffer, 0, 3) }).stdout).length);
show('missing file', cp.spawnSync('/nope/nodebuf-x', ['a']));
for (const f of [
  () => cp.execSync('exec yes', { maxBuffer: 100 }),
  () => cp.execSync('sleep 3', { timeout: 100 }),
  () => cp.execFileSync('sleep', ['3'], { timeout: 100 }),
  () => cp.execFileSync('sh', ['-c', 'exit 3']),
  () => cp.execSync('echo out; echo err >&2; exit 3', { stdio: 'pipe' }),
]) {
  try {
    f();
  } catch (e) {
    console.log(JSON.stringify(e.message), e.code, e.status, e.signal, Object.keys(e));
  }
}
for (const bad of [{ timeout: -1 }, { timeout: 2.5 }, { maxBuffer: 'x' }, { maxBuffer: -5 }, { killSignal: {} },
  { killSignal: 'NOPE' }, { input: 5 }, { input: {} }, { input: 0 }, { input: '' }]) {
  try {
    const r = cp.spawnSync('true', [], bad);
    console.log('ran', JSON.stringify(bad), r.status);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
for (const f of [() => cp.spawnSync('ls\0x'), () => cp.spawnSync('ls', ['a', 'b\0']), () => cp.execSync('ls\0'),
  () => cp.spawn('ls\0')]) {
  try {
    f();
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(cp.execSync('echo $0 x', { shell: '/bin/bash', encoding: 'utf8' }));
