const EventEmitter = require('events');
const e = new EventEmitter();
e.on('newListener', (name) => console.log('newListener', name));
e.on('x', (a, b) => console.log('x1', a, b));
e.prependListener('x', () => console.log('x0'));
e.once('x', () => console.log('once'));
console.log(e.emit('x', 1, 2), e.emit('x', 3, 4), e.emit('nothing'), e.listenerCount('x'), e.eventNames());
const handler = () => console.log('removed?');
e.on('y', handler);
e.off('y', handler);
console.log(e.emit('y'), e.listeners('x').length, e.rawListeners('x').length, e.getMaxListeners());
try { e.emit('error', new Error('unhandled emitter error')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
class Sub extends EventEmitter {}
const s = new Sub();
for (let i = 0; i < 11; i++) s.on('leak', () => {});
EventEmitter.once(s, 'ready').then((args) => console.log('once promise', args));
s.emit('ready', 1, 2);
e.removeAllListeners();
console.log(e.eventNames());
