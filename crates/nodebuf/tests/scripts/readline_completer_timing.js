// When tab completions (and completer errors) reach the output, relative to microtasks queued
// after the Tab: a classic Interface calls its completer synchronously (callback or one-argument
// form; a promise result completes nothing); readline/promises calls it with the text alone and
// awaits the result, so completions and rejections land one microtask later while a synchronous
// throw (or a two-argument completer calling its missing callback) is reported at once. Errors
// are written as "Tab completion error: " and the inspected error.
'use strict';
const { EventEmitter } = require('events');
const log = [];
class FakeTerminal extends EventEmitter {
  columns = 80;
  write(data) {
    log.push(`w:${JSON.stringify(data.split('\n')[0])}`);
  }
  resume() {}
  pause() {}
  end() {}
}
async function run(moduleName, completer, label) {
  const fi = new FakeTerminal();
  const rl = new (require(moduleName).Interface)({ input: fi, output: fi, terminal: true, completer });
  fi.emit('data', 'ab');
  fi.emit('data', '\t');
  log.push('after-tab');
  queueMicrotask(() => log.push('m1'));
  Promise.resolve().then(() => log.push('p1')).then(() => log.push('p2')).then(() => log.push('p3'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log(label, typeof rl.completer, rl.completer.length, rl.completer === completer, JSON.stringify(rl.line));
  console.log(' ', log.join(' | '));
  log.length = 0;
  rl.close();
}
const cases = [
  ['readline', (line) => [['abc'], line], 'classic sync'],
  ['readline', (line, cb) => cb(null, [['abc'], line]), 'classic callback'],
  ['readline', (line, cb) => cb(new Error('message')), 'classic callback error'],
  ['readline', (line, cb) => cb(new TypeError('typed')), 'classic callback type error'],
  ['readline', async (line) => [['abc'], line], 'classic async'],
  ['readline/promises', (line) => [['abc'], line], 'promises sync'],
  ['readline/promises', async (line) => [['abc'], line], 'promises async'],
  ['readline/promises', (line, cb) => cb(null, [['abc'], line]), 'promises callback'],
  ['readline/promises', () => Promise.reject(new Error('message')), 'promises reject'],
  ['readline/promises', () => { throw new RangeError('thrown'); }, 'promises throw'],
  ['readline/promises', () => Promise.resolve([['abx', 'aby'], 'ab']), 'promises prefix'],
];
(async () => {
  for (const [moduleName, completer, label] of cases) await run(moduleName, completer, label);
})();
