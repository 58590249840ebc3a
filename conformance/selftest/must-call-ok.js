// Expect: pass
'use strict';
const common = require('../common');
const once = common.mustCall((a, b) => a + b);
if (once(1, 2) !== 3) throw new Error('mustCall must return what fn returns');
const twice = common.mustCall(2);
twice(); twice();
const atLeast = common.mustCallAtLeast(() => {}, 2);
atLeast(); atLeast(); atLeast();
const named = common.mustCall(function named(x, y) {});
if (named.length !== 2) throw new Error('mustCall must keep fn.length');
named();
const ctx = {};
common.mustCall(function() { if (this !== ctx) throw new Error('this lost'); }).call(ctx);
common.mustSucceed((value) => { if (value !== 5) throw new Error('args lost'); })(null, 5);
common.mustSucceed()(undefined);
