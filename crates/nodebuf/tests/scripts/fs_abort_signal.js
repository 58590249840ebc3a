// readFile/writeFile/appendFile with an AbortSignal: aborted in the calling tick (the file to
// write is opened first, as Node does), before the call, or not at all; the signal checked.
// (One case at a time: Node's thread pool finishes concurrent requests in any order.)
'use strict';
const fs = require('fs');
const f = require('path').join(require('os').tmpdir(), `sig-${process.pid}`);

(async () => {
  await new Promise((resolve) => {
    const ac = new AbortController();
    fs.writeFile(f, 'x', { signal: ac.signal }, (e) => {
      console.log('cb', e && e.name, e && e.code, fs.existsSync(f));
      resolve();
    });
    ac.abort();
  });
  const ac2 = new AbortController();
  const p2 = fs.promises.writeFile(f, 'y', { signal: ac2.signal });
  ac2.abort('why');
  await p2.then(() => console.log('p ok'), (e) => console.log('p', e.name, e.code, e.cause));
  const ac3 = new AbortController();
  await fs.promises.writeFile(f, 'z', { signal: ac3.signal });
  console.log('p3 ok', fs.readFileSync(f, 'utf8'));
  await fs.promises.appendFile(f, '!', { signal: ac3.signal });
  console.log('append ok', fs.readFileSync(f, 'utf8'));
  fs.unlinkSync(f);
  await new Promise((resolve) => fs.readFile(__filename, { signal: new AbortController().signal }, (e, d) => {
    console.log('read', e, d.length > 0);
    resolve();
  }));
  try { fs.readFile(__filename, { signal: 5 }, () => {}); } catch (e) { console.log(e.code, e.message); }
  const ac4 = new AbortController();
  ac4.abort();
  await fs.promises.readFile(__filename, { signal: ac4.signal }).catch((e) => console.log('p4', e.name));
  try { fs.read(0, { buffer: null }, () => {}); } catch (e) { console.log('read null buffer', e.code, e.message); }
})();
