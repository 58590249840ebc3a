// spawn's option checks as Node's (types of cwd, detached, uid, gid, shell, argv0, windowsHide,
// stdio, serialization, signal, timeout, killSignal; NUL bytes in cwd, env and shell; input in
// an async stdio array), and what argv0, inherited env keys and detached do.
'use strict';
const cp=require('child_process');
for (const o of [{cwd: 5}, {detached: 'x'}, {uid: 'x'}, {gid: 1.5}, {shell: 5}, {argv0: 5}, {windowsHide: 'x'}, {stdio: 5}, {stdio: 'nope'}, {stdio: ['pipe', 'nope']}, {serialization: 'x'}, {signal: {}}, {timeout: -1}, {killSignal: 'NOPE'}, {cwd: 'a\0b'}, {env: {A: 'x\0'}}, {shell: 'a\0'}, {stdio: [Buffer.from('x')]}, {stdio: ['pipe', 'pipe', 'pipe', 5.5]}]) {
  try { const c = cp.spawn('true', [], o); c.on('error', (e) => console.log('error event', e.code)); console.log('ok', JSON.stringify(o)); } catch (e) { console.log(e.code, e.message); }
}
for (const f of [() => cp.spawn('true', 'x'), () => cp.spawn('true', [], 5), () => cp.spawn('true', [], null), () => cp.spawn(5), () => cp.spawn('')]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.code, e.message); }
}
const c = cp.spawn('sh', ['-c', 'echo $0; echo $FOO_PROTO'], { argv0: 'custom-name', env: Object.create({ FOO_PROTO: 'inherited' }) });
let argvOut = '';
c.stdout.on('data', (d) => { argvOut += d; });
c.on('close', () => {
  console.log('argv0/env', JSON.stringify(argvOut));
  console.log(String(cp.spawnSync('sh', ['-c', 'echo $0'], { argv0: 'sync-name' }).stdout));
  // A detached child leads a session of its own (field 6 of /proc/<pid>/stat is the session).
  const ownSession = require('fs').readFileSync('/proc/self/stat', 'utf8').split(' ')[5];
  const check = (detached, then) => {
    const d = cp.spawn('sh', ['-c', 'cut -d" " -f6 /proc/$$/stat'], { detached });
    let out = '';
    d.stdout.on('data', (x) => { out += x; });
    d.on('close', () => {
      console.log('detached', detached, 'own session', out.trim() !== ownSession);
      then();
    });
  };
  check(true, () => check(false, disposeCheck));
});
// The child's process.argv0 is the argv[0] it was started with.
console.log('argv0 given:', String(cp.spawnSync(process.execPath, ['-e', 'console.log(process.argv0)'], { argv0: 'custom-argv0' }).stdout).trim());
console.log('argv0 default is the path spawned:', String(cp.spawnSync(process.execPath, ['-e', 'console.log(process.argv0 === process.execPath)']).stdout).trim());
// Symbol.dispose kills a child not yet killed.
function disposeCheck() {
  const sleeper = cp.spawn('sleep', ['5']);
  sleeper.on('exit', (code, signal) => console.log('disposed child exit', code, signal, sleeper.signalCode));
  console.log('before dispose', sleeper.killed, typeof cp.ChildProcess.prototype[Symbol.dispose]);
  sleeper[Symbol.dispose]();
  console.log('after dispose', sleeper.killed);
}
