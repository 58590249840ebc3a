// The main thread's 'uncaughtException' listener receives a worker's unhandled error.
const { Worker } = require('worker_threads');
const w = new Worker('./throws.js');
process.on('uncaughtException', (e) => console.log('caught in main', e.name, e.message, e.code));
w.on('exit', (c) => console.log('worker exit', c));
