// DEP0005: once per process, for Buffer() and new Buffer(), never for the statics.
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
Buffer.of(1);
Buffer.from('a');
Buffer.alloc(1).map((x) => x);
console.log(Buffer(2), new Buffer('ab'), new Buffer([1, 2]));
setTimeout(() => console.log('done'), 1);
