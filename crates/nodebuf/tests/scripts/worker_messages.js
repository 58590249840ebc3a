// Values cross to a worker and back with the structured clone algorithm, in order.
const { Worker } = require('worker_threads');
const path = require('path');

const w = new Worker(path.join(__dirname, 'worker_files', 'echo.js'));
const cyclic = { name: 'cyclic' };
cyclic.self = cyclic;
const shared = [1, 2];
const big = new Float64Array(1000).map((_, i) => i / 3);
const values = [
  undefined, null, true, false, 0, -0, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 123n, -(2n ** 70n),
  '', 'hello', 'ünïcødé ✓ 😀', 'lone \ud800 surrogate', 'x'.repeat(10000),
  [1, , 3], { a: 1, b: { c: [1, 2, { d: 'e' }] } }, cyclic, { left: shared, right: shared },
  new Date(86400000), /ab+c/gi, new Map([[1, 'one'], ['two', { n: 2 }]]), new Set([1, 'a', null]),
  Object(5), Object('str'), Object(false), Object(7n),
  new Error('plain'), new RangeError('range'), new TypeError('type', { cause: 'why' }),
  new Uint8Array([1, 2, 3]), new Int16Array([-1, 300]), new Float32Array([0.5]), new BigInt64Array([-5n]),
  new Uint8Array(new ArrayBuffer(8), 2, 4), new DataView(new ArrayBuffer(4), 1, 2), new ArrayBuffer(3),
  new Uint8ClampedArray([255]), big,
  { nested: { typed: new Uint16Array([65535]) } },
  new (class Point { constructor() { this.x = 1; this.y = 2; } })(),
  { [Symbol('hidden')]: 1, shown: 2 },
];
let received = 0;
w.on('message', (reply) => {
  const { kind, value } = reply;
  const i = received++;
  if (i === 7) console.log(i, kind, Number.isNaN(value));
  else if (i === 5) console.log(i, kind, Object.is(value, -0));
  else if (i === 17) console.log(i, kind, value.length);
  else if (i === 20) console.log(i, kind, value.self === value, value.name);
  else if (i === 21) console.log(i, kind, value.left === value.right, value.left);
  else if (value instanceof Error) console.log(i, kind, value.constructor.name, value.name, value.message, value.cause, Object.keys(value));
  else if (value === big || (value instanceof Float64Array && value.length === 1000)) console.log(i, kind, value.length, value[999] === 999 / 3);
  else if (i === 16) console.log(i, kind, value.length, value.charCodeAt(5).toString(16));
  else console.log(i, kind, value, reply.isView, reply.isSab);
  if (received === values.length) w.postMessage('stop');
});
w.on('exit', (code) => console.log('exit', code));
for (const v of values) w.postMessage(v);
