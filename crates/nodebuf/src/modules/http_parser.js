// An incremental HTTP/1.x message parser (requests or responses): bytes go in as they arrive
// from a socket in any pieces; heads, body pieces (Content-Length, chunked, or until the
// connection ends) and message ends come out as callbacks. Error codes are the `HPE_*` names
// Node's parser reports.
'use strict';

const { METHODS } = require('internal/http/common');

const CRLF_CRLF = Buffer.from('\r\n\r\n');
const HTTP_SLASH = 'HTTP/';
const LF_LF = Buffer.from('\n\n');
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const headerValuePattern = /^[\t\x20-\x7e\x80-\xff]*$/;
const requestLine = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/(\d)\.(\d)$/;
const statusLine = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/;

// The start of a chunk-size line: hex digits, then anything once a `;` (extension), space, tab
// or CR follows them.
const partialChunkSize = /^(?:[0-9a-fA-F]*|[0-9a-fA-F]+[; \t\r][^\n]*)$/;

/** A parse failure: Node's `Parse Error: ...` with `code` HPE_* and `reason`. */
function parseError(code, reason) {
  const err = new Error(`Parse Error: ${reason}`);
  err.code = code;
  err.reason = reason;
  return err;
}

/**
 * `new HTTPParser(kind, handlers)`: kind is 'request' or 'response'. Handlers:
 * `onHead(info)` (info: method, url, statusCode, statusMessage, versionMajor, versionMinor,
 * rawHeaders, shouldKeepAlive, upgrade) may return true to say the message has no body (a
 * response to HEAD); `onBody(buffer)`; `onComplete(rawTrailers)`.
 */
// Where a header (or trailer) block ends: its first blank line, CRLF or bare LF, whichever
// comes first; `end` -1 while there is none yet.
function blockEnd(buf) {
  const crlf = buf.indexOf(CRLF_CRLF);
  const lf = buf.indexOf(LF_LF);
  if (lf !== -1 && (crlf === -1 || lf < crlf)) return { end: lf, sepLength: 2 };
  return { end: crlf, sepLength: 4 };
}

class HTTPParser {
  constructor(kind, handlers, maxHeaderSize = 16384) {
    this.kind = kind;
    this.handlers = handlers;
    this.maxHeaderSize = maxHeaderSize;
    this.pending = null;
    this.state = 'head';
    this.remaining = 0;
    this.info = null;
    this.paused = false;
    this.error = null;
  }

  /** Feeds `data`; returns null, or the error that stops parsing (also kept in `error`). */
  execute(data) {
    if (this.error !== null) return this.error;
    let buf = this.pending === null ? data : Buffer.concat([this.pending, data]);
    this.pending = null;
    try {
      while (buf.length > 0 && !this.paused) {
        const used = this.step(buf);
        if (used === 0) {
          this.pending = buf;
          break;
        }
        buf = buf.subarray(used);
      }
      if (this.paused && buf.length > 0) this.pending = this.pending === null ? buf : this.pending;
    } catch (err) {
      if (err.code === undefined || !String(err.code).startsWith('HPE_')) throw err;
      this.error = err;
      return err;
    }
    return null;
  }

  /** The bytes received but not parsed (after an upgrade, or while paused). */
  takeRemaining() {
    const rest = this.pending === null ? Buffer.alloc(0) : this.pending;
    this.pending = null;
    return rest;
  }

  /** The connection ended: a body that runs until then is complete; anything else midway is
   * an error (returned). */
  finish() {
    if (this.error !== null) return null;
    if (this.state === 'eof-body') {
      this.state = 'head';
      this.handlers.onComplete([]);
      return null;
    }
    if (this.state === 'head' && (this.pending === null || this.pending.length === 0)) return null;
    this.error = parseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state');
    // Node adds the reason to the message only for errors found while executing, not for
    // the one the end of the connection gives.
    this.error.message = 'Parse Error';
    return this.error;
  }

  /** Resumes parsing after `pause()` (the server between pipelined requests). */
  resume() {
    this.paused = false;
    const rest = this.takeRemaining();
    if (rest.length > 0) return this.execute(rest);
    return null;
  }

  pause() {
    this.paused = true;
  }

