const log = (m) => console.log(m);
setTimeout(() => {
  log('first');
  setTimeout(() => log('timeout from timeout'), 0);
  setImmediate(() => {
    log('immediate from timeout');
    process.nextTick(() => log('tick from immediate'));
  });
}, 20);
let n = 0;
const iv = setInterval(() => {
  log(`interval ${++n}`);
  if (n === 3) {
    clearInterval(iv);
    setTimeout((a, b) => log(`args ${a} ${b}`), 2, 'A', 'B');
  }
}, 250);
const t = setTimeout(() => log('refresh fired'), 1);
t.refresh();
console.log(typeof t.hasRef(), t.unref().hasRef(), t.ref().hasRef());
require('timers/promises').setTimeout(1500, 'value').then((v) => log(`promise timer ${v}`));
