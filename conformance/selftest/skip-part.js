// Expect: pass /# Skipped part: no crypto here/
'use strict';
const common = require('../common');
common.printSkipMessage('no crypto here');
