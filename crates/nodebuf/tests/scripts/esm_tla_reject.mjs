// Top-level await of a rejected promise is the module's uncaught error.
console.log('before');
await Promise.reject(Object.assign(new Error('awaited rejection'), { code: 'E_AWAIT' }));
console.log('never');
