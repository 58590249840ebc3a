'use strict';
// net.BlockList and net.SocketAddress: validation errors, canonical address text (inet_ntop's
// compression, mapped and compatible IPv4, zones dropped), rules text and order, inspect, and
// seeded random rule sets (addresses, ranges, subnets in both families, IPv4-mapped forms)
// checked against seeded random addresses.
const net = require('net');
const util = require('util');
const { BlockList, SocketAddress } = net;

const show = (f) => {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

console.log(Object.getOwnPropertyDescriptor(net, 'BlockList').enumerable, typeof net.SocketAddress);
console.log(Object.getOwnPropertyNames(BlockList.prototype), Object.getOwnPropertyNames(BlockList));
console.log(Object.getOwnPropertyNames(SocketAddress.prototype), Object.getOwnPropertyNames(SocketAddress));
console.log(BlockList.prototype.check.length, BlockList.prototype.addAddress.length, BlockList.prototype.addRange.length,
  BlockList.prototype.addSubnet.length, SocketAddress.length, BlockList.length);
console.log(Reflect.ownKeys(new SocketAddress()), Reflect.ownKeys(new BlockList()));

const s = new SocketAddress({ address: '::1', family: 'ipv6', port: 80, flowlabel: 5 });
console.log(s, s.toJSON(), JSON.stringify(s), new SocketAddress(), SocketAddress.isSocketAddress(s), SocketAddress.isSocketAddress({}));
console.log(util.inspect(s, { depth: -1 }), util.inspect([s], { compact: false }), util.inspect({ a: { b: new BlockList() } }, { depth: 1 }));
for (const o of [{ address: '::FFFF:1.2.3.4', family: 'ipv6' }, { address: '::1.2.3.4', family: 'ipv6' }, { family: 'IPv6' },
  { address: '1.2.3.4', flowlabel: 7 }, { address: 'fe80::1%eth0', family: 'ipv6' }, { address: '01.2.3.4' }, { address: '1.2.3' },
  { address: '0:0:0:0:0:0:0:1', family: 'ipv6' }, { address: '2001:db8:0:0:1:0:0:1', family: 'ipv6' },
  { address: '2001:0:0:1:0:0:0:1', family: 'ipv6' }, { address: '1:0:0:0:0:0:0:0', family: 'ipv6' },
  { address: '::0.0.1.2', family: 'ipv6' }, { address: '::ffff:0:1.2.3.4', family: 'ipv6' }, { address: '1::2::3', family: 'ipv6' },
  { address: '1:2:3:4:5:6:7:8:9', family: 'ipv6' }, { address: '12345::', family: 'ipv6' }, { port: 80.0 },
  { family: null }, { family: undefined }, { address: '' }, { address: ' 1.2.3.4' }, { flowlabel: 2 ** 32 }, { flowlabel: 1.5 },
  { flowlabel: '1' }, { port: -1 }, { port: 65536 }, { port: 1.5 }, [], 1, null, { address: 1, port: -1 }, { port: -1, flowlabel: -1 },
  { family: 'X' }, { address: 5, family: 'x' }]) {
  show(() => {
    const a = new SocketAddress(o);
    return [a.address, a.port, a.family, a.flowlabel];
  });
}
show(() => Object.getOwnPropertyDescriptor(SocketAddress.prototype, 'port').get.call({}));
show(() => SocketAddress());

const b = new BlockList();
b.addAddress('1.2.3.4');
b.addRange('10.0.0.1', '10.0.0.10');
b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
b.addAddress('::1', 'ipv6');
b.addAddress(new SocketAddress({ address: '5.5.5.5' }));
console.log(b, b.rules, util.inspect(b, { depth: -1 }), Object.keys(b));
console.log(b.check('1.2.3.4'), b.check('10.0.0.5'), b.check('10.0.0.11'), b.check('8592:757c:efae:4e45::f', 'ipv6'),
  b.check('::ffff:1.2.3.4', 'ipv6'), b.check('::1', 'ipv6'), b.check(new SocketAddress({ address: '5.5.5.5' })), b.check('zz'),
  b.check('1.2.3.4', 'IPV4'), b.check('1.2.3.4', 'x'));
for (const f of [() => b.addAddress(1), () => b.addAddress('1.2.3.4', 'x'), () => b.addAddress('1.2.3.4', 4),
  () => b.addRange('10.0.0.5', '10.0.0.1'), () => b.addRange('::1', '::2'), () => b.addRange('1.1.1.1', 2),
  () => b.addSubnet('1.2.3.0', 33), () => b.addSubnet('1.2.3.0', 'x'), () => b.addSubnet('::', 129, 'ipv6'),
  () => b.addSubnet('1.2.3.0', 1.5), () => b.addSubnet(5, 1), () => b.check(5), () => b.check('1.1.1.1', 5),
  () => b.addAddress('zz'), () => BlockList.prototype.check.call({}, '1.1.1.1'), () => BlockList.prototype.check.call({}, 1),
  () => Object.getOwnPropertyDescriptor(BlockList.prototype, 'rules').get.call({}),
  () => b.addRange(new SocketAddress({ address: '::ffff:1.1.1.9', family: 'ipv6' }), '1.1.1.1'),
  () => b.addRange(new SocketAddress({ address: '::9', family: 'ipv6' }), '1.1.1.1'), () => b.addRange('1.1.1.1', '1.1.1.1'),
  () => b.addSubnet('1.2.3.4', 24, 'IPv4'), () => new BlockList(1).rules]) {
  show(f);
}
console.log(b.rules);

let seed = Number(process.env.NODEBUF_SEED || 4711) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
// Addresses from a small space so that rules and checks meet often.
function randV4() {
  return [10, rand(3), rand(3), rand(8)].join('.');
}
function randV6Words() {
  switch (rand(4)) {
    case 0: return [0, 0, 0, 0, 0, 0xffff, 0x0a00 + rand(3), rand(3) * 256 + rand(8)];
    case 1: return [0x2001, 0xdb8, 0, rand(2), 0, 0, rand(3), rand(8)];
    case 2: return [0, 0, 0, 0, 0, 0, 0, rand(8)];
    default: return [rand(2) ? 0xfe80 : 0, 0, 0, 0, rand(2), 0, rand(2), rand(8)];
  }
}
// A random spelling of the address: full, compressed, upper case, embedded dotted IPv4.
function v6Text(words) {
  const hex = words.map((w) => (rand(3) === 0 ? w.toString(16).toUpperCase() : w.toString(16)));
  if (rand(3) === 0) return hex.join(':');
  if (rand(4) === 0 && words[5] === 0xffff) return `::ffff:${words[6] >> 8}.${words[6] & 255}.${words[7] >> 8}.${words[7] & 255}`;
  const addr = new SocketAddress({ address: hex.join(':'), family: 'ipv6' }).address;
  return rand(2) === 0 ? addr : addr.toUpperCase();
}
function randAddress() {
  if (rand(2) === 0) return [randV4(), 'ipv4'];
  return [v6Text(randV6Words()), 'ipv6'];
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 300) >> 2;
for (let c = 0; c < cases; c++) {
  const list = new BlockList();
  for (let r = rand(5); r >= 0; r--) {
    const [a, fa] = randAddress();
    show(() => {
      switch (rand(3)) {
        case 0: return list.addAddress(a, fa);
        case 1: {
          const [e, fe] = rand(3) === 0 ? randAddress() : [a, fa];
          const end = fe === fa ? e : new SocketAddress({ address: e, family: fe });
          return list.addRange(a, rand(2) ? end : randAddress()[0], fa);
        }
        default: return list.addSubnet(a, rand(fa === 'ipv4' ? 33 : 129), fa);
      }
    });
  }
  const results = [];
  for (let k = 0; k < 12; k++) {
    const [a, fa] = randAddress();
    results.push(list.check(a, fa) ? 1 : 0);
  }
  console.log(c, list.rules, results.join(''));
}
