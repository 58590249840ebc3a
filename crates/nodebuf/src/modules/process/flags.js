// process.allowedNodeEnvironmentFlags: the runner's flags that NODE_OPTIONS may carry, as a
// frozen Set-like with Node's lookup rules (`=value` ignored, `_` for `-`, the leading `--`
// optional) whose changes do nothing.
'use strict';

// The flags of Node's set that the runner accepts (src/flags.rs).
const kFlags = [
  '--expose-gc',
  '--no-deprecation',
  '--trace-deprecation',
  '--throw-deprecation',
  '--no-warnings',
  '--pending-deprecation',
  '--zero-fill-buffers',
  '--trace-warnings',
];

// A flag as the set stores it: without `=value`, `--`-prefixed, `_` written `-`.
function normalize(key) {
  const name = key.split('=')[0];
  if (name.startsWith('--')) return `--${name.slice(2).replaceAll('_', '-')}`;
  if (name.startsWith('-')) return name;
  return `--${name.replaceAll('_', '-')}`;
}

let instance;

function allowedNodeEnvironmentFlags() {
  if (instance !== undefined) return instance;
  const flags = new Set(kFlags);
  // Its own (empty) Set storage, so inspect shows `NodeEnvironmentFlagsSet(0) [Set]` as Node's.
  class NodeEnvironmentFlagsSet extends Set {
    add() {
      return this;
    }

    delete() {
      return false;
    }

    clear() {}

    has(key) {
      return typeof key === 'string' && key !== '' && flags.has(normalize(key));
    }

    entries() {
      return flags.entries();
    }

    forEach(callback, thisArg = undefined) {
      for (const flag of flags) Reflect.apply(callback, thisArg, [flag, flag, this]);
    }

    get size() {
      return flags.size;
    }

    values() {
      return flags.values();
    }
  }
  const proto = NodeEnvironmentFlagsSet.prototype;
  proto.keys = proto.values;
  proto[Symbol.iterator] = proto.values;
  Object.freeze(proto.constructor);
  Object.freeze(proto);
  instance = Object.freeze(new NodeEnvironmentFlagsSet());
  return instance;
}

module.exports = { allowedNodeEnvironmentFlags };
