// domain: an emitter's unheard 'error' in a domain with no listener of its own is thrown as the
// domain's unhandled 'error' event, decorated with domainEmitter/domainThrown.
'use strict';
const domain = require('domain');
const EventEmitter = require('events');
class Pump extends EventEmitter {}
const d = domain.create();
let pump;
d.run(() => { pump = new Pump(); });
console.log(pump.domain === d, d.members.length);
pump.emit('error', new RangeError('pump failed'));
