// process.nextTick's queue: seeded runs of ticks with 0 to 5 arguments (explicit undefineds
// count), ticks queued from ticks and from microtasks, more than 10,000 in one drain (the
// queue compacts itself as it goes), and the order everything ran in, compared with Node's.
// (A tick that throws is left out: after 'uncaughtException' handles it, Node runs the rest of
// the queue only after the next callback when the drain was the main script's, an immediate's
// or a microtask's, and at once after a timer or I/O; nodebuf goes on at once everywhere.)
let seed = Number(process.env.NODEBUF_SEED || 4242) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}

const log = [];
let hash = 0;
function note(text) {
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) >>> 0;
  if (log.length < 60) log.push(text);
}

function tick(id, ...args) {
  note(`t${id}:${args.length}:${args.map(String).join(',')}`);
  const r = rand(10);
  if (r === 0) process.nextTick(tick, `${id}a`);
  else if (r === 1) Promise.resolve().then(() => { note(`m${id}`); process.nextTick(tick, `${id}m`, undefined); });
  else if (r === 2) queueMicrotask(() => note(`q${id}`));
}

let queued = 0;
function queueSome(n) {
  for (let i = 0; i < n; i++) {
    const id = queued++;
    const argc = rand(6);
    const args = Array.from({ length: argc }, (_, k) => (rand(4) === 0 ? undefined : id * 10 + k));
    process.nextTick(tick, id, ...args);
  }
}

queueSome(12000);
setTimeout(() => {
  queueSome(50);
  process.nextTick(() => {
    console.log(log.join('\n'));
    console.log('ticks', queued, 'hash', hash);
  });
}, 1);
process.nextTick(function receiver() { note(`this ${this === undefined ? 'undefined' : typeof this}`); });
