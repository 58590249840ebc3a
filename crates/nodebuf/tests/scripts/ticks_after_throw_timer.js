// A tick that throws while ticks queued after it wait, with 'uncaughtException' handling it:
// after the main script's drain the rest waits for the timer's callback and then runs in full,
// a second throw there (a timer's drain) does not stop it, microtasks follow their ticks; then
// the immediate. Order compared with Node's (the main script waits 3 ms: the timer is due).
process.on('uncaughtException', e => console.log('caught', e.message));
for (let i = 1; i <= 6; i++) process.nextTick(() => {
  if (i === 2 || i === 5) throw new Error('boom' + i);
  console.log('t' + i); process.nextTick(() => console.log('t' + i + 'a')); Promise.resolve().then(() => console.log('m' + i));
});
setTimeout(() => { console.log('timer'); process.nextTick(() => console.log('timer-tick')); }, 0);
setImmediate(() => console.log('immediate'));
// The timer is due by the time the ticks run, in both runtimes: Node's loop clock started long
// before this script, and its slow exception reporting alone often takes past 1 ms; nodebuf
// starts fast enough that, without this wait, the timer would often not be due yet.
const until = Date.now() + 3;
while (Date.now() < until);
