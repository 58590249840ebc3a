// The one place streams get StringDecoder from: the runner's `string_decoder` (Node's, with its
// state machine in nodebuf-core).
'use strict';

module.exports = { StringDecoder: require('string_decoder').StringDecoder };
