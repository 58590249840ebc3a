// `require('node:test')`: test()/it(), describe()/suite(), the hooks, run() and the lazily made
// `mock` tracker. Only reachable with its `node:` scheme, as in Node.
'use strict';

const { test, suite, before, after, beforeEach, afterEach } = require('internal/test_runner/harness');

// (Node's run has one parameter.)
const run = [function run(options) {
  return require('internal/test_runner/runner').run(options);
}][0];

module.exports = test;
Object.assign(module.exports, {
  after,
  afterEach,
  before,
  beforeEach,
  describe: suite,
  it: test,
  run,
  suite,
  test,
});

let lazyMock;
Object.defineProperty(module.exports, 'mock', {
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock');
      lazyMock = new MockTracker();
    }
    return lazyMock;
  },
});
