// stream/consumers: text (a character split across chunks), json, buffer, arrayBuffer, blob.
const c = require('stream/consumers');
const { Readable } = require('stream');
(async () => {
  console.log(await c.text(Readable.from([Buffer.from([0xe2, 0x82]), Buffer.from([0xac, 0x41])])));
  console.log(await c.json(Readable.from(['{"a":', '[1,2]}'])));
  console.log(await c.buffer(Readable.from([Buffer.from('ab'), Buffer.from('cd')])));
  const ab = await c.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  console.log(ab.byteLength, ab instanceof ArrayBuffer);
  const b = await c.blob(Readable.from(['hi', Buffer.from(' there')]));
  console.log(b.size, await b.text());
  console.log(Object.keys(c));
})();
