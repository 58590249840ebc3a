// `util.parseArgs`: command-line words -> tokens -> { values, positionals[, tokens] }, with
// Node v20.20's rules (short-option groups, `-fVALUE`, `--name=value`, `--` ends the options, an
// option of type 'string' takes the next word whatever it looks like, strict-mode checks after
// tokenizing, `allowNegative` for `--no-name`, defaults applied last).
'use strict';

const {
  codes, validateArray, validateBoolean, validateObject, validateString,
} = require('internal/errors');

const hasOwn = Object.hasOwn;

/** `obj[key]` only when it is an own property (inherited settings do not count, as in Node). */
function ownValue(obj, key) {
  return hasOwn(obj, key) ? obj[key] : undefined;
}

/** The setting `key` of the option named `name`, or undefined when there is no such option. */
function optionSetting(options, name, key) {
  return hasOwn(options, name) ? ownValue(options[name], key) : undefined;
}

/** The long name whose option has `short` as its short name, else `short` itself. */
function longNameOf(short, options) {
  for (const name of Object.keys(options)) {
    if (ownValue(options[name], 'short') === short) return name;
  }
  return short;
}

const takesValue = (options, name) => optionSetting(options, name, 'type') === 'string';

/** A word after `-`: `-x` alone. */
const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
/** `-xyz` where x is not a string option: a group of short options. */
const isShortGroup = (arg, options) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-' &&
  !takesValue(options, longNameOf(arg[1], options));
/** `-xVALUE` where x is a string option. */
const isShortWithValue = (arg, options) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-' &&
  takesValue(options, longNameOf(arg[1], options));
/** `--name` (an `=` right after the dashes belongs to the name). */
const isLoneLong = (arg) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
/** `--name=value`. */
const isLongWithValue = (arg) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);

/** An option token; `value` and `inlineValue` stay undefined for an option given no value. */
function optionToken(name, rawName, index, value, inlineValue) {
  return { kind: 'option', name, rawName, index, value, inlineValue };
}

