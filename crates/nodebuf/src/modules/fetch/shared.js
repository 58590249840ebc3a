// Small helpers the fetch classes share: URL parsing worded as fetch words its failure, and
// prototype member order (Node's classes list the Body members between their own).
'use strict';
const { URL } = require('url');

/** `new URL(input)`, or fetch's `TypeError: Failed to parse URL from <input>` with the URL error as cause. */
function parseURL(input, base = undefined) {
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
}

/** Moves the named own properties of `proto` to the end, in the order given. */
function reorderMembers(proto, names) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    delete proto[name];
    Object.defineProperty(proto, name, d);
  }
}

module.exports = { parseURL, reorderMembers };
