// A worker error nobody listens for is thrown in the main thread as soon as it arrives:
// uncaught, so the process fails with code 1. (Whether the worker's 'exit' event still runs
// first races in node itself, so it is not printed.)
const { Worker } = require('worker_threads');
new Worker('./throws.js');
process.on('exit', (c) => console.log('main exit', c));
