// dns.Resolver, the module's resolve* functions and dns.promises against a fake DNS server on
// 127.0.0.1 (dgram, plus a TCP listener for truncated answers): the first label of each
// question picks a crafted reply (records of every type, NXDOMAIN, SERVFAIL, REFUSED, no
// answer, truncation, silence, malformed bytes). Results and errors are printed as Node has
// them; no real network is used.
'use strict';

const dgram = require('dgram');
const net = require('net');
const dns = require('dns');
const dnsPromises = require('dns/promises');

const show = (e) => `${e.name} ${e.code}: ${e.message}`;
const errFields = (e) => JSON.stringify({ keys: Object.keys(e), errno: e.errno, code: e.code, syscall: e.syscall, hostname: e.hostname, message: e.message });

// --- the fake server ------------------------------------------------------------------------

function readName(buf, off) {
  const labels = [];
  for (;;) {
    const n = buf[off];
    if (n === 0) return [labels.join('.'), off + 1];
    labels.push(buf.toString('latin1', off + 1, off + 1 + n));
    off += 1 + n;
  }
}
function name(text) {
  const out = [];
  for (const label of text ? text.split('.') : []) out.push(label.length, ...Buffer.from(label, 'latin1'));
  out.push(0);
  return out;
}
const u16 = (n) => [n >> 8, n & 255];
const u32 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const str = (s) => [s.length, ...Buffer.from(s, 'latin1')];
// A record owned by the question's name (a pointer to it) or by `owner`.
function rr(type, ttl, data, owner) {
  return [...(owner ? name(owner) : [0xc0, 12]), ...u16(type), 0, 1, ...u32(ttl), ...u16(data.length), ...data];
}
const A = (ip, ttl = 300, owner) => rr(1, ttl, ip.split('.').map(Number), owner);
const AAAA = (bytes, ttl = 300) => rr(28, ttl, bytes);
const v6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

const records = {
  a: () => [A('1.2.3.4', 300), A('5.6.7.8', 100)],
  aaaa: () => [AAAA(v6, 60), AAAA([...v6.slice(0, 15), 2], 70)],
  cname: () => [rr(5, 30, name('target.example')), A('9.9.9.9', 600, 'target.example')],
  mx: () => [rr(15, 1, [...u16(10), ...name('mx1.example')]), rr(15, 1, [...u16(20), ...name('mx2.example')])],
  txt: () => [rr(16, 1, [...str('v=spf1'), ...str(' -all')]), rr(16, 1, [...str('hello')]), rr(16, 1, [...str(''), ...str('\xe9')])],
  srv: () => [rr(33, 1, [...u16(1), ...u16(5), ...u16(5060), ...name('sip.example')]), rr(33, 1, [...u16(2), ...u16(0), ...u16(80), ...name('')])],
  ns: () => [rr(2, 1, name('ns1.example')), rr(2, 1, name('ns2.example'))],
  ptr: () => [rr(12, 1, name('host.example'))],
  soa: () => [rr(6, 1, [...name('ns.example'), ...name('admin.example'), ...u32(2024010101), ...u32(7200), ...u32(3600), ...u32(1209600), ...u32(300)])],
  naptr: () => [rr(35, 1, [...u16(100), ...u16(10), ...str('S'), ...str('SIP+D2U'), ...str(''), ...name('_sip._udp.example')]),
    rr(35, 1, [...u16(102), ...u16(5), ...str('U'), ...str('E2U+sip'), ...str('!^.*$!sip:x@example!'), ...name('')])],
  caa: () => [rr(257, 1, [0, ...str('issue'), ...Buffer.from('ca.example')]), rr(257, 1, [128, ...str('iodef'), ...Buffer.from('mailto:a@example')])],
  any: () => [A('1.2.3.4', 5), rr(15, 1, [...u16(10), ...name('mx.example')]), AAAA(v6, 6), rr(16, 1, [...str('t')]),
    rr(2, 1, name('ns.example')), rr(33, 1, [...u16(1), ...u16(2), ...u16(3), ...name('s.example')]), rr(12, 1, name('p.example')),
    rr(6, 1, [...name('m.example'), ...name('h.example'), ...u32(1), ...u32(2), ...u32(3), ...u32(4), ...u32(5)]),
    rr(257, 1, [0, ...str('issue'), ...Buffer.from('ca')])],
  mixed: () => [A('1.1.1.1', 9), rr(15, 1, [...u16(1), ...name('m.example')])],
  trunc: () => [A('7.7.7.7', 77)],
};
const rcodes = { nx: 3, sf: 2, refused: 5, notimp: 4, formerr: 1 };

