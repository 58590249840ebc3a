// `internal/fs/cp`: `fs.cp`, `fs.cpSync`, `fs.promises.cp`: copying files, directories (with
// `recursive`) and symlinks with Node's options and its SystemErrors. The walk is written once
// as a generator that yields each `filter` call's result: the sync driver refuses a promise
// there (ERR_INVALID_RETURN_VALUE, as cpSync does), the async one awaits it.
'use strict';

const { codes, systemError, validateFunction, validateObject, validateInteger } = require('internal/errors');
const pathModule = require('path');
const { statsFromRaw } = require('internal/fs/utils');
const nfs = native.fs;

const { EINVAL, EISDIR, ENOTDIR, EEXIST } = { EINVAL: 22, EISDIR: 21, ENOTDIR: 20, EEXIST: 17 };

// Node's cp errors: SystemErrors with `info` in the order { message, path, syscall, errno, code }.
const cpError = (key, prefix, errno, code) => (message, path) =>
  systemError(key, prefix, { message, path, syscall: 'cp', errno, code });
const errors = {
  EINVAL: cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', EINVAL, 'EINVAL'),
  DIR_TO_NON_DIR: cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory', EISDIR, 'EISDIR'),
  NON_DIR_TO_DIR: cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory', ENOTDIR, 'ENOTDIR'),
  EEXIST: cpError('ERR_FS_CP_EEXIST', 'Target already exists', EEXIST, 'EEXIST'),
  EISDIR: cpError('ERR_FS_EISDIR', 'Path is a directory', EINVAL, 'EISDIR'),
  SYMLINK_TO_SUBDIRECTORY: cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'Cannot overwrite symlink in subdirectory of self', EINVAL, 'EINVAL'),
  SOCKET: cpError('ERR_FS_CP_SOCKET', 'Cannot copy a socket file', EINVAL, 'EINVAL'),
  FIFO_PIPE: cpError('ERR_FS_CP_FIFO_PIPE', 'Cannot copy a FIFO pipe', EINVAL, 'EINVAL'),
  UNKNOWN: cpError('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', EINVAL, 'EINVAL'),
};

