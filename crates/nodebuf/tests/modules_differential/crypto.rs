//! `crypto` digests and HMACs of random inputs: every algorithm, `update` with strings in every
//! encoding (lone surrogates included), Buffers, typed arrays and DataViews at offsets, several
//! updates, `copy`, `digest` in every encoding, the XOFs with `outputLength`, `crypto.hash`,
//! and the error cases (unknown digests, finalized hashes, bad arguments).

use super::support::{self, Rng};

const ALGORITHMS: [&str; 26] = [
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha512-224",
    "sha512-256",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "shake128",
    "shake256",
    "ripemd160",
    "blake2b512",
    "blake2s256",
    "sm3",
    "md5-sha1",
    "RSA-SHA256",
    "SHA2-384",
    "sha-1",
    "SHA512",
    "sha256WithRSAEncryption",
    "2.16.840.1.101.3.4.2.8",
    "ssl3-md5",
];
const HMAC_ALGORITHMS: [&str; 12] = [
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha512-256",
    "sha3-256",
    "sha3-512",
    "ripemd160",
    "blake2b512",
    "sm3",
];
const ENCODINGS: [&str; 13] = [
    "utf8",
    "utf-8",
    "UTF8",
    "ucs2",
    "utf16le",
    "latin1",
    "binary",
    "ascii",
    "base64",
    "base64url",
    "hex",
    "buffer",
    "bogus",
];
const DIGEST_ENCODINGS: [&str; 11] = [
    "hex",
    "base64",
    "base64url",
    "latin1",
    "binary",
    "ascii",
    "ucs2",
    "utf8",
    "buffer",
    "HEX",
    "nope",
];

fn random_units(rng: &mut Rng) -> Vec<u16> {
    let len = rng.below(40);
    (0..len)
        .map(|_| match rng.below(5) {
            0 => 0xD800 + rng.below(0x800) as u16,
            1 => rng.below(0x10000) as u16,
            2 => rng.below(0x100) as u16,
            _ => 0x20 + rng.below(0x5F) as u16,
        })
        .collect()
}

fn hex_string(rng: &mut Rng) -> String {
    let len = rng.below(30) * 2;
    (0..len)
        .map(|_| char::from_digit(rng.below(16) as u32, 16).unwrap())
        .collect()
}

/// A JS expression for one `update` argument list (`with_encoding`: may be a string and an
/// encoding).
fn random_input(rng: &mut Rng, with_encoding: bool) -> String {
    let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.below(256) as u8).collect();
    let hex = support::hex(&bytes);
    match rng.below(6) {
        0 if !with_encoding => support::js_string_literal(&random_units(rng)),
        0 => {
            let enc = rng.pick(&ENCODINGS);
            let s = if *enc == "hex" {
                format!("'{}'", hex_string(rng))
            } else {
                support::js_string_literal(&random_units(rng))
            };
            format!("{s}, '{enc}'")
        }
        1 => support::js_string_literal(&random_units(rng)),
        2 => format!("Buffer.from('{hex}', 'hex')"),
        3 => format!("view(Uint16Array, '{hex}')"),
        4 => format!("view(DataView, '{hex}')"),
        _ => format!("Buffer.from('{hex}', 'hex').subarray({})", rng.below(4)),
    }
}

