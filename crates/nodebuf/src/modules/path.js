// `path`, POSIX and win32 (`path.win32`, `path/win32`: drive letters, UNC roots, both
// separators): join, resolve, normalize, relative, dirname, basename, extname, isAbsolute,
// parse, format, toNamespacedPath, sep, delimiter, with Node's results in its edge cases ('' ->
// '.', trailing separators, '..' above the root, `C:` without a separator, `\\server\share`).
'use strict';

const { codes } = require('internal/errors');

function validate(value, name) {
  if (typeof value !== 'string') throw codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}

// Resolves '.' and '..' segments; `allowAboveRoot` keeps leading '..' for relative paths
// (native: modules/path.rs, on the string's units).
const normalizeString = native.path.normalizeString;

// Methods (no `prototype`, not constructors), as Node defines them.
const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      // (process.cwd as a script may have replaced it, as Node calls it)
      const path = i >= 0 ? args[i] : process.cwd();
      // (the argument's name is made only for the error)
      if (typeof path !== 'string') validate(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === 47;
    }
    resolved = normalizeString(resolved, !absolute);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validate(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === 47;
    const trailing = path.charCodeAt(path.length - 1) === 47;
    let out = normalizeString(path, !absolute);
    if (out.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) out += '/';
    return absolute ? `/${out}` : out;
  },

  isAbsolute(path) {
    validate(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === 47;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      validate(args[i], 'path');
      if (args[i].length > 0) joined = joined === undefined ? args[i] : `${joined}/${args[i]}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validate(from, 'from');
    validate(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
    const up = fromParts.slice(common).map(() => '..');
    return [...up, ...toParts.slice(common)].join('/');
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validate(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === 47;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === 47) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validate(suffix, 'suffix');
    validate(path, 'path');
    return basenameOf(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validate(path, 'path');
    return extnameOf(path, 0, isPosixSep);
  },

  format(obj) {
    return formatWith('/', obj);
  },

  parse(path) {
    validate(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === 47;
    if (absolute) ret.root = '/';
    // (An absolute path's name never starts at its root slash.)
    const startPart = fillLastPart(ret, path, absolute ? 1 : 0, 0,
      (start) => (start === 0 && absolute ? 1 : start), isPosixSep);
    if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
    else if (absolute) ret.dir = '/';
    return ret;
  },
  sep: '/',
  delimiter: ':',
};
// --- what both flavours share ----------------------------------------------------------------

const isPosixSep = (code) => code === 47;

/**
 * The last component's bounds, scanning `path` back to `stop`, as Node's basename/extname/parse
 * do: `end` past its last character (-1 for none), `startPart` its first (`startPart` as given
 * when no separator precedes it), `startDot` its last dot (-1 for none), and whether that dot
 * makes an extension (not a leading dot, not `..`).
 */
function lastPart(path, stop, startPart, isSep) {
  let startDot = -1;
  let end = -1;
  let matchedSlash = true;
  // 0: nothing before the first dot yet, 1: only dots, -1: something else.
  let preDotState = 0;
  for (let i = path.length - 1; i >= stop; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === 46) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const hasExt = startDot !== -1 && end !== -1 && preDotState !== 0 &&
    !(preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, startDot, end, hasExt };
}

/** extname: the last component's extension (from `start` on), '' for none. */
function extnameOf(path, start, isSep) {
  const part = lastPart(path, start, start, isSep);
  return part.hasExt ? path.slice(part.startDot, part.end) : '';
}

/** basename: the last component from `start` on, without `suffix` when it ends with it. */
function basenameOf(path, suffix, start, isSep) {
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else {
        if (firstNonSlashEnd === -1) {
          matchedSlash = false;
          firstNonSlashEnd = i + 1;
        }
        if (extIdx >= 0) {
          if (code === suffix.charCodeAt(extIdx)) {
            if (--extIdx === -1) end = i;
          } else {
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }
    if (start === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return path.slice(start, end);
  }
  for (let i = path.length - 1; i >= start; --i) {
    if (isSep(path.charCodeAt(i))) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  return end === -1 ? '' : path.slice(start, end);
}

/** format: `dir` (or `root`) and `base` (or `name` + `ext`) joined by `sep`. */
function formatWith(sep, obj) {
  if (obj === null || typeof obj !== 'object') throw codes.ERR_INVALID_ARG_TYPE('pathObject', 'Object', obj);
  const dir = obj.dir || obj.root;
  const base = obj.base || `${obj.name || ''}${obj.ext ? (obj.ext[0] === '.' ? '' : '.') + obj.ext : ''}`;
  if (!dir) return base;
  return dir === obj.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

/**
 * The name/base/ext of `ret` from the last component (scanning back to `stop`); returns where
 * that component starts. `nameStart` adjusts where the name is taken from.
 */
function fillLastPart(ret, path, stop, startPart, nameStart, isSep) {
  const part = lastPart(path, stop, startPart, isSep);
  if (part.end !== -1) {
    const start = nameStart(part.startPart);
    if (part.hasExt) {
      ret.name = path.slice(start, part.startDot);
      ret.base = path.slice(start, part.end);
      ret.ext = path.slice(part.startDot, part.end);
    } else {
      ret.base = ret.name = path.slice(start, part.end);
    }
  }
  return part.startPart;
}

// `path.win32` loads with its first use (most scripts never touch it): a data property, as
// Node's, made by the engine on first read (patch 0070).
function loadWin32() {
  const win32 = require('internal/path/win32')({
    validate, normalizeString, extnameOf, basenameOf, formatWith, fillLastPart,
  });
  win32.win32 = win32;
  win32.posix = posix;
  win32._makeLong = win32.toNamespacedPath;
  return win32;
}
native.defineLazyValue(posix, 'win32', loadWin32, true);
posix.posix = posix;
posix._makeLong = posix.toNamespacedPath;

module.exports = process.platform === 'win32' ? posix.win32 : posix;
