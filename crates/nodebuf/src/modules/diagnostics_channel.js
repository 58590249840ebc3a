// `diagnostics_channel`: named channels that publish messages to subscribers, bound
// AsyncLocalStorage stores (runStores), and TracingChannel's five channels around a traced
// call. As in Node, a channel with neither subscribers nor stores is a plain `Channel` whose
// methods do nothing; its first subscriber or store turns it into an `ActiveChannel` (its
// prototype changes) and the last one leaving turns it back. Channels are found by name while
// something references them: an active channel is held by the registry, an idle one only weakly.
'use strict';

const { codes, validateFunction } = require('internal/errors');
// Node's primordial Map subclass: an active channel's `_stores` prints as `SafeMap(n) [Map]`.
class SafeMap extends Map {}

/** name -> WeakRef(channel), and the active channels kept alive while they are active. */
const registry = new Map();
const active = new Set();
// Entries of collected channels are dropped when the registry has doubled since the last sweep
// (at once, not in a later job: subscribing and unsubscribing many names must not grow it).
let sweepAt = 64;

function remember(name, channel) {
  registry.set(name, new WeakRef(channel));
  if (registry.size < sweepAt) return;
  for (const [key, ref] of registry) {
    if (ref.deref() === undefined) registry.delete(key);
  }
  sweepAt = Math.max(64, registry.size * 2);
}

function lookup(name) {
  return registry.get(name)?.deref();
}

/** Re-throws `error` on the next tick: a failing subscriber or transform does not stop the others. */
function reportLater(error) {
  process.nextTick(() => {
    throw error;
  });
}

/** The methods of a channel that has subscribers or bound stores. */
class ActiveChannel {
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // A new array each time: a publish in progress keeps iterating the list it started with.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    this._subscribers = this._subscribers.filter((_, i) => i !== index);
    deactivateIfIdle(this);
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    deactivateIfIdle(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    for (const subscriber of this._subscribers) {
      try {
        subscriber(data, this.name);
      } catch (error) {
        reportLater(error);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this._stores) {
      const inner = run;
      run = () => {
        let value = data;
        if (transform) {
          try {
            value = transform(data);
          } catch (error) {
            reportLater(error);
            return inner();
          }
        }
        return store.run(value, inner);
      };
    }
    return run();
  }
}

/** A named channel; idle until something subscribes or binds a store. */
class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    remember(name, this);
  }

  // Active channels have ActiveChannel's prototype and are still Channels.
  static [Symbol.hasInstance](instance) {
    const prototype = Object.getPrototypeOf(instance);
    return prototype === Channel.prototype || prototype === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    activate(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    activate(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

function activate(channel) {
  channel._subscribers = [];
  channel._stores = new SafeMap();
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  active.add(channel);
}

function deactivateIfIdle(channel) {
  if (channel._subscribers.length > 0 || channel._stores.size > 0) return;
  channel._subscribers = undefined;
  channel._stores = undefined;
  Object.setPrototypeOf(channel, Channel.prototype);
  active.delete(channel);
}

/** `diagnostics_channel.channel(name)`: the channel named `name` (a string or a symbol). */
function channel(name) {
  const existing = lookup(name);
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw codes.ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const found = lookup(name);
  return found === undefined ? false : found.unsubscribe(subscription);
}

function hasSubscribers(name) {
  const found = lookup(name);
  return found === undefined ? false : found.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

/** Five channels (`tracing:name:start`, ...) published around a traced function call. */
class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of traceEvents) {
      let eventChannel;
      if (typeof nameOrChannels === 'string') {
        eventChannel = channel(`tracing:${nameOrChannels}:${event}`);
      } else if (nameOrChannels !== null && typeof nameOrChannels === 'object') {
        eventChannel = nameOrChannels[event];
        if (!(eventChannel instanceof Channel)) {
          throw codes.ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, 'Channel', eventChannel);
        }
      } else {
        throw codes.ERR_INVALID_ARG_TYPE('nameOrChannels', ['string', 'object', 'TracingChannel'], nameOrChannels);
      }
      Object.defineProperty(this, event, { value: eventChannel });
    }
  }

  get hasSubscribers() {
    return traceEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of traceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    return traced(this, context, () => {
      const result = Reflect.apply(fn, thisArg, args);
      context.result = result;
      return result;
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { asyncStart, asyncEnd, error } = this;
    const settled = () => {
      asyncStart.publish(context);
      asyncEnd.publish(context);
    };
    const onFulfilled = (result) => {
      context.result = result;
      settled();
      return result;
    };
    const onRejected = (err) => {
      context.error = err;
      error.publish(context);
      settled();
      return Promise.reject(err);
    };
    return traced(this, context, () => {
      let promise = Reflect.apply(fn, thisArg, args);
      if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
      return promise.then(onFulfilled, onRejected);
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    function wrappedCallback(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      // eslint-disable-next-line prefer-rest-params
      const callArgs = arguments;
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, callArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrappedCallback);
    return traced(this, context, () => Reflect.apply(fn, thisArg, args));
  }
}

/**
 * Runs `call` inside the `start` channel's stores (publishing `context` on it), then `end`;
 * an exception is recorded in `context.error` and published on `error` before it propagates.
 */
function traced({ start, end, error }, context, call) {
  return start.runStores(context, () => {
    try {
      return call();
    } catch (err) {
      context.error = err;
      error.publish(context);
      throw err;
    } finally {
      end.publish(context);
    }
  });
}

/** `diagnostics_channel.tracingChannel(nameOrChannels)`. */
function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
