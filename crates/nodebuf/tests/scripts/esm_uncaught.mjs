// An ES module that throws at top level: Node's report on stderr, exit code 1, 'exit' runs.
import { Buffer } from 'node:buffer';

process.on('exit', (code) => console.log('exit', code));
console.log(Buffer.from('module').toString('hex'));
throw new RangeError('thrown from a module');
