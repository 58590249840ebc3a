// node:test's `mock`: function and method spies (a Proxy recording each call's arguments,
// result, error, this and stack, with swappable implementations), getters/setters, and the
// tracker that restores them all. Written from Node v20's documented behaviour.
'use strict';

const {
  codes,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/errors');

const ReflectApply = Reflect.apply;
const ReflectConstruct = Reflect.construct;
const ReflectGet = Reflect.get;
function kDefaultFunction() {}

function validateStringOrSymbol(value, name) {
  if (typeof value !== 'string' && typeof value !== 'symbol') {
    throw codes.ERR_INVALID_ARG_TYPE(name, ['string', 'symbol'], value);
  }
}

function validateTimes(value, name) {
  if (value === Infinity) return;
  validateInteger(value, name, 1);
}

function findMethodOnPrototypeChain(instance, methodName) {
  for (let host = instance; host !== null; host = Object.getPrototypeOf(host)) {
    const descriptor = Object.getOwnPropertyDescriptor(host, methodName);
    if (descriptor) return descriptor;
  }
  return undefined;
}

// The recorder behind a mock's functions; reached internally, not through the public object.
const kTrackCall = Symbol('kTrackCall');
const kNextImpl = Symbol('kNextImpl');

/** `fn.mock`: the calls made so far and the implementation in use. */
class MockFunctionContext {
  #calls = [];
  #mocks = new Map();
  #implementation;
  #restore;
  #times;

  constructor(implementation, restore, times) {
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() {
    return this.#calls.slice(0);
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const nextCall = this.#calls.length;
    const call = onCall ?? nextCall;
    validateInteger(call, 'onCall', nextCall);
    this.#mocks.set(call, implementation);
  }

  restore() {
    const { descriptor, object, original, methodName } = this.#restore;
    if (typeof methodName === 'string') {
      Object.defineProperty(object, methodName, descriptor);
    } else {
      // A bare function spy: its calls go to the original again.
      this.#implementation = original;
    }
  }

  resetCalls() {
    this.#calls = [];
  }

  [kTrackCall](call) {
    this.#calls.push(call);
  }

  [kNextImpl]() {
    const nextCall = this.#calls.length;
    const impl = this.#mocks.get(nextCall) ?? this.#implementation;
    if (nextCall + 1 === this.#times) this.restore();
    this.#mocks.delete(nextCall);
    return impl;
  }
}

// (The recorder's internal methods are not own properties a script can see on the prototype.)
const trackCall = MockFunctionContext.prototype[kTrackCall];
const nextImpl = MockFunctionContext.prototype[kNextImpl];
delete MockFunctionContext.prototype[kTrackCall];
delete MockFunctionContext.prototype[kNextImpl];
const restoreFn = MockFunctionContext.prototype.restore;

let MockTimers;

/** `mock` / `t.mock`: makes mocks and restores them. */
class MockTracker {
  #mocks = [];
  #timers;

  get timers() {
    MockTimers ??= require('internal/test_runner/mock_timers').MockTimers;
    this.#timers ??= new MockTimers();
    return this.#timers;
  }

  fn(original = function () {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function () {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times, 'options.times');
    const ctx = new MockFunctionContext(implementation, { __proto__: null, original }, times);
    return this.#setupMock(ctx, original);
  }

  method(objectOrFunction, methodName, implementation = kDefaultFunction, options = {}) {
    validateStringOrSymbol(methodName, 'methodName');
    if (typeof objectOrFunction !== 'function') validateObject(objectOrFunction, 'object');
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    }
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    validateTimes(times, 'options.times');
    if (setter && getter) {
      throw codes.ERR_INVALID_ARG_VALUE('options.setter', setter, "cannot be used with 'options.getter'");
    }
    const descriptor = findMethodOnPrototypeChain(objectOrFunction, methodName);
    const original = getter ? descriptor?.get : setter ? descriptor?.set : descriptor?.value;
    if (typeof original !== 'function') {
      throw codes.ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    const restore = { __proto__: null, descriptor, object: objectOrFunction, methodName };
    const impl = implementation === kDefaultFunction ? original : implementation;
    const ctx = new MockFunctionContext(impl, restore, times);
    const mock = this.#setupMock(ctx, original);
    const mockDescriptor = { __proto__: null, configurable: descriptor.configurable, enumerable: descriptor.enumerable };
    if (getter) {
      mockDescriptor.get = mock;
      mockDescriptor.set = descriptor.set;
    } else if (setter) {
      mockDescriptor.get = descriptor.get;
      mockDescriptor.set = mock;
    } else {
      mockDescriptor.writable = descriptor.writable;
      mockDescriptor.value = mock;
    }
    Object.defineProperty(objectOrFunction, methodName, mockDescriptor);
    return mock;
  }

  getter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { getter = true } = options;
    if (getter === false) throw codes.ERR_INVALID_ARG_VALUE('options.getter', getter, 'cannot be false');
    return this.method(object, methodName, implementation, { __proto__: null, ...options, getter });
  }

  setter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    const { setter = true } = options;
    if (setter === false) throw codes.ERR_INVALID_ARG_VALUE('options.setter', setter, 'cannot be false');
    return this.method(object, methodName, implementation, { __proto__: null, ...options, setter });
  }

  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  restoreAll() {
    for (const { ctx, restore } of this.#mocks) ReflectApply(restore, ctx, []);
  }

  #setupMock(ctx, fnToMatch) {
    const mock = new Proxy(fnToMatch, {
      __proto__: null,
      apply(_fn, thisArg, argList) {
        const fn = ReflectApply(nextImpl, ctx, []);
        let result;
        let error;
        try {
          result = ReflectApply(fn, thisArg, argList);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ReflectApply(trackCall, ctx, [{
            __proto__: null, arguments: argList, error, result, stack: new Error(), target: undefined, this: thisArg,
          }]);
        }
        return result;
      },
      construct(target, argList, newTarget) {
        const realTarget = ReflectApply(nextImpl, ctx, []);
        let result;
        let error;
        try {
          result = ReflectConstruct(realTarget, argList, newTarget);
        } catch (err) {
          error = err;
          throw err;
        } finally {
          ReflectApply(trackCall, ctx, [{
            __proto__: null, arguments: argList, error, result, stack: new Error(), target, this: result,
          }]);
        }
        return result;
      },
      get(target, property, receiver) {
        if (property === 'mock') return ctx;
        return ReflectGet(target, property, receiver);
      },
    });
    this.#mocks.push({ __proto__: null, ctx, restore: restoreFn });
    return mock;
  }
}

module.exports = { MockTracker, MockFunctionContext };
