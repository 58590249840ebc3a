const util = require('util');
process.on('warning', (w) => console.log('listener:', w.name, w.code, w.message));
process.emitWarning('first warning');
process.emitWarning('typed', 'CustomWarning', 'CODE1');
process.emitWarning('deprecated thing', 'DeprecationWarning', 'DEP0999');
process.emitWarning(new Error('from error object'));
process.emitWarning('with detail', { type: 'DetailWarning', code: 'D1', detail: 'more info' });
const dep = util.deprecate(() => 'ret', 'old() is deprecated', 'DEP0111');
const dep2 = util.deprecate(() => 'ret2', 'same code again', 'DEP0111');
console.log(dep(), dep(), dep2());
const noCode = util.deprecate(function () { return 1; }, 'no code');
noCode(); noCode();
try { process.emitWarning(5); } catch (e) { console.log(e.code, e.message); }
