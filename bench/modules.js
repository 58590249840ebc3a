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

const cases = {
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
