// util.promisify(rl.question) uses Node's custom promisified form: it resolves with the answer,
// rejects with AbortError (name, code, cause) when options.signal aborts or already has, and
// with ERR_USE_AFTER_CLOSE after close(). readline/promises' question removes its abort listener
// once answered, and an EventTarget's `once` listener is dropped without calling a replaced
// removeEventListener.
'use strict';
const readline = require('readline');
const util = require('util');
const { PassThrough } = require('stream');
const tick = () => new Promise((resolve) => setImmediate(resolve));
const report = (label) => [
  (value) => console.log(label, 'resolved', JSON.stringify(value)),
  (err) => console.log(label, 'rejected', err.name, err.code, err.cause === undefined ? '-' : String(err.cause)),
];
function make(terminal) {
  const input = new PassThrough();
  const output = new PassThrough();
  return readline.createInterface({ input, output, terminal });
}
(async () => {
  for (const terminal of [false, true]) {
    console.log('terminal', terminal, typeof readline.Interface.prototype.question[util.promisify.custom]);
    let rl = make(terminal);
    let question = util.promisify(rl.question).bind(rl);
    question('name? ').then(...report('plain'));
    rl.write('bar\n');
    rl.close();
    await tick();

    rl = make(terminal);
    question = util.promisify(rl.question).bind(rl);
    const ac = new AbortController();
    rl.on('line', (line) => console.log('line event', line));
    question('q? ', { signal: ac.signal }).then(...report('aborted'));
    ac.abort('why');
    rl.write('baz\n');
    rl.close();
    await tick();

    rl = make(terminal);
    question = util.promisify(rl.question).bind(rl);
    question('q? ', { signal: AbortSignal.abort('early') }).then(...report('pre-aborted'));
    rl.close();
    await tick();

    rl = make(terminal);
    question = util.promisify(rl.question).bind(rl);
    rl.close();
    question('q? ').then(...report('closed'));
    await tick();

    rl = make(terminal);
    question = util.promisify(rl.question).bind(rl);
    question('q? ', { signal: new AbortController().signal }).then(...report('signal answered'));
    rl.write('yes\n');
    rl.close();
    await tick();

    const prl = require('readline/promises').createInterface({ input: new PassThrough(), output: new PassThrough(), terminal });
    const ac2 = new AbortController();
    let removals = 0;
    ac2.signal.removeEventListener = function (type, listener) {
      removals++;
      console.log('removeEventListener', type, listener.name);
      return EventTarget.prototype.removeEventListener.call(this, type, listener);
    };
    prl.question('hello? ', { signal: ac2.signal }).then(...report('promises answered'));
    prl.write('bar\n');
    ac2.abort();
    prl.close();
    await tick();
    console.log('removals', removals);
  }
  const target = new EventTarget();
  target.removeEventListener = () => console.log('replaced removeEventListener called');
  target.addEventListener('x', () => console.log('once fired'), { once: true });
  target.dispatchEvent(new Event('x'));
  target.dispatchEvent(new Event('x'));
})();
