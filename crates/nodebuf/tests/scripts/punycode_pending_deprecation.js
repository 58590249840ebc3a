// flags: --pending-deprecation
// Under --pending-deprecation, loading punycode warns once (DEP0040); `constants` does not.
'use strict';
require('constants');
const punycode = require('punycode');
console.log(require('node:punycode') === punycode, punycode.toASCII('mañana.com'));
