// process.stdin / stdout / stderr as streams: stdout and stderr are Writables writing each chunk
// straight to the descriptor (synchronous, as Node's are for files and pipes); stdin is a
// Readable reading fd 0 in highWaterMark-sized chunks when something consumes it.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate, setTimeout } = require('timers');

const Writable = require('internal/streams/writable');

// On a pipe or a terminal, strings in UTF-8 go to the descriptor as they are (Node's socket
// streams hand them to libuv: no Buffer, so no pool allocation); other encodings are encoded
// first. Files (and /dev/null) get Buffers: Node's SyncWriteStream lets Writable turn each
// string into a Buffer, which takes its bytes from the pool when small.
// Node's sockets write latin1, ascii and UTF-16 strings straight from the string as well; only
// other encodings (hex, base64...) become a Buffer first.
const kEncodedBySocket = new Set(['latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);
function toWritable(chunk, encoding) {
  if (typeof chunk !== 'string' || encoding === 'utf8' || encoding === 'utf-8') return chunk;
  if (!kEncodedBySocket.has(encoding)) return Buffer.from(chunk, encoding);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(chunk, encoding));
  bytes.write(chunk, 0, encoding);
  return bytes;
}

/** A Writable on fd 1 or 2 that writes through `writeBytes(stringOrBytes)`. */
function createWritableStdioStream(fd, writeBytes) {
  const kind = native.tty.guessHandle(fd);
  const stream = new Writable({
    decodeStrings: kind !== 'PIPE' && kind !== 'TTY',
    write(chunk, encoding, cb) {
      writeBytes(toWritable(chunk, encoding));
      cb();
    },
    writev(chunks, cb) {
      for (const { chunk, encoding } of chunks) writeBytes(toWritable(chunk, encoding));
      cb();
    },
  });
  stream.fd = fd;
  stream._type = 'fs';
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  // Node never closes the process's stdout/stderr descriptors when the stream ends.
  stream._destroy = function (err, cb) {
    cb(err);
  };
  stream.hasColors = () => false;
  stream.getColorDepth = () => 1;
  // A terminal descriptor makes it a tty.WriteStream (isTTY, columns/rows, colours); pipes
  // and files leave isTTY undefined, as in Node.
  return native.tty.isatty(fd) ? require('tty').internals.adoptStdioStream(stream, fd) : stream;
}

/** A Readable on fd 0. */
function createStdinStream() {
  const Readable = require('internal/streams/readable');
  const fs = require('fs');
  // Readable#read calls _read before it hands out what is buffered, so a read that blocks
  // right there would hold back chunks already received (a child answering its parent line by
  // line would wait forever). Each read waits for the loop's check phase instead, after the
  // chunks before it were delivered.
  const stream = new Readable({
    highWaterMark: 64 * 1024,
    read(n) {
      setImmediate(readChunk, this, n);
    },
  });
  function readChunk(self, n) {
    const buf = Buffer.allocUnsafe(n);
    let bytes;
    try {
      bytes = fs.readSync(0, buf, 0, n, null);
    } catch (err) {
      if (err.code === 'EAGAIN') {
        setTimeout(readChunk, 10, self, n);
        return;
      }
      if (err.code === 'EOF' || err.code === 'EBADF') {
        self.push(null);
        return;
      }
      self.destroy(err);
      return;
    }
    if (bytes === 0) self.push(null);
    else self.push(buf.subarray(0, bytes));
  }
  stream.fd = 0;
  stream._destroy = function (err, cb) {
    cb(err);
  };
  return native.tty.isatty(0) ? require('tty').internals.adoptStdinStream(stream, 0) : stream;
}

module.exports = { createWritableStdioStream, createStdinStream };