  // Parses from the start of `buf`; returns the bytes used (0: needs more).
  step(buf) {
    switch (this.state) {
      case 'head': return this.parseHead(buf);
      case 'length-body': {
        const take = Math.min(this.remaining, buf.length);
        this.remaining -= take;
        this.handlers.onBody(buf.subarray(0, take));
        if (this.remaining === 0) this.complete([]);
        return take;
      }
      case 'chunk-size': return this.parseChunkSize(buf);
      case 'chunk-data': {
        const take = Math.min(this.remaining, buf.length);
        this.remaining -= take;
        this.handlers.onBody(buf.subarray(0, take));
        if (this.remaining === 0) this.state = 'chunk-end';
        return take;
      }
      case 'chunk-end': {
        if (buf.length < 2) {
          if (buf[0] === 0x0a) {
            this.state = 'chunk-size';
            return 1;
          }
          if (buf[0] !== 0x0d) throw parseError('HPE_STRICT', 'Expected LF after chunk data');
          return 0;
        }
        if (buf[0] === 0x0d && buf[1] === 0x0a) {
          this.state = 'chunk-size';
          return 2;
        }
        throw parseError('HPE_STRICT', 'Expected LF after chunk data');
      }
      case 'trailers': return this.parseTrailers(buf);
      case 'eof-body':
        this.handlers.onBody(buf);
        return buf.length;
      case 'done':
        throw parseError('HPE_CLOSED_CONNECTION', 'Data after `Connection: close`');
      default:
        return buf.length;
    }
  }

