// Expect: fail /Expected exactly 1, actual 2/
'use strict';
const common = require('../common');
const fn = common.mustCall();
fn(); fn();
