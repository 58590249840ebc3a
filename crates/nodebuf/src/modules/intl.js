// `Intl` (ECMA-402) as V8 has it in Node v20: locale negotiation and option resolution here,
// formatting in the native half (native.intl, ICU4X with CLDR data). Internal slots live in
// WeakMaps, never in properties; intrinsics are captured at load time.
'use strict';

const intl = native.intl;
const ObjectCreate = Object.create;
const ObjectDefineProperty = Object.defineProperty;
const ArrayPrototypeIncludes = Array.prototype.includes;
const ArrayPrototypePush = Array.prototype.push;
const StringPrototypeSlice = String.prototype.slice;
const StringPrototypeToUpperCase = String.prototype.toUpperCase;
const StringPrototypeToLowerCase = String.prototype.toLowerCase;
const StringPrototypeIndexOf = String.prototype.indexOf;
const StringPrototypeReplace = String.prototype.replace;
const RegExpPrototypeTest = RegExp.prototype.test;
const NumberPrototypeValueOf = Number.prototype.valueOf;
const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
const DatePrototypeGetTime = Date.prototype.getTime;
const StringCtor = String;
const NumberCtor = Number;
const NumberIsNaN = Number.isNaN;
const NumberIsFinite = Number.isFinite;
const MathFloor = Math.floor;
const MathMin = Math.min;
const MathMax = Math.max;
const SymbolToStringTag = Symbol.toStringTag;
const WeakMapCtor = WeakMap;
const WeakMapGet = WeakMap.prototype.get;
const WeakMapSet = WeakMap.prototype.set;
const DateNow = Date.now;

const ReflectApply = Reflect.apply;
const call = (fn, self, ...args) => ReflectApply(fn, self, args);
const includes = (list, value) => call(ArrayPrototypeIncludes, list, value);
const test = (re, s) => call(RegExpPrototypeTest, re, s);

function makeSlots() {
  const map = new WeakMapCtor();
  return {
    get: (o) => (o !== null && (typeof o === 'object' || typeof o === 'function') ? call(WeakMapGet, map, o) : undefined),
    set: (o, v) => call(WeakMapSet, map, o, v),
  };
}

// ---- locales -------------------------------------------------------------------------------

let defaultLocaleCache;
function defaultLocale() {
  if (defaultLocaleCache === undefined) defaultLocaleCache = intl.defaultLocale();
  return defaultLocaleCache;
}

const localeSlots = makeSlots();

function canonicalizeTag(tag) {
  const canonical = intl.canonicalize(tag);
  if (canonical === null || canonical === undefined) throw new RangeError('Incorrect locale information provided');
  return canonical;
}

/** ECMA-402 CanonicalizeLocaleList. */
function canonicalizeLocaleList(locales) {
  if (locales === undefined) return [];
  const seen = [];
  let list;
  if (typeof locales === 'string' || localeSlots.get(locales) !== undefined) {
    list = [locales];
  } else {
    if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
    list = Object(locales);
  }
  const len = toLength(list.length);
  for (let k = 0; k < len; k++) {
    if (!(k in list)) continue;
    const value = list[k];
    if (typeof value !== 'string' && (value === null || (typeof value !== 'object' && typeof value !== 'function'))) {
      throw new TypeError('Language ID should be string or object.');
    }
    const slots = localeSlots.get(value);
    const tag = slots !== undefined ? slots.locale : canonicalizeTag(StringCtor(value));
    if (!includes(seen, tag)) call(ArrayPrototypePush, seen, tag);
  }
  return seen;
}

function toLength(value) {
  const n = NumberCtor(value);
  if (!(n > 0)) return 0;
  return MathMin(MathFloor(n), 2 ** 53 - 1);
}

/** Splits `tag` into its part before `-u-` keywords and the keywords as a map. */
function splitUnicodeExtension(tag) {
  const at = call(StringPrototypeIndexOf, tag, '-u-');
  if (at < 0) return { base: tag, keywords: {} };
  const base = call(StringPrototypeSlice, tag, 0, at);
  const rest = call(StringPrototypeSlice, tag, at + 3);
  const keywords = {};
  const tokens = rest.split('-');
  let key;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.length === 1) break; // another singleton extension
    if (token.length === 2) {
      key = token;
      keywords[key] = '';
    } else if (key !== undefined) {
      keywords[key] = keywords[key] === '' ? token : `${keywords[key]}-${token}`;
    }
  }
  return { base, keywords };
}

/** ECMA-402 ResolveLocale (lookup): the first requested locale with data, with the relevant
 * `-u-` keywords kept, else the default locale. */
function resolveLocale(requested, relevantKeys, optionKeywords) {
  let found;
  for (let i = 0; i < requested.length && found === undefined; i++) {
    const { base, keywords } = splitUnicodeExtension(requested[i]);
    if (intl.isSupported(base)) found = { base, keywords };
  }
  if (found === undefined) found = { base: defaultLocale(), keywords: {} };
  const resolved = {};
  let extension = '';
  for (let i = 0; i < relevantKeys.length; i++) {
    const key = relevantKeys[i];
    let value = found.keywords[key];
    let fromTag = value !== undefined;
    if (value === '') value = 'true';
    const option = optionKeywords !== undefined ? optionKeywords[key] : undefined;
    if (option !== undefined) {
      if (fromTag && option !== value) fromTag = false;
      value = option;
    }
    resolved[key] = value;
    if (fromTag) extension += `-${key}-${value}`;
  }
  resolved.locale = extension === '' ? found.base : `${found.base}-u${extension}`;
  resolved.dataLocale = found.base;
  return resolved;
}

