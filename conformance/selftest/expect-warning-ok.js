// Expect: pass
'use strict';
const common = require('../common');
common.expectWarning('DeprecationWarning', 'old api', 'DEP0999');
common.expectWarning({
  Warning: [['first'], ['second', 'W2']],
  ExperimentalWarning: 'shiny',
});
process.emitWarning('old api', 'DeprecationWarning', 'DEP0999');
process.emitWarning('first');
process.emitWarning('second', { code: 'W2' });
process.emitWarning('shiny', 'ExperimentalWarning');
