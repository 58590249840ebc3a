'use strict';
// Our stand-in for Node's test/common/wpt: the `harness` object, the subset of the W3C
// testharness.js API that Node's own (non-WPT-suite) tests call, written from testharness.js's
// documented behaviour on top of node's assert. A failing `test()` throws at once, so the test
// process fails with the assertion and the sub-test's name. (The WPT suite runner itself,
// WPTRunner, runs test/fixtures/wpt and is not part of this stand-in.)
const assert = require('assert');

function named(description, message) {
  return description === undefined ? message : `${description}: ${message}`;
}

const harness = {
  /** Runs `fn` now as the sub-test `name`; an exception fails the whole test process. */
  test(fn, name) {
    try {
      fn();
    } catch (err) {
      process.stderr.write(`Sub-test failed: ${name}\n`);
      throw err;
    }
  },
  assert_equals(actual, expected, description) {
    assert(Object.is(actual, expected), named(description, `expected ${String(expected)} but got ${String(actual)}`));
  },
  assert_not_equals(actual, expected, description) {
    assert(!Object.is(actual, expected), named(description, `got disallowed value ${String(actual)}`));
  },
  assert_true(actual, description) {
    assert.strictEqual(actual, true, description);
  },
  assert_false(actual, description) {
    assert.strictEqual(actual, false, description);
  },
  assert_array_equals(actual, expected, description) {
    assert.strictEqual(actual.length, expected.length, named(description, 'lengths differ'));
    for (let i = 0; i < expected.length; i++) {
      assert(Object.is(actual[i], expected[i]),
             named(description, `expected ${String(expected[i])} at index ${i} but got ${String(actual[i])}`));
    }
  },
  /** The older form: `code` is an error instance (or `{ name }`) whose name must match. */
  assert_throws(code, fn, description) {
    assert.throws(fn, (err) => err !== null && typeof err === 'object' && err.name === code.name, description);
  },
  assert_throws_js(constructor, fn, description) {
    assert.throws(fn, constructor, description);
  },
  assert_unreached(description) {
    assert.fail(named(description, 'reached unreachable code'));
  },
};

module.exports = { harness };
