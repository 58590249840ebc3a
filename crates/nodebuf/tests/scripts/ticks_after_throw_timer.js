// A tick that throws while ticks queued after it wait, with 'uncaughtException' handling it:
// after the main script's drain the rest waits for the timer's callback and then runs in full,
// a second throw there (a timer's drain) does not stop it, microtasks follow their ticks; then
// the immediate. Order compared with Node's.
process.on('uncaughtException', e => console.log('caught', e.message));
for (let i = 1; i <= 6; i++) process.nextTick(() => {
  if (i === 2 || i === 5) throw new Error('boom' + i);
  console.log('t' + i); process.nextTick(() => console.log('t' + i + 'a')); Promise.resolve().then(() => console.log('m' + i));
});
setTimeout(() => { console.log('timer'); process.nextTick(() => console.log('timer-tick')); }, 0);
setImmediate(() => console.log('immediate'));
