// The CustomEvent global: an Event with the `detail` its options give, dispatched through an
// EventTarget, with Node's errors.
const e = new CustomEvent('x', { detail: { a: 1 }, cancelable: true });
console.log(e.detail, e.type, e.cancelable, Object.prototype.toString.call(e), Object.getOwnPropertyNames(CustomEvent.prototype), new CustomEvent('y').detail, CustomEvent.length);
console.log(e instanceof Event, Object.getPrototypeOf(CustomEvent) === Event, Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').enumerable);
try { new CustomEvent(); } catch (err) { console.log(err.name, err.code, err.message); }
try { Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call({}); } catch (err) { console.log(err.name, err.code, err.message); }
const target = new EventTarget();
target.addEventListener('ping', (ev) => console.log('got', ev.type, ev.detail, ev instanceof CustomEvent));
target.dispatchEvent(new CustomEvent('ping', { detail: [1, 2] }));
console.log(new CustomEvent('z', { detail: undefined }).detail, new CustomEvent('z', { detail: 0 }).detail);
