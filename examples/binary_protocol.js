// Parsing a binary protocol with views: no copies until you need them.
//
// A message is: magic 'NB' (2 bytes) | version (u8) | flags (u8) | count (u16 BE) |
// count records of { id: u32 LE, temperature: i16 BE (tenths of a degree), name length: u8,
// name: utf8 bytes }.
'use strict';

function encode(records) {
  const parts = [Buffer.from('NB'), Buffer.from([1, 0b101])];
  const count = Buffer.alloc(2);
  count.writeUInt16BE(records.length, 0);
  parts.push(count);
  for (const r of records) {
    const name = Buffer.from(r.name, 'utf8');
    const head = Buffer.alloc(7);
    head.writeUInt32LE(r.id, 0);
    head.writeInt16BE(Math.round(r.temperature * 10), 4);
    head.writeUInt8(name.length, 6);
    parts.push(head, name);
  }
  return Buffer.concat(parts);
}

function* decode(message) {
  if (message.toString('latin1', 0, 2) !== 'NB') throw new Error('bad magic');
  const version = message.readUInt8(2);
  const flags = message.readUInt8(3);
  const count = message.readUInt16BE(4);
  yield { version, flags: flags.toString(2), count };
  let offset = 6;
  for (let i = 0; i < count; i++) {
    const id = message.readUInt32LE(offset);
    const temperature = message.readInt16BE(offset + 4) / 10;
    const nameLength = message.readUInt8(offset + 6);
    // A view: the name bytes are not copied until toString decodes them.
    const nameBytes = message.subarray(offset + 7, offset + 7 + nameLength);
    offset += 7 + nameLength;
    yield { id, temperature, name: nameBytes.toString('utf8'), shared: nameBytes.buffer === message.buffer };
  }
}

const message = encode([
  { id: 1, temperature: 21.5, name: 'kitchen' },
  { id: 4000000000, temperature: -7.3, name: 'garden ❄' },
]);
console.log('message:', message.length, 'bytes', message.toString('hex'));
for (const item of decode(message)) console.log(item);

// Errors are precise: reading past the end says where.
try {
  message.readUInt32LE(message.length - 2);
} catch (err) {
  console.log(err.code, err.message);
}