const queries = [];

function answer(query, overTcp) {
  const [qname, end] = readName(query, 12);
  const qtype = query.readUInt16BE(end);
  queries.push(`${overTcp ? 'tcp' : 'udp'} ${qtype} ${qname}`);
  const label = qname.split('.')[0].toLowerCase();
  if (label === 'drop') return null;
  const head = Buffer.from(query.subarray(0, end + 4));
  head[2] = 0x81; // response, recursion desired
  head[3] = 0x80 | (rcodes[label] ?? 0);
  head.writeUInt16BE(0, 8);
  head.writeUInt16BE(0, 10);
  if (label === 'bad') return Buffer.concat([head.subarray(0, 12), Buffer.from([1, 2, 3])]).fill(0xff, 4, 6);
  let answers = [];
  if (label === 'trunc' && !overTcp) {
    head[2] |= 0x02; // TC
  } else if (qname.endsWith('.arpa') && label !== '9') {
    answers = [rr(12, 1, name(`ptr-${qname.split('.').slice(0, 2).join('-')}.example`)), rr(12, 1, name('second.example'))];
  } else if (records[label]) {
    answers = records[label]();
  }
  head.writeUInt16BE(answers.length, 6);
  return Buffer.concat([head, Buffer.from(answers.flat())]);
}

const udp = dgram.createSocket('udp4');
udp.on('message', (msg, rinfo) => {
  const label = readName(msg, 12)[0].split('.')[0];
  const reply = answer(msg, false);
  if (reply === null) return;
  if (label === 'wrongid') {
    const other = Buffer.from(reply);
    other[0] ^= 0xff;
    udp.send(other, rinfo.port, rinfo.address);
  }
  udp.send(reply, rinfo.port, rinfo.address);
});

let tcp;
function startTcp(port, cb) {
  tcp = net.createServer((socket) => {
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const msg = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + msg.length);
        const reply = answer(msg, true);
        const len = Buffer.alloc(2);
        len.writeUInt16BE(reply.length);
        socket.end(Buffer.concat([len, reply]));
      }
    });
  });
  tcp.on('error', () => cb(false));
  tcp.listen(port, '127.0.0.1', () => cb(true));
}

// --- the checks -----------------------------------------------------------------------------

function report(label, err, result) {
  if (err) console.log(label, errFields(err));
  else console.log(label, JSON.stringify(result));
}

function runCallbacks(resolver, done) {
  const calls = [
    ['resolve4 a', (cb) => resolver.resolve4('a.example', cb)],
    ['resolve4 a ttl', (cb) => resolver.resolve4('a.example', { ttl: true }, cb)],
    ['resolve6 aaaa ttl', (cb) => resolver.resolve6('aaaa.example', { ttl: true }, cb)],
    ['resolve6 aaaa', (cb) => resolver.resolve6('aaaa.example', cb)],
    ['resolve4 cname ttl', (cb) => resolver.resolve4('cname.example', { ttl: true }, cb)],
    ['resolveCname', (cb) => resolver.resolveCname('cname.example', cb)],
    ['resolveMx', (cb) => resolver.resolveMx('mx.example', cb)],
    ['resolveTxt', (cb) => resolver.resolveTxt('txt.example', cb)],
    ['resolveSrv', (cb) => resolver.resolveSrv('srv.example', cb)],
    ['resolveNs', (cb) => resolver.resolveNs('ns.example', cb)],
    ['resolvePtr', (cb) => resolver.resolvePtr('ptr.example', cb)],
    ['resolveSoa', (cb) => resolver.resolveSoa('soa.example', cb)],
    ['resolveNaptr', (cb) => resolver.resolveNaptr('naptr.example', cb)],
    ['resolveCaa', (cb) => resolver.resolveCaa('caa.example', cb)],
    ['resolveAny', (cb) => resolver.resolveAny('any.example', cb)],
    ['resolve MX', (cb) => resolver.resolve('mx.example', 'MX', cb)],
    ['resolve default', (cb) => resolver.resolve('a.example', cb)],
    ['resolve mixed A', (cb) => resolver.resolve('mixed.example', 'A', cb)],
    ['resolve mixed NS', (cb) => resolver.resolve('mixed.example', 'NS', cb)],
    ['resolve4 nx', (cb) => resolver.resolve4('nx.example', cb)],
    ['resolveMx sf', (cb) => resolver.resolveMx('sf.example', cb)],
    ['resolveTxt refused', (cb) => resolver.resolveTxt('refused.example', cb)],
    ['resolveNs notimp', (cb) => resolver.resolveNs('notimp.example', cb)],
    ['resolveSrv formerr', (cb) => resolver.resolveSrv('formerr.example', cb)],
    ['resolve4 empty', (cb) => resolver.resolve4('empty.example', cb)],
    ['resolveSoa empty', (cb) => resolver.resolveSoa('empty.example', cb)],
    ['resolve4 trunc', (cb) => resolver.resolve4('trunc.example', { ttl: true }, cb)],
    ['resolve4 wrongid', (cb) => resolver.resolve4('wrongid.example', cb)],
    ['resolve4 bad', (cb) => resolver.resolve4('bad.example', cb)],
    ['resolve4 idna', (cb) => resolver.resolve4('a.b\u00fccher.example', cb)],
    ['reverse v4', (cb) => resolver.reverse('10.20.30.40', cb)],
    ['reverse v6', (cb) => resolver.reverse('2001:db8::a:1', cb)],
    ['reverse none', (cb) => resolver.reverse('10.0.0.9', cb)],
  ];
  (function next(i) {
    if (i === calls.length) return done();
    const [label, call] = calls[i];
    let sync = true;
    call((err, result) => {
      report(`${label}${sync ? ' (sync)' : ''}`, err, result);
      next(i + 1);
    });
    sync = false;
  })(0);
}

