// A tick that throws during the main script's drain with nothing else scheduled, or with only
// immediates: the ticks left behind (and their microtasks) still run, before the first
// immediate, and before 'exit'. Order compared with Node's.
process.on('uncaughtException', e => console.log('caught', e.message));
process.on('exit', () => console.log('exit'));
process.nextTick(() => console.log('t1'));
process.nextTick(() => { throw new Error('boom'); });
process.nextTick(() => console.log('t3'));
Promise.resolve().then(() => console.log('m1'));

setImmediate(() => console.log('imm'));
