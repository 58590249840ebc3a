// Expect: skip
'use strict';
const common = require('../common');
common.mustCall();
common.skip('not today');
