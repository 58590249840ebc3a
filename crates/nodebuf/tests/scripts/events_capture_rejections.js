// EventEmitter captureRejections: per emitter, global, Symbol.for('nodejs.rejection'), validation.
const { EventEmitter } = require('events');
const e = new EventEmitter({ captureRejections: true });
e.on('x', async () => { throw new Error('boom'); });
e.on('error', (err) => console.log('error event', err.message));
e.emit('x');
const f = new EventEmitter({ captureRejections: true });
f[Symbol.for('nodejs.rejection')] = (err, type, ...args) => console.log('rejection hook', err.message, type, args);
f.on('y', async (a) => { throw new Error('bad ' + a); });
f.emit('y', 1, 2);
try { new EventEmitter({ captureRejections: 1 }) } catch (err) { console.log(err.code, err.message) }
try { EventEmitter.captureRejections = 1 } catch (err) { console.log(err.code, err.message) }
console.log(EventEmitter.captureRejections);
EventEmitter.captureRejections = true;
const g = new EventEmitter();
g.on('z', async () => { throw new Error('global'); });
g.on('error', (err) => console.log('g error', err.message));
g.emit('z');
EventEmitter.captureRejections = false;
