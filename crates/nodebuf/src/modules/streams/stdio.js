// process.stdin / stdout / stderr as streams: stdout and stderr are Writables writing each chunk
// straight to the descriptor (synchronous, as Node's are for files and pipes); stdin is a
// Readable reading fd 0 when something consumes it (see createStdinStream).
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

/**
 * A Readable on fd 0. A terminal, pipe or socket is read as Node reads it: without blocking,
 * each chunk arriving in the loop's poll phase (native.stdin.watch puts a non-blocking
 * descriptor for it on the loop's poller), so timers and I/O callbacks run while the script
 * waits for input, and the loop stays alive only while the stream reads (`pause()` lets the
 * process exit, as Node's stdin does). A regular file (or a device the poller refuses) is read
 * directly, one chunk per check phase. `addStdio(stream, fd, isActive)` lists the watched stream
 * among the process's handles (process/resources.js).
 */
function createStdinStream(addStdio) {
  const Readable = require('internal/streams/readable');
  const kind = native.tty.guessHandle(0);
  // The poller's id for stdin (from the stream's creation, as Node makes its handle); -1: read
  // directly.
  let watchId = -1;
  let watched = null;
  const stream = new Readable({
    // Node's: a terminal's tty.ReadStream reads no more than asked (0), a pipe's net.Socket
    // buffers 16 KiB, a file's fs.ReadStream 64 KiB.
    highWaterMark: kind === 'TTY' ? 0 : kind === 'FILE' ? 64 * 1024 : 16 * 1024,
    read(n) {
      if (watchId < 0) {
        // Readable#read calls _read before it hands out what is buffered, so a read that
        // blocks right there would hold back chunks already received (a child answering its
        // parent line by line would wait forever). Each read waits for the check phase.
        setImmediate(readDirect, this, n || 64 * 1024);
      } else if (watched !== null) {
        watched.reading = true;
        // Data may be left from the last readiness, which is reported once: have the poller
        // report it again, so that it arrives in the next poll phase.
        if (watched.maybeMore) native.net.rearm(watchId);
      }
    },
  });
  function startWatching(self) {
    watchId = native.stdin.watch();
    if (watchId < 0) return;
    watched = {
      reading: false,
      maybeMore: false,
      _refed: true,
      // As libuv: the handle keeps the loop alive while it reads.
      _isActive: () => watched.reading,
      _onNetEvent() {
        watched.maybeMore = true;
        if (watched.reading) readWatched(self);
      },
      _stdio: true,
    };
    require('internal/messaging').registerNet(watchId, watched);
    addStdio(self, 0, () => watched !== null && watched.reading);
    // As Node: a paused stdin stops reading (one tick later, once the stream has paused), so
    // the process can exit.
    self.on('pause', () => process.nextTick(stopIfPaused, self));
  }
  function stopIfPaused(self) {
    if (watched !== null && watched.reading && !self.readableFlowing) {
      watched.reading = false;
      self._readableState.reading = false;
    }
  }
  function stopWatching() {
    if (watched === null) return;
    watched.reading = false;
    require('internal/messaging').unregisterNet(watchId);
    native.net.close(watchId);
    watched = null;
  }
  // Reads what the last readiness reported. As libuv's, the handle goes on reading (and stays
  // listed as active) until the stream is full or paused.
  function readWatched(self) {
    if (watched === null || self.destroyed) return;
    const got = native.net.read(watchId);
    if (got === 0) {
      // Nothing yet: the next readiness reads.
      watched.maybeMore = false;
    } else if (got === null) {
      stopWatching();
      self.push(null);
    } else if (typeof got === 'number') {
      stopWatching();
      self.destroy(require('internal/errors').errnoException(-got, 'read'));
    } else if (!self.push(got) && watched !== null) {
      watched.reading = false;
    }
  }
  function readDirect(self, n) {
    const buf = Buffer.allocUnsafe(n);
    let bytes;
    try {
      bytes = require('fs').readSync(0, buf, 0, n, null);
    } catch (err) {
      if (err.code === 'EAGAIN') {
        setTimeout(readDirect, 10, self, n);
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
  if (kind !== 'FILE') startWatching(stream);
  stream.fd = 0;
  stream._destroy = function (err, cb) {
    stopWatching();
    cb(err);
  };
  return native.tty.isatty(0) ? require('tty').internals.adoptStdinStream(stream, 0) : stream;
}

module.exports = { createWritableStdioStream, createStdinStream };
