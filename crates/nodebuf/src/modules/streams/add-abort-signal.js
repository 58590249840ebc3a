// stream.addAbortSignal(signal, stream): aborting the signal destroys the stream with an AbortError.
'use strict';

const { codes, AbortError } = require('internal/streams/errors');
const { validateAbortSignal, addAbortListener } = require('internal/streams/abort');
const { isNodeStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  if (!isNodeStream(stream)) {
    throw codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

/** addAbortSignal without the checks (for callers that validated already); a non-signal is ignored. */
function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) return stream;
  const onAbort = () => {
    stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = addAbortListener(signal, onAbort);
    require('internal/streams/end-of-stream').eos(stream, () => disposable.dispose());
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
