// domain: a domain left active when the loop calls into JS on the process object (the
// immediates phase, 'beforeExit', 'exit') is entered around that call, with DEP0097 once.
'use strict';
const domain = require('domain');
const d = domain.create();
d.enter();
process.on('warning', (w) => console.log('warning', w.code, process.domain === d, domain._stack.length));
setImmediate(() => {
  console.log('immediate', domain._stack.length);
  setTimeout(() => console.log('timeout', domain._stack.length), 1);
});
process.on('beforeExit', () => console.log('beforeExit', domain._stack.length));
process.on('exit', () => console.log('exit', domain._stack.length));
