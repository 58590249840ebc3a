// `require('readline')`: the public face of internal/readline/interface, with Node's export
// order and the lazy `promises` namespace.
'use strict';

const rl = require('internal/readline/interface');

module.exports = {
  Interface: rl.Interface,
  clearLine: rl.clearLine,
  clearScreenDown: rl.clearScreenDown,
  createInterface: rl.createInterface,
  cursorTo: rl.cursorTo,
  emitKeypressEvents: require('internal/readline/keys').emitKeypressEvents,
  moveCursor: rl.moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('readline/promises'); },
});
