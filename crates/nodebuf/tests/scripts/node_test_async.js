// node:test failures outside a test's own call (uncaught exceptions and rejections during and
// after a test, never-settling tests, done called twice), `only` without --test-only, and a
// run whose only failure is a todo test (exit code 0).
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');

runFixture(['async_errors.js']);
runFixture(['todo_only.js']);
runFixture(['--test-reporter=spec', 'todo_only.js']);
