// node:test's run() (each file in a child process, events merged and renumbered) and --test
// (finding test files: test/ directories, *_test.js and the like, never node_modules).
'use strict';
const { runFixture } = require('../fixtures/node_test/tap_normalize.js');
const path = require('path');

runFixture(['run_api.js']);
runFixture(['--test', 'project/b_test.js', 'project/test/a.test.js']);
runFixture(['--test', '--test-reporter=spec', 'project/b_test.js']);
runFixture(['--test', 'missing.js']);
runFixture(['--test', '--test-shard=2/2', '--test-concurrency=1', 'project/b_test.js', 'project/test/a.test.js']);
runFixture(['--test', '--test-timeout=1000', 'project/b_test.js']);
runFixture(['--test', '--test-shard=x', 'project/b_test.js']);
// With no files: the test files under the working directory.
const { spawnSync } = require('child_process');
const { normalize } = require('../fixtures/node_test/tap_normalize.js');
const dir = path.join(__dirname, '..', 'fixtures', 'node_test', 'project');
const found = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8' });
console.log(`--- --test in project/: exit ${found.status}`);
console.log(normalize(found.stdout, dir));
