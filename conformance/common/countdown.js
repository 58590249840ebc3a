'use strict';
// Stand-in for Node's test/common/countdown: `new Countdown(n, fn)`; `dec()` counts down and
// calls `fn` (once, checked by mustCall) when the count reaches 0; `remaining` is the count.
const assert = require('assert');
const common = require('./');

class Countdown {
  #remaining;
  #callback;

  constructor(limit, callback) {
    assert(typeof limit === 'number');
    assert(typeof callback === 'function');
    this.#remaining = limit;
    this.#callback = common.mustCall(callback);
  }

  dec() {
    assert(this.#remaining > 0, 'Countdown expired');
    if (--this.#remaining === 0) this.#callback();
    return this.#remaining;
  }

  get remaining() {
    return this.#remaining;
  }
}

module.exports = Countdown;
