// The brand checks of the web stream classes (isReadableStream, isWritableStream,
// isTransformStream), filled in by `stream/web` when it loads. They live apart so that the Node
// stream adapters can use them while `require('stream/web')` shows only what Node's shows.
'use strict';

module.exports = {};
