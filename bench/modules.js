// Times the module operations of issue 14 on 1 MiB inputs; run it under node and under nodebuf
// (bench/modules.sh does both and prints the ratios). Prints one JSON object: name -> ms per op.
'use strict';
const crypto = require('crypto');
const { StringDecoder } = require('string_decoder');
const querystring = require('querystring');

const MiB = 1 << 20;
const data = Buffer.alloc(MiB);
for (let i = 0; i < MiB; i++) data[i] = (i * 2654435761) >>> 24;
const text = Buffer.from('héllo wörld €𝄞 '.repeat(MiB / 24)).subarray(0, MiB);
const query = Array.from({ length: 2000 }, (_, i) => `key${i}=value%20${i}+x`).join('&');

function time(fn) {
  for (let i = 0; i < 3; i++) fn(); // warm up
  let reps = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  do {
    fn();
    reps++;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < 300_000_000n);
  return Number(elapsed) / 1e6 / reps;
}

const key32 = Buffer.alloc(32, 1);
const iv12 = Buffer.alloc(12, 2);
const iv16 = Buffer.alloc(16, 3);
const small = data.subarray(0, 64);
const cipherOnce = (name, key, iv, input) => {
  const c = crypto.createCipheriv(name, key, iv);
  c.update(input);
  c.final();
};

const cases = {
  'aes-256-gcm 1 MiB': () => cipherOnce('aes-256-gcm', key32, iv12, data),
  'aes-256-cbc 1 MiB': () => cipherOnce('aes-256-cbc', key32, iv16, data),
  'aes-256-ctr 1 MiB': () => cipherOnce('aes-256-ctr', key32, iv16, data),
  'chacha20-poly1305 1 MiB': () => cipherOnce('chacha20-poly1305', key32, iv12, data),
  'aes-128-gcm 64 B': () => cipherOnce('aes-128-gcm', key32.subarray(0, 16), iv12, small),
  'pbkdf2 sha256 10k iterations': () => crypto.pbkdf2Sync('pw', 'salt', 10000, 32, 'sha256'),
  'scrypt N=16384 r=8': () => crypto.scryptSync('pw', 'salt', 32),
  'hkdf sha256 64 B': () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 64),
  'sha256 1 MiB': () => crypto.createHash('sha256').update(data).digest('hex'),
  'sha1 1 MiB': () => crypto.createHash('sha1').update(data).digest(),
  'md5 1 MiB': () => crypto.createHash('md5').update(data).digest(),
  'sha512 1 MiB': () => crypto.createHash('sha512').update(data).digest(),
  'hmac-sha256 1 MiB': () => crypto.createHmac('sha256', 'key').update(data).digest(),
  'randomBytes 1 MiB': () => crypto.randomBytes(MiB),
  'StringDecoder utf8 1 MiB in 1 KiB chunks': () => {
    const d = new StringDecoder('utf8');
    for (let at = 0; at < MiB; at += 1021) d.write(text.subarray(at, at + 1021));
    return d.end();
  },
  'querystring.parse 2000 pairs': () => querystring.parse(query),
};

const result = {};
for (const [name, fn] of Object.entries(cases)) result[name] = time(fn);
console.log(JSON.stringify(result));
