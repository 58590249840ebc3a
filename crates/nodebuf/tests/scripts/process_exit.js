process.on('exit', (code) => console.log('exiting with', code));
setTimeout(() => console.log('never'), 0);
console.log('before');
process.exit(4);
console.log('after');
