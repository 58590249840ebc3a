// async_hooks' promise events around `await`, as V8 reports them to Node: a promise made for an
// awaited non-promise value has the async function's promise as its trigger, each continuation
// runs as the reaction of a throwaway promise of its own (trigger: the awaited promise), and a
// reaction's `after` comes once the promise it derived is resolved. Also: hooks turned on inside
// a `then` callback still see that reaction's `after`; async generators; rejected awaits;
// AsyncLocalStorage values across awaits while the hooks run.
'use strict';
const async_hooks = require('async_hooks');
const { writeSync } = require('fs');

const events = [];
const hook = async_hooks.createHook({
  init: (id, type, trigger) => { if (type === 'PROMISE') events.push(`init ${id}<-${trigger}`); },
  before: (id) => events.push(`before ${id}`),
  after: (id) => events.push(`after ${id}`),
  promiseResolve: (id) => events.push(`resolve ${id}`),
});
const flush = (label) => {
  writeSync(1, `${label}: ${events.join(', ')}\n`);
  events.length = 0;
};

const storage = new async_hooks.AsyncLocalStorage();

async function awaitsValue() {
  await null;
  return 1;
}
async function awaitsPromise() {
  await Promise.resolve(2);
  await new Promise((resolve) => setImmediate(resolve));
}
async function awaitsThenable() {
  return await { then(resolve) { resolve(3); } };
}
async function awaitsRejection() {
  try {
    await Promise.reject(new Error('no'));
  } catch (err) {
    return err.message;
  }
}
async function* generator() {
  await null;
  yield 1;
  await 2;
}
async function storeAcrossAwaits(value) {
  return storage.run(value, async () => {
    await null;
    const first = storage.getStore();
    await new Promise((resolve) => setTimeout(resolve, 1));
    return `${first}/${storage.getStore()}`;
  });
}

(async () => {
  hook.enable();
  await awaitsValue();
  flush('value');
  await awaitsPromise();
  flush('promise');
  await awaitsThenable();
  flush('thenable');
  await awaitsRejection();
  flush('rejection');
  for await (const x of generator()) events.push(`yielded ${x}`);
  flush('generator');
  await Promise.resolve(1).then(() => 2).then(() => 3);
  flush('then chain');
  const stores = await Promise.all([storeAcrossAwaits('a'), storeAcrossAwaits('b')]);
  events.length = 0;
  writeSync(1, `stores ${stores.join(' ')}\n`);
  hook.disable();

  // Hooks turned on by a reaction: that reaction's `after` is still reported.
  let afters = 0;
  let befores = 0;
  await Promise.resolve(1).then(() => {
    const late = async_hooks.createHook({ before: () => { befores++; }, after: () => { afters++; } }).enable();
    process.nextTick(() => setImmediate(() => {
      late.disable();
      writeSync(1, `late hooks: before ${befores > 0} after ${afters >= 2}\n`);
    }));
  });
})();
