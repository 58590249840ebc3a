// internal/crypto/x509: `crypto.X509Certificate` as Node v20 has it. The certificate is parsed
// once by modules/x509.rs (x509-parser); names print as OpenSSL's multi-line `K=v` lists, and
// checkHost/checkIP/checkEmail follow OpenSSL's X509_check_* rules (names from the subject
// alternative names; the subject's CN only when there are no DNS names, or always/never).
// `publicKey` is a KeyObject made from the certificate's SubjectPublicKeyInfo; `verify()` checks
// the signature with a given public key, `checkPrivateKey()` compares the key pair.
'use strict';

const { codes, makeNodeError, validateString, validateObject } = require('internal/errors');
const { legacyFields } = require('internal/tls/certificate');

const n = native;
const keys = () => require('internal/crypto/keys');

// Node's checks on the key argument of verify/checkPrivateKey: a KeyObject of the given type.
function checkKeyArgument(pkey, type) {
  if (!keys().isKeyObject(pkey)) throw codes.ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
  if (pkey.type !== type) throw codes.ERR_INVALID_ARG_VALUE('pkey', pkey);
}
const kFields = Symbol('kFields');
const kCache = Symbol('kCache');

// OpenSSL's texts when a certificate does not decode.
function decodeError(pem) {
  const [id, library, reason] = pem
    ? ['068000A8', 'asn1 encoding routines', 'wrong tag']
    : ['0480006C', 'PEM routines', 'no start line'];
  const err = new Error(`error:${id}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = `ERR_OSSL_${library.split(' ')[0].toUpperCase()}_${reason.toUpperCase().replace(/ /g, '_')}`;
  return err;
}

// DER bytes from PEM text (the first CERTIFICATE block) or DER input; null when neither.
function derOf(bytes) {
  const text = bytes.toString('latin1');
  const begin = text.indexOf('-----BEGIN CERTIFICATE-----');
  if (begin === -1) return bytes[0] === 0x30 ? { der: bytes, pem: false } : null;
  const end = text.indexOf('-----END CERTIFICATE-----', begin);
  if (end === -1) return { der: null, pem: true };
  const body = text.slice(begin + 27, end).replace(/[\r\n\t ]/g, '');
  return { der: Buffer.from(body, 'base64'), pem: true };
}

// A name as OpenSSL's multi-line print shows it: one `K=v` per line.
function nameText(pairs) {
  return pairs.map(([key, value]) => `${key}=${value}`).join('\n');
}

// --- name checks (X509_check_host / _ip / _email) ------------------------------------------

// OpenSSL's reading of an IP address text (IPv4 parts may have leading zeros); 4 or 16 bytes,
// or null.
function ipBytes(text) {
  const net = require('net');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    const parts = text.split('.').map(Number);
    return parts.every((p) => p <= 255) ? parts : null;
  }
  if (!net.isIPv6(text) || text.includes('%')) return null;
  const halves = text.split('::');
  const expand = (half) => {
    if (half === '') return [];
    const out = [];
    for (const part of half.split(':')) {
      if (part.includes('.')) {
        const v4 = part.split('.').map(Number);
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  let groups;
  if (halves.length === 1) {
    groups = expand(text);
  } else {
    const left = expand(halves[0]);
    const right = expand(halves[1]);
    groups = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  }
  return groups.flatMap((g) => [g >> 8, g & 255]);
}

// Whether DNS name `pattern` from a certificate matches `host` (both compared without case).
// A `*` may stand in the left-most label only, for exactly one label, and not in an IDN label;
// partial wildcards (`f*.example.com`) count unless turned off.
function hostMatches(pattern, host, options) {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!p.includes('*')) return p === h;
  if (options.wildcards === false) return false;
  const star = p.indexOf('*');
  const firstDot = p.indexOf('.');
  if (p.indexOf('*', star + 1) !== -1 || firstDot === -1 || star > firstDot) return false;
  const label = p.slice(0, firstDot);
  const rest = p.slice(firstDot);
  if (rest.split('.').length < 3 || label.startsWith('xn--')) return false;
  if (label !== '*' && options.partialWildcards === false) return false;
  const prefix = label.slice(0, star);
  const suffix = label.slice(star + 1);
  if (!h.endsWith(rest)) return false;
  const hostLabel = h.slice(0, h.length - rest.length);
  if (hostLabel.length === 0) return false;
  if (hostLabel.includes('.') && options.multiLabelWildcards !== true) return false;
  return hostLabel.length >= prefix.length + suffix.length && hostLabel.startsWith(prefix) && hostLabel.endsWith(suffix);
}

/** `new crypto.X509Certificate(buffer)`: a PEM or DER certificate. */
class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!ArrayBuffer.isView(buffer)) {
      throw codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const source = derOf(bytes);
    const fields = source === null || source.der === null ? null : n.x509Parse(source.der);
    if (fields === null) throw decodeError(source !== null && source.pem);
    this[kFields] = fields;
    this[kCache] = {};
  }

  get subject() { return nameText(this[kFields].subject); }

  get subjectAltName() { return this[kFields].subjectaltname; }

  get issuer() { return nameText(this[kFields].issuer); }

  get issuerCertificate() { return undefined; }

  get infoAccess() {
    const access = this[kFields].infoAccess;
    return access === undefined ? undefined : access.map(([key, value]) => `${key}:${value}`).join('\n');
  }

  get validFrom() { return this[kFields].validFrom; }

  get validTo() { return this[kFields].validTo; }

  get fingerprint() { return this[kFields].fingerprint; }

  get fingerprint256() { return this[kFields].fingerprint256; }

  get fingerprint512() { return this[kFields].fingerprint512; }

  get keyUsage() { return this[kFields].extKeyUsage; }

  get serialNumber() { return this[kFields].serialNumber; }

  get raw() {
    this[kCache].raw ??= this[kFields].raw;
    return this[kCache].raw;
  }

  get ca() { return this[kFields].ca; }

  get publicKey() {
    this[kCache].publicKey ??= keys().createPublicKey({ key: this[kFields].spki, format: 'der', type: 'spki' });
    return this[kCache].publicKey;
  }

  /** `x509.verify(publicKey)`: whether `publicKey` verifies the certificate's signature. */
  verify(pkey) {
    checkKeyArgument(pkey, 'public');
    return n.x509VerifyWith(this[kFields].raw, pkey.export({ type: 'spki', format: 'der' }));
  }

  /** `x509.checkPrivateKey(privateKey)`: whether `privateKey` pairs with the certificate's key. */
  checkPrivateKey(pkey) {
    checkKeyArgument(pkey, 'private');
    const spki = keys().createPublicKey(pkey).export({ type: 'spki', format: 'der' });
    return spki.equals(this[kFields].spki);
  }

  toString() {
    const b64 = this[kFields].raw.toString('base64');
    const lines = [];
    for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  }

  toJSON() {
    return this.toString();
  }

  toLegacyObject() {
    return legacyFields(this[kFields]);
  }

  /** `x509.checkHost(name[, options])`: the certificate name that matches `name`, or undefined. */
  checkHost(name, options) {
    validateString(name, 'name');
    if (options !== undefined) validateObject(options, 'options');
    const opts = options || {};
    const subject = opts.subject === undefined ? 'default' : opts.subject;
    if (subject !== 'default' && subject !== 'always' && subject !== 'never') {
      throw codes.ERR_INVALID_ARG_VALUE('options.subject', subject);
    }
    const fields = this[kFields];
    for (const pattern of fields.dnsNames) {
      if (hostMatches(pattern, name, opts)) return pattern;
    }
    if (subject === 'always' || (subject === 'default' && fields.dnsNames.length === 0)) {
      for (const [key, value] of fields.subject) {
        if (key === 'CN' && hostMatches(value, name, opts)) return value;
      }
    }
    return undefined;
  }

  /** `x509.checkEmail(email[, options])`: `email` when the certificate names it. */
  checkEmail(email, options) {
    validateString(email, 'email');
    if (options !== undefined) validateObject(options, 'options');
    const at = email.lastIndexOf('@');
    const matches = (candidate) => {
      const cut = candidate.lastIndexOf('@');
      if (at === -1 || cut === -1) return candidate === email;
      return candidate.slice(0, cut) === email.slice(0, at) &&
        candidate.slice(cut + 1).toLowerCase() === email.slice(at + 1).toLowerCase();
    };
    const fields = this[kFields];
    if (fields.emails.some(matches)) return email;
    const subject = options && options.subject;
    if (subject === 'always' || (subject !== 'never' && fields.emails.length === 0)) {
      for (const [key, value] of fields.subject) {
        if (key === 'emailAddress' && matches(value)) return email;
      }
    }
    return undefined;
  }

  /** `x509.checkIP(ip)`: `ip` when the certificate names that address. */
  checkIP(ip, options) {
    validateString(ip, 'ip');
    if (options !== undefined) validateObject(options, 'options');
    const wanted = ipBytes(ip);
    if (wanted === null) throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Invalid IP');
    const key = wanted.join(',');
    return this[kFields].ipAddresses.some((text) => {
      const bytes = ipBytes(text);
      return bytes !== null && bytes.join(',') === key;
    }) ? ip : undefined;
  }

  /** `x509.checkIssued(otherCert)`: whether `otherCert` issued (and signed) this one. */
  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw codes.ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return n.x509Issued(this[kFields].raw, otherCert[kFields].raw);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const shown = {
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    };
    return `X509Certificate ${inspect(shown, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }
}

module.exports = { X509Certificate };
