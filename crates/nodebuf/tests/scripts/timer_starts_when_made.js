// A timer waits its whole delay from the moment it is made, also after a long synchronous
// stretch of the main script or of a callback (the loop's time is read afresh, as Node's).
// (A timer made after a long stretch inside a setImmediate callback is left out: node itself
// counts its delay from before the stretch in some runs and from after it in others: five
// times before and once after in six runs on this project's machine.)
'use strict';
const busy = (ms) => { const t = Date.now(); while (Date.now() - t < ms); };
busy(200);
const t0 = Date.now();
setTimeout(() => {
  console.log(Date.now() - t0 >= 145 ? 'main: waited' : 'main: early');
  busy(150);
  const t1 = Date.now();
  setTimeout(() => console.log(Date.now() - t1 >= 95 ? 'callback: waited' : 'callback: early'), 100);
}, 150);