  parseHead(buf) {
    // Node's parser skips empty lines before a message.
    let start = 0;
    while (start < buf.length && (buf[start] === 0x0d || buf[start] === 0x0a)) start++;
    if (start > 0) return start;
    const { end, sepLength } = blockEnd(buf);
    // Like llhttp, a start that cannot become a known method (or `HTTP/`) fails at once.
    this.checkStart(buf);
    if (end === -1) {
      if (buf.length > this.maxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
      return 0;
    }
    if (end > this.maxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
    const lines = buf.toString('latin1', 0, end).split(/\r?\n/);
    const info = {
      method: undefined, url: undefined, statusCode: undefined, statusMessage: undefined,
      versionMajor: 1, versionMinor: 1, rawHeaders: [], shouldKeepAlive: true, upgrade: false,
    };
    const first = lines[0];
    if (this.kind === 'request') {
      const m = requestLine.exec(first);
      if (m === null) {
        if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+ /.test(first)) throw parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
        throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
      }
      info.method = m[1];
      info.url = m[2];
      info.versionMajor = Number(m[3]);
      info.versionMinor = Number(m[4]);
    } else {
      const m = statusLine.exec(first);
      if (m === null) throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
      info.versionMajor = Number(m[1]);
      info.versionMinor = Number(m[2]);
      info.statusCode = Number(m[3]);
      info.statusMessage = m[4] === undefined ? '' : m[4];
    }
    this.readHeaderLines(lines, 1, info.rawHeaders);
    this.info = info;
    this.begin(info);
    return end + sepLength;
  }

  checkStart(buf) {
    const head = buf.toString('latin1', 0, Math.min(buf.length, 24));
    if (this.kind === 'response') {
      const n = Math.min(head.length, HTTP_SLASH.length);
      if (head.slice(0, n) !== HTTP_SLASH.slice(0, n)) throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
      return;
    }
    const space = head.indexOf(' ');
    const token = space === -1 ? head : head.slice(0, space);
    const known = space === -1 ? METHODS.some((m) => m.startsWith(token)) : METHODS.includes(token);
    if (!known) throw parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
  }

  readHeaderLines(lines, from, out) {
    for (let i = from; i < lines.length; i++) {
      const line = lines[i];
      const colon = line.indexOf(':');
      if (colon <= 0) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      const name = line.slice(0, colon);
      if (!tokenPattern.test(name)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
      if (!headerValuePattern.test(value)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
      out.push(name, value);
    }
  }

  // Decides the body framing from the head and tells the handler.
  begin(info) {
    let contentLength = null;
    let chunked = false;
    let connection = '';
    for (let i = 0; i < info.rawHeaders.length; i += 2) {
      const name = info.rawHeaders[i].toLowerCase();
      const value = info.rawHeaders[i + 1];
      if (name === 'content-length') {
        if (!/^\d+$/.test(value)) throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
        const length = Number(value);
        if (contentLength !== null && contentLength !== length) {
          throw parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
        }
        contentLength = length;
      } else if (name === 'transfer-encoding') {
        chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
      } else if (name === 'connection') {
        connection += `${value.toLowerCase()},`;
      } else if (name === 'upgrade') {
        info.hasUpgradeHeader = true;
      }
    }
    if (chunked && contentLength !== null) {
      throw parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Content-Length can\'t be present with Transfer-Encoding');
    }
    const tokens = connection.split(',').map((t) => t.trim());
    if (info.versionMajor === 1 && info.versionMinor === 0) info.shouldKeepAlive = tokens.includes('keep-alive');
    else info.shouldKeepAlive = !tokens.includes('close');
    if (this.kind === 'request') {
      info.upgrade = info.method === 'CONNECT' || (info.hasUpgradeHeader === true && tokens.includes('upgrade'));
    } else {
      info.upgrade = info.statusCode === 101 || (this.connectRequest === true && info.statusCode >= 200 && info.statusCode < 300);
    }
    // llhttp decides keep-alive before the handler can say "no body" (a response to HEAD): a
    // response without framing would run until EOF, so it is never kept alive.
    if (this.kind === 'response' && !chunked && contentLength === null && !info.upgrade &&
        !(info.statusCode >= 100 && info.statusCode < 200) && info.statusCode !== 204 && info.statusCode !== 304) {
      info.shouldKeepAlive = false;
    }
    const noBody = this.handlers.onHead(info) === true;
    if (info.upgrade) {
      this.state = 'upgraded';
      this.paused = true;
      this.complete([]);
      return;
    }
    if (this.kind === 'response' && info.statusCode >= 100 && info.statusCode < 200) {
      // An informational response: the real one follows.
      this.state = 'head';
      return;
    }
    if (noBody || (this.kind === 'response' && (info.statusCode === 204 || info.statusCode === 304))) {
      this.complete([]);
      return;
    }
    if (chunked) {
      this.state = 'chunk-size';
    } else if (contentLength !== null) {
      if (contentLength === 0) {
        this.complete([]);
        return;
      }
      this.state = 'length-body';
      this.remaining = contentLength;
    } else if (this.kind === 'response') {
      // No framing: the body runs until the connection ends.
      info.shouldKeepAlive = false;
      this.state = 'eof-body';
    } else {
      this.complete([]);
    }
  }

  parseChunkSize(buf) {
    const lf = buf.indexOf(0x0a);
    if (lf === -1) {
      if (buf.length > 1024) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
      // As llhttp, a byte that cannot be part of a chunk size fails at once, not when the line
      // ends (a peer that sends garbage and waits gets its error).
      if (!partialChunkSize.test(buf.toString('latin1'))) {
        throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
      }
      return 0;
    }
    let line = buf.toString('latin1', 0, lf);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const semicolon = line.indexOf(';');
    const sizeText = (semicolon === -1 ? line : line.slice(0, semicolon)).trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
    const size = parseInt(sizeText, 16);
    if (!Number.isSafeInteger(size)) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Chunk size overflow');
    if (size === 0) {
      this.state = 'trailers';
    } else {
      this.state = 'chunk-data';
      this.remaining = size;
    }
    return lf + 1;
  }

  parseTrailers(buf) {
    // No trailers: the empty line right away.
    if (buf[0] === 0x0a) {
      this.complete([]);
      return 1;
    }
    if (buf[0] === 0x0d) {
      if (buf.length < 2) return 0;
      if (buf[1] === 0x0a) {
        this.complete([]);
        return 2;
      }
    }
    const { end, sepLength } = blockEnd(buf);
    if (end === -1) {
      if (buf.length > this.maxHeaderSize) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
      return 0;
    }
    const trailers = [];
    this.readHeaderLines(buf.toString('latin1', 0, end).split(/\r?\n/), 0, trailers);
    this.complete(trailers);
    return end + sepLength;
  }

  complete(trailers) {
    const keepAlive = this.info === null ? true : this.info.shouldKeepAlive;
    const upgraded = this.state === 'upgraded';
    if (!upgraded) this.state = keepAlive ? 'head' : 'done';
    this.handlers.onComplete(trailers);
  }
}

module.exports = { HTTPParser, parseError };