#[test]
fn crypto_digests_match_node() {
    let cases = support::case_count(3000) / 3;
    let mut rng = Rng::new(support::seed() ^ 0xC0DE);
    let mut js = String::from(
        "'use strict';\nconst crypto = require('crypto');\n\
         const u = (s) => typeof s === 'string' ? 's:' + Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(',') : 'b:' + s.toString('hex');\n\
         function view(T, hex) { const b = Buffer.from('00' + hex + '00', 'hex'); const n = T === DataView ? b.length - 2 : (b.length - 2) >> 1; return new T(b.buffer, b.byteOffset + (T === DataView ? 1 : 0), n); }\n\
         function t(label, f) { try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); } }\n",
    );
    for i in 0..cases {
        match rng.below(5) {
            0 | 1 => {
                let alg = rng.pick(&ALGORITHMS);
                let opts = if alg.starts_with("shake") && rng.one_in(2) {
                    format!(", {{ outputLength: {} }}", rng.below(70))
                } else {
                    String::new()
                };
                let mut body = format!("const h = crypto.createHash('{alg}'{opts})");
                for _ in 0..rng.below(4) {
                    body.push_str(&format!(".update({})", random_input(&mut rng, true)));
                }
                body.push(';');
                if rng.one_in(3) {
                    body.push_str(&format!(
                        " const c = h.copy(); c.update({}); console.log('copy', u(c.digest('hex')));",
                        random_input(&mut rng, true)
                    ));
                }
                let enc = rng.pick(&DIGEST_ENCODINGS);
                body.push_str(&format!(" return u(h.digest('{enc}'));"));
                js.push_str(&format!("t('hash {i}', () => {{ {body} }});\n"));
            }
            2 => {
                let alg = rng.pick(&HMAC_ALGORITHMS);
                let key_len = *rng.pick(&[0u64, 1, 16, 63, 64, 65, 128, 129, 200]);
                let key: Vec<u8> = (0..key_len).map(|_| rng.below(256) as u8).collect();
                let key = match rng.below(3) {
                    0 => format!("Buffer.from('{}', 'hex')", support::hex(&key)),
                    1 => format!("'{}', {{ encoding: 'hex' }}", support::hex(&key)),
                    _ => support::js_string_literal(&random_units(&mut rng)),
                };
                let mut body = format!("const h = crypto.createHmac('{alg}', {key})");
                for _ in 0..rng.below(4) {
                    body.push_str(&format!(".update({})", random_input(&mut rng, true)));
                }
                let enc = rng.pick(&DIGEST_ENCODINGS);
                body.push_str(&format!(
                    "; const d = u(h.digest('{enc}')); return d + ' ' + u(h.digest('hex'));"
                ));
                js.push_str(&format!("t('hmac {i}', () => {{ {body} }});\n"));
            }
            3 => {
                let alg = rng.pick(&ALGORITHMS);
                let enc = rng.pick(&["hex", "base64", "buffer", "latin1", "bogus"]);
                let input = random_input(&mut rng, false);
                js.push_str(&format!(
                    "t('once {i}', () => u(crypto.hash('{alg}', {input}, '{enc}')));\n"
                ));
            }
            _ => {
                let case = match rng.below(10) {
                    0 => "crypto.createHash('nope')".to_string(),
                    1 => "crypto.createHash('md4')".to_string(),
                    2 => format!("crypto.createHash('sha256', {{ outputLength: {} }})", rng.below(40)),
                    3 => "(() => { const h = crypto.createHash('sha1'); h.digest(); return h.update('x'); })()".into(),
                    4 => "(() => { const h = crypto.createHash('sha1'); h.digest(); return h.copy(); })()".into(),
                    5 => format!("crypto.createHash('sha1').update({})", rng.pick(&["5", "null", "undefined", "{}", "[1]", "true"])),
                    6 => format!("crypto.createHmac({}, 'k')", rng.pick(&["'nope'", "5", "'shake128'", "'md4'"])),
                    7 => format!("crypto.createHmac('sha1', {})", rng.pick(&["5", "null", "undefined", "{}", "[1]"])),
                    8 => format!("crypto.createHash('sha1').update('{}', 'hex')", "a".repeat(rng.below(6) as usize)),
                    _ => format!("crypto.hash({}, 'a', {})", rng.pick(&["'sha1'", "5", "'nope'"]), rng.pick(&["'hex'", "5", "'bogus'", "'buffer'"])),
                };
                js.push_str(&format!("t('error {i}', () => {{ const r = {case}; return r && r.constructor && r.constructor.name; }});\n"));
            }
        }
    }
    js.push_str("console.log(crypto.getHashes().join(' '));\n");
    super::compare_with_node("crypto", &js);
}
