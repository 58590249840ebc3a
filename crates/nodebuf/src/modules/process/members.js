// The `process` members few scripts use, made on first access (process.js defines them as lazy
// values): credentials, resource lists, memory limits, the uncaught-exception capture
// callback, getBuiltinModule, dlopen and Node's internal-looking helpers.
'use strict';

const loop = require('internal/loop');
const { codes, makeNodeError } = require('internal/errors');
const credentials = require('internal/process/credentials');
const resources = require('internal/process/resources');

module.exports = {
  // The getters are methods (no prototype), as Node's native ones.
  getuid() { return native.credentials.getuid(); },
  geteuid() { return native.credentials.geteuid(); },
  getgid() { return native.credentials.getgid(); },
  getegid() { return native.credentials.getegid(); },
  getgroups() { return native.credentials.getgroups(); },
  setgroups: function setgroups(groups) { credentials.setgroups(groups); },
  initgroups: function initgroups(user, extraGroup) { credentials.initgroups(user, extraGroup); },
  // (Anonymous, as Node's.)
  setuid: [function (id) { credentials.setuid(id); }][0],
  seteuid: [function (id) { credentials.seteuid(id); }][0],
  setgid: [function (id) { credentials.setgid(id); }][0],
  setegid: [function (id) { credentials.setegid(id); }][0],

  getActiveResourcesInfo() { return resources.getActiveResourcesInfo(); },
  _getActiveHandles() { return resources._getActiveHandles(); },
  _getActiveRequests() { return resources._getActiveRequests(); },
  availableMemory() { return native.availableMemory(); },
  constrainedMemory() { return native.constrainedMemory(); },
  // (Parameters not declared: Node's native functions have length 0.)
  // (Both converted to int32 as Node's native converts them.)
  _kill(...args) { return native.kill(args[0] | 0, args[1] | 0); },
  _debugEnd() {},

  // The callback that takes uncaught exceptions instead of 'uncaughtException' and the crash.
  setUncaughtExceptionCaptureCallback: function setUncaughtExceptionCaptureCallback(fn) {
    if (fn === null) {
      loop.setCaptureCallback(null);
      return;
    }
    if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
    if (loop.getCaptureCallback() !== null) throw codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
    loop.setCaptureCallback(fn);
  },
  hasUncaughtExceptionCaptureCallback: function hasUncaughtExceptionCaptureCallback() {
    return loop.getCaptureCallback() !== null;
  },
  // Reports `er` as Node's fatal-exception handler does: to the capture callback or
  // 'uncaughtException' listeners (then true), else printed, and the process exits.
  // (Anonymous arrows, as Node's: a property name would name them.)
  _fatalException: [(er, fromPromise) => {
    loop.fatal(er, fromPromise ? 'unhandledRejection' : 'uncaughtException');
    return true;
  }][0],
  getBuiltinModule: function getBuiltinModule(id) {
    if (typeof id !== 'string') throw codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
    const { Module } = require('internal/cjs');
    return Module.isBuiltin(id) ? require(id.startsWith('node:') ? id.slice(5) : id) : undefined;
  },
  _rawDebug: function _rawDebug(...args) {
    native.writeErr(`${require('internal/inspect').format(...args)}\n`);
  },
  // (Node's name for it.)
  _tickCallback: function runNextTicks() {
    loop.runTicks();
  },
  _linkedBinding: function _linkedBinding(module) {
    throw codes.ERR_INVALID_MODULE(`No such binding was linked: ${module}`);
  },
  // No inspector and no profiler: these do nothing, as Node's without them.
  _startProfilerIdleNotifier: [() => {}][0],
  _stopProfilerIdleNotifier: [() => {}][0],
  // Sends SIGUSR1, which makes a Node process start its inspector.
  _debugProcess(...args) {
    if (args.length < 1) throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'Invalid number of arguments.');
    native.debugProcess(args[0]);
  },
  assert: require('internal/warnings').deprecate(function assert(value, message) {
    if (!value) throw makeNodeError(Error, 'ERR_ASSERTION', message || 'assertion error');
  }, 'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100'),
  dlopen(...args) {
    require('internal/process/dlopen').dlopen(args[0], args[1], args[2], args.length);
  },
};
