// The layout Node v20.20 gives `_readableState` and `_writableState`: a few own fields, the
// booleans packed into one number under Symbol(kState) (util.inspect shows it, so the bits are
// Node's), values that are seldom set under their own symbols, and everything readable and
// settable through accessors on the state's prototype. Fewer own properties also make a stream
// much cheaper to construct.
'use strict';

const kState = Symbol('kState');

// The bits both states have, at the same places (Node v20.20's); each state module adds its own.
const kObjectMode = 1 << 0;
const kErrorEmitted = 1 << 1;
const kAutoDestroy = 1 << 2;
const kEmitClose = 1 << 3;
const kDestroyed = 1 << 4;
const kClosed = 1 << 5;
const kCloseEmitted = 1 << 6;
const kErrored = 1 << 7;
const kConstructed = 1 << 8;
const kDestroyedOrErrored = kDestroyed | kErrored;

// Where both states keep an error and a default encoding other than UTF-8, once set.
const kErroredValue = Symbol('kErroredValue');
const kDefaultEncodingValue = Symbol('kDefaultEncodingValue');

/**
 * Defines, on `proto`, one accessor per `[name, bit]` of `flags` reading and writing that bit of
 * `this[kState]` (any truthy value sets it), as Node's are: non-enumerable, non-configurable.
 */
function defineFlagAccessors(proto, flags) {
  for (const [name, bit] of flags) {
    Object.defineProperty(proto, name, {
      enumerable: false,
      configurable: false,
      get() { return (this[kState] & bit) !== 0; },
      set(value) {
        if (value) this[kState] |= bit;
        else this[kState] &= ~bit;
      },
    });
  }
}

/**
 * Defines `name` on `proto`: a value kept under `valueKey` while `bit` is set, `absent` otherwise.
 * A truthy value sets the bit and is stored; a falsy one clears the bit (and is stored too when
 * `storeFalsy`: Node keeps a falsy write callback or tick info).
 */
function defineValueAccessor(proto, name, bit, valueKey, absent, storeFalsy = false) {
  Object.defineProperty(proto, name, {
    enumerable: false,
    configurable: false,
    get() { return (this[kState] & bit) !== 0 ? this[valueKey] : absent; },
    set(value) {
      if (value) {
        this[valueKey] = value;
        this[kState] |= bit;
      } else {
        if (storeFalsy) this[valueKey] = value;
        this[kState] &= ~bit;
      }
    },
  });
}

/**
 * Defines `name` on `proto`: true, false or `absent` (nothing set) from two bits (`hasBit`: set at
 * all, `bit`: true), as Node keeps `flowing`, `paused` and `writable`. A null or undefined write
 * clears both bits when `nullClears`, and otherwise counts as false.
 */
function defineTriStateAccessor(proto, name, hasBit, bit, absent, nullClears) {
  Object.defineProperty(proto, name, {
    enumerable: false,
    configurable: false,
    get() {
      const state = this[kState];
      if ((state & hasBit) === 0) return absent;
      return (state & bit) !== 0;
    },
    set(value) {
      if (value == null && nullClears) this[kState] &= ~(hasBit | bit);
      else if (value) this[kState] |= hasBit | bit;
      else this[kState] = (this[kState] | hasBit) & ~bit;
    },
  });
}

/**
 * Defines `defaultEncoding` on `proto`: 'utf8' while `utf8Bit` is set (any spelling Node treats as
 * UTF-8 sets it), else the value kept under kDefaultEncodingValue.
 */
function defineDefaultEncodingAccessor(proto, utf8Bit) {
  const valueKey = kDefaultEncodingValue;
  Object.defineProperty(proto, 'defaultEncoding', {
    enumerable: false,
    configurable: false,
    get() { return (this[kState] & utf8Bit) !== 0 ? 'utf8' : this[valueKey]; },
    set(value) {
      if (value === 'utf8' || value === 'utf-8') {
        this[kState] |= utf8Bit;
      } else {
        this[kState] &= ~utf8Bit;
        this[valueKey] = value;
      }
    },
  });
}

module.exports = {
  kState, defineFlagAccessors, defineValueAccessor, defineTriStateAccessor, defineDefaultEncodingAccessor,
  kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kClosed, kCloseEmitted, kErrored,
  kConstructed, kDestroyedOrErrored, kErroredValue, kDefaultEncodingValue,
};
