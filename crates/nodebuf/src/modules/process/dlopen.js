// process.dlopen(module, filename, flags): loads a shared object as Node does, with Node's
// errors. A file that is no shared object fails with the loader's text; one that loads has
// registered no Node module here (nodebuf has no addon registry), which Node reports as
// "did not self-register".
'use strict';

const { codes, makeNodeError } = require('internal/errors');

const RTLD_LAZY = 1;

function dlopen(module, filename, flags, argumentCount) {
  if (argumentCount < 2) throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'process.dlopen needs at least 2 arguments');
  // (Node reads module.exports as an object first.)
  if (module.exports === undefined || module.exports === null) throw new TypeError('Cannot convert undefined or null to object');
  const mode = flags === undefined ? RTLD_LAZY : flags | 0;
  const failure = native.dlopen(String(filename), mode);
  if (failure !== null) throw codes.ERR_DLOPEN_FAILED(failure);
  throw codes.ERR_DLOPEN_FAILED(`Module did not self-register: '${filename}'.`);
}

module.exports = { dlopen, RTLD_LAZY };
