// `ta.length` of a typed array is answered without the getter call while nothing redefines it
// (engine patch 0036, remembered per shape until a `length` or a prototype changes anywhere).
// Seeded programs change what `length` reaches (own values and getters, the prototypes' own
// `length`, %TypedArray%.prototype's getter, prototypes swapped, Proxies in the chain, buffers
// resized and detached) and read every array's `length` in a hot loop after each step; the
// values read and the hooks' call counts are compared with Node.
'use strict';
let seed = Number(process.env.NODEBUF_SEED || 36036) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}

const TypedArray = Object.getPrototypeOf(Uint8Array);
const intrinsic = Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length');
let hookCalls = 0;

class Sub extends Uint8Array {}
class Sub2 extends Float64Array {}
const customProto = Object.create(Int16Array.prototype);
const protos = [Buffer.prototype, Uint8Array.prototype, Float64Array.prototype, Int16Array.prototype,
  Sub.prototype, Sub2.prototype, customProto];

function makeArrays() {
  const resizable = new ArrayBuffer(16, { maxByteLength: 64 });
  const detachable = new ArrayBuffer(32);
  return {
    resizable,
    detachable,
    list: [
      Buffer.alloc(10),
      Buffer.from('hello'),
      Buffer.allocUnsafe(3),
      new Uint8Array(7),
      new Float64Array(4),
      new Int16Array(6),
      new Sub(5),
      new Sub2(2),
      Reflect.construct(Int16Array, [9], Object.assign(function NT() {}, { prototype: customProto })),
      new Uint8Array(resizable),
      new Uint16Array(resizable, 2, 3),
      new Uint8Array(detachable, 4),
      Buffer.from(detachable, 1, 8),
    ],
  };
}

function readAll(list) {
  // a loop, so the reads run many times between changes
  const out = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < list.length; i++) {
      let v;
      try {
        v = list[i].length;
      } catch (e) {
        v = `${e.name}: ${e.message}`;
      }
      if (round === 2) out.push(typeof v === 'number' ? v : String(v));
    }
  }
  return out.join(',');
}

const steps = [
  ['own value', (s) => { const a = s.list[rand(s.list.length)]; Object.defineProperty(a, 'length', { value: rand(100), configurable: true }); }],
  ['own getter', (s) => { const a = s.list[rand(s.list.length)]; Object.defineProperty(a, 'length', { get() { hookCalls++; return 'own'; }, configurable: true }); }],
  ['delete own', (s) => { for (const a of s.list) delete a.length; }],
  ['proto value', () => { const p = protos[rand(protos.length)]; Object.defineProperty(p, 'length', { value: -rand(50), configurable: true, writable: true }); }],
  ['proto getter', () => { const p = protos[rand(protos.length)]; Object.defineProperty(p, 'length', { get() { hookCalls++; return this.byteLength; }, configurable: true }); }],
  ['delete protos', () => { for (const p of protos) delete p.length; }],
  ['intrinsic replaced', () => { Object.defineProperty(TypedArray.prototype, 'length', { get() { hookCalls++; return 'replaced'; }, configurable: true }); }],
  ['intrinsic restored', () => { Object.defineProperty(TypedArray.prototype, 'length', intrinsic); }],
  ['set proto of array', (s) => { const a = s.list[rand(s.list.length)]; Object.setPrototypeOf(a, protos[rand(protos.length)]); }],
  ['proxy proto', (s) => {
    const a = s.list[rand(s.list.length)];
    const target = Object.getPrototypeOf(a);
    Object.setPrototypeOf(a, new Proxy(target, { get(t, k, r) { if (k === 'length') hookCalls++; return Reflect.get(t, k, r); } }));
  }],
  ['set proto of proto', () => { Object.setPrototypeOf(customProto, rand(2) ? Uint8Array.prototype : Int16Array.prototype); }],
  ['resize', (s) => { s.resizable.resize(rand(65)); }],
  ['detach', (s) => { if (!s.detachable.detached) structuredClone(s.detachable, { transfer: [s.detachable] }); }],
  ['fresh arrays', (s) => { Object.assign(s, makeArrays()); }],
  ['function with length as proto', (s) => {
    // a function's own `length` is defined as it is made; as a typed array's prototype it is read
    const f = function (a, b, c) {};
    f.prototype = Object.create(null);
    s.list.push(Reflect.construct(Uint8Array, [4], f));
    Object.setPrototypeOf(s.list[s.list.length - 1], f);
  }],
];

// Printed at the end: Node's own stream code reads the `length` of its buffers, so nothing is
// written while a step has redefined it.
const report = [];
for (let program = 0; program < 40; program++) {
  Object.defineProperty(TypedArray.prototype, 'length', intrinsic);
  for (const p of protos) delete p.length;
  const state = makeArrays();
  const lines = [`program ${program}: ${readAll(state.list)}`];
  for (let i = 0; i < 12; i++) {
    const [name, step] = steps[rand(steps.length)];
    step(state);
    lines.push(`  ${name}: ${readAll(state.list)} hooks=${hookCalls}`);
  }
  report.push(lines.join('\n'));
}
Object.defineProperty(TypedArray.prototype, 'length', intrinsic);
for (const p of protos) delete p.length;
console.log(report.join('\n'));
