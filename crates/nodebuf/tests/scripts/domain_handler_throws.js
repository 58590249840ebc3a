// domain: an exception thrown by the 'error' listener of the outermost domain on the stack is
// fatal at once (exit code 7, no 'exit' event), as Node's fatal-exception handler makes it.
'use strict';
const domain = require('domain');
process.on('exit', (code) => console.log('exit event', code));
const outer = domain.create();
const inner = domain.create();
outer.on('error', (er) => console.log('outer never sees', er.message));
inner.on('error', (er) => {
  console.log('inner caught', er.message, process.domain === inner);
  throw new Error(`rethrown from the handler: ${er.message}`);
});
outer.run(() => {
  inner.run(() => {
    // Scheduled here, the tick belongs to `inner` alone: `outer` is not on the stack when it runs.
    process.nextTick(() => { throw new Error('from tick'); });
  });
});
