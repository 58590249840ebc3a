// Expect: fail /Unexpected global\(s\) found: leakedByTest/
'use strict';
require('../common');
globalThis.leakedByTest = 1;
