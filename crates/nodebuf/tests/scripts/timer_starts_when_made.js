// A timer waits its whole delay from the moment it is made, also after a long synchronous
// stretch of the main script or of a callback (the loop's time is read afresh, as Node's).
'use strict';
const busy = (ms) => { const t = Date.now(); while (Date.now() - t < ms); };
busy(200);
const t0 = Date.now();
setTimeout(() => {
  console.log(Date.now() - t0 >= 145 ? 'main: waited' : 'main: early');
  busy(150);
  const t1 = Date.now();
  setTimeout(() => console.log(Date.now() - t1 >= 95 ? 'callback: waited' : 'callback: early'), 100);
  const t2 = Date.now();
  setImmediate(() => {
    busy(120);
    setTimeout(() => console.log(Date.now() - t2 >= 170 ? 'immediate: waited' : 'immediate: early'), 50);
  });
}, 150);