function supportedLocalesOf(locales, options) {
  const requested = canonicalizeLocaleList(locales);
  if (options !== undefined) getOption(toObject(options), 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', 'supportedLocalesOf');
  const out = [];
  for (let i = 0; i < requested.length; i++) {
    if (intl.isSupported(splitUnicodeExtension(requested[i]).base)) call(ArrayPrototypePush, out, requested[i]);
  }
  return out;
}

// ---- options -------------------------------------------------------------------------------

function toObject(value) {
  if (value === null || value === undefined) throw new TypeError('Cannot convert undefined or null to object');
  return Object(value);
}

function coerceOptions(options) {
  return options === undefined ? ObjectCreate(null) : toObject(options);
}

/** ECMA-402 GetOption with V8's message. */
function getOption(options, property, type, values, fallback, service) {
  let value = options[property];
  if (value === undefined) return fallback;
  if (type === 'boolean') return !!value;
  value = StringCtor(value);
  if (values !== undefined && !includes(values, value)) {
    throw new RangeError(`Value ${value} out of range for ${service} options property ${property}`);
  }
  return value;
}

/** ECMA-402 DefaultNumberOption / GetNumberOption with V8's message. */
function defaultNumberOption(value, minimum, maximum, fallback, property) {
  if (value === undefined) return fallback;
  const n = NumberCtor(value);
  if (NumberIsNaN(n) || n < minimum || n > maximum) throw new RangeError(`${property} value is out of range.`);
  return MathFloor(n);
}

function getNumberOption(options, property, minimum, maximum, fallback) {
  return defaultNumberOption(options[property], minimum, maximum, fallback, property);
}

const wellFormedKeyword = /^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/;

function getKeywordOption(options, property, kind, service) {
  const value = getOption(options, property, 'string', undefined, undefined, service);
  if (value !== undefined && !test(wellFormedKeyword, value)) throw new RangeError(`Invalid ${kind} : ${value}`);
  return value === undefined ? undefined : call(StringPrototypeToLowerCase, value);
}

// ---- shared class plumbing ---------------------------------------------------------------

function defineMethods(proto, methods) {
  for (const name of Object.keys(methods)) {
    ObjectDefineProperty(proto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

function defineTag(proto, tag) {
  ObjectDefineProperty(proto, SymbolToStringTag, { value: tag, writable: false, enumerable: false, configurable: true });
}

function defineStatic(ctor, length) {
  ObjectDefineProperty(ctor, 'supportedLocalesOf', {
    value: { supportedLocalesOf(locales, options = undefined) { return supportedLocalesOf(locales, options); } }.supportedLocalesOf,
    writable: true, enumerable: false, configurable: true,
  });
  ObjectDefineProperty(ctor, 'length', { value: length, configurable: true });
}

/** A getter that returns a function bound to the instance, created once (`format`, `compare`). */
function defineBoundGetter(proto, name, slots, className, make) {
  ObjectDefineProperty(proto, name, {
    get: {
      [name]() {
        const s = slots.get(this);
        if (s === undefined) {
          const isObject = this !== null && (typeof this === 'object' || typeof this === 'function');
          if (isObject && (className === 'NumberFormat' || className === 'DateTimeFormat')) {
            throw incompatibleReceiver(this, className, name);
          }
          throw new TypeError(`Method get Intl.${className}.prototype.${name} called on incompatible receiver ${receiverName(this)}`);
        }
        if (s.bound === undefined) s.bound = make(s);
        return s.bound;
      },
    }[name],
    enumerable: false,
    configurable: true,
  });
}

function receiverName(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' || typeof value === 'function') {
    const ctor = value.constructor;
    const name = ctor && typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
    return `#<${name}>`;
  }
  return StringCtor(value);
}

function unwrap(slots, self, className, method) {
  const s = slots.get(self);
  if (s === undefined) throw incompatibleReceiver(self, className, method);
  return s;
}

/** V8's TypeError for a method called on something that is not an instance. NumberFormat and
 * DateTimeFormat objects go through V8's "Unwrap" step (kept for their legacy constructor
 * semantics), which names itself in the message for object receivers. */
function incompatibleReceiver(self, className, method) {
  const isObject = self !== null && (typeof self === 'object' || typeof self === 'function');
  const unwrapped = className === 'NumberFormat' || className === 'DateTimeFormat';
  if (isObject && unwrapped && method !== 'formatToParts' && method !== 'formatRange' && method !== 'formatRangeToParts') {
    const shown = className === 'NumberFormat' ? 'undefined' : receiverName(self);
    return new TypeError(`Method Unwrap${className} called on incompatible receiver ${shown}`);
  }
  return new TypeError(`Method Intl.${className}.prototype.${method} called on incompatible receiver ${receiverName(self)}`);
}

function partsToObjects(flat) {
  const out = [];
  for (let i = 0; i < flat.length; i += 2) call(ArrayPrototypePush, out, { type: flat[i], value: flat[i + 1] });
  return out;
}

function partsToString(flat) {
  let s = '';
  for (let i = 1; i < flat.length; i += 2) s += flat[i];
  return s;
}

// ---- NumberFormat --------------------------------------------------------------------------

const numberSlots = makeSlots();
const roundingModes = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
const roundingIncrements = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000];

/** ECMA-402 SetNumberFormatDigitOptions. */
function setDigitOptions(s, options, mnfdDefault, mxfdDefault, notation, service, legacy = false) {
  const mnid = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
  let mnfd = options.minimumFractionDigits;
  let mxfd = options.maximumFractionDigits;
  let mnsd = options.minimumSignificantDigits;
  let mxsd = options.maximumSignificantDigits;
  s.minimumIntegerDigits = mnid;
  // V8 11's PluralRules still reads only the ES2022 digit options (legacy).
  const increment = legacy ? 1 : getNumberOption(options, 'roundingIncrement', 1, 5000, 1);
  if (!includes(roundingIncrements, increment)) throw new RangeError('roundingIncrement value is out of range.');
  const roundingMode = legacy ? 'halfExpand' : getOption(options, 'roundingMode', 'string', roundingModes, 'halfExpand', service);
  const roundingPriority = getOption(options, 'roundingPriority', 'string', ['auto', 'morePrecision', 'lessPrecision'], 'auto', service);
  const trailingZeroDisplay = legacy ? 'auto' : getOption(options, 'trailingZeroDisplay', 'string', ['auto', 'stripIfInteger'], 'auto', service);
  if (increment !== 1) mxfdDefault = mnfdDefault;
  s.roundingIncrement = increment;
  s.roundingMode = roundingMode;
  s.trailingZeroDisplay = trailingZeroDisplay;
  const hasSd = mnsd !== undefined || mxsd !== undefined;
  const hasFd = mnfd !== undefined || mxfd !== undefined;
  let needSd = true;
  let needFd = true;
  if (roundingPriority === 'auto') {
    needSd = hasSd;
    if (needSd || (!hasFd && notation === 'compact')) needFd = false;
  }
  if (needSd) {
    if (hasSd) {
      mnsd = defaultNumberOption(mnsd, 1, 21, 1, 'minimumSignificantDigits');
      mxsd = defaultNumberOption(mxsd, mnsd, 21, 21, 'maximumSignificantDigits');
    } else {
      mnsd = 1;
      mxsd = 21;
    }
    s.minimumSignificantDigits = mnsd;
    s.maximumSignificantDigits = mxsd;
  }
  if (needFd) {
    if (hasFd) {
      mnfd = defaultNumberOption(mnfd, 0, 100, undefined, 'minimumFractionDigits');
      mxfd = defaultNumberOption(mxfd, 0, 100, undefined, 'maximumFractionDigits');
      if (mnfd === undefined) mnfd = MathMin(mnfdDefault, mxfd);
      else if (mxfd === undefined) mxfd = MathMax(mxfdDefault, mnfd);
      else if (mnfd > mxfd) throw new RangeError('maximumFractionDigits value is out of range.');
    } else {
      mnfd = mnfdDefault;
      mxfd = mxfdDefault;
    }
    s.minimumFractionDigits = mnfd;
    s.maximumFractionDigits = mxfd;
  }
  if (!needSd && !needFd) {
    s.minimumFractionDigits = 0;
    s.maximumFractionDigits = 0;
    s.minimumSignificantDigits = 1;
    s.maximumSignificantDigits = 2;
    s.roundingType = 'morePrecision';
    s.roundingPriority = 'morePrecision';
  } else if (roundingPriority === 'auto') {
    s.roundingType = hasSd ? 'significantDigits' : 'fractionDigits';
    s.roundingPriority = 'auto';
    if (hasSd) {
      s.minimumFractionDigits = undefined;
      s.maximumFractionDigits = undefined;
    }
  } else {
    s.roundingType = roundingPriority;
    s.roundingPriority = roundingPriority;
  }
  if (increment !== 1) {
    if (s.roundingType !== 'fractionDigits') throw new TypeError('RoundingType is not fractionDigits');
    if (s.maximumFractionDigits !== s.minimumFractionDigits) {
      throw new RangeError('maximumFractionDigits not equal to minimumFractionDigits');
    }
  }
}

const currencyCode = /^[A-Za-z]{3}$/;

/** ECMA-402's sanctioned simple units. */
const sanctionedUnits = ['acre', 'bit', 'byte', 'celsius', 'centimeter', 'day', 'degree', 'fahrenheit',
  'fluid-ounce', 'foot', 'gallon', 'gigabit', 'gigabyte', 'gram', 'hectare', 'hour', 'inch', 'kilobit',
  'kilobyte', 'kilogram', 'kilometer', 'liter', 'megabit', 'megabyte', 'meter', 'microsecond', 'mile',
  'mile-scandinavian', 'milliliter', 'millimeter', 'millisecond', 'minute', 'month', 'nanosecond',
  'ounce', 'percent', 'petabyte', 'pound', 'second', 'stone', 'terabit', 'terabyte', 'week', 'yard', 'year'];

/** ECMA-402 IsWellFormedUnitIdentifier: a sanctioned unit or "<unit>-per-<unit>". */
function isWellFormedUnit(unit) {
  if (includes(sanctionedUnits, unit)) return true;
  const at = call(StringPrototypeIndexOf, unit, '-per-');
  if (at < 0) return false;
  return includes(sanctionedUnits, call(StringPrototypeSlice, unit, 0, at)) &&
    includes(sanctionedUnits, call(StringPrototypeSlice, unit, at + 5));
}

function initializeNumberFormat(nf, locales, options, service = 'Intl.NumberFormat') {
  const requested = canonicalizeLocaleList(locales);
  options = coerceOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
  const nu = getKeywordOption(options, 'numberingSystem', 'numberingSystem', service);
  const r = resolveLocale(requested, ['nu'], { nu });
  const s = { locale: r.locale, dataLocale: r.dataLocale, numberingSystem: r.nu || 'latn' };
  s.style = getOption(options, 'style', 'string', ['decimal', 'percent', 'currency', 'unit'], 'decimal', service);
  let currency = getOption(options, 'currency', 'string', undefined, undefined, service);
  if (currency !== undefined && !test(currencyCode, currency)) throw new RangeError(`Invalid currency code : ${currency}`);
  const currencyDisplay = getOption(options, 'currencyDisplay', 'string', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', service);
  const currencySign = getOption(options, 'currencySign', 'string', ['standard', 'accounting'], 'standard', service);
  const unit = getOption(options, 'unit', 'string', undefined, undefined, service);
  const unitDisplay = getOption(options, 'unitDisplay', 'string', ['short', 'narrow', 'long'], 'short', service);
  if (s.style === 'currency') {
    if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
    s.currency = call(StringPrototypeToUpperCase, currency);
    s.currencyDisplay = currencyDisplay;
    s.currencySign = currencySign;
  }
  if (s.style === 'unit') {
    if (unit === undefined || !isWellFormedUnit(unit)) {
      throw new TypeError(`Invalid unit argument for Intl.NumberFormat() '${unit === undefined ? '' : unit}'`);
    }
    // ICU4X's compiled data has no names for most of ECMA-402's units (bytes, temperatures,
    // speeds...): say so rather than print a number without its unit.
    throw new RangeError(`Intl.NumberFormat: style 'unit' is not available in nodebuf (no CLDR unit data for '${unit}' with ${unitDisplay} display)`);
  }
  let mnfdDefault = 0;
  let mxfdDefault = s.style === 'percent' ? 0 : 3;
  if (s.style === 'currency') {
    const digits = intl.currencyDigits(s.currency);
    mnfdDefault = digits;
    mxfdDefault = digits;
  }
  s.notation = getOption(options, 'notation', 'string', ['standard', 'scientific', 'engineering', 'compact'], 'standard', service);
  setDigitOptions(s, options, mnfdDefault, mxfdDefault, s.notation, service);
  const compactDisplay = getOption(options, 'compactDisplay', 'string', ['short', 'long'], 'short', service);
  if (s.notation === 'compact') s.compactDisplay = compactDisplay;
  s.useGrouping = getGroupingOption(options, s.notation === 'compact' ? 'min2' : 'auto', service);
  s.signDisplay = getOption(options, 'signDisplay', 'string', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', service);
  s.native = {
    style: s.style,
    currency: s.currency,
    currencyDisplay: s.currencyDisplay,
    currencySign: s.currencySign,
    notation: s.notation,
    compactDisplay: s.compactDisplay,
    minimumIntegerDigits: s.minimumIntegerDigits,
    minimumFractionDigits: s.minimumFractionDigits === undefined ? 0 : s.minimumFractionDigits,
    maximumFractionDigits: s.maximumFractionDigits === undefined ? 0 : s.maximumFractionDigits,
    minimumSignificantDigits: s.roundingType === 'fractionDigits' ? 0 : s.minimumSignificantDigits,
    maximumSignificantDigits: s.roundingType === 'fractionDigits' ? 0 : s.maximumSignificantDigits,
    roundingPriority: s.roundingPriority,
    roundingIncrement: s.roundingIncrement,
    roundingMode: s.roundingMode,
    trailingZeroDisplay: s.trailingZeroDisplay,
    useGrouping: s.useGrouping === false ? '' : s.useGrouping,
    signDisplay: s.signDisplay,
  };
  s.nativeLocale = r.nu ? `${r.dataLocale}-u-nu-${r.nu}` : r.dataLocale;
  s.nativeNaN = nativeNumberSpec({ ...s.native, signDisplay: s.signDisplay === 'always' ? 'always' : 'never' });
  s.native = nativeNumberSpec(s.native);
  numberSlots.set(nf, s);
  return nf;
}

/** The resolved slots the native formatter reads, as one "|"-separated string in its order
 * (read once per format call without a property lookup per option). */
const nativeNumberKeys = ['style', 'currency', 'currencyDisplay', 'currencySign', 'notation', 'compactDisplay',
  'minimumIntegerDigits', 'minimumFractionDigits', 'maximumFractionDigits', 'minimumSignificantDigits',
  'maximumSignificantDigits', 'roundingPriority', 'roundingIncrement', 'roundingMode', 'trailingZeroDisplay',
  'useGrouping', 'signDisplay'];
function nativeNumberSpec(o) {
  let spec = '';
  for (let i = 0; i < nativeNumberKeys.length; i++) {
    const value = o[nativeNumberKeys[i]];
    spec += (i === 0 ? '' : '|') + (value === undefined ? '' : value);
  }
  return spec;
}

/** useGrouping: true -> "always", falsy -> false, "true"/"false" -> the default (V8 11). */
function getGroupingOption(options, fallback, service) {
  const value = options.useGrouping;
  if (value === undefined) return fallback;
  if (value === true) return 'always';
  if (!value) return false;
  const s = StringCtor(value);
  if (s === 'true' || s === 'false') return fallback;
  if (!includes(['min2', 'auto', 'always'], s)) throw new RangeError(`Value ${s} out of range for ${service} options property useGrouping`);
  return s;
}

/** ECMA-402 ToIntlMathematicalValue, as decimal text for the native side (or NaN/±Infinity). */
function toDecimalText(value) {
  if (typeof value === 'bigint') return StringCtor(value);
  let n;
  if (typeof value === 'string') {
    n = NumberCtor(value);
  } else {
    n = NumberCtor(value);
  }
  if (n === 0 && 1 / n < 0) return '-0';
  if (NumberIsNaN(n)) return 'NaN';
  if (!NumberIsFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return call(StringPrototypeReplace, StringCtor(n), 'e+', 'e');
}

const numberPartTypes = ['integer', 'group', 'decimal', 'fraction'];

function formatNumberParts(s, value) {
  const flat = formatNumberPartsRaw(s, value);
  if (s.style === 'percent' && s.notation === 'compact') {
    // ICU's compact percent is a unit skeleton, so V8 types its percent sign "unit".
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === 'percentSign') flat[i] = 'unit';
  }
  return flat;
}

function formatNumberPartsRaw(s, value) {
  const text = toDecimalText(value);
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') {
    // Lay out a stand-in 1 (sign and affixes included), then put NaN/∞ where its digits are.
    // NaN has no sign: only signDisplay "always" gives it a plus.
    const native = text === 'NaN' ? s.nativeNaN : s.native;
    const sample = intl.formatNumber(s.nativeLocale, text === '-Infinity' ? '-1' : '1', native);
    const out = [];
    let placed = false;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 'literal' && i >= 2 && sample[i - 2] === 'currency' && i + 2 < sample.length &&
          includes(numberPartTypes, sample[i + 2]) && test(/[A-Za-z]$/, sample[i - 1]) && test(/^\s+$/, sample[i + 1])) {
        // ICU spaces a letter-ending currency from digits only ("KWD 1", "KWD∞").
      } else if (includes(numberPartTypes, sample[i])) {
        if (!placed) {
          call(ArrayPrototypePush, out, text === 'NaN' ? 'nan' : 'infinity', text === 'NaN' ? 'NaN' : '∞');
          placed = true;
        }
      } else if (sample[i] === 'compact' || sample[i] === 'exponentSeparator' || sample[i] === 'exponentInteger' || sample[i] === 'exponentMinusSign') {
        // Compact and scientific notation do not apply to NaN and infinity.
      } else {
        call(ArrayPrototypePush, out, sample[i], sample[i + 1]);
      }
    }
    return out;
  }
  return intl.formatNumber(s.nativeLocale, text, s.native);
}

function NumberFormat(locales = undefined, options = undefined) {
  const target = new.target === undefined ? NumberFormat : new.target;
  const nf = ObjectCreate(target.prototype);
  return initializeNumberFormat(nf, locales, options);
}
defineStatic(NumberFormat, 0);
defineTag(NumberFormat.prototype, 'Intl.NumberFormat');

function toNumeric(value) {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'object' && value !== null) {
    const prim = value.valueOf();
    if (typeof prim === 'bigint') return prim;
  }
  return typeof value === 'string' ? value : NumberCtor(value);
}

