'use strict';
// The own keys of the errors Node's APIs throw (Reflect.ownKeys): `stack, code, message` for
// the codes whose message Node builds with a function, `stack, message, code` for the others,
// then any extra fields; system errors (fs) with their errno/code/syscall/path fields.
const { Writable, Readable, PassThrough, finished } = require('stream');
const fs = require('fs');
const net = require('net');
const http = require('http');

const sync = {
  bufferRange: () => Buffer.alloc(-1),
  bufferType: () => Buffer.from(5),
  readRange: () => Buffer.alloc(4).readUInt8(9),
  writeRange: () => Buffer.alloc(4).write('a', 9),
  bigintBounds: () => Buffer.alloc(4).readBigInt64LE(1),
  concatType: () => Buffer.concat(5),
  unknownEncoding: () => Buffer.alloc(2).fill('a', 'zz'),
  swapSize: () => Buffer.alloc(3).swap16(),
  argValue: () => Buffer.alloc(1).fill('a', 0, 1, 'hex'),
  encodingNotSupported: () => new TextDecoder('nope'),
  invalidThis: () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}),
  illegalConstructor: () => new AbortSignal(),
  nullValues: () => new PassThrough().write(null),
  missingArgs: () => structuredClone(),
  readFile: () => fs.readFileSync('/nonexistent-nodebuf'),
  openDir: () => fs.openSync('/', 'w'),
  readFileType: () => fs.readFileSync(5.5),
  readdirFile: () => fs.readdirSync('/etc/passwd'),
  mkdirExists: () => fs.mkdirSync('/tmp'),
  rmMissing: () => fs.rmSync('/nonexistent-nodebuf/x'),
  invalidUrl: () => new URL('nope'),
  urlScheme: () => require('url').fileURLToPath('http://x'),
  fileUrlPath: () => require('url').fileURLToPath('file:///a%2Fb'),
  pathToFileUrl: () => require('url').pathToFileURL(5),
  unhandledError: () => new (require('events'))().emit('error', 'str'),
  badPort: () => net.connect(-5),
  invalidAddress: () => new net.SocketAddress({ address: 'zz' }),
  headerChar: () => http.validateHeaderValue('x', 'a\nb'),
  headerToken: () => http.validateHeaderName('a b'),
  headerValue: () => http.validateHeaderValue('x', undefined),
};
for (const [name, f] of Object.entries(sync)) {
  try {
    f();
    console.log(name, 'no throw');
  } catch (e) {
    console.log(name, e.name, e.code, Reflect.ownKeys(e).map(String).join(','));
  }
}

const later = (f) => new Promise((resolve, reject) => f(reject));
const async = {
  writeAfterEnd: () => later((reject) => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.on('error', () => {});
    w.end();
    w.write('x', reject);
  }),
  pushAfterEof: () => later((reject) => {
    const r = new Readable({ read() {} });
    r.on('error', reject);
    r.push(null);
    r.push('x');
  }),
  notImplemented: () => later((reject) => {
    const r = new Readable();
    r.on('error', reject);
    r.read();
  }),
  prematureClose: () => later((reject) => {
    const r = new Readable({ read() {} });
    finished(r, reject);
    r.destroy();
  }),
  destroyed: () => later((reject) => {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.destroy();
    w.write('x', reject);
  }),
  onceType: () => require('events').once(5),
};
(async () => {
  for (const [name, f] of Object.entries(async)) {
    try {
      await f();
      console.log(name, 'no rejection');
    } catch (e) {
      console.log(name, e.name, e.code, Reflect.ownKeys(e).map(String).join(','));
    }
  }
})();
