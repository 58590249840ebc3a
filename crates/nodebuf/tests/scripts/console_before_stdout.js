// console.log/error before anything reads process.stdout/stderr: the bytes, their order with
// later stream writes, what it does to the Buffer pool, the handles the process then lists,
// and every way a script takes the streams over afterwards (assignment to console._stdout, a
// replaced process.stdout, a made stream). Run by scripts_match_node (stdout and stderr are
// pipes) and by tests/cli.rs with both redirected to files.
'use strict';
const offsets = [];
const mark = () => offsets.push(Buffer.allocUnsafe(1).byteOffset);
mark();
console.log('first line');
mark();
console.log('%s and %d', 'format', 42);
mark();
console.error('to stderr');
mark();
console.info('info', { nested: [1, 2] });
mark();
console.group('group');
console.log('indented\nmulti-line');
console.groupEnd();
mark();
console.log('y'.repeat(3000).length);
mark();
const resources = process.getActiveResourcesInfo().filter((name) => name !== 'Timeout');
console.log('resources', resources);
mark();
console.log('handles', process._getActiveHandles().map((h) => [h.fd, typeof h.write]));
mark();
console.log('getters', Object.getOwnPropertyDescriptor(process, 'stdout').get.name,
  Object.getOwnPropertyDescriptor(process, 'stderr').get.name, 'set' in Object.getOwnPropertyDescriptor(process, 'stdout'),
  Object.getOwnPropertyDescriptor(process, 'stdout').set);
try {
  process.stdout = null;
} catch (e) {
  console.log('assign', e.constructor.name, e.message);
}
// A stream given to the console takes its writes; the process's stdout does not see them.
const seen = [];
const fake = new (require('events'))();
fake.write = (chunk) => { seen.push(String(chunk)); return true; };
console._stdout = fake;
console.log('to the fake');
console._stdout = process.stdout;
console.log('back to stdout', JSON.stringify(seen));
// A stdout defined over process's own.
const real = process.stdout;
Object.defineProperty(process, 'stdout', { value: fake, configurable: true, writable: true });
console._stdout = undefined;
console.log('via the replaced process.stdout');
Object.defineProperty(process, 'stdout', { value: real, configurable: true, writable: true });
console.log('restored', JSON.stringify(seen));
process.stdout.write('stream write\n');
console.log('after the stream', offsets.join(' '));
mark();
console.error('offsets', offsets.join(' '));
