// Expect: fail /boom/
'use strict';
const common = require('../common');
common.mustSucceed()(new Error('boom'));
