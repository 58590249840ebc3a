// flags: --expose-gc --no-warnings
// Collected while open, a FileHandle's and a Dir's descriptors are closed with Node's warnings
// (their objects are registered with a FinalizationRegistry whose unregister token is the
// object itself: the registry must not keep them alive). Then the same idiom on plain objects.
'use strict';
const fs = require('fs');

// (Descriptor numbers differ between runtimes: warnings are printed with N for them.)
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message.replace(/\d+/, 'N')));

// (Collected in an order of the collector's choosing: reported sorted.)
const finalized = [];
const registry = new FinalizationRegistry((held) => finalized.push(held));
(() => {
  const withSelfToken = {};
  registry.register(withSelfToken, 'self token', withSelfToken);
  const withoutToken = {};
  registry.register(withoutToken, 'no token');
  const kept = {};
  registry.register(kept, 'unregistered', kept);
  console.log('unregister', registry.unregister(kept), registry.unregister(kept));
})();

let fileFd;
(async () => {
  await (async () => {
    const handle = await fs.promises.open(__filename);
    fileFd = handle.fd;
  })();
  const before = fs.readdirSync('/proc/self/fd').length;
  (() => fs.opendirSync(__dirname))();
  const opened = fs.readdirSync('/proc/self/fd').length;
  setTimeout(() => {
    globalThis.gc();
    setTimeout(() => setTimeout(() => {
      let open = true;
      try { fs.fstatSync(fileFd); } catch (e) { open = e.code !== 'EBADF'; }
      console.log('file handle closed', !open);
      console.log('dir closed', fs.readdirSync('/proc/self/fd').length < opened, opened - before);
      console.log('finalized', finalized.sort());
    }, 10), 10);
  }, 10);
})();
