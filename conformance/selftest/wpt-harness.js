// Expect: fail /Sub-test failed: second\n(.|\n)*expected c at index 1 but got x/
'use strict';
const { test, assert_array_equals, assert_equals, assert_true } = require('../common/wpt').harness;
test(() => {
  assert_array_equals(['a', 'b'], ['a', 'b']);
  assert_equals(NaN, NaN);
  assert_true(true);
}, 'first');
test(() => assert_array_equals(['a', 'x'], ['a', 'c']), 'second');
