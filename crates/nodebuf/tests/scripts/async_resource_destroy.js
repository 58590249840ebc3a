// flags: --expose-gc
// AsyncResource and the destroy hook: emitDestroy reports once; a resource nobody destroys
// reports destroy when collected (while a destroy hook is enabled), one created with
// requireManualDestroy does not; runInAsyncScope/bind report before/after with the resource's
// id; hooks see the AsyncResource types; ids relate (trigger = the creating scope's id).
'use strict';
const { createHook, AsyncResource, executionAsyncId, triggerAsyncId } = require('async_hooks');

const events = [];
const mine = new Set();
createHook({
  init(id, type, trigger) { if (type.startsWith('Test')) { mine.add(id); events.push(['init', type, trigger === executionAsyncId()]); } },
  before(id) { if (mine.has(id)) events.push(['before', id === executionAsyncId()]); },
  after(id) { if (mine.has(id)) events.push(['after']); },
  destroy(id) { if (mine.has(id)) events.push(['destroy', names.get(id)]); },
}).enable();
const names = new Map();

const manual = new AsyncResource('TestManual', { requireManualDestroy: true });
names.set(manual.asyncId(), 'manual');
const explicit = new AsyncResource('TestExplicit');
names.set(explicit.asyncId(), 'explicit');
explicit.runInAsyncScope(() => events.push(['in scope', executionAsyncId() === explicit.asyncId(), triggerAsyncId() === explicit.triggerAsyncId()]));
explicit.bind((a) => events.push(['bound', a]))(7);
explicit.emitDestroy();
explicit.emitDestroy();
{
  const dropped = new AsyncResource('TestDropped');
  names.set(dropped.asyncId(), 'dropped');
}
setImmediate(() => {
  globalThis.gc();
  setImmediate(() => {
    console.log(JSON.stringify(events));
    console.log(manual.asyncId() > 1, typeof manual.triggerAsyncId());
  });
});
