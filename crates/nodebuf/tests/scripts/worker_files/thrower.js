// Throws what the parent asks for (workerData.kind).
const { workerData, parentPort } = require('worker_threads');
process.on('exit', (code) => parentPort.postMessage(`worker process exit event ${code}`));
parentPort.postMessage('before');
switch (workerData.kind) {
  case 'error': {
    const e = new TypeError('bad thing');
    e.code = 'E_BAD';
    e.info = { n: 1 };
    e.fn = () => 1;
    throw e;
  }
  case 'subclass': {
    class MyError extends RangeError {}
    throw new MyError('sub');
  }
  case 'number': throw 42;
  case 'object': throw { plain: true };
  case 'null': throw null;
  case 'rejection': Promise.reject(new SyntaxError('rejected')); break;
  case 'caught':
    process.on('uncaughtException', (e) => parentPort.postMessage(`caught ${e.message}`));
    throw new Error('handled');
  case 'exit': process.exit(5); break;
  case 'exitCode': process.exitCode = 9; break;
  case 'exitInCatch':
    try { process.exit(3); } catch { parentPort.postMessage('should not be caught'); }
    break;
  case 'timeout': setTimeout(() => { throw new Error('later'); }, 1); break;
  default: break;
}
