// flags: --expose-gc --zero-fill-buffers
console.log(typeof gc, gc(), process.execArgv);
