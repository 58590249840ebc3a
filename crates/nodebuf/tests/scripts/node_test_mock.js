// node:test's hooks (global, suite and test level) in order, mock.fn/method/getter/setter and
// mock.timers, t.plan, t.name/fullName and option validation, reported as TAP.
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');

runFixture(['mock_and_hooks.js']);
