// The one place streams get StringDecoder from: `string_decoder` when the runner has it, else a
// minimal decoder keeping incomplete multi-byte characters between chunks (utf8, utf16le,
// base64/base64url) as Node's StringDecoder does.
'use strict';

const { codes } = require('internal/streams/errors');

function normalize(enc) {
  const e = enc === undefined || enc === null || enc === '' ? 'utf8' : String(enc).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
    default: return undefined;
  }
}

// How many bytes at the end of `buf` start a utf8 character that is not complete yet.
function utf8Incomplete(buf) {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue;
    let need = 0;
    if ((b & 0xe0) === 0xc0) need = 2;
    else if ((b & 0xf0) === 0xe0) need = 3;
    else if ((b & 0xf8) === 0xf0) need = 4;
    return need > back ? back : 0;
  }
  return 0;
}

class FallbackStringDecoder {
  constructor(encoding) {
    const enc = normalize(encoding);
    if (enc === undefined) throw codes.ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = enc;
    this.pending = Buffer.alloc(0);
    // UTF-16LE: how many bytes the held-back character has in all (2, or 4 for a pair).
    this.pendingTotal = 0;
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (this.encoding === 'utf16le') return this.writeUtf16(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
    let bytes = this.pending.length ? Buffer.concat([this.pending, buf]) : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    let keep = 0;
    if (this.encoding === 'utf8') {
      keep = utf8Incomplete(bytes);
    } else if (this.encoding === 'base64' || this.encoding === 'base64url') {
      keep = bytes.length % 3;
    }
    this.pending = Buffer.from(bytes.subarray(bytes.length - keep));
    bytes = bytes.subarray(0, bytes.length - keep);
    return bytes.toString(this.encoding);
  }

  // UTF-16LE as Node's decoder does it: a pending odd byte completes one code unit that is
  // decoded on its own (so a surrogate pair split at an odd boundary comes out in two halves);
  // an even-length rest holds back a trailing high surrogate for its low half.
  writeUtf16(buf) {
    let out = '';
    let i = 0;
    if (this.pending.length) {
      const need = this.pendingTotal - this.pending.length;
      if (buf.length < need) {
        this.pending = Buffer.concat([this.pending, buf]);
        return '';
      }
      out = Buffer.concat([this.pending, buf.subarray(0, need)]).toString('utf16le');
      this.pending = Buffer.alloc(0);
      i = need;
    }
    if (i >= buf.length) return out;
    const rest = buf.subarray(i);
    if (rest.length % 2 === 0) {
      const text = rest.toString('utf16le');
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.pending = Buffer.from(rest.subarray(rest.length - 2));
        this.pendingTotal = 4;
        return out + text.slice(0, -1);
      }
      return out + text;
    }
    this.pending = Buffer.from(rest.subarray(rest.length - 1));
    this.pendingTotal = 2;
    return out + rest.subarray(0, rest.length - 1).toString('utf16le');
  }

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this.pending.length) {
      out += this.encoding === 'utf8' ? '\ufffd' : this.pending.toString(this.encoding);
      this.pending = Buffer.alloc(0);
    }
    return out;
  }
}

let StringDecoder;
try {
  ({ StringDecoder } = require('string_decoder'));
} catch {
  StringDecoder = FallbackStringDecoder;
}

module.exports = { StringDecoder };
