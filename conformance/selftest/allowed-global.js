// Expect: pass
'use strict';
const common = require('../common');
globalThis.allowedByName = 1;
common.allowGlobals('allowedByName');
