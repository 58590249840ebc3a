// readFile/writeFile/appendFile with an AbortSignal: aborted in the calling tick (the file to
// write is opened first, as Node does), before the call, or not at all; the signal checked.
'use strict';
const fs = require('fs');
const f = require('path').join(require('os').tmpdir(), 'sig-' + process.pid);
const ac = new AbortController();
fs.writeFile(f, 'x', { signal: ac.signal }, (e) => console.log('cb', e && e.name, e && e.code, fs.existsSync(f)));
ac.abort();
const ac2 = new AbortController();
fs.promises.writeFile(f, 'y', { signal: ac2.signal }).then(() => console.log('p ok'), (e) => console.log('p', e.name, e.code, e.cause));
ac2.abort('why');
const ac3 = new AbortController();
fs.promises.writeFile(f, 'z', { signal: ac3.signal }).then(() => { console.log('p3 ok', fs.readFileSync(f, 'utf8')); fs.unlinkSync(f); });
fs.readFile(__filename, { signal: new AbortController().signal }, (e, d) => console.log('read', e, d.length > 0));
try { fs.readFile(__filename, { signal: 5 }, () => {}); } catch (e) { console.log(e.code, e.message); }
const ac4 = new AbortController(); ac4.abort();
fs.promises.readFile(__filename, { signal: ac4.signal }).catch((e) => console.log('p4', e.name));
try { fs.read(0, { buffer: null }, () => {}); } catch (e) { console.log('read null buffer', e.code, e.message); }
