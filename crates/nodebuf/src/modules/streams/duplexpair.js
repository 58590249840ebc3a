// stream.duplexPair([options]): two Duplexes wired to each other (what one writes, the other reads).
'use strict';

const { Duplex } = require('internal/streams/duplex');

const kCallback = Symbol('kCallback');
const kOther = Symbol('kOther');

class DuplexSide extends Duplex {
  constructor(options) {
    super(options);
    this[kCallback] = null;
    this[kOther] = null;
  }

  setOther(other) {
    this[kOther] = other;
  }

  _read() {
    const callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  }

  _write(chunk, encoding, callback) {
    if (chunk.length === 0) {
      process.nextTick(callback);
    } else {
      this[kOther].push(chunk);
      this[kOther][kCallback] = callback;
    }
  }

  _final(callback) {
    this[kOther].on('end', callback);
    this[kOther].push(null);
  }
}

function duplexPair(options) {
  const side0 = new DuplexSide(options);
  const side1 = new DuplexSide(options);
  side0.setOther(side1);
  side1.setOther(side0);
  return [side0, side1];
}

module.exports = { duplexPair };
