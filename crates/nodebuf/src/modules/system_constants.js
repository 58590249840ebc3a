// `internal/constants`: the host's constants in Node's shapes, made once from the native
// tables of read-only values (modules/constants.rs): `os` for os.constants, `fs` for
// fs.constants, and `legacy()` for the deprecated `constants` module.
'use strict';

const tables = native.systemConstants();

// (The tables themselves are plain properties of os.constants; its one number is read-only.)
const os = {
  __proto__: null,
  UV_UDP_REUSEADDR: 4,
  dlopen: tables.dlopen,
  errno: tables.errno,
  signals: tables.signals,
  priority: tables.priority,
};
Object.defineProperty(os, 'UV_UDP_REUSEADDR', { writable: false, configurable: false });
const fs = tables.fs;

/**
 * The `constants` module's object: dlopen, errno, priority, signals, fs and crypto constants
 * merged in that order into one frozen ordinary object (no UV_UDP_REUSEADDR, as in Node).
 */
function legacy() {
  const merged = { ...os.dlopen, ...os.errno, ...os.priority, ...os.signals, ...fs };
  // Node merges its native crypto table: the crypto module's later `defaultCipherList`
  // accessor is not part of it.
  const crypto = require('crypto').constants;
  for (const name of Object.keys(crypto)) {
    if (name !== 'defaultCipherList') merged[name] = crypto[name];
  }
  return Object.freeze(merged);
}

module.exports = { os, fs, legacy };
