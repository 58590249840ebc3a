// Expect: fail /AssertionError/
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
process.emitWarning('old api', 'DeprecationWarning', 'DEP0998');
