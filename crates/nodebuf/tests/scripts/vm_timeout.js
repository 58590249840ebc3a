// vm's `timeout`: a script running longer is stopped with ERR_SCRIPT_EXECUTION_TIMEOUT (a plain
// Error with a code), in every run method; nested runs as Node's (the inner timeout is the
// inner run's error, an outer one that fires first stops the inner run too); code in the run
// cannot catch the stop; a worker's vm run still ends with the worker.
'use strict';
const vm = require('vm');
const { Worker } = require('worker_threads');

function attempt(label, fn) {
  try {
    const result = fn();
    console.log(label, 'returned', result);
  } catch (e) {
    console.log(label, e instanceof Error, e.name, e.code, e.message, Object.keys(e));
  }
}

attempt('runInThisContext', () => vm.runInThisContext('while (true) {}', { timeout: 30 }));
attempt('finishes first', () => vm.runInThisContext('40 + 2', { timeout: 1000 }));
attempt('runInNewContext', () => vm.runInNewContext('for (;;) {}', { a: 1 }, { timeout: 25 }));
const context = vm.createContext({ n: 0 });
attempt('runInContext', () => vm.runInContext('while (true) n++', context, { timeout: 20 }));
console.log('context kept counting', context.n > 0);
const script = new vm.Script('while (true) {}', { filename: 'loop.js' });
attempt('Script#runInThisContext', () => script.runInThisContext({ timeout: 15 }));
attempt('Script#runInNewContext', () => script.runInNewContext({}, { timeout: 15 }));
attempt('Script#runInContext', () => script.runInContext(vm.createContext(), { timeout: 15 }));
attempt('catch inside', () => vm.runInThisContext(
  'let caught = "no"; try { while (true) {} } catch (e) { caught = "yes" } finally { caught += "+finally" } caught',
  { timeout: 20 }));
attempt('recursion', () => vm.runInThisContext('function f() { return f() + f() } f()', { timeout: 20 }));

// Nested runs.
const nested = {
  runInVM(timeout) {
    vm.runInNewContext('while (true) {}', nested, { timeout });
  },
  catchInner(timeout) {
    try {
      vm.runInNewContext('while (true) {}', nested, { timeout });
    } catch (e) {
      return `inner stopped: ${e.message}`;
    }
    return 'inner done';
  },
};
attempt('inner fires', () => vm.runInNewContext('runInVM(10)', nested, { timeout: 10000 }));
attempt('outer fires', () => vm.runInNewContext('runInVM(10000)', nested, { timeout: 40 }));
attempt('inner caught by outer code', () => vm.runInNewContext('catchInner(10)', nested, { timeout: 10000 }));
attempt('outer fires while inner caught', () => vm.runInNewContext('catchInner(10000)', nested, { timeout: 40 }));
attempt('inner throws', () => vm.runInNewContext(
  'runInVM2()', { runInVM2: () => vm.runInThisContext('throw new Error("foobar")', { timeout: 10000 }) },
  { timeout: 100000 }));

// A function made by a run with a timeout runs unlimited when called later.
const spin = vm.runInThisContext('(function spin(ms) { const end = Date.now() + ms; let i = 0; while (Date.now() < end) i++; return i > 0; })', { timeout: 1000 });
attempt('later call', () => spin(30));
// The stop does not leak into the next run without a timeout.
attempt('next run', () => vm.runInThisContext('let k = 0; for (let i = 0; i < 200000; i++) k += i; k'));

// In a worker: a timeout stops the worker's run; terminate() ends a worker stuck in a run.
const code = `
  const vm = require('vm');
  const { parentPort, workerData } = require('worker_threads');
  if (workerData === 'timeout') {
    try { vm.runInThisContext('while (true) {}', { timeout: 20 }); } catch (e) { parentPort.postMessage(e.code); }
  } else {
    parentPort.postMessage('spinning');
    vm.runInThisContext('while (true) {}', { timeout: 100000 });
  }
`;
const timed = new Worker(code, { eval: true, workerData: 'timeout' });
timed.on('message', (m) => console.log('worker says', m));
timed.on('exit', (exitCode) => {
  console.log('timeout worker exit', exitCode);
  const stuck = new Worker(code, { eval: true, workerData: 'stuck' });
  stuck.on('message', (m) => {
    console.log('worker says', m);
    stuck.terminate();
  });
  stuck.on('error', (e) => console.log('worker error', e.message));
  stuck.on('exit', (exitCode2) => console.log('stuck worker exit', exitCode2));
});
