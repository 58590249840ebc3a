// node:test's spec, dot and junit reporters (--test-reporter) on every outcome of
// fixtures/node_test/cases.js, and two reporters at once with their destinations.
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');

runFixture(['--test-reporter=spec', 'cases.js']);
runFixture(['--test-reporter=dot', 'cases.js']);
runFixture(['--test-reporter=junit', 'cases.js']);
runFixture(['--test-reporter', 'dot', '--test-reporter-destination', 'stderr', '--test-reporter', 'spec', '--test-reporter-destination', 'stdout', 'cases.js']);
runFixture(['--test-reporter=dot', '--test-reporter=spec', 'cases.js']);
