// The reporter of a test file that `run()`/`--test` spawned (NODE_TEST_CONTEXT=child-v8): each
// event as one marked JSON line on stdout for the parent to read back (see runner.js), errors
// carried with their name, message, stack and own fields.
'use strict';

const { encodeEvent } = require('internal/test_runner/runner_protocol');

module.exports = async function* childReporter(source) {
  for await (const item of source) {
    yield encodeEvent(item);
  }
};
