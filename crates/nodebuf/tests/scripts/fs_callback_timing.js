// fs callbacks arrive as I/O completions, after everything the calling code queued (its
// nextTicks, microtasks and the ticks those queue), as in Node; so a file stream that ends
// and closes itself still emits 'close' after code that awaits it right after destroy(), and
// readline over such a stream can be left early with `break` and the 'close' awaited.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { once } = require('events');
const readline = require('readline');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-fs-timing-'));
const file = path.join(dir, 'lines.txt');

function callbackAfterQueuedWork(name, start) {
  return new Promise((resolve) => {
    const log = [];
    start((err) => {
      log.push(`${name} done (${err ? err.code : 'ok'})`);
      resolve(log.join(', '));
    });
    process.nextTick(() => {
      log.push('tick');
      Promise.resolve().then(() => {
        log.push('micro from tick');
        process.nextTick(() => log.push('tick from micro'));
      });
    });
    Promise.resolve().then(() => log.push('micro'));
    queueMicrotask(() => log.push('queued microtask'));
  });
}

async function leaveEarly(content) {
  fs.writeFileSync(file, content);
  const readable = fs.createReadStream(file);
  const events = [];
  for (const name of ['open', 'ready', 'end', 'close']) readable.on(name, () => events.push(name));
  const rl = readline.createInterface({ input: readable, crlfDelay: Infinity });
  const lines = [];
  for await (const line of rl) {
    lines.push(line);
    break;
  }
  rl.close();
  readable.destroy();
  await once(readable, 'close');
  console.log(JSON.stringify(content), JSON.stringify(lines), events.join(' '));
}

(async () => {
  fs.writeFileSync(file, 'data');
  console.log(await callbackAfterQueuedWork('stat', (cb) => fs.stat(file, cb)));
  console.log(await callbackAfterQueuedWork('missing stat', (cb) => fs.stat(path.join(dir, 'none'), cb)));
  console.log(await callbackAfterQueuedWork('writeFile', (cb) => fs.writeFile(file, 'x', cb)));
  console.log(await callbackAfterQueuedWork('readFile', (cb) => fs.readFile(file, cb)));
  console.log(await callbackAfterQueuedWork('exists', (cb) => fs.exists(file, () => cb())));
  for (const content of ['', '\n', 'one', 'one\ntwo 南越国\nthree', 'a\nb\n']) await leaveEarly(content);
  fs.rmSync(dir, { recursive: true });
})();
