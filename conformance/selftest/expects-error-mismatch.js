// Expect: fail /AssertionError/
'use strict';
const common = require('../common');
const assert = require('assert');
assert.throws(() => { throw new TypeError('bad x'); },
              common.expectsError({ name: 'TypeError', message: 'bad y' }));
