//! Native half of certificate inspection: what `tlsSocket.getPeerCertificate()` and
//! `crypto.X509Certificate` report about a DER certificate, computed the way Node v20 (through
//! OpenSSL 3) prints it: short attribute names (`CN`, `O`, `ST`...), `subjectaltname` as
//! `DNS:a, IP Address:1.2.3.4`, dates as `Dec  6 09:55:12 2026 GMT`, serial numbers and RSA
//! moduli as upper-case hex, fingerprints as colon-separated upper-case hex.
//!
//! Parsing is x509-parser's (a maintained DER/X.509 parser) instead of a hand-written reader.
//! The JS halves (`tls.js`, `crypto_x509.js`) shape the fields into Node's objects.

use rquickjs::{Array, Ctx, Exception, Function, Object, Result, Value};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use x509_parser::der_parser::oid::Oid;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate, X509Name};
use x509_parser::public_key::PublicKey;

use crate::bytes::{with_view_bytes, wrap_bytes};

/// OpenSSL's short names for the name attributes certificates carry (others print as OIDs).
const ATTRIBUTE_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "title"),
    ("2.5.4.13", "description"),
    ("2.5.4.15", "businessCategory"),
    ("2.5.4.17", "postalCode"),
    ("2.5.4.41", "name"),
    ("2.5.4.42", "GN"),
    ("2.5.4.43", "initials"),
    ("2.5.4.44", "generationQualifier"),
    ("2.5.4.46", "dnQualifier"),
    ("2.5.4.65", "pseudonym"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    ("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"),
    ("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
    ("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
];

/// OpenSSL's names for the curves Node reports as `asn1Curve` / `nistCurve`.
const CURVES: &[(&str, &str, Option<&str>)] = &[
    ("1.2.840.10045.3.1.7", "prime256v1", Some("P-256")),
    ("1.3.132.0.34", "secp384r1", Some("P-384")),
    ("1.3.132.0.35", "secp521r1", Some("P-521")),
    ("1.3.132.0.10", "secp256k1", None),
];

/// OpenSSL's names for authority information access methods.
const ACCESS_METHODS: &[(&str, &str)] = &[
    ("1.3.6.1.5.5.7.48.1", "OCSP"),
    ("1.3.6.1.5.5.7.48.2", "CA Issuers"),
];

fn short_name(oid: &Oid) -> String {
    let id = oid.to_id_string();
    ATTRIBUTE_NAMES
        .iter()
        .find(|(o, _)| *o == id)
        .map_or(id, |(_, n)| (*n).to_string())
}

/// Upper-case hex of a big-endian unsigned integer without leading zero bytes (OpenSSL's
/// `BN_bn2hex`, which Node uses for serial numbers and moduli); zero is `00`.
fn bn_hex(bytes: &[u8]) -> String {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let trimmed = &bytes[start..];
    if trimmed.is_empty() {
        return "00".to_string();
    }
    trimmed.iter().map(|b| format!("{b:02X}")).collect()
}

/// Colon-separated upper-case hex, as Node prints fingerprints.
fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// OpenSSL's `ASN1_TIME_print` layout: `Mon dd hh:mm:ss yyyy GMT`, the day padded with a space.
fn openssl_time(time: &x509_parser::time::ASN1Time) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let dt = time.to_datetime();
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[usize::from(u8::from(dt.month())) - 1],
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second(),
        dt.year()
    )
}

/// An IP address from a name as OpenSSL 3 prints it: dotted IPv4, or eight upper-case hex
/// groups without zero compression for IPv6.
fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => Some(format!(
            "{}.{}.{}.{}",
            bytes[0], bytes[1], bytes[2], bytes[3]
        )),
        16 => Some(
            bytes
                .chunks_exact(2)
                .map(|g| format!("{:X}", u16::from_be_bytes([g[0], g[1]])))
                .collect::<Vec<_>>()
                .join(":"),
        ),
        _ => None,
    }
}

/// A name attribute's value as text (non-UTF-8 string types fall back to lossy bytes).
fn attribute_text(value: &x509_parser::x509::AttributeTypeAndValue) -> String {
    match value.as_str() {
        Ok(s) => s.to_string(),
        Err(_) => String::from_utf8_lossy(value.as_slice()).into_owned(),
    }
}

/// `[[shortName, value], ...]` in certificate order.
fn name_pairs<'js>(ctx: &Ctx<'js>, name: &X509Name) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, attr) in name.iter_attributes().enumerate() {
        let pair = Array::new(ctx.clone())?;
        pair.set(0, short_name(attr.attr_type()))?;
        pair.set(1, attribute_text(attr))?;
        out.set(i, pair)?;
    }
    Ok(out)
}

