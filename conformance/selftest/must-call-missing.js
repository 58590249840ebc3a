// Expect: fail /Mismatched mustCall function calls\. Expected exactly 1, actual 0/
'use strict';
const common = require('../common');
common.mustCall();
