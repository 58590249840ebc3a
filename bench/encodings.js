// Node side of bench/encodings.sh: times Buffer's encodings on 1 MiB inputs and prints
// "<op> <ns per call>" lines. The inputs are built exactly as in
// crates/nodebuf-core/examples/encoding_bench.rs.
'use strict';
const MIB = 1 << 20;

function randomBytes(n) {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = ((Math.imul(i, 1103515245) + 12345) >>> 16) & 0xff;
  return b;
}
function repeatTo(pattern, n) {
  let s = pattern;
  while (s.length < n) s += s;
  return s.slice(0, n);
}
// A two-byte (UTF-16) V8 string with the same content: slice of a string holding U+0100.
function twoByte(s) {
  return (s + '\u0100').slice(0, s.length);
}

const asciiText = repeatTo('The quick brown fox jumps over the lazy dog 0123456789.\n', MIB);
const latin1Text = repeatTo('Grüße aus Köln, señor Müller: 25 € ça coûte très cher! ', MIB).replace(/€/g, '¤');
let mixedText = repeatTo('Grüße, Jürgen! Привет, мир. 你好，世界 😀 ', MIB);
if (/[\ud800-\udbff]$/.test(mixedText)) mixedText = mixedText.slice(0, -1);
const random = randomBytes(MIB);
const asciiBytes = Buffer.from(asciiText, 'latin1');
const mixedUtf8 = Buffer.from(mixedText, 'utf8').subarray(0, MIB);
const mixedUtf16 = Buffer.from(mixedText, 'utf16le').subarray(0, MIB);
const b64 = Buffer.from(random.subarray(0, (MIB / 4) * 3)).toString('base64');
const b64url = Buffer.from(random.subarray(0, (MIB / 4) * 3)).toString('base64url');
const hexStr = random.subarray(0, MIB / 2).toString('hex');

const ops = {
  'utf8.decode.ascii': () => asciiBytes.toString('utf8'),
  'utf8.decode.mixed': () => mixedUtf8.toString('utf8'),
  'utf8.encode.latin1form': () => Buffer.from(asciiText, 'utf8'),
  'utf8.encode.latin1form_hi': () => Buffer.from(latin1Text, 'utf8'),
  'utf8.encode.utf16form': () => Buffer.from(mixedText, 'utf8'),
  'utf8.bytelength.latin1form_hi': () => Buffer.byteLength(latin1Text, 'utf8'),
  'utf8.bytelength.utf16form': () => Buffer.byteLength(mixedText, 'utf8'),
  'utf16le.decode': () => mixedUtf16.toString('utf16le'),
  'utf16le.encode.latin1form': () => Buffer.from(latin1Text, 'utf16le'),
  'utf16le.encode.utf16form': () => Buffer.from(mixedText, 'utf16le'),
  'utf16le.bytelength': () => Buffer.byteLength(mixedText, 'utf16le'),
  'latin1.decode': () => random.toString('latin1'),
  'latin1.encode.latin1form': () => Buffer.from(latin1Text, 'latin1'),
  'latin1.encode.utf16form': () => Buffer.from(mixedText, 'latin1'),
  'latin1.bytelength': () => Buffer.byteLength(latin1Text, 'latin1'),
  'ascii.decode': () => random.toString('ascii'),
  'ascii.encode.latin1form': () => Buffer.from(latin1Text, 'ascii'),
  'ascii.encode.utf16form': () => Buffer.from(mixedText, 'ascii'),
  'ascii.bytelength': () => Buffer.byteLength(latin1Text, 'ascii'),
  'base64.decode': () => random.toString('base64'),
  'base64.encode.latin1form': () => Buffer.from(b64, 'base64'),
  'base64.encode.utf16form': () => Buffer.from(twoByte(b64), 'base64'),
  'base64.bytelength': () => Buffer.byteLength(b64, 'base64'),
  'base64url.decode': () => random.toString('base64url'),
  'base64url.encode.latin1form': () => Buffer.from(b64url, 'base64url'),
  'base64url.encode.utf16form': () => Buffer.from(twoByte(b64url), 'base64url'),
  'base64url.bytelength': () => Buffer.byteLength(b64url, 'base64url'),
  'hex.decode': () => random.toString('hex'),
  'hex.encode.latin1form': () => Buffer.from(hexStr, 'hex'),
  'hex.encode.utf16form': () => Buffer.from(twoByte(hexStr), 'hex'),
  'hex.bytelength': () => Buffer.byteLength(hexStr, 'hex'),
};

// twoByte() inputs are created once, outside the timed loop, like the Rust side does.
const cache = new Map();
for (const [name, f] of Object.entries(ops)) {
  const src = f.toString();
  if (src.includes('twoByte(')) {
    const m = src.match(/twoByte\((\w+)\), '(\w+)'/);
    const s = twoByte({ b64, b64url, hexStr }[m[1]]);
    cache.set(name, () => Buffer.from(s, m[2]));
  }
}

const only = process.argv[2];
let sink = 0;
for (const [name, f0] of Object.entries(ops)) {
  if (only && !name.startsWith(only)) continue;
  const f = cache.get(name) || f0;
  const w0 = process.hrtime.bigint();
  for (let i = 0; i < 5; i++) sink += f().length || 1;
  const once = Math.max(1, Number(process.hrtime.bigint() - w0) / 5);
  // Batch calls so the clock is read at most about once per microsecond.
  const batch = Math.max(1, Math.floor(1000 / once));
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let iters = 0;
    const t0 = process.hrtime.bigint();
    let t1 = t0;
    while (t1 - t0 < 40_000_000n) {
      for (let k = 0; k < batch; k++) sink += (f().length || 1) & 1;
      iters += batch;
      t1 = process.hrtime.bigint();
    }
    best = Math.min(best, Number(t1 - t0) / iters);
  }
  console.log(`${name} ${best.toFixed(1)}`);
}
if (sink === 42) console.log('');
