// The ES module face of our `test/common` stand-in (index.js), for Node's `.mjs` tests:
// the same object as the default export and its members as named exports.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const common = require('./index.js');

export const {
  skipIf32Bits, mustNotMutateObjectDeep, skipIfDumbTerminal, allowGlobals, enoughTestMem, expectsError,
  expectWarning, getArrayBufferViews, getBufferSources, hasCrypto, hasIntl, invalidArgTypeHelper, isAIX,
  isFreeBSD, isLinux, isOpenBSD, isOSX, isSunOS, isWindows, localhostIPv4, mustCall, mustCallAtLeast,
  mustNotCall, mustSucceed, platformTimeout, printSkipMessage, skip, spawnPromisified, isMainThread,
} = common;
export default common;
