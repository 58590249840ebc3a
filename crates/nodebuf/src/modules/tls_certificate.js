// internal/tls/certificate: certificates as Node's legacy objects (getPeerCertificate,
// getCertificate, X509Certificate.toLegacyObject), from the fields modules/x509.rs parses,
// in Node's key order; and IP address canonical forms for name checks.
'use strict';

const n = native;

// A name's `[[shortName, value], ...]` as Node's null-prototype object; a repeated name
// becomes an array of its values.
function nameObject(pairs) {
  const out = Object.create(null);
  for (const [key, value] of pairs) {
    if (out[key] === undefined) out[key] = value;
    else if (Array.isArray(out[key])) out[key].push(value);
    else out[key] = [out[key], value];
  }
  return out;
}

/** The legacy object for one parsed certificate (without issuerCertificate). */
function legacyFields(fields) {
  const out = {};
  out.subject = nameObject(fields.subject);
  out.issuer = nameObject(fields.issuer);
  if (fields.subjectaltname !== undefined) out.subjectaltname = fields.subjectaltname;
  if (fields.infoAccess !== undefined) {
    const access = Object.create(null);
    for (const [key, value] of fields.infoAccess) {
      if (access[key] === undefined) access[key] = [value];
      else access[key].push(value);
    }
    out.infoAccess = access;
  }
  out.ca = fields.ca;
  if (fields.keyType === 'rsa') {
    out.modulus = fields.modulus;
    out.bits = fields.bits;
    out.exponent = fields.exponent;
    out.pubkey = fields.pubkey;
  } else if (fields.keyType === 'ec') {
    out.bits = fields.bits;
    out.pubkey = fields.pubkey;
    if (fields.asn1Curve !== undefined) out.asn1Curve = fields.asn1Curve;
    if (fields.nistCurve !== undefined) out.nistCurve = fields.nistCurve;
  }
  out.valid_from = fields.validFrom;
  out.valid_to = fields.validTo;
  out.fingerprint = fields.fingerprint;
  out.fingerprint256 = fields.fingerprint256;
  out.fingerprint512 = fields.fingerprint512;
  if (fields.extKeyUsage !== undefined) out.ext_key_usage = fields.extKeyUsage;
  out.serialNumber = fields.serialNumber;
  out.raw = fields.raw;
  return out;
}

function sameName(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  }
  return true;
}

/** `chain[0]` as Node's legacy object; with `detailed`, linked through issuerCertificate to
 * the rest of `chain` and then to the issuing certificate in `ca` (a self-issued root links
 * to itself, as Node's does). */
function legacyObject(chain, detailed, ca) {
  const parsed = chain.map((der) => n.x509Parse(der)).filter((f) => f !== null);
  if (parsed.length === 0) return {};
  const first = legacyFields(parsed[0]);
  if (!detailed) return first;
  let current = first;
  let currentFields = parsed[0];
  let index = 1;
  const seen = [];
  for (;;) {
    if (currentFields.selfIssued) {
      current.issuerCertificate = current;
      break;
    }
    let next = null;
    if (index < parsed.length && sameName(parsed[index].subject, currentFields.issuer)) {
      next = parsed[index++];
    } else {
      for (const der of ca) {
        if (n.x509Issued(currentFields.raw, der)) {
          next = n.x509Parse(der);
          break;
        }
      }
    }
    if (next === null || seen.includes(next.fingerprint256)) break;
    seen.push(next.fingerprint256);
    const object = legacyFields(next);
    current.issuerCertificate = object;
    current = object;
    currentFields = next;
  }
  return first;
}

/** The canonical text of an IP address (IPv6 compressed as inet_ntop writes it), or the input
 * when it is not one. */
function canonicalIP(text) {
  const net = require('net');
  if (net.isIPv4(text)) return text;
  if (!net.isIPv6(text)) return text;
  let input = text.toLowerCase();
  const zone = input.indexOf('%');
  if (zone !== -1) input = input.slice(0, zone);
  let groups = [];
  const halves = input.split('::');
  const expand = (half) => {
    if (half === '') return [];
    const out = [];
    for (const part of half.split(':')) {
      if (part.includes('.')) {
        const [a, b, c, d] = part.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  if (halves.length === 1) {
    groups = expand(input);
  } else {
    const left = expand(halves[0]);
    const right = expand(halves[1]);
    groups = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  }
  // The longest run of two or more zero groups becomes `::` (the first such run on a tie).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

module.exports = { legacyObject, legacyFields, nameObject, canonicalIP };