/** Node's token list for `args` (each token's `index` is the word it came from). */
function tokenize(args, options) {
  const tokens = [];
  const words = args.slice();
  let index = -1;
  // Words still to come from the last expanded short-option group: they keep its index.
  let fromGroup = 0;
  while (words.length > 0) {
    const arg = words.shift();
    const next = words[0];
    if (fromGroup > 0) fromGroup--;
    else index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of words) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    // `-x` or `--name` alone: a string option takes the next word, even one that starts with
    // a dash (strict mode then calls that ambiguous).
    const loneName = isLoneShort(arg) ? longNameOf(arg[1], options) : isLoneLong(arg) ? arg.slice(2) : undefined;
    if (loneName !== undefined) {
      if (takesValue(options, loneName) && next != null) {
        tokens.push(optionToken(loneName, arg, index, words.shift(), false));
        index++;
      } else {
        tokens.push(optionToken(loneName, arg, index, undefined, undefined));
      }
      continue;
    }
    if (isShortGroup(arg, options)) {
      // Split into single options that share this word's index; a string option inside the
      // group takes the rest of the word as its value.
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const short = arg[i];
        if (!takesValue(options, longNameOf(short, options)) || i === arg.length - 1) {
          expanded.push(`-${short}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      words.unshift(...expanded);
      fromGroup = expanded.length;
      continue;
    }
    if (isShortWithValue(arg, options)) {
      const short = arg[1];
      tokens.push(optionToken(longNameOf(short, options), `-${short}`, index, arg.slice(2), true));
      continue;
    }
    if (isLongWithValue(arg)) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq);
      tokens.push(optionToken(name, `--${name}`, index, arg.slice(eq + 1), true));
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

/** The name a `--no-x` token stands for under allowNegative (given no value), else its own. */
function negatedName(token, allowNegative) {
  return allowNegative && token.value === undefined && token.name.startsWith('no-') ? token.name.slice(3) : undefined;
}

/** Strict mode: the option must be known and used with (string) or without (boolean) a value. */
function checkUsage(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!hasOwn(options, name)) {
    const positive = allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
    if (positive === undefined || optionSetting(options, positive, 'type') !== 'boolean') {
      throw codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
    }
    name = positive;
  }
  const short = optionSetting(options, name, 'short');
  const shown = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionSetting(options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shown} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shown}' does not take an argument`);
  }
  // A value taken from the next word that looks like an option was probably not meant as one.
  const value = token.value;
  if (!token.inlineValue && value != null && value.length > 1 && value[0] === '-') {
    const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'`
      : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

/**
 * Records one option occurrence (`multiple` options collect every value). Under allowNegative
 * a `--no-x` given no value records x as false, and its token is renamed x (after the strict
 * checks, which look at the name as given), as Node's is.
 */
function store(values, options, token, allowNegative) {
  let value = token.value ?? true;
  const positive = negatedName(token, allowNegative);
  if (positive !== undefined) {
    token.name = positive;
    value = false;
  }
  const name = token.name;
  // A `__proto__` option would replace the prototype of `values`: Node ignores it.
  if (name === '__proto__') return;
  if (optionSetting(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [];
    values[name].push(value);
  } else {
    values[name] = value;
  }
}

/** Checks one option's configuration, as Node does before looking at any argument. */
function validateOption(name, config) {
  const prefix = `options.${name}`;
  validateObject(config, prefix);
  const type = ownValue(config, 'type');
  if (type !== 'string' && type !== 'boolean') {
    throw codes.ERR_INVALID_ARG_TYPE(`${prefix}.type`, "('string|boolean')", type);
  }
  if (hasOwn(config, 'short')) {
    const short = config.short;
    validateString(short, `${prefix}.short`);
    if (short.length !== 1) throw codes.ERR_INVALID_ARG_VALUE(`${prefix}.short`, short, 'must be a single character');
  }
  const multiple = ownValue(config, 'multiple');
  if (hasOwn(config, 'multiple')) validateBoolean(multiple, `${prefix}.multiple`);
  const defaultValue = ownValue(config, 'default');
  if (defaultValue === undefined) return;
  const check = type === 'string' ? validateString : validateBoolean;
  if (multiple) {
    validateArray(defaultValue, `${prefix}.default`);
    for (let i = 0; i < defaultValue.length; i++) check(defaultValue[i], `${prefix}.default[${i}]`);
  } else {
    check(defaultValue, `${prefix}.default`);
  }
}

/** The words after the script (after `node` alone for `-e`/`-p`, which have no script). */
function mainArgs() {
  const evaluated = process.execArgv.some((flag) => flag === '-e' || flag === '--eval' || flag === '-p' ||
    flag === '--print');
  return process.argv.slice(evaluated ? 1 : 2);
}

/** `util.parseArgs([config])` (an arrow, as Node's: no `prototype`). */
const parseArgs = (config = { __proto__: null }) => {
  // Only own settings count (so null or undefined throws here, as in Node).
  const args = ownValue(config, 'args') ?? mainArgs();
  const strict = ownValue(config, 'strict') ?? true;
  const allowPositionals = ownValue(config, 'allowPositionals') ?? !strict;
  const returnTokens = ownValue(config, 'tokens') ?? false;
  const allowNegative = ownValue(config, 'allowNegative') ?? false;
  const options = ownValue(config, 'options') ?? { __proto__: null };
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  for (const [name, optionConfig] of Object.entries(options)) validateOption(name, optionConfig);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkUsage(token, options, allowPositionals, allowNegative);
      store(result.values, options, token, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      result.positionals.push(token.value);
    }
  }
  for (const [name, optionConfig] of Object.entries(options)) {
    const defaultValue = ownValue(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
      result.values[name] = defaultValue;
    }
  }
  return result;
};

module.exports = { parseArgs };
