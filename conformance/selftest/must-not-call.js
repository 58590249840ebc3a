// Expect: fail /AssertionError.*a warning should not be emitted/
'use strict';
const common = require('../common');
process.on('warning', common.mustNotCall('a warning should not be emitted'));
process.emitWarning('boom');
