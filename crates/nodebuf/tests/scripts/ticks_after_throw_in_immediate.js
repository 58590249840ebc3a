// A tick that throws in the drain after an immediate's callback: the next immediate of the same
// batch runs first, then the ticks left behind, then the next iteration's immediate. Order
// compared with Node's.
process.on('uncaughtException', e => console.log('caught', e.message));
setImmediate(() => {
process.nextTick(() => console.log('t1'));
process.nextTick(() => { throw new Error('boom'); });
process.nextTick(() => console.log('t3'));
Promise.resolve().then(() => console.log('m1'));
setImmediate(() => console.log('imm2'));
});
setImmediate(() => console.log('imm1b'));
