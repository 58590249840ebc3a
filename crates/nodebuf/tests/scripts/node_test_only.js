// node:test's --test-only and --test-name-pattern.
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');

runFixture(['--test-only', 'only.js']);
runFixture(['only.js']);
runFixture(['--test-name-pattern=inside', 'only.js']);
runFixture(['--test-name-pattern', '/^sub/', '--test-name-pattern', 'plain', 'only.js']);
