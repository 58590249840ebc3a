// Expect: pass
'use strict';
const common = require('../common');
process.nextTick(common.mustCall());
setTimeout(common.mustCall(), 1);
Promise.resolve().then(common.mustCall());