defineMethods(NumberFormat.prototype, {
  resolvedOptions() {
    const s = unwrap(numberSlots, this, 'NumberFormat', 'resolvedOptions');
    const out = {};
    const keys = ['locale', 'numberingSystem', 'style', 'currency', 'currencyDisplay', 'currencySign',
      'minimumIntegerDigits', 'minimumSignificantDigits', 'maximumSignificantDigits',
      'minimumFractionDigits', 'maximumFractionDigits', 'useGrouping', 'notation', 'compactDisplay',
      'signDisplay', 'roundingMode', 'roundingIncrement', 'trailingZeroDisplay', 'roundingPriority'];
    const fractionFirst = s.roundingType === 'fractionDigits';
    for (let i = 0; i < keys.length; i++) {
      let key = keys[i];
      if (fractionFirst && i >= 7 && i <= 10) key = keys[i < 9 ? i + 2 : i - 2];
      let value = s[key];
      // With signDisplay "never" there is no negative pattern to choose, and V8 reads the
      // accounting sign back as standard.
      if (key === 'currencySign' && value !== undefined && s.signDisplay === 'never') value = 'standard';
      // Likewise stripIfInteger leaves no trace of the rounding priority in what V8 reads back.
      if (key === 'roundingPriority' && s.trailingZeroDisplay === 'stripIfInteger') value = 'auto';
      if (value !== undefined) out[key] = value;
    }
    return out;
  },
  formatToParts(value) {
    const s = unwrap(numberSlots, this, 'NumberFormat', 'formatToParts');
    return partsToObjects(formatNumberParts(s, toNumeric(value)));
  },
});
defineBoundGetter(NumberFormat.prototype, 'format', numberSlots, 'NumberFormat', (s) => {
  // eslint-disable-next-line func-names
  const format = (value) => partsToString(formatNumberParts(s, toNumeric(value)));
  ObjectDefineProperty(format, 'name', { value: '' });
  return format;
});
ObjectDefineProperty(NumberFormat.prototype, 'constructor', { value: NumberFormat, writable: true, configurable: true, enumerable: false });

