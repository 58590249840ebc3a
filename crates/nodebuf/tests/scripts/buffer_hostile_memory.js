// Hostile geometry and memory changes mid-call: what nodebuf resolves must be what the engine
// holds now (never a JS property, never a stale length), and every answer equals Node's.
'use strict';
const detach = (ab) => structuredClone(ab, { transfer: [ab] });
let calls = 0;
function show(label, f) {
  calls = 0;
  let out;
  try {
    out = f();
    if (out instanceof Uint8Array) out = 'bytes ' + Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('hex');
    else out = JSON.stringify(out);
  } catch (e) {
    out = `${e.name} ${e.code || ''} ${e.message}`;
  }
  console.log(label, '=>', out, '| user calls', calls);
}

// A DataView whose own properties lie, or whose getter detaches the target being filled.
show('fill from lying DataView', () => {
  const ab = new ArrayBuffer(1 << 16);
  const b = Buffer.from(ab);
  const dv = new DataView(new Uint8Array([1, 2, 3, 4]).buffer);
  Object.defineProperty(dv, 'byteLength', { get() { calls++; detach(ab); return 4; } });
  b.fill(dv);
  return [b.length, b[0], b[5]];
});
show('decode lying DataView', () => {
  const v = new DataView(new Uint8Array([104, 105]).buffer);
  Object.defineProperty(v, 'buffer', { value: new TextEncoder().encode('forged').buffer });
  Object.defineProperty(v, 'byteLength', { value: 6 });
  return new TextDecoder().decode(v);
});
show('copy into DataView', () => {
  const d = new DataView(new ArrayBuffer(4));
  for (const k of ['buffer', 'byteLength', 'byteOffset']) Object.defineProperty(d, k, { get() { calls++; return 0; } });
  return Buffer.alloc(4).copy(d);
});
show('byteLength of a subclass', () => {
  class DV extends DataView { get byteLength() { calls++; return 100; } }
  return Buffer.byteLength(new DV(new ArrayBuffer(3), 1));
});

// Length-tracking views over a resizable buffer that shrank or grew.
show('tracking view after shrink', () => {
  const ab = new ArrayBuffer(64, { maxByteLength: 1 << 20 });
  const u = Buffer.from(ab);
  new Uint8Array(ab).fill(0x41);
  const t = new Uint8Array(ab);
  ab.resize(4);
  return [t.length, Buffer.from(t).toString('hex'), new TextDecoder().decode(t), Buffer.concat([t]).length, u.length];
});
show('tracking view after growth', () => {
  const ab = new ArrayBuffer(0, { maxByteLength: 64 });
  const t = new Uint8Array(ab);
  ab.resize(8);
  t.fill(7);
  return [Buffer.from(t).toString('hex'), new TextDecoder().decode(t).length, Buffer.from('ab').indexOf(t)];
});
show('empty tracking needle at the end', () => {
  const ab = new ArrayBuffer(4, { maxByteLength: 8 });
  const u = new Uint8Array(ab, 2);
  ab.resize(2);
  return [u.length, Buffer.from('ab').indexOf(u), Buffer.from('abc').lastIndexOf(u)];
});

// Buffers whose memory is gone.
const detached = () => { const ab = new ArrayBuffer(8); const b = Buffer.from(ab); detach(ab); return b; };
const outOfBounds = () => { const ab = new ArrayBuffer(8, { maxByteLength: 16 }); const b = Buffer.from(ab, 2, 4); ab.resize(1); return b; };
for (const [name, make] of [['detached', detached], ['out of bounds', outOfBounds]]) {
  show(name + ' fill(0)', () => make().fill(0).length);
  show(name + ' fill(0, 0, 0)', () => make().fill(0, 0, 0).length);
  show(name + ' fill(str)', () => make().fill('ab').length);
  show(name + ' concat', () => Buffer.concat([Buffer.from('a'), make()]).length);
  show(name + ' write', () => make().write('a'));
  show(name + ' toString', () => make().toString());
  show(name + ' equals', () => make().equals(Buffer.alloc(0)));
  show(name + ' readUInt8', () => make().readUInt8(0));
  show(name + ' subarray', () => make().subarray(0, 1).length);
}

