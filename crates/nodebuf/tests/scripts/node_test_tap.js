// node:test's TAP report (what a test file prints when its stdout is not a terminal): every
// outcome of fixtures/node_test/cases.js, normalised (durations, paths, runtime frames).
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');

runFixture(['cases.js']);
runFixture(['--test-reporter=tap', 'cases.js']);