async function runPromises(resolver) {
  const calls = [
    ['p resolve4 a ttl', () => resolver.resolve4('a.example', { ttl: true })],
    ['p resolveMx', () => resolver.resolveMx('mx.example')],
    ['p resolve TXT', () => resolver.resolve('txt.example', 'TXT')],
    ['p resolve', () => resolver.resolve('aaaa.example', 'AAAA')],
    ['p resolveAny', () => resolver.resolveAny('any.example')],
    ['p resolveSoa', () => resolver.resolveSoa('soa.example')],
    ['p resolve4 nx', () => resolver.resolve4('nx.example')],
    ['p resolveCaa sf', () => resolver.resolveCaa('sf.example')],
    ['p resolvePtr empty', () => resolver.resolvePtr('empty.example')],
    ['p reverse v4', () => resolver.reverse('192.0.2.1')],
    ['p reverse bad', () => resolver.reverse('not-an-ip')],
    ['p resolve4 name type', () => resolver.resolve4(5)],
    ['p resolve rrtype', () => resolver.resolve('a.example', 'BOGUS')],
    ['p resolve rrtype type', () => resolver.resolve('a.example', 5)],
  ];
  for (const [label, call] of calls) {
    try {
      report(label, null, await call());
    } catch (e) {
      if (e.code && e.code.startsWith('ERR_')) console.log(label, 'threw', show(e));
      else report(label, e);
    }
  }
}

function argumentChecks() {
  const r = new dns.Resolver();
  const tries = [
    () => r.resolve4(1, () => {}),
    () => r.resolve4('a'),
    () => r.resolve4('a', {}, 'x'),
    () => r.resolve('a', 'X', () => {}),
    () => r.resolve('a', 1, () => {}),
    () => r.reverse('x', () => {}),
    () => r.setServers('x'),
    () => r.setServers([1]),
    () => r.setServers(['1.2.3.4', 'nope']),
    () => r.setServers(['[::1']),
    () => r.setLocalAddress(1),
    () => r.setLocalAddress('x'),
    () => r.setLocalAddress('::1', '::2'),
    () => r.setLocalAddress('1.1.1.1', '2.2.2.2'),
    () => r.setLocalAddress('1.1.1.1', 5),
    () => new dns.Resolver({ timeout: 'a' }),
    () => new dns.Resolver({ timeout: -2 }),
    () => new dns.Resolver({ timeout: 1.5 }),
    () => new dns.Resolver({ tries: 0 }),
    () => new dns.Resolver({ tries: 2 ** 31 }),
    () => new dnsPromises.Resolver({ tries: 'x' }),
  ];
  for (const [i, t] of tries.entries()) {
    try {
      t();
      console.log('check', i, 'ok');
    } catch (e) {
      console.log('check', i, show(e));
    }
  }
  r.setServers(['1.2.3.4', '[::1]:5353', '1.2.3.4:53', '::1', '5.6.7.8:1053', '[fe80::1]', '1.2.3.4:5353']);
  console.log(r.getServers());
  r.setServers([]);
  console.log(r.getServers());
  console.log(r, Object.keys(r), typeof r._handle);
  console.log(Object.keys(dns.Resolver.prototype).join(), Object.keys(dnsPromises.Resolver.prototype).join());
  console.log(dns.resolve4.name, dns.resolve4.length, dns.setServers.name, dns.Resolver.prototype.reverse.name,
    dnsPromises.Resolver.prototype.resolve.length, dns.Resolver.prototype.resolve.length);
}

