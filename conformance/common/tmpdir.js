'use strict';
// Our stand-in for Node's test/common/tmpdir: one scratch directory per test process, emptied
// by refresh(). Written from the documented API.
const fs = require('fs');
const os = require('os');
const path = require('path');

const tmpPath = path.join(os.tmpdir(), `nodebuf-test-tmp.${process.pid}`);

/** Removes and re-creates the scratch directory; it is removed again at exit. */
function refresh() {
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
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
