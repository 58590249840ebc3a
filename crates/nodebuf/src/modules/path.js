// POSIX `path`: join, resolve, normalize, relative, dirname, basename, extname, isAbsolute,
// parse, format, sep, delimiter — Node's results including its edge cases ('' -> '.',
// trailing slashes, '..' above the root).
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
    if (suffix !== undefined) validate(suffix, 'ext');
    validate(path, 'path');
    let end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
    if (end === 0) return '';
    const start = path.lastIndexOf('/', end - 1) + 1;
    let base = path.slice(start, end);
    if (suffix !== undefined && suffix.length > 0 && base.endsWith(suffix)) {
      base = base.slice(0, base.length - suffix.length);
    }
    return base;
  },

  extname(path) {
    validate(path, 'path');
    const base = posix.basename(path);
    const dot = base.lastIndexOf('.');
    if (dot <= 0) return '';
    if (dot === base.length - 1) return base === '..' ? '' : '.';
    return base.slice(dot);
  },

  format(obj) {
    if (obj === null || typeof obj !== 'object') throw codes.ERR_INVALID_ARG_TYPE('pathObject', 'Object', obj);
    const dir = obj.dir || obj.root;
    const base = obj.base || `${obj.name || ''}${obj.ext ? (obj.ext[0] === '.' ? '' : '.') + obj.ext : ''}`;
    if (!dir) return base;
    return dir === obj.root ? `${dir}${base}` : `${dir}/${base}`;
  },

  parse(path) {
    validate(path, 'path');
    const root = path.charCodeAt(0) === 47 ? '/' : '';
    if (path.length === 0) return { root: '', dir: '', base: '', ext: '', name: '' };
    const base = posix.basename(path);
    const ext = posix.extname(path);
    let dir = posix.dirname(path);
    if (dir === '.' && !path.startsWith('.') ) dir = path.includes('/') ? dir : '';
    if (base === '') dir = root === '/' ? '/' : dir;
    return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
  },
  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};
posix._makeLong = posix.toNamespacedPath;
posix.posix = posix;
posix.win32 = posix;

module.exports = posix;
