// stream.compose(...streams): one Duplex whose writable side is the first stream and whose
// readable side is the last, piped together with pipeline.
'use strict';

const { codes, AbortError } = require('internal/streams/errors');
const { destroyer } = require('internal/streams/destroy');
const u = require('internal/streams/utils');

function compose(...streams) {
  const { Duplex } = require('internal/streams/duplex');
  const { pipeline } = require('internal/streams/pipeline');
  const { from, forwardWrites, forwardReads } = require('internal/streams/duplexify');
  if (streams.length === 0) throw codes.ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return from(streams[0], 'streams[0]');
  const orgStreams = [...streams];
  if (typeof streams[0] === 'function') streams[0] = from(streams[0], 'streams[0]');
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = from(streams[last], `streams[${last}]`);
  for (let n = 0; n < streams.length; ++n) {
    if (!u.isNodeStream(streams[n]) && !u.isWebStream(streams[n])) continue;
    if (n < streams.length - 1 && !u.isReadable(streams[n])) {
      throw codes.ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be readable');
    }
    if (n > 0 && !u.isWritable(streams[n])) {
      throw codes.ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be writable');
    }
  }

  let onclose;
  let d;
  let stopWrites = () => {};
  let stopReads = () => {};

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);
  const writable = !!u.isWritable(head);
  const readable = !!u.isReadable(tail);

  d = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) stopWrites = forwardWrites(d, head, tail);
  if (readable) stopReads = forwardReads(d, tail);

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    stopReads();
    stopWrites();
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      if (u.isNodeStream(tail)) destroyer(tail, err);
    }
  };
  return d;
}

module.exports = compose;
