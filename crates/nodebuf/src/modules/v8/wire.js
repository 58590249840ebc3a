// V8's ValueSerializer wire format as Node v20 (V8 11.3) writes it: the tags, the format
// version, and the classification both directions share. The format's facts come from the
// bytes `v8.serialize` produces; the code is nodebuf's own.
'use strict';

/** The format version V8 11.3 writes in the header (`0xFF 0x0F`). */
const kLatestVersion = 15;

/** One-byte tags, by what they introduce. */
const tags = {
  version: 0xff,
  padding: 0x00,
  verifyObjectCount: 0x3f, // '?'
  theHole: 0x2d, // '-'
  undefined: 0x5f, // '_'
  null: 0x30, // '0'
  true: 0x54, // 'T'
  false: 0x46, // 'F'
  int32: 0x49, // 'I'
  uint32: 0x55, // 'U'
  double: 0x4e, // 'N'
  bigint: 0x5a, // 'Z'
  utf8String: 0x53, // 'S'
  oneByteString: 0x22, // '"'
  twoByteString: 0x63, // 'c'
  objectReference: 0x5e, // '^'
  beginObject: 0x6f, // 'o'
  endObject: 0x7b, // '{'
  beginSparseArray: 0x61, // 'a'
  endSparseArray: 0x40, // '@'
  beginDenseArray: 0x41, // 'A'
  endDenseArray: 0x24, // '$'
  date: 0x44, // 'D'
  trueObject: 0x79, // 'y'
  falseObject: 0x78, // 'x'
  numberObject: 0x6e, // 'n'
  bigintObject: 0x7a, // 'z'
  stringObject: 0x73, // 's'
  regexp: 0x52, // 'R'
  beginMap: 0x3b, // ';'
  endMap: 0x3a, // ':'
  beginSet: 0x27, // "'"
  endSet: 0x2c, // ','
  arrayBuffer: 0x42, // 'B'
  resizableArrayBuffer: 0x7e, // '~'
  arrayBufferTransfer: 0x74, // 't'
  arrayBufferView: 0x56, // 'V'
  sharedArrayBuffer: 0x75, // 'u'
  sharedObject: 0x70, // 'p'
  wasmModuleTransfer: 0x77, // 'w'
  hostObject: 0x5c, // '\'
  wasmMemoryTransfer: 0x6d, // 'm'
  error: 0x72, // 'r'
};

/** Tags inside an error record ('r'), in the order V8 writes them. */
const errorTags = {
  evalError: 0x45, // 'E'
  rangeError: 0x52, // 'R'
  referenceError: 0x46, // 'F'
  syntaxError: 0x53, // 'S'
  typeError: 0x54, // 'T'
  uriError: 0x55, // 'U'
  message: 0x6d, // 'm'
  cause: 0x63, // 'c'
  stack: 0x73, // 's'
  end: 0x2e, // '.'
};

/** Error constructors by their prototype tag; plain `Error` has none. */
const errorPrototypeTags = [
  ['EvalError', errorTags.evalError],
  ['RangeError', errorTags.rangeError],
  ['ReferenceError', errorTags.referenceError],
  ['SyntaxError', errorTags.syntaxError],
  ['TypeError', errorTags.typeError],
  ['URIError', errorTags.uriError],
];

/** The subtag of each view kind in an 'V' record. */
const viewSubtags = [
  ['Int8Array', 0x62], // 'b'
  ['Uint8Array', 0x42], // 'B'
  ['Uint8ClampedArray', 0x43], // 'C'
  ['Int16Array', 0x77], // 'w'
  ['Uint16Array', 0x57], // 'W'
  ['Int32Array', 0x64], // 'd'
  ['Uint32Array', 0x44], // 'D'
  ['Float32Array', 0x66], // 'f'
  ['Float64Array', 0x46], // 'F'
  ['BigInt64Array', 0x71], // 'q'
  ['BigUint64Array', 0x51], // 'Q'
  ['DataView', 0x3f], // '?'
];

/** Flag bits of a 'V' record. */
const viewFlags = { lengthTracking: 1, backedByResizable: 2 };

/** RegExp flag bits, in V8's order. */
const regexpFlagBits = [
  ['global', 1, 'g'],
  ['ignoreCase', 2, 'i'],
  ['multiline', 4, 'm'],
  ['sticky', 8, 'y'],
  ['unicode', 16, 'u'],
  ['dotAll', 32, 's'],
  ['hasIndices', 128, 'd'],
  ['unicodeSets', 256, 'v'],
];
/** V8's `linear` flag (64) exists only behind a V8 flag: data carrying it fails to read. */
const kKnownRegExpFlags = 1 | 2 | 4 | 8 | 16 | 32 | 128 | 256;

/**
 * A prototype object laid out as Node's native classes are: the native methods, then
 * `constructor`, then what Node's JS adds (all writable, configurable, not enumerable).
 */
function prototypeWith(methods, constructor, extras) {
  const proto = {};
  const define = (name, value) =>
    Object.defineProperty(proto, name, { value, writable: true, enumerable: false, configurable: true });
  for (const name of Object.keys(methods)) define(name, methods[name]);
  define('constructor', constructor);
  for (const name of Object.keys(extras)) define(name, extras[name]);
  return proto;
}

module.exports = {
  prototypeWith,
  kLatestVersion,
  tags,
  errorTags,
  errorPrototypeTags,
  viewSubtags,
  viewFlags,
  regexpFlagBits,
  kKnownRegExpFlags,
};
