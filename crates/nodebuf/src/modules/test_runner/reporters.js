// `require('node:test/reporters')`: the builtin reporters, loaded when first read.
'use strict';

let dot;
let junit;
let spec;
let tap;
let lcov;

Object.defineProperties(module.exports, {
  dot: {
    configurable: true,
    enumerable: true,
    get() {
      dot ??= require('internal/test_runner/reporter/dot');
      return dot;
    },
  },
  junit: {
    configurable: true,
    enumerable: true,
    get() {
      junit ??= require('internal/test_runner/reporter/junit');
      return junit;
    },
  },
  spec: {
    configurable: true,
    enumerable: true,
    // (A function constructing the reporter, named `value` and of no parameters, as Node's.)
    value: function value() {
      spec ??= require('internal/test_runner/reporter/spec');
      return Reflect.construct(spec, arguments);
    },
  },
  tap: {
    configurable: true,
    enumerable: true,
    get() {
      tap ??= require('internal/test_runner/reporter/tap');
      return tap;
    },
  },
  // (Read, it is a new reporter instance, as Node's getter makes one.)
  lcov: {
    configurable: true,
    enumerable: true,
    get() {
      lcov ??= require('internal/test_runner/reporter/lcov');
      return new lcov();
    },
  },
});