// ---- DateTimeFormat ------------------------------------------------------------------------

const dateSlots = makeSlots();

/** Component options, in the order ECMA-402 reads them, with their allowed values. */
const dateComponents = [
  ['weekday', ['narrow', 'short', 'long']],
  ['era', ['narrow', 'short', 'long']],
  ['year', ['2-digit', 'numeric']],
  ['month', ['2-digit', 'numeric', 'narrow', 'short', 'long']],
  ['day', ['2-digit', 'numeric']],
  ['dayPeriod', ['narrow', 'short', 'long']],
  ['hour', ['2-digit', 'numeric']],
  ['minute', ['2-digit', 'numeric']],
  ['second', ['2-digit', 'numeric']],
  ['fractionalSecondDigits', null],
  ['timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']],
];

const utcAliases = ['utc', 'etc/utc', 'gmt', 'etc/gmt', 'etc/uct', 'uct', 'etc/universal', 'universal', 'etc/zulu', 'zulu', 'etc/gmt0', 'gmt0', 'etc/gmt+0', 'etc/gmt-0', 'gmt+0', 'gmt-0', 'etc/greenwich', 'greenwich'];

function canonicalZone(name) {
  if (includes(utcAliases, call(StringPrototypeToLowerCase, name))) return 'UTC';
  return intl.canonicalZone(name);
}

let localZoneCache;
function localZone() {
  if (localZoneCache === undefined) {
    localZoneCache = canonicalZone(intl.localZone());
    if (localZoneCache === null || localZoneCache === undefined) localZoneCache = 'UTC';
  }
  return localZoneCache;
}

