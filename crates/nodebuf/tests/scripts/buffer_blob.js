// Blob and File: size, type, slice, text/arrayBuffer (awaited one at a time), inspect, errors.
const { Blob, File, resolveObjectURL } = require('buffer');
async function main() {
  const b = new Blob(['héllo', Buffer.from(' '), new Uint8Array([119]), new ArrayBuffer(2)], { type: 'Text/Plain' });
  console.log(b, b.size, b.type, String(b), Object.prototype.toString.call(b), b instanceof Blob, globalThis.Blob === Blob);
  console.log(JSON.stringify(await b.text()));
  console.log(JSON.stringify(await b.slice(1, -2, 'X').text()), b.slice(1, -2, 'X').type);
  console.log(b.slice(-3), new Blob([b, 'x']).size, new Blob().size, new Blob([], { type: 'é' }).type);
  const ab = await b.arrayBuffer();
  console.log(ab.byteLength, ab instanceof ArrayBuffer);
  const f = new File(['ab'], 'a.txt', { lastModified: 42, type: 'a/b' });
  console.log(f, f.name, f.lastModified, f.size, f instanceof Blob, Object.prototype.toString.call(f));
  for (const fn of [() => new Blob('x'), () => new Blob(null), () => new File(['a'])]) {
    try { fn(); } catch (e) { console.log(String(e)); }
  }
  console.log(resolveObjectURL('blob:nodedata:x'), Object.keys(require('buffer')).sort().join());
}
main();
