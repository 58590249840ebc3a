// Expect: fail /Unexpected warning Warning: stray/
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
process.emitWarning('stray');