function initializeDateTimeFormat(dtf, locales, options, required, defaults, service = 'Intl.DateTimeFormat') {
  const requested = canonicalizeLocaleList(locales);
  options = coerceOptions(options);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
  const ca = getKeywordOption(options, 'calendar', 'calendar', service);
  const nu = getKeywordOption(options, 'numberingSystem', 'numberingSystem', service);
  const hour12 = getOption(options, 'hour12', 'boolean', undefined, undefined, service);
  let hourCycle = getOption(options, 'hourCycle', 'string', ['h11', 'h12', 'h23', 'h24'], undefined, service);
  if (hour12 !== undefined) hourCycle = null;
  const r = resolveLocale(requested, ['ca', 'hc', 'nu'], { ca, nu, hc: hourCycle === null ? undefined : hourCycle });
  const s = { locale: r.locale, dataLocale: r.dataLocale, calendar: r.ca || 'gregory', numberingSystem: r.nu || 'latn' };
  let timeZone = options.timeZone;
  if (timeZone === undefined) {
    timeZone = localZone();
  } else {
    const name = StringCtor(timeZone);
    timeZone = canonicalZone(name);
    if (timeZone === null || timeZone === undefined) throw new RangeError(`Invalid time zone specified: ${name}`);
  }
  s.timeZone = timeZone;
  const fields = {};
  let anyComponent = false;
  for (let i = 0; i < dateComponents.length; i++) {
    const [name, values] = dateComponents[i];
    let value;
    if (values === null) {
      value = getNumberOption(options, name, 1, 3, undefined);
    } else {
      value = getOption(options, name, 'string', values, undefined, service);
    }
    fields[name] = value;
    if (value !== undefined) anyComponent = true;
  }
  getOption(options, 'formatMatcher', 'string', ['basic', 'best fit'], 'best fit', service);
  const dateStyle = getOption(options, 'dateStyle', 'string', ['full', 'long', 'medium', 'short'], undefined, service);
  const timeStyle = getOption(options, 'timeStyle', 'string', ['full', 'long', 'medium', 'short'], undefined, service);
  if (dateStyle !== undefined || timeStyle !== undefined) {
    if (anyComponent) {
      for (let i = 0; i < dateComponents.length; i++) {
        const name = dateComponents[i][0];
        if (fields[name] !== undefined) throw new TypeError(`Can't set option ${name} when ${dateStyle !== undefined ? 'dateStyle' : 'timeStyle'} is used`);
      }
    }
    if (required === 'date' && timeStyle !== undefined) throw new TypeError('Invalid option : timeStyle');
    if (required === 'time' && dateStyle !== undefined) throw new TypeError('Invalid option : dateStyle');
    s.dateStyle = dateStyle;
    s.timeStyle = timeStyle;
  } else {
    let needDefaults = true;
    const dateFields = ['weekday', 'year', 'month', 'day'];
    const timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
    if (required === 'date' || required === 'any') for (const f of dateFields) if (fields[f] !== undefined) needDefaults = false;
    if (required === 'time' || required === 'any') for (const f of timeFields) if (fields[f] !== undefined) needDefaults = false;
    if (needDefaults && (defaults === 'date' || defaults === 'all')) fields.year = fields.month = fields.day = 'numeric';
    if (needDefaults && (defaults === 'time' || defaults === 'all')) fields.hour = fields.minute = fields.second = 'numeric';
    s.fields = fields;
  }
  const hasHour = s.timeStyle !== undefined || (s.fields !== undefined && s.fields.hour !== undefined);
  if (hasHour) {
    const localeCycle = r.hc;
    if (hour12 !== undefined) {
      // As ECMA-402 (2022) says and V8 does: hour12 picks the 12- or 24-hour cycle matching
      // the locale's own numbering from 0 or from 1 (so en-US with hour12: false is h24).
      const fromZero = localeHourCycle(r.dataLocale);
      const zeroBased = fromZero === 'h11' || fromZero === 'h23';
      s.hourCycle = hour12 ? (zeroBased ? 'h11' : 'h12') : (zeroBased ? 'h23' : 'h24');
    } else if (hourCycle !== undefined && hourCycle !== null) {
      s.hourCycle = hourCycle;
    } else if (localeCycle !== undefined) {
      s.hourCycle = localeCycle;
    } else {
      s.hourCycle = localeHourCycle(r.dataLocale);
    }
    s.hour12 = s.hourCycle === 'h11' || s.hourCycle === 'h12';
  }
  let keywords = '';
  if (r.ca) keywords += `-ca-${r.ca}`;
  // CLDR has no h24 patterns: format as h23 and write hour 0 as 24 (formatDateParts).
  if (hasHour) keywords += `-hc-${s.hourCycle === 'h24' ? 'h23' : s.hourCycle}`;
  if (r.nu) keywords += `-nu-${r.nu}`;
  s.nativeLocale = keywords === '' ? r.dataLocale : `${r.dataLocale}-u${keywords}`;
  s.layout = s.fields === undefined ? `${s.dateStyle || ''}|${s.timeStyle || ''}` : skeletonOf(s.fields, s.hourCycle);
  if (s.fields !== undefined) s.resolvedFields = resolvedFields(s);
  dateSlots.set(dtf, s);
  return dtf;
}

/** The locale's preferred hour cycle, read off CLDR's hour pattern: 13:00 and midnight. */
function localeHourCycle(locale) {
  const hourAt = (epoch) => {
    const flat = intl.formatDate(locale, epoch, 'UTC', 0, 'j');
    for (let i = 0; i < flat.length; i += 2) if (flat[i] === 'hour') return flat[i + 1];
    return '';
  };
  if (hourAt(13 * 3600000) === '13') return 'h23';
  return hourAt(0) === '0' ? 'h11' : 'h12';
}

/** The UTS 35 skeleton for ECMA-402 component options. */
function skeletonOf(f, hourCycle) {
  let k = '';
  const width = (v, narrow, short, long) => (v === 'narrow' ? narrow : v === 'short' ? short : long);
  if (f.era !== undefined) k += width(f.era, 'GGGGG', 'G', 'GGGG');
  if (f.year !== undefined) k += f.year === '2-digit' ? 'yy' : 'y';
  if (f.month !== undefined) {
    k += { numeric: 'M', '2-digit': 'MM', short: 'MMM', long: 'MMMM', narrow: 'MMMMM' }[f.month];
  }
  if (f.weekday !== undefined) k += width(f.weekday, 'EEEEE', 'E', 'EEEE');
  if (f.day !== undefined) k += f.day === '2-digit' ? 'dd' : 'd';
  if (f.hour !== undefined) {
    const symbol = hourCycle === 'h23' || hourCycle === 'h24' ? 'H' : 'h';
    k += f.hour === '2-digit' ? symbol + symbol : symbol;
  }
  if (f.minute !== undefined) k += f.minute === '2-digit' ? 'mm' : 'm';
  if (f.second !== undefined) k += f.second === '2-digit' ? 'ss' : 's';
  if (f.fractionalSecondDigits !== undefined) k += 'S'.repeat(f.fractionalSecondDigits);
  if (f.timeZoneName !== undefined) {
    k += { short: 'z', long: 'zzzz', shortOffset: 'O', longOffset: 'OOOO', shortGeneric: 'v', longGeneric: 'vvvv' }[f.timeZoneName];
  }
  return k;
}

function toEpoch(date) {
  let x;
  if (date === undefined) x = DateNow();
  else x = NumberCtor(date);
  if (!NumberIsFinite(x) || Math.abs(x) > 8.64e15) throw new RangeError('Invalid time value');
  return x;
}

function formatDateParts(s, epoch) {
  const offset = s.timeZone === 'UTC' ? 0 : intl.zoneOffset(s.timeZone, epoch);
  const flat = intl.formatDate(s.nativeLocale, epoch, s.timeZone, offset, s.layout);
  for (let i = 0; i < flat.length; i += 2) {
    if (s.hourCycle === 'h24' && flat[i] === 'hour' && (flat[i + 1] === '0' || flat[i + 1] === '00')) flat[i + 1] = '24';
    // ICU4X writes seconds and their fraction as one piece; ECMA-402 has three.
    if (flat[i] === 'second') {
      const m = /^([0-9]+)([^0-9])([0-9]+)$/.exec(flat[i + 1]);
      if (m !== null) flat.splice(i, 2, 'second', m[1], 'literal', m[2], 'fractionalSecond', m[3]);
    }
  }
  return flat;
}

/** The formatted string: V8 writes a plain space where CLDR's patterns have U+202F (before
 * AM/PM), for scripts that parse its output; formatToParts keeps CLDR's character. */
function formatDateString(s, epoch) {
  return call(StringPrototypeReplace, partsToString(formatDateParts(s, epoch)), /\u202f/g, ' ');
}

/** The components as the pattern shows them (what V8's resolvedOptions reports): a numeric
 * field the pattern pads is "2-digit". Read off a date whose numbers all have one digit. */
function resolvedFields(s) {
  const out = {};
  const sample = intl.formatDate(s.nativeLocale, 946688461000 /* 2000-01-01T01:01:01Z */, 'UTC', 0, s.layout);
  const shown = {};
  for (let i = 0; i < sample.length; i += 2) shown[sample[i]] = sample[i + 1];
  for (let i = 0; i < dateComponents.length; i++) {
    const name = dateComponents[i][0];
    let value = s.fields[name];
    if (value === undefined) continue;
    // Seconds with a fraction ("01.000") count by their whole digits.
    const match = typeof shown[name] === 'string' ? /^[0-9]+/.exec(shown[name]) : null;
    const text = name === 'month' || match === null ? shown[name] : match[0];
    if ((value === 'numeric' || value === '2-digit') && name !== 'year' && typeof text === 'string') {
      value = text.length === 2 ? '2-digit' : 'numeric';
    } else if (name === 'month' && typeof text === 'string' && test(/^[0-9]+$/, text)) {
      // A pattern that writes the month as a number (zh "9月") reports it as such.
      value = text.length === 2 ? '2-digit' : 'numeric';
    }
    out[name] = value;
  }
  return out;
}

