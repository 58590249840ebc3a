// Expect: pass
'use strict';
const common = require('../common');
const assert = require('assert');
assert.throws(() => { throw new TypeError('bad x'); },
              common.expectsError({ name: 'TypeError', message: 'bad x' }));
const err = new RangeError('out');
err.code = 'ERR_OUT_OF_RANGE';
const twice = common.expectsError({ code: 'ERR_OUT_OF_RANGE', name: 'RangeError' }, 2);
twice(err);
twice(err);
if (common.expectsError(/out/)(err) !== true) throw new Error('must return true');
