// queueMicrotask: callbacks interleaved with promise reactions, nextTick and a timer, a
// throwing callback handled by 'uncaughtException' (the jobs after it keep their order), the
// argument check, and the receiver/arguments a callback gets; order compared with Node.
process.on('uncaughtException', e => console.log('caught', e.message));
queueMicrotask(() => console.log('q1'));
Promise.resolve().then(() => console.log('p1'));
queueMicrotask(() => { throw new Error('qboom'); });
queueMicrotask(() => { console.log('q3'); queueMicrotask(() => console.log('q3a')); process.nextTick(() => console.log('tick-from-q3')); });
Promise.reject(new Error('rej')).catch(e => console.log('catch', e.message));
process.nextTick(() => console.log('tick'));
setTimeout(() => { queueMicrotask(() => console.log('timer-q')); console.log('timer'); }, 0);
try { queueMicrotask(5); } catch (e) { console.log(e.code, e.message); }
queueMicrotask(function () { console.log('this', this === undefined, arguments.length); });
