// Expect: fail /Mismatched mustCallAtLeast function calls\. Expected at least 2, actual 1/
'use strict';
const common = require('../common');
common.mustCallAtLeast(2)();
