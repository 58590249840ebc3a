// Expect: fail /Mismatched mustCall function calls/
'use strict';
const common = require('../common');
common.expectsError({ name: 'TypeError' });
