// Uncaught exceptions in workers reach the Worker as 'error' events (rebuilt errors), the
// worker exits with code 1; process.exit / exitCode in a worker end only the worker.
const { Worker } = require('worker_threads');
const path = require('path');

const kinds = ['error', 'subclass', 'number', 'object', 'null', 'rejection', 'caught', 'exit', 'exitCode', 'exitInCatch', 'timeout', 'none'];
function describe(e) {
  if (e === null || typeof e !== 'object') return `${typeof e} ${String(e)}`;
  if (!(e instanceof Error)) return `object ${JSON.stringify(e)}`;
  const own = Object.getOwnPropertyNames(e).filter((k) => k !== 'stack');
  return `${e.constructor.name} name=${e.name} message=${e.message} own=${own} code=${e.code} info=${JSON.stringify(e.info)} stack=${typeof e.stack}`;
}
function next(i) {
  if (i === kinds.length) {
    console.log('main still running');
    return;
  }
  const kind = kinds[i];
  const w = new Worker(path.join(__dirname, 'worker_files', 'thrower.js'), { workerData: { kind } });
  // Node sends errors on another channel than messages: their relative order is not fixed.
  const messages = [];
  const errors = [];
  w.on('message', (m) => messages.push(m));
  w.on('error', (e) => errors.push(describe(e)));
  w.on('exit', (code) => {
    console.log(kind, messages, errors, 'exit', code);
    next(i + 1);
  });
}
next(0);
process.on('exit', (code) => console.log('main exit', code));
