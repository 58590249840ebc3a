// util.transferableAbortSignal / transferableAbortController: argument checks, the marked copy
// (same prototype, the state of the signal when marked), clones that require the transfer list,
// and transfers through structuredClone and a MessageChannel: a signal aborted before the
// transfer arrives aborted with its reason, one aborted later aborts on the receiving side.
'use strict';
const util = require('util');
const { MessageChannel } = require('worker_threads');

const show = (label, fn) => {
  try {
    console.log(label, util.inspect(fn(), { breakLength: Infinity }));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
console.log(util.transferableAbortSignal.name, util.transferableAbortSignal.length,
  util.transferableAbortController.name, util.transferableAbortController.length);
for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(util))) {
  if (key.startsWith('transferable') || key === 'aborted') console.log(key, typeof d.get, typeof d.set, d.enumerable);
}
for (const bad of [undefined, null, 1, {}, { aborted: false }, new EventTarget()]) show('bad', () => util.transferableAbortSignal(bad));
const ac = new AbortController();
const marked = util.transferableAbortSignal(ac.signal);
show('copy', () => [marked === ac.signal, marked instanceof AbortSignal, Object.getPrototypeOf(marked) === AbortSignal.prototype, marked.aborted]);
ac.abort('later');
show('state copied, not linked', () => [marked.aborted, marked.reason, ac.signal.aborted]);
show('again', () => util.transferableAbortSignal(marked) === marked);
show('clone plain', () => structuredClone(ac.signal));
show('clone marked without transfer', () => structuredClone(marked));
show('transfer plain', () => structuredClone(ac.signal, { transfer: [ac.signal] }));
show('transfer marked', () => {
  const copy = structuredClone(marked, { transfer: [marked] });
  return [copy.aborted, copy.reason, copy instanceof AbortSignal, copy === marked];
});
show('transfer aborted', () => {
  const signal = util.transferableAbortSignal(AbortSignal.abort('why'));
  const copy = structuredClone({ inner: [signal] }, { transfer: [signal] }).inner[0];
  return [copy.aborted, copy.reason];
});
show('duplicate', () => {
  const signal = util.transferableAbortSignal(new AbortController().signal);
  return structuredClone(signal, { transfer: [signal, signal] });
});
const controller = util.transferableAbortController();
show('controller', () => [controller instanceof AbortController, controller.signal instanceof AbortSignal, controller.signal.aborted]);

const { port1, port2 } = new MessageChannel();
port2.on('message', (signal) => {
  console.log('received', signal.constructor.name, signal.aborted);
  signal.addEventListener('abort', () => {
    console.log('remote abort', signal.aborted, signal.reason);
    port1.close();
  });
  setTimeout(() => controller.abort('stop'), 5);
});
port1.postMessage(controller.signal, [controller.signal]);
