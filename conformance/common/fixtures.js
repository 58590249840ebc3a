'use strict';
// Our stand-in for Node's test/common/fixtures: paths to and contents of test/fixtures, which
// run.py unpacks beside test/common for the module suites. Written from the documented API.
const path = require('path');
const fs = require('fs');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

/** Absolute path of a file under test/fixtures (`fixtures.path('a', 'b.txt')`). */
function fixturePath(...parts) {
  return path.join(fixturesDir, ...parts);
}

/** A `file:` URL of a fixture (needs the runtime's `url` module). */
function fileURL(...parts) {
  return require('url').pathToFileURL(fixturePath(...parts));
}

/** The contents of a fixture; `args` is a name or an array of path parts. */
function readSync(args, encoding) {
  return fs.readFileSync(fixturePath(...(Array.isArray(args) ? args : [args])), encoding);
}

/** The contents of a key file under test/fixtures/keys. */
function readKey(name, encoding) {
  return fs.readFileSync(fixturePath('keys', name), encoding);
}

module.exports = { fixturesDir, path: fixturePath, fileURL, readSync, readKey };
