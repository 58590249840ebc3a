// spawn()'s `signal` (abort kills the child with killSignal and emits an AbortError whose cause
// is the abort reason) and `timeout` (the child is killed), as node:test's run() relies on.
// One case at a time, so that the order of the lines does not depend on timing.
'use strict';
const { spawn } = require('child_process');

const idle = ['-e', 'setTimeout(() => {}, 5000)'];
// (Not events.once: it would reject on the 'error' event the abort emits.)
const exited = (child) => new Promise((resolve) => child.on('exit', (...args) => resolve(args)));

async function main() {
  const timed = spawn(process.execPath, idle, { timeout: 50 });
  console.log('timeout: exit', ...await exited(timed));

  const early = new AbortController();
  early.abort('early reason');
  const before = spawn(process.execPath, idle, { signal: early.signal });
  before.on('error', (e) => console.log('aborted before:', e.name, e.code, e.message, e.cause));
  console.log('aborted before: exit', ...await exited(before));

  const later = new AbortController();
  const after = spawn(process.execPath, idle, { signal: later.signal, killSignal: 'SIGKILL' });
  after.on('spawn', () => setTimeout(() => later.abort(), 20));
  after.on('error', (e) => console.log('aborted later:', e.name, e.cause.name));
  console.log('aborted later: exit', ...await exited(after));

  const done = new AbortController();
  const quick = spawn(process.execPath, ['-e', '0'], { signal: done.signal });
  quick.on('error', (e) => console.log('unexpected', e));
  console.log('finished first: exit', ...await exited(quick));
  done.abort();
  console.log('abort after exit: no error');
}
main();
