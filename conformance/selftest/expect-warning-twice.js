// Expect: fail /more often than expected/
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
