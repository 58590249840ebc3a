// vm's `breakOnSigint`: SIGINT stops the running script with ERR_SCRIPT_EXECUTION_INTERRUPTED;
// process 'SIGINT' listeners are taken off for the run (they do not hear it) and put back
// after; with none, the signal's default action is back once the run is over.
'use strict';
const vm = require('vm');
const { spawn } = require('child_process');

if (process.argv[2] === 'child') {
  const mode = process.argv[3];
  let heard = 0;
  const listener = () => {
    heard++;
    console.log('listener heard SIGINT');
  };
  if (mode === 'listener') process.on('SIGINT', listener);
  process.send('ready');
  const method = mode === 'context' ? () => vm.runInContext('while (true) {}', vm.createContext(), { breakOnSigint: true })
    : () => new vm.Script('while (true) {}').runInThisContext({ breakOnSigint: true });
  try {
    method();
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e));
  }
  console.log('listeners', process.listenerCount('SIGINT'), 'same listener', process.listeners('SIGINT')[0] === listener,
    'heard', heard);
  if (mode === 'listener') {
    // The listener is back and hears the next SIGINT.
    process.send('again');
    setTimeout(() => {
      console.log('heard after', heard);
      process.disconnect();
    }, 1500);
  } else {
    // No listener: the next SIGINT kills the process again.
    process.send('again');
    setTimeout(() => console.log('still alive'), 5000);
  }
  return;
}

function run(mode) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [__filename, 'child', mode], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout.on('data', (d) => out += d);
    child.on('message', (m) => {
      // (Time for the child to be inside the run.)
      setTimeout(() => process.kill(child.pid, 'SIGINT'), m === 'ready' ? 300 : 100);
    });
    child.on('exit', (code, signal) => {
      console.log(mode, out.trim().split('\n'), code, signal);
      resolve();
    });
  });
}

(async () => {
  for (const mode of ['none', 'listener', 'context']) await run(mode);
})();
