'use strict';
// Our stand-in for Node's test/common/dns.js: a DNS message reader and writer for the fake
// servers of the dns tests (RFC 1035 layout; names without compression when written), plus
// the lookup mock that fails with a fixed error.

const types = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  NAPTR: 35,
  ANY: 255,
  CAA: 257,
};
const typeNames = Object.fromEntries(Object.entries(types).map(([k, v]) => [v, k]));

const classes = { IN: 1 };

// --- reading ---------------------------------------------------------------------------------

function readName(buf, offset) {
  const labels = [];
  let end;
  for (let hops = 0; hops < 128; hops++) {
    const len = buf[offset];
    if (len === 0) {
      if (end === undefined) end = offset + 1;
      return { name: labels.join('.'), end };
    }
    if ((len & 0xc0) === 0xc0) {
      if (end === undefined) end = offset + 2;
      offset = buf.readUInt16BE(offset) & 0x3fff;
      continue;
    }
    labels.push(buf.toString('latin1', offset + 1, offset + 1 + len));
    offset += 1 + len;
  }
  throw new Error('DNS name pointer loop');
}

function readRecordData(buf, type, start, end, record) {
  switch (type) {
    case 'A':
      record.address = [...buf.subarray(start, start + 4)].join('.');
      break;
    case 'AAAA': {
      const groups = [];
      for (let i = 0; i < 16; i += 2) groups.push(buf.readUInt16BE(start + i).toString(16));
      record.address = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:{3,}/, '::');
      break;
    }
    case 'CNAME':
    case 'NS':
    case 'PTR':
      record.value = readName(buf, start).name;
      break;
    case 'MX':
      record.priority = buf.readUInt16BE(start);
      record.exchange = readName(buf, start + 2).name;
      break;
    case 'TXT': {
      record.entries = [];
      for (let at = start; at < end;) {
        const len = buf[at];
        record.entries.push(buf.toString('latin1', at + 1, at + 1 + len));
        at += 1 + len;
      }
      break;
    }
    case 'SOA': {
      const ns = readName(buf, start);
      const host = readName(buf, ns.end);
      record.nsname = ns.name;
      record.hostmaster = host.name;
      const at = host.end;
      record.serial = buf.readUInt32BE(at);
      record.refresh = buf.readUInt32BE(at + 4);
      record.retry = buf.readUInt32BE(at + 8);
      record.expire = buf.readUInt32BE(at + 12);
      record.minttl = buf.readUInt32BE(at + 16);
      break;
    }
    case 'SRV':
      record.priority = buf.readUInt16BE(start);
      record.weight = buf.readUInt16BE(start + 2);
      record.port = buf.readUInt16BE(start + 4);
      record.name = readName(buf, start + 6).name;
      break;
    default:
      record.data = Buffer.from(buf.subarray(start, end));
  }
}

/** The header fields, questions and records of a DNS message. */
function parseDNSPacket(buffer) {
  const out = {
    id: buffer.readUInt16BE(0),
    flags: buffer.readUInt16BE(2),
    questions: [],
    answers: [],
    authorityAnswers: [],
    additionalRecords: [],
  };
  const counts = [4, 6, 8, 10].map((at) => buffer.readUInt16BE(at));
  let offset = 12;
  for (let i = 0; i < counts[0]; i++) {
    const { name, end } = readName(buffer, offset);
    out.questions.push({ domain: name, type: buffer.readUInt16BE(end), cls: buffer.readUInt16BE(end + 2) });
    offset = end + 4;
  }
  const sections = [out.answers, out.authorityAnswers, out.additionalRecords];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      const { name, end } = readName(buffer, offset);
      const typeNumber = buffer.readUInt16BE(end);
      const length = buffer.readUInt16BE(end + 8);
      const record = {
        domain: name,
        cls: buffer.readUInt16BE(end + 2),
        ttl: buffer.readUInt32BE(end + 4),
        type: typeNames[typeNumber] ?? typeNumber,
      };
      const start = end + 10;
      readRecordData(buffer, record.type, start, start + length, record);
      sections[s].push(record);
      offset = start + length;
    }
  }
  return out;
}

// --- writing ---------------------------------------------------------------------------------

function writeName(name) {
  const parts = [];
  for (const label of name.split('.')) {
    if (label === '') continue;
    const bytes = Buffer.from(label, 'latin1');
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function characterString(text) {
  const bytes = Buffer.from(text, 'latin1');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

function ipv6Bytes(address) {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - headGroups.length - tailGroups.length).fill('0');
  return Buffer.concat([...headGroups, ...fill, ...tailGroups].map((g) => u16(parseInt(g, 16))));
}

// The fields of a CAA record other than its tag's.
const caaFields = new Set(['type', 'domain', 'ttl', 'critical', 'cls']);

function recordData(record) {
  switch (record.type) {
    case 'A':
      return Buffer.from(record.address.split('.').map(Number));
    case 'AAAA':
      return ipv6Bytes(record.address);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return writeName(record.value);
    case 'MX':
      return Buffer.concat([u16(record.priority), writeName(record.exchange)]);
    case 'TXT':
      return Buffer.concat(record.entries.map(characterString));
    case 'SOA':
      return Buffer.concat([writeName(record.nsname), writeName(record.hostmaster), u32(record.serial),
        u32(record.refresh), u32(record.retry), u32(record.expire), u32(record.minttl)]);
    case 'SRV':
      return Buffer.concat([u16(record.priority), u16(record.weight), u16(record.port), writeName(record.name)]);
    case 'NAPTR':
      return Buffer.concat([u16(record.order), u16(record.preference), characterString(record.flags),
        characterString(record.service), characterString(record.regexp), writeName(record.replacement)]);
    case 'CAA': {
      const tag = Object.keys(record).find((k) => !caaFields.has(k));
      return Buffer.concat([Buffer.from([record.critical || 0]), characterString(tag), Buffer.from(record[tag], 'latin1')]);
    }
    default:
      throw new Error(`Unknown record type ${record.type}`);
  }
}

/** A response for `id` echoing `questions`, with `answers` (one record or a list). */
function writeDNSPacket(parsed) {
  const questions = [].concat(parsed.questions || []);
  const answers = [].concat(parsed.answers || []);
  const parts = [u16(parsed.id), u16(parsed.flags ?? 0x8180), u16(questions.length), u16(answers.length), u16(0), u16(0)];
  for (const q of questions) {
    const type = typeof q.type === 'number' ? q.type : types[q.type];
    parts.push(writeName(q.domain), u16(type), u16(q.cls ?? classes.IN));
  }
  for (const record of answers) {
    const data = recordData(record);
    parts.push(writeName(record.domain), u16(types[record.type]), u16(record.cls ?? classes.IN),
      u32(record.ttl ?? 0), u16(data.length), data);
  }
  return Buffer.concat(parts);
}

// A lookup function that fails every name with one fixed error (for the lookup option of
// net/http/dgram tests).
const mockedErrorCode = 'ENOTFOUND';
const mockedSysCall = 'getaddrinfo';

function errorLookupMock(code = mockedErrorCode, syscall = mockedSysCall) {
  return function lookupWithError(hostname, dnsopts, cb) {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.errno = code;
    err.syscall = syscall;
    err.hostname = hostname;
    cb(err);
  };
}

module.exports = {
  types,
  classes,
  writeDNSPacket,
  parseDNSPacket,
  errorLookupMock,
  mockedErrorCode,
  mockedSysCall,
};
