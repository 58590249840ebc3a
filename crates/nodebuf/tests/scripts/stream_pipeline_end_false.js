// pipeline(..., { end: false }): the destination stays open and the pipeline settles when the
// source ends (callback, util.promisify and stream/promises forms), and again for a second source.
'use strict';
const { pipeline, PassThrough, Readable } = require('stream');
const { promisify } = require('util');

(async () => {
  const out = new PassThrough();
  out.on('data', (d) => console.log('data', String(d)));
  await promisify(pipeline)(Readable.from(['a', 'b']), out, { end: false });
  console.log('promisified settled, ended:', out.writableEnded);
  await require('stream/promises').pipeline(Readable.from(['c']), out, { end: false });
  console.log('stream/promises settled, ended:', out.writableEnded);
  pipeline(Readable.from(['d']), out, (err) => {
    console.log('callback form settled', err, out.writableEnded);
    out.end('last');
  });
  out.on('finish', () => console.log('finish'));
})();