function DateTimeFormat(locales = undefined, options = undefined) {
  const target = new.target === undefined ? DateTimeFormat : new.target;
  const dtf = ObjectCreate(target.prototype);
  return initializeDateTimeFormat(dtf, locales, options, 'any', 'date');
}
defineStatic(DateTimeFormat, 0);
defineTag(DateTimeFormat.prototype, 'Intl.DateTimeFormat');
defineMethods(DateTimeFormat.prototype, {
  resolvedOptions() {
    const s = unwrap(dateSlots, this, 'DateTimeFormat', 'resolvedOptions');
    const out = { locale: s.locale, calendar: s.calendar, numberingSystem: s.numberingSystem, timeZone: s.timeZone };
    if (s.hourCycle !== undefined) {
      out.hourCycle = s.hourCycle;
      out.hour12 = s.hour12;
    }
    if (s.fields !== undefined) {
      const fields = s.resolvedFields;
      for (const name of Object.keys(fields)) out[name] = fields[name];
    } else {
      if (s.dateStyle !== undefined) out.dateStyle = s.dateStyle;
      if (s.timeStyle !== undefined) out.timeStyle = s.timeStyle;
    }
    return out;
  },
  formatToParts(date) {
    const s = unwrap(dateSlots, this, 'DateTimeFormat', 'formatToParts');
    return partsToObjects(formatDateParts(s, toEpoch(date)));
  },
});
defineBoundGetter(DateTimeFormat.prototype, 'format', dateSlots, 'DateTimeFormat', (s) => {
  const format = (date) => formatDateString(s, toEpoch(date));
  ObjectDefineProperty(format, 'name', { value: '' });
  return format;
});

/** formatRange's two dates: both required (TypeError), each a valid time (RangeError). */
function rangeEpochs(startDate, endDate) {
  if (startDate === undefined || endDate === undefined) throw new TypeError('Invalid time value');
  return [toEpoch(startDate), toEpoch(endDate)];
}

function formatDateRangeParts(s, start, end) {
  const flat = intl.formatDateRange(s.nativeLocale, start, end, s.timeZone, s.layout);
  const out = [];
  for (let i = 0; i < flat.length; i += 3) {
    let value = flat[i + 1];
    if (s.hourCycle === 'h24' && flat[i] === 'hour' && (value === '0' || value === '00')) value = '24';
    call(ArrayPrototypePush, out, { type: flat[i], value, source: flat[i + 2] });
  }
  return out;
}

defineMethods(DateTimeFormat.prototype, {
  formatRange(startDate, endDate) {
    const s = unwrap(dateSlots, this, 'DateTimeFormat', 'formatRange');
    const [start, end] = rangeEpochs(startDate, endDate);
    let text = '';
    const parts = formatDateRangeParts(s, start, end);
    for (let i = 0; i < parts.length; i++) text += parts[i].value;
    return call(StringPrototypeReplace, text, /\u202f/g, ' ');
  },
  formatRangeToParts(startDate, endDate) {
    const s = unwrap(dateSlots, this, 'DateTimeFormat', 'formatRangeToParts');
    const [start, end] = rangeEpochs(startDate, endDate);
    return formatDateRangeParts(s, start, end);
  },
});
ObjectDefineProperty(DateTimeFormat.prototype, 'constructor', { value: DateTimeFormat, writable: true, configurable: true, enumerable: false });

// ---- Collator ------------------------------------------------------------------------------

const collatorSlots = makeSlots();

function initializeCollator(collator, locales, options, service = 'Intl.Collator') {
  const requested = canonicalizeLocaleList(locales);
  options = coerceOptions(options);
  const usage = getOption(options, 'usage', 'string', ['sort', 'search'], 'sort', service);
  getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
  const co = getKeywordOption(options, 'collation', 'collation', service);
  let kn = getOption(options, 'numeric', 'boolean', undefined, undefined, service);
  if (kn !== undefined) kn = kn ? 'true' : 'false';
  const kf = getOption(options, 'caseFirst', 'string', ['upper', 'lower', 'false'], undefined, service);
  const r = resolveLocale(requested, ['co', 'kf', 'kn'], { co: undefined, kn, kf });
  void co;
  const s = {
    locale: r.locale,
    usage,
    sensitivity: getOption(options, 'sensitivity', 'string', ['base', 'accent', 'case', 'variant'], 'variant', service),
    ignorePunctuation: getOption(options, 'ignorePunctuation', 'boolean', undefined, false, service),
    collation: 'default',
    numeric: r.kn === 'true',
    caseFirst: r.kf || 'false',
  };
  let keywords = '';
  if (s.caseFirst !== 'false') keywords += `-kf-${s.caseFirst}`;
  if (s.numeric) keywords += '-kn';
  s.nativeLocale = keywords === '' ? r.dataLocale : `${r.dataLocale}-u${keywords}`;
  collatorSlots.set(collator, s);
  return collator;
}

function Collator(locales = undefined, options = undefined) {
  const target = new.target === undefined ? Collator : new.target;
  return initializeCollator(ObjectCreate(target.prototype), locales, options);
}
defineStatic(Collator, 0);
defineTag(Collator.prototype, 'Intl.Collator');
defineBoundGetter(Collator.prototype, 'compare', collatorSlots, 'Collator', (s) => {
  const compare = (x, y) => intl.compare(s.nativeLocale, s.sensitivity, s.ignorePunctuation, StringCtor(x), StringCtor(y));
  ObjectDefineProperty(compare, 'name', { value: '' });
  return compare;
});
defineMethods(Collator.prototype, {
  resolvedOptions() {
    const s = unwrap(collatorSlots, this, 'Collator', 'resolvedOptions');
    return {
      locale: s.locale, usage: s.usage, sensitivity: s.sensitivity, ignorePunctuation: s.ignorePunctuation,
      collation: s.collation, numeric: s.numeric, caseFirst: s.caseFirst,
    };
  },
});
ObjectDefineProperty(Collator.prototype, 'constructor', { value: Collator, writable: true, configurable: true, enumerable: false });

// ---- PluralRules ---------------------------------------------------------------------------

const pluralSlots = makeSlots();

function PluralRules(locales = undefined, options = undefined) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
  const self = ObjectCreate(new.target.prototype);
  {
    const requested = canonicalizeLocaleList(locales);
    options = coerceOptions(options);
    const service = 'Intl.PluralRules';
    getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
    const type = getOption(options, 'type', 'string', ['cardinal', 'ordinal'], 'cardinal', service);
    const s = { type };
    setDigitOptions(s, options, 0, 3, 'standard', service, true);
    const r = resolveLocale(requested, []);
    s.locale = r.locale;
    s.dataLocale = r.dataLocale;
    s.native = {
      style: 'decimal', notation: 'standard',
      minimumIntegerDigits: s.minimumIntegerDigits,
      minimumFractionDigits: s.minimumFractionDigits === undefined ? 0 : s.minimumFractionDigits,
      maximumFractionDigits: s.maximumFractionDigits === undefined ? 0 : s.maximumFractionDigits,
      minimumSignificantDigits: s.roundingType === 'fractionDigits' ? 0 : s.minimumSignificantDigits,
      maximumSignificantDigits: s.roundingType === 'fractionDigits' ? 0 : s.maximumSignificantDigits,
      roundingPriority: s.roundingPriority, roundingIncrement: s.roundingIncrement,
      roundingMode: s.roundingMode, trailingZeroDisplay: s.trailingZeroDisplay,
      useGrouping: '', signDisplay: 'never',
    };
    s.native = nativeNumberSpec(s.native);
    pluralSlots.set(self, s);
  }
  return self;
}
defineStatic(PluralRules, 0);
defineMethods(PluralRules.prototype, {
  select(value) {
    const s = unwrap(pluralSlots, this, 'PluralRules', 'select');
    const n = NumberCtor(value);
    if (!NumberIsFinite(n)) return 'other';
    // The rounded digits (Latin digits, "." decimal) decide the category: 1 vs 1.0 differ.
    const flat = intl.formatNumber('en', toDecimalText(n), s.native);
    let digits = '';
    for (let i = 0; i < flat.length; i += 2) {
      if (flat[i] === 'integer' || flat[i] === 'fraction') digits += flat[i + 1];
      else if (flat[i] === 'decimal') digits += '.';
    }
    return intl.pluralSelect(s.dataLocale, s.type, digits);
  },

  resolvedOptions() {
    const s = unwrap(pluralSlots, this, 'PluralRules', 'resolvedOptions');
    const out = { locale: s.locale, type: s.type, minimumIntegerDigits: s.minimumIntegerDigits };
    if (s.roundingType === 'fractionDigits') {
      out.minimumFractionDigits = s.minimumFractionDigits;
      out.maximumFractionDigits = s.maximumFractionDigits;
    }
    if (s.roundingType !== 'fractionDigits') {
      out.minimumSignificantDigits = s.minimumSignificantDigits;
      out.maximumSignificantDigits = s.maximumSignificantDigits;
    }
    // V8 lists ICU's keywords in its order: alphabetical, "other" last.
    const categories = intl.pluralCategories(s.dataLocale, s.type).sort();
    const other = categories.indexOf('other');
    if (other >= 0) categories.push(categories.splice(other, 1)[0]);
    out.pluralCategories = categories;
    return out;
  },
});
ObjectDefineProperty(PluralRules.prototype, 'constructor', { value: PluralRules, writable: true, configurable: true, enumerable: false });
defineTag(PluralRules.prototype, 'Intl.PluralRules');

