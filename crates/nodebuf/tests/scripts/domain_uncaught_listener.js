// domain: with 'uncaughtException' listeners, domains with an 'error' listener still come
// first; errors outside any domain reach the listeners, which see an empty domain stack.
'use strict';
const domain = require('domain');
const events = [];
function onUncaught(er, origin) {
  events.push(`uncaughtException ${er.message} ${origin} domain=${process.domain} stack=${domain._stack.length} ` +
    `decorated=${er.domainThrown !== undefined}`);
}
process.on('uncaughtException', onUncaught);
// The domain module keeps its own clearing listener first.
console.log(process.listeners('uncaughtException').length, process.listeners('uncaughtException')[1] === onUncaught);

const d = domain.create();
d.on('error', (er) => events.push(`domain ${er.message} active=${process.domain}`));
d.run(() => setTimeout(() => { throw new Error('inside d'); }, 1));
setTimeout(() => { throw new Error('outside'); }, 2);
// A domain without a listener: the process listener gets it, the stack is cleared first.
const quiet = domain.create();
quiet.run(() => setTimeout(() => { throw new Error('inside quiet'); }, 3));
// Thrown synchronously in run at the top level of a timer.
setTimeout(() => d.run(() => { throw new Error('sync in run'); }), 4);
setTimeout(() => {
  process.removeListener('uncaughtException', onUncaught);
  // Removing the last user listener removes the domain's own as well.
  console.log(process.listeners('uncaughtException').length);
  console.log(events.join('\n'));
}, 20);
