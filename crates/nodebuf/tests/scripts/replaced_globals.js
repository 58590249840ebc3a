// A script that replaces the globals Node's own modules never read from the global object
// (process, Buffer, the timers, Promise, Map, Date, queueMicrotask, the web classes...): what
// console, streams, zlib, events, fs, util and crypto do must not change. Fake-timer libraries
// and polyfills do this.
'use strict';
const real = {
  Buffer, setTimeout, setImmediate, Promise, process, queueMicrotask, URL, TextDecoder, TextEncoder,
  Map, Error,
};
const log = console.log;
const { Readable, Transform, Writable, pipeline, PassThrough } = require('stream');
const zlib = require('zlib');
const events = require('events');
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

const calls = [];
const trap = (name) => function () { calls.push(name); throw new real.Error(`replaced ${name} called`); };
globalThis.Buffer = trap('Buffer');
globalThis.setTimeout = trap('setTimeout');
globalThis.setImmediate = trap('setImmediate');
globalThis.clearTimeout = trap('clearTimeout');
globalThis.queueMicrotask = trap('queueMicrotask');
globalThis.structuredClone = trap('structuredClone');
globalThis.TextDecoder = trap('TextDecoder');
globalThis.TextEncoder = trap('TextEncoder');
globalThis.URL = trap('URL');
globalThis.Map = trap('Map');
globalThis.Set = trap('Set');
globalThis.Symbol = trap('Symbol');
globalThis.Uint8Array = trap('Uint8Array');
globalThis.Date = trap('Date');
globalThis.Array = trap('Array');
globalThis.Object = trap('Object');
globalThis.Error = trap('Error');
globalThis.TypeError = trap('TypeError');
globalThis.Promise = class FakePromise extends real.Promise {};

log('console.log after replacement', real.Buffer.from('hi'), [1, 2], { a: new (real.Buffer)(2) });
log(util.inspect(new real.Map([[1, 2]])), util.format('%s %d %j', 'x', 42, { y: 1 }));
log(util.types.isPromise(real.Promise.resolve()), typeof util.promisify(fs.stat));

const tmp = path.join(os.tmpdir(), `nodebuf-replaced-globals-${real.process.pid}.txt`);
fs.writeFileSync(tmp, 'line one\nline two\n');
log(fs.readFileSync(tmp, 'utf8').split('\n').length, fs.readFileSync(tmp).length);

const gz = zlib.gzipSync(real.Buffer.from('hello hello hello'));
log('gunzip', zlib.gunzipSync(gz).toString());
log('hash', crypto.createHash('sha256').update('x').digest('hex').slice(0, 16));
const { TextDecoder: TD } = require('util');
log('decoder', new TD().decode(real.Buffer.from('ok')));

let chunks = 0;
pipeline(
  Readable.from(['a', 'b', 'c']),
  new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }),
  new Writable({ write(c, e, cb) { chunks++; log('chunk', c.toString()); cb(); } }),
  (err) => {
    log('pipeline done', err === undefined ? 'ok' : err, chunks);
    const p = new PassThrough();
    events.once(p, 'data').then(([d]) => {
      log('once data', d.toString());
      fs.readFile(tmp, 'utf8', (err2, text) => {
        log('readFile', err2, text.length);
        zlib.gzip('stream me', (err3, out) => {
          log('gzip cb', err3, zlib.gunzipSync(out).toString());
          fs.promises.readFile(tmp).then((b) => {
            log('promises', b.length, b instanceof real.Buffer);
            fs.unlinkSync(tmp);
            log('trapped calls', calls.length, calls.join(','));
          });
        });
      });
    });
    p.write('x');
  },
);