// ---- ListFormat ----------------------------------------------------------------------------

const listSlots = makeSlots();

function stringListFromIterable(iterable) {
  if (iterable === undefined) return [];
  const out = [];
  for (const item of iterable) {
    if (typeof item !== 'string') throw new TypeError(`Iterable yielded ${typeof item === 'symbol' ? item.toString() : StringCtor(item)} which is not a string`);
    call(ArrayPrototypePush, out, item);
  }
  return out;
}

function ListFormat(locales = undefined, options = undefined) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
  const self = ObjectCreate(new.target.prototype);
  {
    const requested = canonicalizeLocaleList(locales);
    if (options !== undefined && (options === null || (typeof options !== 'object' && typeof options !== 'function'))) {
      throw new TypeError('Options must be an object');
    }
    options = options === undefined ? ObjectCreate(null) : options;
    const service = 'Intl.ListFormat';
    getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
    const r = resolveLocale(requested, []);
    const type = getOption(options, 'type', 'string', ['conjunction', 'disjunction', 'unit'], 'conjunction', service);
    const style = getOption(options, 'style', 'string', ['long', 'short', 'narrow'], 'long', service);
    listSlots.set(self, { locale: r.locale, dataLocale: r.dataLocale, type, style });
  }
  return self;
}
defineStatic(ListFormat, 0);
defineMethods(ListFormat.prototype, {
  format(list) {
    const s = unwrap(listSlots, this, 'ListFormat', 'format');
    return partsToString(intl.formatList(s.dataLocale, s.type, s.style, stringListFromIterable(list)));
  },

  formatToParts(list) {
    const s = unwrap(listSlots, this, 'ListFormat', 'formatToParts');
    return partsToObjects(intl.formatList(s.dataLocale, s.type, s.style, stringListFromIterable(list)));
  },

  resolvedOptions() {
    const s = unwrap(listSlots, this, 'ListFormat', 'resolvedOptions');
    return { locale: s.locale, type: s.type, style: s.style };
  },
});
ObjectDefineProperty(ListFormat.prototype, 'constructor', { value: ListFormat, writable: true, configurable: true, enumerable: false });
defineTag(ListFormat.prototype, 'Intl.ListFormat');

// ---- Locale --------------------------------------------------------------------------------

const languageSubtag = /^([a-zA-Z]{2,3}|[a-zA-Z]{5,8})$/;
const scriptSubtag = /^[a-zA-Z]{4}$/;
const regionSubtag = /^([a-zA-Z]{2}|[0-9]{3})$/;
const typeSequence = /^[a-zA-Z0-9]{3,8}(-[a-zA-Z0-9]{3,8})*$/;

/** The parts of a canonical tag: language, script, region, the rest of the base name
 * (variants), and the extensions after it. */
function splitTag(tag) {
  const subtags = tag.split('-');
  let i = 1;
  let script;
  let region;
  if (i < subtags.length && test(scriptSubtag, subtags[i])) script = subtags[i++];
  if (i < subtags.length && test(regionSubtag, subtags[i])) region = subtags[i++];
  const variants = [];
  while (i < subtags.length && subtags[i].length > 1) call(ArrayPrototypePush, variants, subtags[i++]);
  return { language: subtags[0], script, region, variants, extensions: subtags.slice(i) };
}

function incorrectLocale() {
  return new RangeError('Incorrect locale information provided');
}

/** ECMA-402's ApplyOptionsToTag and ApplyUnicodeExtensionToTag for the Locale constructor. */
function applyLocaleOptions(tag, options) {
  const service = 'locale';
  const language = getOption(options, 'language', 'string', undefined, undefined, service);
  if (language !== undefined && !test(languageSubtag, language)) throw incorrectLocale();
  const script = getOption(options, 'script', 'string', undefined, undefined, service);
  if (script !== undefined && !test(scriptSubtag, script)) throw incorrectLocale();
  const region = getOption(options, 'region', 'string', undefined, undefined, service);
  if (region !== undefined && !test(regionSubtag, region)) throw incorrectLocale();
  const parts = splitTag(tag);
  if (language !== undefined) parts.language = language;
  if (script !== undefined) parts.script = script;
  if (region !== undefined) parts.region = region;
  // V8 reads every option before it checks the free-form ones (calendar, collation,
  // numberingSystem) are type sequences.
  const freeForm = [];
  const keywordOption = (name, key, values) => {
    const value = getOption(options, name, 'string', values, undefined, service);
    if (value !== undefined && values === undefined) call(ArrayPrototypePush, freeForm, value);
    return value === undefined ? undefined : [key, value];
  };
  const changes = [
    keywordOption('calendar', 'ca'),
    keywordOption('collation', 'co'),
    keywordOption('hourCycle', 'hc', ['h11', 'h12', 'h23', 'h24']),
    keywordOption('caseFirst', 'kf', ['upper', 'lower', 'false']),
  ];
  const numeric = getOption(options, 'numeric', 'boolean', undefined, undefined, service);
  if (numeric !== undefined) call(ArrayPrototypePush, changes, ['kn', numeric ? 'true' : 'false']);
  call(ArrayPrototypePush, changes, keywordOption('numberingSystem', 'nu'));
  for (let i = 0; i < freeForm.length; i++) if (!test(typeSequence, freeForm[i])) throw incorrectLocale();
  const { keywords } = splitUnicodeExtension(tag);
  for (let i = 0; i < changes.length; i++) if (changes[i] !== undefined) keywords[changes[i][0]] = changes[i][1];
  let out = parts.language;
  if (parts.script !== undefined) out += `-${parts.script}`;
  if (parts.region !== undefined) out += `-${parts.region}`;
  for (let i = 0; i < parts.variants.length; i++) out += `-${parts.variants[i]}`;
  // Other extensions stay as they were; the -u- one is rebuilt from the merged keywords.
  const others = [];
  let skipping = false;
  for (let i = 0; i < parts.extensions.length; i++) {
    const subtag = parts.extensions[i];
    if (subtag.length === 1) skipping = subtag === 'u' || subtag === 'U';
    if (!skipping) call(ArrayPrototypePush, others, subtag);
  }
  const keys = Object.keys(keywords);
  if (keys.length > 0) {
    out += '-u';
    for (let i = 0; i < keys.length; i++) out += keywords[keys[i]] === '' ? `-${keys[i]}` : `-${keys[i]}-${keywords[keys[i]]}`;
  }
  if (others.length > 0) out += `-${others.join('-')}`;
  return canonicalizeTag(out);
}

