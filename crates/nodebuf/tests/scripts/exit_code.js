process.on('exit', (code) => {
  console.log('exit event', code, process.exitCode);
  setTimeout(() => console.log('never runs'), 0);
});
process.on('beforeExit', (code) => console.log('beforeExit', code));
process.exitCode = 3;
console.log('set exit code');