// Arguments whose conversion detaches or resizes the buffer.
show('from(ab) offset resizes', () => {
  const ab = new ArrayBuffer(16, { maxByteLength: 32 });
  return Buffer.from(ab, { valueOf() { calls++; ab.resize(2); return 1; } }).length;
});
show('from(ab) length resizes', () => {
  const ab = new ArrayBuffer(16, { maxByteLength: 32 });
  return Buffer.from(ab, 0, { valueOf() { calls++; ab.resize(2); return 8; } }).length;
});
show('from(ab) offset detaches', () => {
  const ab = new ArrayBuffer(16);
  return Buffer.from(ab, { valueOf() { calls++; detach(ab); return 1; } }).length;
});
show('indexOf offset detaches', () => {
  const b = Buffer.alloc(16, 1);
  return b.indexOf(1, { valueOf() { calls++; detach(b.buffer); return 0; } });
});
show('toString end detaches', () => {
  const b = Buffer.alloc(16, 1);
  return b.toString('hex', 0, { valueOf() { calls++; detach(b.buffer); return 4; } });
});
show('copy target detached by its start', () => {
  const t = Buffer.alloc(16);
  return [Buffer.alloc(16, 1).copy(t, { valueOf() { calls++; detach(t.buffer); return 0; } }), t.length];
});
show('subarray start detaches', () => {
  const b = Buffer.alloc(16, 1);
  return b.subarray({ valueOf() { calls++; detach(b.buffer); return 1; } }, 4).length;
});
show('concat of a Proxy list', () => Buffer.concat(new Proxy([Buffer.from([1]), Buffer.from([2])], {
  get(t, k, r) { if (k === '0') calls++; return Reflect.get(t, k, r); },
})));
show('intrinsics replaced', () => {
  const saved = [Array.isArray, Math.trunc];
  Array.isArray = () => true;
  Math.trunc = () => 0;
  try {
    let e;
    try { Buffer.concat({}); } catch (err) { e = err.code; }
    return [e, Buffer.concat([Buffer.from('ab')]).toString(), new Blob(['hello']).slice(1, 3).size];
  } finally {
    [Array.isArray, Math.trunc] = saved;
  }
});

// Memory that is gone, as a fill value or a copy source: V8's TypeErrors where Node's JS reaches
// the engine (formatting the invalid fill value reads the DataView's byteLength; copying hands a
// detached source to %TypedArray%.prototype.set), nothing where the range is empty.
const goneViews = [['detached DataView', () => { const ab = new ArrayBuffer(8); const d = new DataView(ab); detach(ab); return d; }],
  ['out-of-bounds DataView', () => { const ab = new ArrayBuffer(16, { maxByteLength: 32 }); const d = new DataView(ab, 4, 8); ab.resize(1); return d; }]];
for (const [name, make] of goneViews) {
  show(name + ' as fill', () => Buffer.alloc(4).fill(make()));
  show(name + ' as fill, empty range', () => Buffer.alloc(4).fill(make(), 2, 2).length);
  show(name + ' as fill of an empty buffer', () => Buffer.alloc(0).fill(make()).length);
  show(name + ' as alloc fill', () => Buffer.alloc(3, make(), 'hex'));
  show(name + ' as alloc fill, size 0', () => Buffer.alloc(0, make()).length);
}
for (const [name, make] of [['detached', detached], ['out of bounds', outOfBounds]]) {
  show(name + ' copy source', () => make().copy(Buffer.alloc(4), 0, 0, 3));
  show(name + ' copy source, nothing asked', () => make().copy(Buffer.alloc(4), 0, 0, 0));
  show(name + ' copy source, no room', () => make().copy(Buffer.alloc(4), 4, 0, 3));
  show(name + ' copy source, defaults', () => make().copy(Buffer.alloc(4)));
  show(name + ' copy source, end from valueOf', () => make().copy(Buffer.alloc(4), 0, 0, { valueOf() { calls++; return 2; } }));
  show(name + ' copy source, start 1', () => make().copy(Buffer.alloc(4), 0, 1, 3));
}
show('detached copy source, NaN positions', () => detached().copy(Buffer.alloc(4), NaN, NaN, 2));
// Buffer.from(arrayBuffer, offset, length): the offset is converted (`+offset`, a string too)
// and checked against the end before length is converted, so a length whose conversion throws
// is never reached past the end.
const throwingLength = { toString() { calls++; throw new Error('length converted'); } };
show('from(ab) string offset past the end', () => Buffer.from(new ArrayBuffer(8), '0x10', throwingLength));
show('from(ab) numeric string offset past the end', () => Buffer.from(new ArrayBuffer(8), '9', throwingLength));
show('from(ab) boolean offset within', () => Buffer.from(new ArrayBuffer(8), true, { valueOf() { calls++; return 2; } }));
show('from(ab) null offset, throwing length', () => Buffer.from(new ArrayBuffer(8), null, throwingLength));
show('from(ab) NaN string offset', () => Buffer.from(new ArrayBuffer(8), 'x', 3));
show('from(ab) BigInt offset', () => Buffer.from(new ArrayBuffer(8), 1n, throwingLength));