/** cp's options, checked and defaulted as Node does. */
function cpOptions(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const opts = {
    dereference: false, errorOnExist: false, force: true, preserveTimestamps: false,
    recursive: false, verbatimSymlinks: false, mode: 0, ...options,
  };
  if (opts.filter !== undefined) validateFunction(opts.filter, 'options.filter');
  if (opts.dereference === true && opts.verbatimSymlinks === true) {
    throw codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  validateInteger(opts.mode, 'mode', 0, 7);
  return opts;
}

// Stats of `path` (following links when `follow`); undefined when it does not exist.
const statOf = (path, follow, mustExist) => {
  const raw = nfs.statRaw(path, follow, mustExist, false);
  return raw === undefined ? undefined : statsFromRaw(raw, false);
};
const identical = (a, b) => b.ino !== 0 && b.dev !== 0 && a.ino === b.ino && a.dev === b.dev;

// Whether `dest` lies inside `src` (as resolved paths, component by component).
function isSubdirectory(src, dest) {
  const srcParts = pathModule.resolve(src).split(pathModule.sep).filter(Boolean);
  const destParts = pathModule.resolve(dest).split(pathModule.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}

// Node's checks of a pair before copying it: their stats, or the error for the pair.
function checkPaths(src, dest, opts) {
  const srcStat = statOf(src, opts.dereference, true);
  const destStat = statOf(dest, opts.dereference, false);
  if (destStat !== undefined) {
    if (identical(srcStat, destStat)) throw errors.EINVAL('src and dest cannot be the same', dest);
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw errors.DIR_TO_NON_DIR(`cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw errors.NON_DIR_TO_DIR(`cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (srcStat.isDirectory() && isSubdirectory(src, dest)) {
    throw errors.EINVAL(`cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
  return { srcStat, destStat };
}

// No parent of `dest` may be `src` itself (through links too).
function checkParents(src, srcStat, dest) {
  const srcParent = pathModule.resolve(pathModule.dirname(src));
  let parent = pathModule.resolve(pathModule.dirname(dest));
  while (parent !== srcParent && parent !== pathModule.parse(parent).root) {
    const parentStat = statOf(parent, true, false);
    if (parentStat === undefined) return;
    if (identical(srcStat, parentStat)) {
      throw errors.EINVAL(`cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    parent = pathModule.dirname(parent);
  }
}

function* copyEntry(src, dest, opts, stats) {
  const { srcStat, destStat } = stats;
  if (srcStat.isDirectory()) {
    if (!opts.recursive) throw errors.EISDIR(`${src} is a directory (not copied)`, src);
    if (destStat === undefined) nfs.mkdir(dest, false, srcStat.mode);
    for (const name of require('internal/fs/dir').namesInDirectoryOrder(src)) {
      const srcItem = pathModule.join(src, name);
      const destItem = pathModule.join(dest, name);
      if (opts.filter !== undefined && !(yield opts.filter(srcItem, destItem))) continue;
      yield* copyEntry(srcItem, destItem, opts, checkPaths(srcItem, destItem, opts));
    }
    if (destStat === undefined) nfs.chmod(dest, srcStat.mode);
    return;
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat !== undefined) {
      if (opts.errorOnExist && !opts.force) throw errors.EEXIST(`${dest} already exists`, dest);
      if (!opts.force) return;
      nfs.unlink(dest);
    }
    nfs.copyFile(src, dest, opts.mode);
    if (opts.preserveTimestamps) {
      // A read-only copy is made writable for the time change, then given its mode back; the
      // times are the source's after the copy read it (its atime moved), as Dates, as Node's.
      if ((srcStat.mode & 0o200) === 0) nfs.chmod(dest, srcStat.mode | 0o200);
      const { atime, mtime } = statOf(src, true, true);
      nfs.utimes(dest, atime.getTime() / 1000, mtime.getTime() / 1000, true);
    }
    nfs.chmod(dest, srcStat.mode);
    return;
  }
  if (srcStat.isSymbolicLink()) {
    yield* copyLink(src, dest, opts, destStat);
    return;
  }
  if (srcStat.isSocket()) throw errors.SOCKET(`cannot copy a socket file: ${dest}`, dest);
  if (srcStat.isFIFO()) throw errors.FIFO_PIPE(`cannot copy a FIFO pipe: ${dest}`, dest);
  throw errors.UNKNOWN(`cannot copy an unknown file type: ${dest}`, dest);
}

const linkText = (path) => {
  const bytes = nfs.readlink(path);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString();
};

// A symlink is copied as a link to the same place: to its text as written with
// `verbatimSymlinks`, else to that text resolved against the link's directory.
function* copyLink(src, dest, opts, destStat) {
  let target = linkText(src);
  if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
    target = pathModule.resolve(pathModule.dirname(src), target);
  }
  if (destStat === undefined) {
    nfs.symlink(target, dest);
    return;
  }
  let destTarget;
  try {
    destTarget = linkText(dest);
  } catch (err) {
    // `dest` exists and is no link: making one there fails as the system says.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      nfs.symlink(target, dest);
      return;
    }
    throw err;
  }
  if (!pathModule.isAbsolute(destTarget)) destTarget = pathModule.resolve(pathModule.dirname(dest), destTarget);
  if (statOf(src, true, true).isDirectory() && isSubdirectory(target, destTarget)) {
    throw errors.EINVAL(`cannot copy ${target} to a subdirectory of self ${destTarget}`, dest);
  }
  const destFollowed = statOf(dest, true, false);
  if (destFollowed !== undefined && destFollowed.isDirectory() && isSubdirectory(destTarget, target)) {
    throw errors.SYMLINK_TO_SUBDIRECTORY(`cannot overwrite ${destTarget} with ${target}`, dest);
  }
  nfs.unlink(dest);
  nfs.symlink(target, dest);
}

// The whole copy: the top-level filter, the checks, the parent directory, the walk.
function* copyTree(src, dest, opts) {
  if (opts.filter !== undefined && !(yield opts.filter(src, dest))) return;
  const stats = checkPaths(src, dest, opts);
  checkParents(src, stats.srcStat, dest);
  const parent = pathModule.dirname(dest);
  if (!nfs.exists(parent)) nfs.mkdir(parent, true, 0o777);
  yield* copyEntry(src, dest, opts, stats);
}

const isPromise = (value) => value instanceof Promise;

/** `fs.cpSync(src, dest, options)` with checked paths. */
function cpSyncChecked(src, dest, options) {
  const opts = cpOptions(options);
  const walk = copyTree(src, dest, opts);
  let step = walk.next();
  while (!step.done) {
    if (isPromise(step.value)) throw codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', step.value);
    step = walk.next(step.value);
  }
}

/** `fs.promises.cp(src, dest, options)` with checked paths: the filter may return a promise. */
async function cpChecked(src, dest, options) {
  const opts = cpOptions(options);
  const walk = copyTree(src, dest, opts);
  let step = walk.next();
  while (!step.done) step = walk.next(await step.value);
}

module.exports = { cpSyncChecked, cpChecked, cpOptions };
