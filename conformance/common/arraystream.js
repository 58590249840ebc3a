'use strict';
// Stand-in for Node's test/common/arraystream: a legacy Stream that is readable and writable,
// whose `run(lines)` emits each entry plus '\n' as a 'data' event (what readline/REPL tests
// feed their interfaces with); pause/resume/write do nothing.
const { Stream } = require('stream');

function noop() {}

class ArrayStream extends Stream {
  run(lines) {
    for (const line of lines) this.emit('data', `${line}\n`);
  }
}

ArrayStream.prototype.readable = true;
ArrayStream.prototype.writable = true;
ArrayStream.prototype.pause = noop;
ArrayStream.prototype.resume = noop;
ArrayStream.prototype.write = noop;

module.exports = ArrayStream;
