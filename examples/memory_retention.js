// flags: --expose-gc
// Memory retention: a small view keeps its whole backing store alive.
//
// process.memoryUsage().arrayBuffers counts the bytes of every ArrayBuffer (all Buffers).
// Run with --expose-gc so gc() can collect what is no longer referenced. Numbers are printed
// in MiB rounded to one decimal so that small bookkeeping differences do not show.
'use strict';

const MiB = 1024 * 1024;
// V8 frees ArrayBuffer memory after a collection, on its own schedule: collect and let the event
// loop turn a few times before reading the counter.
async function arrayBuffersMiB() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return process.memoryUsage().arrayBuffers / MiB;
}

let baseline = 0;
async function report(label) {
  console.log(`${label}: ${((await arrayBuffersMiB()) - baseline).toFixed(1)} MiB`);
}

async function main() {
  baseline = await arrayBuffersMiB();

  // 1. A 50 MiB Buffer and 100,000 views of 10 bytes each.
  globalThis.big = Buffer.alloc(50 * MiB, 1);
  globalThis.views = [];
  for (let i = 0; i < 100000; i++) globalThis.views.push(globalThis.big.subarray(i * 10, i * 10 + 10));
  await report('big buffer + 100k views');

  // 2. Drop the big Buffer: the views still hold the whole 50 MiB.
  globalThis.big = null;
  await report('big dropped, views kept');

  // 3. Drop the views too: now it can be freed.
  globalThis.views = null;
  await report('views dropped');

  // 4. The fix: copy the bytes you keep. Each 10-byte copy takes a 16-byte pool slot.
  globalThis.big = Buffer.alloc(50 * MiB, 1);
  globalThis.copies = [];
  for (let i = 0; i < 100000; i++) globalThis.copies.push(Buffer.from(globalThis.big.subarray(i * 10, i * 10 + 10)));
  globalThis.big = null;
  await report('big dropped, 100k copies kept');
}

main();
