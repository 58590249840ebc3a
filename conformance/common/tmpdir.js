'use strict';
// Our stand-in for Node's test/common/tmpdir: one scratch directory per test process, emptied
// by refresh(). Written from the documented API.
const fs = require('fs');
const os = require('os');
const path = require('path');

// A test's child processes (cluster workers, forked helpers) share their parent's directory,
// as in Node's harness: the process that made it passes it on in the environment.
const tmpPath = process.env.NODEBUF_TEST_TMPDIR || path.join(os.tmpdir(), `nodebuf-test-tmp.${process.pid}`);

/** Removes and re-creates the scratch directory; it is removed again at exit. */
function refresh() {
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
  process.env.NODEBUF_TEST_TMPDIR = tmpPath;
  process.on('exit', () => fs.rmSync(tmpPath, { recursive: true, force: true }));
}

module.exports = {
  path: tmpPath,
  refresh,
  /** A path inside the scratch directory. */
  resolve: (...parts) => path.resolve(tmpPath, ...parts),
  /** Whether the disk has room for `size` more bytes (always assumed here). */
  hasEnoughSpace: () => true,
  /** A `file:` URL inside the scratch directory. */
  fileURL: (...parts) => require('url').pathToFileURL(path.resolve(tmpPath, ...parts)),
};
