// Errors with a cause made at each loop phase (main module, nextTick, microtask, timer,
// immediate), shallow enough that their stacks reach the runtime's own frames: the
// "... N lines matching cause stack trace ..." line counts those frames as Node's own tail for
// that phase has them (the frames themselves are the runtime's and are compared collapsed).
const util = require('util');
function a(n) { return n === 0 ? new Error('root') : a(n - 1); }
function b(n, c) { return n === 0 ? new Error('top', { cause: c }) : b(n - 1, c); }
function show(tag, e) { console.log(tag, util.inspect(e).replace(/\(\/[^)]*\//g, '(').replace(/:\d+:\d+\)/g, ')')); }
show('main0', b(0, a(0)));
show('main1', new Error('x', { cause: new Error('y') }));
show('main2', b(1, a(2)));
// The immediate is queued by the timer: a timer and an immediate both queued by the main
// module run in either order in node (whether the timer is due when the loop starts).
setTimeout(() => {
  show('timer', new Error('x', { cause: new Error('y') }));
  setImmediate(() => { show('imm', new Error('x', { cause: new Error('y') })); });
}, 1);
process.nextTick(() => { show('tick', new Error('x', { cause: new Error('y') })); });
Promise.resolve().then(() => { show('micro', new Error('x', { cause: new Error('y') })); });
