// Expect: fail /Expected warning\(s\) not emitted: DeprecationWarning \[DEP0999\]: old api/
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