function Locale(tag, options = undefined) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.Locale requires 'new'");
  if (typeof tag !== 'string' && (tag === null || typeof tag !== 'object')) {
    throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
  }
  const slots = localeSlots.get(tag);
  const text = slots !== undefined ? slots.locale : StringCtor(tag);
  if (text === '') throw new RangeError("First argument to Intl.Locale constructor can't be empty or missing");
  const self = ObjectCreate(new.target.prototype);
  const canonical = canonicalizeTag(text);
  localeSlots.set(self, { locale: applyLocaleOptions(canonical, coerceOptions(options)) });
  return self;
}
ObjectDefineProperty(Locale, 'length', { value: 1, configurable: true });

function localeOf(self, method) {
  return unwrap(localeSlots, self, 'Locale', method).locale;
}

defineMethods(Locale.prototype, {
  toString() {
    return localeOf(this, 'toString');
  },
  maximize() {
    return new Locale(intl.maximize(localeOf(this, 'maximize')));
  },
  minimize() {
    return new Locale(intl.minimize(localeOf(this, 'minimize')));
  },
});
const keywordGetters = [['calendar', 'ca'], ['caseFirst', 'kf'], ['collation', 'co'], ['hourCycle', 'hc']];
const localeGetters = {
  language: (tag) => splitTag(tag).language,
  script: (tag) => splitTag(tag).script,
  region: (tag) => splitTag(tag).region,
  baseName: (tag) => {
    const p = splitTag(tag);
    return [p.language, p.script, p.region, ...p.variants].filter((x) => x !== undefined).join('-');
  },
};
for (const [name, key] of keywordGetters) localeGetters[name] = (tag) => splitUnicodeExtension(tag).keywords[key];
localeGetters.numeric = (tag) => {
  const kn = splitUnicodeExtension(tag).keywords.kn;
  return kn === '' || kn === 'true';
};
localeGetters.numberingSystem = (tag) => splitUnicodeExtension(tag).keywords.nu;
for (const name of Object.keys(localeGetters)) {
  const read = localeGetters[name];
  ObjectDefineProperty(Locale.prototype, name, {
    get: { [name]() { return read(localeOf(this, name)); } }[name],
    enumerable: false,
    configurable: true,
  });
}
ObjectDefineProperty(Locale.prototype, 'constructor', { value: Locale, writable: true, configurable: true, enumerable: false });
defineTag(Locale.prototype, 'Intl.Locale');

// ---- the namespace and the locale-sensitive methods of other builtins -----------------------

const Intl = {};
defineTag(Intl, 'Intl');
defineMethods(Intl, {
  getCanonicalLocales(locales) {
    return canonicalizeLocaleList(locales);
  },
});
for (const [name, value] of [['DateTimeFormat', DateTimeFormat], ['NumberFormat', NumberFormat],
  ['Collator', Collator], ['PluralRules', PluralRules], ['ListFormat', ListFormat], ['Locale', Locale]]) {
  ObjectDefineProperty(Intl, name, { value, writable: true, enumerable: false, configurable: true });
}

let defaultNumberFormat;
function numberToLocaleString(value, locales, options, service) {
  if (locales === undefined && options === undefined) {
    if (defaultNumberFormat === undefined) defaultNumberFormat = new NumberFormat();
    return defaultNumberFormat.format(value);
  }
  const nf = initializeNumberFormat(ObjectCreate(NumberFormat.prototype), locales, options, service);
  return partsToString(formatNumberParts(numberSlots.get(nf), value));
}

const dateFormatCache = { any: undefined, date: undefined, time: undefined };
function dateToLocaleString(self, locales, options, required, defaults, method) {
  let time;
  try {
    time = call(DatePrototypeGetTime, self);
  } catch {
    throw new TypeError(`Method Date.prototype.${method} called on incompatible receiver ${receiverName(self)}`);
  }
  if (NumberIsNaN(time)) return 'Invalid Date';
  let dtf;
  if (locales === undefined && options === undefined) {
    dtf = dateFormatCache[required];
    if (dtf === undefined) {
      dtf = initializeDateTimeFormat(ObjectCreate(DateTimeFormat.prototype), undefined, undefined, required, defaults);
      dateFormatCache[required] = dtf;
    }
  } else {
    dtf = initializeDateTimeFormat(ObjectCreate(DateTimeFormat.prototype), locales, options, required, defaults, `Date.prototype.${method}`);
  }
  return formatDateString(dateSlots.get(dtf), time);
}

let defaultCollator;
/** The locale-sensitive methods of Number, BigInt, Date and String (the bootstrap's stand-ins
 * call these). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** String.prototype.toLocale{Upper,Lower}Case: the first requested locale (or the default)
 * decides the special rules; lone surrogates pass through unchanged. */
function localeCase(self, locales, upper, method) {
  if (self === undefined || self === null) throw new TypeError(`String.prototype.${method} called on null or undefined`);
  const text = StringCtor(self);
  const requested = canonicalizeLocaleList(locales);
  const locale = requested.length > 0 ? splitUnicodeExtension(requested[0]).base : defaultLocale();
  let out = '';
  let last = 0;
  loneSurrogate.lastIndex = 0;
  for (let m = loneSurrogate.exec(text); m !== null; m = loneSurrogate.exec(text)) {
    out += intl.caseMap(call(StringPrototypeSlice, text, last, m.index), locale, upper) + m[0];
    last = m.index + 1;
  }
  return out + intl.caseMap(call(StringPrototypeSlice, text, last), locale, upper);
}

const localeMethods = {
  Number: {
    toLocaleString(locales = undefined, options = undefined) {
      return numberToLocaleString(call(NumberPrototypeValueOf, this), locales, options, 'Number.prototype.toLocaleString');
    },
  },
  BigInt: {
    toLocaleString(locales = undefined, options = undefined) {
      return numberToLocaleString(call(BigIntPrototypeValueOf, this), locales, options, 'BigInt.prototype.toLocaleString');
    },
  },
  Date: {
    toLocaleString(locales = undefined, options = undefined) {
      return dateToLocaleString(this, locales, options, 'any', 'all', 'toLocaleString');
    },
    toLocaleDateString(locales = undefined, options = undefined) {
      return dateToLocaleString(this, locales, options, 'date', 'date', 'toLocaleDateString');
    },
    toLocaleTimeString(locales = undefined, options = undefined) {
      return dateToLocaleString(this, locales, options, 'time', 'time', 'toLocaleTimeString');
    },
  },
  String: {
    toLocaleUpperCase(locales = undefined) {
      return localeCase(this, locales, true, 'toLocaleUpperCase');
    },
    toLocaleLowerCase(locales = undefined) {
      return localeCase(this, locales, false, 'toLocaleLowerCase');
    },
    localeCompare(that, locales = undefined, options = undefined) {
      if (this === undefined || this === null) {
        throw new TypeError('String.prototype.localeCompare called on null or undefined');
      }
      const s = StringCtor(this);
      const t = StringCtor(that);
      if (locales === undefined && options === undefined) {
        if (defaultCollator === undefined) defaultCollator = new Collator();
        return defaultCollator.compare(s, t);
      }
      const collator = initializeCollator(ObjectCreate(Collator.prototype), locales, options, 'String.prototype.localeCompare');
      return collator.compare(s, t);
    },
  },
};

module.exports = { Intl, localeMethods };
