console.log('start');
Promise.reject(new TypeError('rejected'));
setTimeout(() => console.log('never'), 10);
