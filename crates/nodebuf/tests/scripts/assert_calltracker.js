// assert.CallTracker (deprecated, DEP0173): calls/getCalls/reset/report/verify with Node's
// messages, validation and AssertionError details.
const assert = require('assert');

const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    const details = Object.keys(e).filter((k) => / \d+$/.test(k) && !k.startsWith('stack trace'));
    console.log(label, 'threw', e.name, e.code, e.message, Object.keys(e).length, details.map((k) => `${k}=${e[k]}`),
      e.actual, e.expected, e.operator, e.generatedMessage, e['stack trace 0'] instanceof Error);
  }
};
const withoutStacks = (report) => report.map(({ stack, ...rest }) => ({ ...rest, stack: stack instanceof Error }));

const { CallTracker } = assert;
console.log(typeof CallTracker, CallTracker.name, CallTracker.length, Object.getOwnPropertyNames(CallTracker.prototype));
const tracker = new CallTracker();
function foo(a, b) {
  return a + b;
}
const f = tracker.calls(foo, 2);
console.log(f.name, f.length, f(1, 2), Object.keys(f), typeof f.prototype, f.prototype === foo.prototype);
const g = tracker.calls(2);
const h = tracker.calls();
console.log(g.name, g.length, g(), typeof tracker.calls(1, 5));
console.log(withoutStacks(tracker.report()));
show('verify', () => tracker.verify());
f(3, 4);
g();
h();
tracker.reset(tracker.calls(1, 5));
show('verify after', () => new CallTracker().verify());
show('getCalls', () => tracker.getCalls(f));
show('frozen', () => [Object.isFrozen(tracker.getCalls(f)), Object.isFrozen(tracker.getCalls(f)[0]), tracker.getCalls(f) === tracker.getCalls(f)]);
show('getCalls h', () => tracker.getCalls(h));
show('getCalls untracked', () => tracker.getCalls(foo));
show('reset one', () => tracker.reset(f));
show('getCalls after reset', () => tracker.getCalls(f));
show('report after reset', () => withoutStacks(tracker.report()));
show('reset untracked', () => tracker.reset(foo));
show('reset all', () => tracker.reset());
show('report after reset all', () => withoutStacks(tracker.report()).length);
show('calls string', () => tracker.calls('x'));
show('calls expected string', () => tracker.calls(foo, 'x'));
show('calls expected 0', () => tracker.calls(foo, 0));
show('calls expected -1', () => tracker.calls(foo, -1));
show('calls expected 1.5', () => tracker.calls(foo, 1.5));

const t2 = new CallTracker();
const a = t2.calls(foo, 1);
t2.calls(function named() {}, 3);
t2.calls(() => {}, 1);
a(1, 2);
a(1, 2);
show('verify several', () => t2.verify());
show('report several', () => withoutStacks(t2.report()));
const t3 = new CallTracker();
t3.calls(foo);
show('verify one', () => t3.verify());
show('receiver', () => {
  const t = new CallTracker();
  const o = { m: t.calls(function () { return this; }) };
  return [o.m() === o, t.getCalls(o.m)[0].thisArg === o];
});
show('construct', () => {
  const t = new CallTracker();
  const C = t.calls(function C() { this.x = 1; });
  return [new C(), t.getCalls(C).length];
});
