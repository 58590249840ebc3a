// The setters of the process's user and group ids, with Node's validation (an id is
// a uint32 or a user/group name) over the real system calls (native.credentials).
'use strict';

const { codes, validateInteger } = require('internal/errors');

const creds = native.credentials;

function validateId(value, name) {
  if (typeof value === 'number') validateInteger(value, name, 0, 2 ** 32 - 1);
  else if (typeof value !== 'string') throw codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], value);
}

// setuid/seteuid/setgid/setegid: anonymous functions of one parameter, as Node's.
function idSetter(syscall, kind) {
  return function (id) {
    validateId(id, 'id');
    if (creds.setId(syscall, id) === 1) throw codes.ERR_UNKNOWN_CREDENTIAL(kind, id);
  };
}

function setgroups(groups) {
  if (!Array.isArray(groups)) throw codes.ERR_INVALID_ARG_TYPE('groups', 'Array', groups);
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  const failed = creds.setgroups(groups);
  if (failed > 0) throw codes.ERR_UNKNOWN_CREDENTIAL('Group', groups[failed - 1]);
}

function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const result = creds.initgroups(user, extraGroup);
  if (result === 1) throw codes.ERR_UNKNOWN_CREDENTIAL('User', user);
  if (result === 2) throw codes.ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
}

module.exports = {
  setgroups,
  initgroups,
  setuid: idSetter('setuid', 'User'),
  seteuid: idSetter('seteuid', 'User'),
  setgid: idSetter('setgid', 'Group'),
  setegid: idSetter('setegid', 'Group'),
};