/// One general name as OpenSSL prints it in `subjectaltname` (`DNS:x`, `IP Address:y`...).
fn general_name_text(name: &GeneralName) -> String {
    match name {
        GeneralName::DNSName(s) => format!("DNS:{s}"),
        GeneralName::RFC822Name(s) => format!("email:{s}"),
        GeneralName::URI(s) => format!("URI:{s}"),
        GeneralName::IPAddress(b) => match ip_text(b) {
            Some(ip) => format!("IP Address:{ip}"),
            None => "IP Address:<invalid>".to_string(),
        },
        GeneralName::RegisteredID(oid) => format!("Registered ID:{}", oid.to_id_string()),
        GeneralName::DirectoryName(n) => {
            let parts: Vec<String> = n
                .iter_attributes()
                .map(|a| format!("{}={}", short_name(a.attr_type()), attribute_text(a)))
                .collect();
            format!("DirName:/{}", parts.join("/"))
        }
        GeneralName::OtherName(..) => "othername:<unsupported>".to_string(),
        GeneralName::X400Address(_) => "X400Name:<unsupported>".to_string(),
        GeneralName::EDIPartyName(_) => "EdiPartyName:<unsupported>".to_string(),
    }
}

/// The extended key usage OIDs in certificate order (x509-parser's struct loses the order).
fn eku_oids(value: &[u8]) -> Vec<String> {
    let Ok((_, seq)) = x509_parser::der_parser::parse_der(value) else {
        return Vec::new();
    };
    let Ok(items) = seq.as_sequence() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| item.as_oid().ok().map(|o| o.to_id_string()))
        .collect()
}

/// Parses `der` into the object the JS halves shape (see `x509_parse`).
fn describe<'js>(ctx: &Ctx<'js>, der: &[u8], cert: &X509Certificate) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    out.set("subject", name_pairs(ctx, cert.subject())?)?;
    out.set("issuer", name_pairs(ctx, cert.issuer())?)?;
    out.set(
        "selfIssued",
        cert.subject().as_raw() == cert.issuer().as_raw(),
    )?;
    let dns = Array::new(ctx.clone())?;
    let ips = Array::new(ctx.clone())?;
    let emails = Array::new(ctx.clone())?;
    let mut ca = false;
    for ext in cert.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                let texts: Vec<String> = san.general_names.iter().map(general_name_text).collect();
                out.set("subjectaltname", texts.join(", "))?;
                for name in &san.general_names {
                    match name {
                        GeneralName::DNSName(s) => dns.set(dns.len(), *s)?,
                        GeneralName::RFC822Name(s) => emails.set(emails.len(), *s)?,
                        GeneralName::IPAddress(b) => {
                            if let Some(ip) = ip_text(b) {
                                ips.set(ips.len(), ip)?;
                            }
                        }
                        _ => {}
                    }
                }
            }
            ParsedExtension::AuthorityInfoAccess(aia) => {
                let entries = Array::new(ctx.clone())?;
                for (i, desc) in aia.iter().enumerate() {
                    let method = desc.access_method.to_id_string();
                    let method = ACCESS_METHODS
                        .iter()
                        .find(|(o, _)| *o == method)
                        .map_or(method, |(_, n)| (*n).to_string());
                    let location = general_name_text(&desc.access_location);
                    let (kind, value) = location.split_once(':').unwrap_or(("", &location));
                    let pair = Array::new(ctx.clone())?;
                    pair.set(0, format!("{method} - {kind}"))?;
                    pair.set(1, value)?;
                    entries.set(i, pair)?;
                }
                out.set("infoAccess", entries)?;
            }
            ParsedExtension::BasicConstraints(bc) => ca = bc.ca,
            ParsedExtension::ExtendedKeyUsage(_) => {
                out.set("extKeyUsage", eku_oids(ext.value))?;
            }
            _ => {}
        }
    }
    out.set("ca", ca)?;
    out.set("dnsNames", dns)?;
    out.set("ipAddresses", ips)?;
    out.set("emails", emails)?;
    let spki = cert.public_key();
    match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            out.set("keyType", "rsa")?;
            out.set("modulus", bn_hex(rsa.modulus))?;
            out.set("bits", rsa.key_size())?;
            let exponent = bn_hex(rsa.exponent);
            let exponent = exponent.trim_start_matches('0').to_ascii_lowercase();
            out.set("exponent", format!("0x{exponent}"))?;
            out.set("pubkey", wrap_bytes(ctx, spki.raw.to_vec())?)?;
        }
        Ok(PublicKey::EC(point)) => {
            out.set("keyType", "ec")?;
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string());
            let known = curve
                .as_ref()
                .and_then(|c| CURVES.iter().find(|(o, _, _)| o == c));
            out.set("bits", point.key_size())?;
            out.set("pubkey", wrap_bytes(ctx, point.data().to_vec())?)?;
            if let Some((_, asn1, nist)) = known {
                out.set("asn1Curve", *asn1)?;
                if let Some(nist) = nist {
                    out.set("nistCurve", *nist)?;
                }
            }
        }
        _ => {
            out.set("keyType", spki.algorithm.algorithm.to_id_string())?;
            out.set("pubkey", wrap_bytes(ctx, spki.raw.to_vec())?)?;
        }
    }
    out.set("spki", wrap_bytes(ctx, spki.raw.to_vec())?)?;
    out.set("validFrom", openssl_time(&cert.validity().not_before))?;
    out.set("validTo", openssl_time(&cert.validity().not_after))?;
    out.set(
        "validFromMs",
        cert.validity().not_before.timestamp() as f64 * 1000.0,
    )?;
    out.set(
        "validToMs",
        cert.validity().not_after.timestamp() as f64 * 1000.0,
    )?;
    out.set("fingerprint", colon_hex(&Sha1::digest(der)))?;
    out.set("fingerprint256", colon_hex(&Sha256::digest(der)))?;
    out.set("fingerprint512", colon_hex(&Sha512::digest(der)))?;
    out.set("serialNumber", bn_hex(cert.raw_serial()))?;
    out.set("raw", wrap_bytes(ctx, der.to_vec())?)?;
    Ok(out)
}

