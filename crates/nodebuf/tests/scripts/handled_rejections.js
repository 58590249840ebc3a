process.on('unhandledRejection', (reason, promise) => console.log('unhandledRejection', reason, promise instanceof Promise));
process.on('uncaughtException', (err, origin) => console.log('uncaught', err.message, origin));
Promise.reject(1);
const late = Promise.reject(2);
late.catch((v) => console.log('caught late', v));
setTimeout(() => { throw new Error('from timer'); }, 1);
setTimeout(() => console.log('still running'), 5);
