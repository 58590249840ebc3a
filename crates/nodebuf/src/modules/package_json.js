// package.json files as both module loaders read them (Node's package_json_reader): each read
// once and cached, the scope governing a file (the nearest package.json above it, not past a
// node_modules directory), and the format a file's extension or its package's "type" declares.
// CommonJS asks for the declared format of every file it loads, so this lives apart from the ES
// module loader, which a CommonJS script then never loads.
'use strict';

const path = require('path');
const { makeNodeError } = require('internal/errors');

const fs = native.fs;

// package.json path -> its parsed object ({} for a non-object), or null when there is none.
const packageCache = new Map();

/** The package.json in `dir`, parsed, or null; Node's ERR_INVALID_PACKAGE_CONFIG when unreadable. */
function readPackage(dir) {
  const file = path.join(dir, 'package.json');
  if (packageCache.has(file)) return packageCache.get(file);
  let pkg = null;
  if (fs.kind(file) === 1) {
    try {
      pkg = JSON.parse(fs.readFileUtf8(file));
    } catch {
      throw makeNodeError(Error, 'ERR_INVALID_PACKAGE_CONFIG', `Invalid package config ${file}.`);
    }
    if (pkg === null || typeof pkg !== 'object') pkg = {};
  }
  packageCache.set(file, pkg);
  return pkg;
}

/** The package.json that governs `filename` (the nearest one above it) as `{ dir, pkg }`, or null. */
function packageScope(filename) {
  let dir = path.dirname(filename);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(dir);
    if (pkg !== null) return { dir, pkg };
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * 'module', 'commonjs' or 'json' when the extension or the package "type" decides; undefined
 * for an untyped `.js` or extensionless file, whose syntax decides (Node v20.19's detection).
 */
function declaredFormatOf(filename) {
  if (filename.endsWith('.mjs')) return 'module';
  if (filename.endsWith('.cjs')) return 'commonjs';
  if (filename.endsWith('.json')) return 'json';
  const scope = packageScope(filename);
  const type = scope !== null ? scope.pkg.type : undefined;
  if (type === 'module') return 'module';
  if (type === 'commonjs') return 'commonjs';
  return undefined;
}

module.exports = { readPackage, packageScope, declaredFormatOf };
