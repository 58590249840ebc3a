// `path.win32` (`require('path').win32`, `path/win32`): drive letters (`C:`, with or without a
// separator after), UNC roots (`\\server\share`), device namespaces (`\\.\`, `\\?\`), both
// separators, with Node's results in its edge cases. path.js builds it on first use and hands
// it the helpers both flavours share.
'use strict';

module.exports = function makeWin32({ validate, normalizeString, extnameOf, basenameOf, formatWith, fillLastPart }) {
  const isWin32Sep = (code) => code === 47 || code === 92;
  // A drive letter (`C` of `C:`).
  const isDeviceRoot = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const hasDrive = (path) => path.length >= 2 && path.charCodeAt(1) === 58 && isDeviceRoot(path.charCodeAt(0));

  // --- win32 --------------------------------------------------------------------------------------

  /**
   * A path starting with two separators: its UNC root `\\server\share`, when it has both
   * names. `end` is where the share name ends (the path's length for a root alone).
   */
  function uncRoot(path) {
    const len = path.length;
    let j = 2;
    let last = j;
    while (j < len && !isWin32Sep(path.charCodeAt(j))) j++;
    if (j >= len || j === last) return undefined;
    const server = path.slice(last, j);
    last = j;
    while (j < len && isWin32Sep(path.charCodeAt(j))) j++;
    if (j >= len || j === last) return undefined;
    last = j;
    while (j < len && !isWin32Sep(path.charCodeAt(j))) j++;
    return { server, share: path.slice(last, j), end: j };
  }

  /**
   * The root of a win32 path: `device` (`C:`, `\\server\share`, or '' for none), where the
   * rest starts (`rootEnd`) and whether it is absolute (a separator after the root).
   */
  function win32Root(path) {
    const len = path.length;
    const code = path.charCodeAt(0);
    if (len === 1) return { device: '', rootEnd: isWin32Sep(code) ? 1 : 0, absolute: isWin32Sep(code), unc: undefined };
    if (isWin32Sep(code)) {
      if (isWin32Sep(path.charCodeAt(1))) {
        const unc = uncRoot(path);
        if (unc !== undefined && (unc.server === '.' || unc.server === '?')) {
          // A device namespace (`\\.\`, `\\?\`): its root is the prefix alone, what follows is
          // a path in it (Node since CVE-2025-27210).
          return { device: `\\\\${unc.server}`, rootEnd: 4, absolute: true, unc: undefined };
        }
        if (unc !== undefined) {
          return { device: `\\\\${unc.server}\\${unc.share}`, rootEnd: unc.end, absolute: true, unc };
        }
        return { device: '', rootEnd: 0, absolute: true, unc: undefined };
      }
      return { device: '', rootEnd: 1, absolute: true, unc: undefined };
    }
    if (hasDrive(path)) {
      const absolute = len > 2 && isWin32Sep(path.charCodeAt(2));
      return { device: path.slice(0, 2), rootEnd: absolute ? 3 : 2, absolute, unc: undefined };
    }
    return { device: '', rootEnd: 0, absolute: false, unc: undefined };
  }

  // Node's normalizeString with both separators, joined by backslashes.
  const normalizeWin32 = (path, allowAboveRoot) =>
    normalizeString(path.replace(/\\/g, '/'), allowAboveRoot).replace(/\//g, '\\');

  /** Whether a relative path's normalized `tail` could be read as a device path (see normalize). */
  function looksLikeDevice(path, tail) {
    if (hasDrive(tail)) return true;
    for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
      if (i === path.length - 1 || isWin32Sep(path.charCodeAt(i + 1))) return true;
    }
    return false;
  }

  const win32 = {
    resolve(...args) {
      let resolvedDevice = '';
      let resolvedTail = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        let path;
        if (i >= 0) {
          path = args[i];
          if (typeof path !== 'string') validate(path, `paths[${i}]`);
          if (path.length === 0) continue;
        } else if (resolvedDevice.length === 0) {
          path = process.cwd();
        } else {
          // The drive's own working directory (`=C:` in the environment), else its root.
          path = process.env[`=${resolvedDevice}`] || process.cwd();
          if (path === undefined ||
              (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() && path.charCodeAt(2) === 92)) {
            path = `${resolvedDevice}\\`;
          }
        }
        const root = win32Root(path);
        const rootEnd = root.rootEnd;
        const device = root.device;
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
          } else {
            resolvedDevice = device;
          }
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = root.absolute;
          if (root.absolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = normalizeWin32(resolvedTail, !resolvedAbsolute);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || '.';
    },

    normalize(path) {
      validate(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return path.charCodeAt(0) === 47 ? '\\' : path;
      const root = win32Root(path);
      if (root.unc !== undefined && root.unc.end === len) {
        // A UNC root alone.
        return `${root.device}\\`;
      }
      const rootEnd = root.rootEnd;
      let tail = rootEnd < len ? normalizeWin32(path.slice(rootEnd), !root.absolute) : '';
      if (tail.length === 0 && !root.absolute) tail = '.';
      if (tail.length > 0 && isWin32Sep(path.charCodeAt(len - 1))) tail += '\\';
      if (!root.absolute && root.device === '' && path.includes(':') && looksLikeDevice(path, tail)) {
        // A relative result Windows could read as a drive path (`c:x`, or a component ending in
        // a colon) gets a leading `.\`, as in Node since CVE-2024-36139.
        return `.\\${tail}`;
      }
      if (root.device === '') return root.absolute ? `\\${tail}` : tail;
      return root.absolute ? `${root.device}\\${tail}` : `${root.device}${tail}`;
    },

    isAbsolute(path) {
      validate(path, 'path');
      const len = path.length;
      if (len === 0) return false;
      const code = path.charCodeAt(0);
      return isWin32Sep(code) ||
        (len > 2 && isDeviceRoot(code) && path.charCodeAt(1) === 58 && isWin32Sep(path.charCodeAt(2)));
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      let firstPart;
      for (let i = 0; i < args.length; ++i) {
        const arg = args[i];
        validate(arg, 'path');
        if (arg.length > 0) {
          if (joined === undefined) joined = firstPart = arg;
          else joined += `\\${arg}`;
        }
      }
      if (joined === undefined) return '.';
      // A joined path must not start with two separators unless its first part is a UNC root:
      // normalize would read them as one.
      let needsReplace = true;
      let slashCount = 0;
      if (isWin32Sep(firstPart.charCodeAt(0))) {
        ++slashCount;
        const firstLen = firstPart.length;
        if (firstLen > 1 && isWin32Sep(firstPart.charCodeAt(1))) {
          ++slashCount;
          if (firstLen > 2) {
            if (isWin32Sep(firstPart.charCodeAt(2))) ++slashCount;
            else needsReplace = false;
          }
        }
      }
      if (needsReplace) {
        while (slashCount < joined.length && isWin32Sep(joined.charCodeAt(slashCount))) slashCount++;
        if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
      }
      return win32.normalize(joined);
    },

    relative(from, to) {
      validate(from, 'from');
      validate(to, 'to');
      if (from === to) return '';
      const fromOrig = win32.resolve(from);
      const toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return '';
      from = fromOrig.toLowerCase();
      to = toOrig.toLowerCase();
      if (from === to) return '';
      // Leading backslashes, and trailing ones (UNC paths only), are not compared.
      let fromStart = 0;
      while (fromStart < from.length && from.charCodeAt(fromStart) === 92) fromStart++;
      let fromEnd = from.length;
      while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === 92) fromEnd--;
      const fromLen = fromEnd - fromStart;
      let toStart = 0;
      while (toStart < to.length && to.charCodeAt(toStart) === 92) toStart++;
      let toEnd = to.length;
      while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === 92) toEnd--;
      const toLen = toEnd - toStart;
      const length = fromLen < toLen ? fromLen : toLen;
      let lastCommonSep = -1;
      let i = 0;
      for (; i < length; i++) {
        const fromCode = from.charCodeAt(fromStart + i);
        if (fromCode !== to.charCodeAt(toStart + i)) break;
        else if (fromCode === 92) lastCommonSep = i;
      }
      if (i !== length) {
        // Different before any common separator: `to` as it is.
        if (lastCommonSep === -1) return toOrig;
      } else {
        if (toLen > length) {
          // `from` is `to`'s directory, or its device root.
          if (to.charCodeAt(toStart + i) === 92) return toOrig.slice(toStart + i + 1);
          if (i === 2) return toOrig.slice(toStart + i);
        }
        if (fromLen > length) {
          // `to` is `from`'s directory, or its device root.
          if (from.charCodeAt(fromStart + i) === 92) lastCommonSep = i;
          else if (i === 2) lastCommonSep = 3;
        }
        if (lastCommonSep === -1) lastCommonSep = 0;
      }
      let out = '';
      for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
        if (i === fromEnd || from.charCodeAt(i) === 92) out += out.length === 0 ? '..' : '\\..';
      }
      toStart += lastCommonSep;
      if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
      if (toOrig.charCodeAt(toStart) === 92) ++toStart;
      return toOrig.slice(toStart, toEnd);
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const resolvedPath = win32.resolve(path);
      if (resolvedPath.length <= 2) return path;
      if (resolvedPath.charCodeAt(0) === 92) {
        if (resolvedPath.charCodeAt(1) === 92) {
          const code = resolvedPath.charCodeAt(2);
          // A UNC path that is not already a long (`\\?\`) or device (`\\.\`) one.
          if (code !== 63 && code !== 46) return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
        }
      } else if (isDeviceRoot(resolvedPath.charCodeAt(0)) && resolvedPath.charCodeAt(1) === 58 &&
                 resolvedPath.charCodeAt(2) === 92) {
        return `\\\\?\\${resolvedPath}`;
      }
      return resolvedPath;
    },

    dirname(path) {
      validate(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return isWin32Sep(path.charCodeAt(0)) ? path : '.';
      let rootEnd = -1;
      let offset = 0;
      const code = path.charCodeAt(0);
      if (isWin32Sep(code)) {
        rootEnd = offset = 1;
        if (isWin32Sep(path.charCodeAt(1))) {
          const unc = uncRoot(path);
          if (unc !== undefined) {
            if (unc.end === len) return path;
            // The separator after a UNC root is part of the root.
            rootEnd = offset = unc.end + 1;
          }
        }
      } else if (hasDrive(path)) {
        rootEnd = len > 2 && isWin32Sep(path.charCodeAt(2)) ? 3 : 2;
        offset = rootEnd;
      }
      let end = -1;
      let matchedSlash = true;
      for (let i = len - 1; i >= offset; --i) {
        if (isWin32Sep(path.charCodeAt(i))) {
          if (!matchedSlash) {
            end = i;
            break;
          }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) {
        if (rootEnd === -1) return '.';
        end = rootEnd;
      }
      return path.slice(0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validate(suffix, 'suffix');
      validate(path, 'path');
      // (After a drive letter, the separator that follows is the root's, not a trailing one.)
      return basenameOf(path, suffix, hasDrive(path) ? 2 : 0, isWin32Sep);
    },

    extname(path) {
      validate(path, 'path');
      return extnameOf(path, hasDrive(path) ? 2 : 0, isWin32Sep);
    },

    format(obj) {
      return formatWith('\\', obj);
    },

    parse(path) {
      validate(path, 'path');
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      const len = path.length;
      if (len === 0) return ret;
      let rootEnd = 0;
      const code = path.charCodeAt(0);
      if (len === 1) {
        if (isWin32Sep(code)) ret.root = ret.dir = path;
        else ret.base = ret.name = path;
        return ret;
      }
      if (isWin32Sep(code)) {
        rootEnd = 1;
        if (isWin32Sep(path.charCodeAt(1))) {
          const unc = uncRoot(path);
          if (unc !== undefined) rootEnd = unc.end === len ? len : unc.end + 1;
        }
      } else if (hasDrive(path)) {
        // A drive root alone (`C:`, `C:\`) is all root.
        if (len <= 2 || (len === 3 && isWin32Sep(path.charCodeAt(2)))) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = isWin32Sep(path.charCodeAt(2)) ? 3 : 2;
      }
      if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
      const startPart = fillLastPart(ret, path, rootEnd, rootEnd, (start) => start, isWin32Sep);
      // The root as the directory includes its separator (`C:\`); another directory does not.
      ret.dir = startPart > 0 && startPart !== rootEnd ? path.slice(0, startPart - 1) : ret.root;
      return ret;
    },

    sep: '\\',
    delimiter: ';',
    win32: null,
    posix: null,
  };

  return win32;
};
