// crypto.X509Certificate compared with Node on our own test certificates (tests/fixtures/tls):
// every field, PEM and DER input, toString/toJSON/toLegacyObject, inspect, checkHost (wildcard
// rules and the subject option), checkIP, checkEmail, checkIssued, and the errors for bad input.
'use strict';
const { X509Certificate } = require('crypto');
const fs = require('fs');
const path = require('path');
const { inspect } = require('util');

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const names = ['ca.pem', 'server.pem', 'ec-server.pem', 'client.pem', 'expired.pem', 'self-signed.pem'];
const certs = {};
for (const name of names) {
  const pem = fs.readFileSync(path.join(dir, name));
  const cert = new X509Certificate(pem);
  certs[name] = cert;
  console.log(`== ${name}`);
  for (const field of ['subject', 'subjectAltName', 'issuer', 'issuerCertificate', 'infoAccess', 'validFrom', 'validTo',
    'fingerprint', 'fingerprint256', 'fingerprint512', 'keyUsage', 'serialNumber', 'ca']) {
    console.log(`  ${field}: ${inspect(cert[field])}`);
  }
  console.log('  raw:', cert.raw.length, cert.raw === cert.raw, Buffer.isBuffer(cert.raw));
  console.log('  toString === toJSON:', cert.toString() === cert.toJSON(), cert.toString().endsWith('-----END CERTIFICATE-----\n'));
  const again = new X509Certificate(cert.raw);
  console.log('  DER round trip:', again.fingerprint256 === cert.fingerprint256, new X509Certificate(cert.toString()).serialNumber);
  console.log('  legacy:', inspect(cert.toLegacyObject(), { depth: 3, breakLength: 200 }));
  console.log('  inspect:', inspect(cert));
}

console.log('== checks');
const server = certs['server.pem'];
const hosts = ['localhost', 'LOCALHOST', 'localhost.', 'a.nodebuf.test', 'A.NODEBUF.TEST', 'x.y.nodebuf.test', 'nodebuf.test', 'other', ''];
for (const host of hosts) {
  const variants = [undefined, { subject: 'always' }, { subject: 'never' }, { wildcards: false }];
  console.log(`  checkHost(${JSON.stringify(host)}):`, variants.map((o) => server.checkHost(host, o)));
}
console.log('  self-signed CN only:', certs['self-signed.pem'].checkHost('localhost'), certs['ca.pem'].checkHost('nodebuf test CA'),
  certs['ca.pem'].checkHost('nodebuf test CA', { subject: 'never' }));
for (const ip of ['127.0.0.1', '127.000.0.1', '::1', '0:0::1', '0:0:0:0:0:0:0:1', '10.0.0.1', '::ffff:127.0.0.1']) {
  console.log(`  checkIP(${ip}):`, server.checkIP(ip));
}
const client = certs['client.pem'];
for (const email of ['client@nodebuf.test', 'client@NODEBUF.TEST', 'CLIENT@nodebuf.test', 'other@nodebuf.test', 'client']) {
  console.log(`  checkEmail(${email}):`, client.checkEmail(email));
}
for (const [a, b] of [['server.pem', 'ca.pem'], ['ca.pem', 'ca.pem'], ['ca.pem', 'server.pem'], ['self-signed.pem', 'self-signed.pem'], ['self-signed.pem', 'ca.pem'], ['expired.pem', 'ca.pem']]) {
  console.log(`  ${a}.checkIssued(${b}):`, certs[a].checkIssued(certs[b]));
}

console.log('== errors');
const attempts = [
  () => new X509Certificate('junk'),
  () => new X509Certificate(5),
  () => new X509Certificate(),
  () => new X509Certificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
  () => server.checkHost(5),
  () => server.checkHost('x', 'y'),
  () => server.checkHost('x', { subject: 'sometimes' }),
  () => server.checkIP('nope'),
  () => server.checkIP(1),
  () => server.checkEmail(null),
  () => server.checkIssued({}),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('  no error');
  } catch (err) {
    console.log(`  ${err.name} ${err.code}: ${err.message}${err.library ? ` (${err.library} / ${err.reason})` : ''}`);
  }
}
