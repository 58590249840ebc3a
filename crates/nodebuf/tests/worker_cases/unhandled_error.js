// A worker error nobody listens for is thrown in the main thread as soon as it arrives (before
// the worker's exit is processed): uncaught, so the process fails with code 1.
const { Worker } = require('worker_threads');
const w = new Worker('./throws.js');
w.on('exit', (c) => console.log('worker exit', c));
process.on('exit', (c) => console.log('main exit', c));
