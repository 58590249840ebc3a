// Expect: pass
'use strict';
const common = require('../common');
const assert = require('assert');
for (const key of ['hasCrypto', 'hasIntl', 'isWindows', 'isLinux', 'isOSX', 'enoughTestMem']) {
  assert.strictEqual(typeof common[key], 'boolean', key);
}
assert.strictEqual(common.platformTimeout(100), 100);
const views = common.getArrayBufferViews(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
assert.strictEqual(views.length, 12);
for (const view of views) assert.strictEqual(view.byteLength, 8);
const sources = common.getBufferSources(Buffer.from([1, 2]));
assert.ok(sources[sources.length - 1] instanceof ArrayBuffer);
