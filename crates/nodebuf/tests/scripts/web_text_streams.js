'use strict';
// TextEncoderStream (surrogate pairs split across chunks, a lone trailing high surrogate) and
// TextDecoderStream (multi-byte characters split across chunks, labels and options).
const show = (c) => (typeof c === 'string' ? JSON.stringify(c) : `[${Array.from(c)}]`);

async function collect(stream, chunks) {
  const out = [];
  const reading = (async () => { for await (const c of stream.readable) out.push(show(c)); })();
  const writer = stream.writable.getWriter();
  for (const c of chunks) writer.write(c).catch(() => {});
  await Promise.all([writer.close(), reading]);
  return out.join(' ');
}

(async () => {
  const enc = new TextEncoderStream();
  console.log('encoder', enc.encoding, enc === require('stream/web').TextEncoderStream ? '' : 'ok');
  console.log(await collect(enc, ['a\ud83d', '\ude00b', 'é', '\ud83d']));
  console.log(await collect(new TextEncoderStream(), ['', 'x', 42]));
  const dec = new TextDecoderStream();
  console.log('decoder', dec.encoding, dec.fatal, dec.ignoreBOM);
  const euro = Buffer.from('€ and 😀');
  console.log(await collect(dec, [euro.subarray(0, 1), euro.subarray(1, 7), euro.subarray(7)]));
  console.log(await collect(new TextDecoderStream(), [new Uint8Array([0xe2, 0x82])]));
  const le = new TextDecoderStream('utf-16le', { ignoreBOM: true });
  console.log(le.encoding, le.ignoreBOM, await collect(le, [new Uint8Array([0x68, 0]), new Uint8Array([0x69])]));
  try {
    new TextDecoderStream('nope');
  } catch (e) {
    console.log(e.name, e.code);
  }
  const fatal = new TextDecoderStream('utf-8', { fatal: true });
  try {
    await collect(fatal, [new Uint8Array([0xff])]);
  } catch (e) {
    console.log('fatal:', e.name, e.code);
  }
})();