/// `x509Parse(view)`: the fields of the DER certificate in `view` (see `describe`), or `null`
/// when it is not a certificate.
fn x509_parse<'js>(ctx: Ctx<'js>, view: Value<'js>) -> Result<Value<'js>> {
    let der = with_view_bytes(&ctx, &view, |bytes| bytes.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "certificate must be an ArrayBufferView"))?;
    let Ok((_, cert)) = X509Certificate::from_der(&der) else {
        return Ok(Value::new_null(ctx));
    };
    Ok(describe(&ctx, &der, &cert)?.into_value())
}

/// `x509Issued(subjectDer, issuerDer)`: whether `issuer`'s subject names `subject`'s issuer and
/// its key verifies `subject`'s signature (`X509Certificate.checkIssued`).
fn x509_issued<'js>(ctx: Ctx<'js>, subject: Value<'js>, issuer: Value<'js>) -> Result<bool> {
    let subject = with_view_bytes(&ctx, &subject, |b| b.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "certificate must be an ArrayBufferView"))?;
    let issuer = with_view_bytes(&ctx, &issuer, |b| b.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "certificate must be an ArrayBufferView"))?;
    let (Ok((_, s)), Ok((_, i))) = (
        X509Certificate::from_der(&subject),
        X509Certificate::from_der(&issuer),
    ) else {
        return Ok(false);
    };
    Ok(s.issuer().as_raw() == i.subject().as_raw()
        && s.verify_signature(Some(i.public_key())).is_ok())
}

/// `x509VerifyWith(certDer, spkiDer)`: whether the public key in `spkiDer` (a DER
/// SubjectPublicKeyInfo) verifies the certificate's signature (`X509Certificate.verify`).
fn x509_verify_with<'js>(ctx: Ctx<'js>, cert: Value<'js>, spki: Value<'js>) -> Result<bool> {
    let cert = with_view_bytes(&ctx, &cert, |b| b.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "certificate must be an ArrayBufferView"))?;
    let spki = with_view_bytes(&ctx, &spki, |b| b.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "key must be an ArrayBufferView"))?;
    let (Ok((_, cert)), Ok((_, key))) = (
        X509Certificate::from_der(&cert),
        x509_parser::x509::SubjectPublicKeyInfo::from_der(&spki),
    ) else {
        return Ok(false);
    };
    Ok(cert.verify_signature(Some(&key)).is_ok())
}

/// Adds the `x509*` natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("x509Parse", Function::new(ctx.clone(), x509_parse)?)?;
    native.set("x509Issued", Function::new(ctx.clone(), x509_issued)?)?;
    native.set(
        "x509VerifyWith",
        Function::new(ctx.clone(), x509_verify_with)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bn_hex_trims_leading_zero_bytes() {
        assert_eq!(bn_hex(&[0x00, 0x10, 0x01]), "1001");
        assert_eq!(bn_hex(&[0x05]), "05");
        assert_eq!(bn_hex(&[0x00]), "00");
    }

    #[test]
    fn ipv6_prints_eight_groups() {
        let mut v6 = [0u8; 16];
        v6[15] = 1;
        assert_eq!(ip_text(&v6).unwrap(), "0:0:0:0:0:0:0:1");
        assert_eq!(ip_text(&[127, 0, 0, 1]).unwrap(), "127.0.0.1");
    }
}
