console.log('before throw');
process.on('exit', (code) => console.log('exit', code));
function thrower() {
  throw new Error('boom');
}
thrower();
