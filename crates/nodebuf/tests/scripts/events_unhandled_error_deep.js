// An 'error' event nobody listens for, emitted a few calls deep at the top level of the main
// module on an EventEmitter subclass: the uncaught error also says where it was emitted
// ("Emitted 'error' event on Thing instance at:"), with the frames both stacks share elided.
'use strict';
const EventEmitter = require('events');
class Thing extends EventEmitter {}
function a(t) { b(t); }
function b(t) { c(t); }
function c(t) { d(t); }
function d(t) { t.emit('error', new TypeError('deep')); }
a(new Thing());
