const log = (m) => console.log(m);
log('script start');
setTimeout(() => {
  log('timeout 1');
  process.nextTick(() => log('tick in timeout'));
  Promise.resolve().then(() => log('micro in timeout'));
  setImmediate(() => log('immediate from timeout'));
}, 0);
setTimeout(() => log('timeout 2'), 0);
Promise.resolve().then(() => {
  log('micro 1');
  process.nextTick(() => log('tick from micro'));
}).then(() => log('micro 2'));
queueMicrotask(() => log('queueMicrotask'));
process.nextTick(() => {
  log('tick 1');
  process.nextTick(() => log('tick nested'));
  Promise.resolve().then(() => log('micro from tick'));
});
process.nextTick((a, b) => log(`tick args ${a} ${b}`), 'x', 'y');
(async () => {
  log('async start');
  await null;
  log('after await');
})();
const cancelled = setTimeout(() => log('never'), 1);
clearTimeout(cancelled);
const imm = setImmediate(() => log('never immediate'));
clearImmediate(imm);
setTimeout(() => log('unrefed never'), 100000).unref();
log('script end');