function cancelAndTimeouts(port, refusedPort, done) {
  const slow = new dns.Resolver();
  slow.setServers([`127.0.0.1:${port}`]);
  const order = [];
  let tick = false;
  process.nextTick(() => { tick = true; });
  let left = 2;
  const cancelled = (err) => {
    order.push(`cancelled ${err.code} ${err.syscall} ${err.message} after tick: ${tick}`);
    if (--left === 0) setTimeout(next);
  };
  slow.resolve4('drop.example', cancelled);
  slow.resolveTxt('drop2.example', cancelled);
  slow.cancel();
  function next() {
    console.log(order.sort());
    const quick = new dns.Resolver({ timeout: 50, tries: 1 });
    quick.setServers([`127.0.0.1:${port}`]);
    quick.resolve4('drop.example', (err) => {
      report('timeout', err);
      const refused = new dns.Resolver({ timeout: 200, tries: 1 });
      refused.setServers([`127.0.0.1:${refusedPort}`]);
      refused.resolveMx('a.example', (err2) => {
        report('refused', err2);
        const p = new dnsPromises.Resolver({ timeout: 50, tries: 1 });
        p.setServers([`127.0.0.1:${port}`]);
        const pending = p.resolve4('drop.example');
        p.cancel();
        pending.catch((e) => {
          report('p cancelled', e);
          done();
        });
      });
    });
  }
}

argumentChecks();
udp.bind(0, '127.0.0.1', () => {
  const { port } = udp.address();
  startTcp(port, (tcpUp) => {
    // A port with nothing listening, for ECONNREFUSED.
    const closed = dgram.createSocket('udp4');
    closed.bind(0, '127.0.0.1', () => {
      const refusedPort = closed.address().port;
      closed.close();
      const before = dns.getServers();
      const bound = dns.resolve4;
      dns.setServers([`127.0.0.1:${port}`]);
      // dns/promises required on its own keeps its functions until dns.promises was read.
      console.log('promises kept', JSON.stringify(dnsPromises.getServers()) === JSON.stringify(before), bound === dns.resolve4);
      console.log('promises getter', dns.promises === dnsPromises);
      dns.setServers([`127.0.0.1:${port}`, `127.0.0.1:${port}`]);
      console.log('servers', dns.getServers().map((s) => s.replace(String(port), 'PORT')), before.length > 0);
      console.log('promise servers', dnsPromises.getServers().map((s) => s.replace(String(port), 'PORT')));
      dnsPromises.setServers(['127.0.0.2']);
      console.log('after promises.setServers', dns.getServers().map((s) => s.replace(String(port), 'PORT')), dnsPromises.getServers());
      dnsPromises.setServers([`127.0.0.1:${port}`]);
      console.log('tcp listener', tcpUp);
      const resolver = new dns.Resolver();
      resolver.setServers([`127.0.0.1:${port}`]);
      runCallbacks(resolver, () => {
        // The module's functions use the default resolver, which dns.promises shares.
        dns.resolveMx('mx.example', (err, mx) => {
          report('dns.resolveMx', err, mx);
          dnsPromises.resolveNs('ns.example').then(async (ns) => {
            report('dnsPromises.resolveNs', null, ns);
            const promiseResolver = new dnsPromises.Resolver();
            promiseResolver.setServers([`127.0.0.1:${port}`]);
            await runPromises(promiseResolver);
            cancelAndTimeouts(port, refusedPort, () => {
              udp.close();
              tcp.close();
              // Each query with how often the server saw it (c-ares tries again after a server
              // failure, a refusal or a malformed answer).
              const counts = new Map();
              for (const q of queries) counts.set(q, (counts.get(q) ?? 0) + 1);
              console.log('queries', [...counts].map(([q, n]) => `${q} x${n}`).sort());
            });
          });
        });
      });
    });
  });
});
