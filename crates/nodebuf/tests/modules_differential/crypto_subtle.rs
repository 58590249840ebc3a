//! `crypto.subtle` with secret keys on random inputs: importKey (raw, jwk) / exportKey for
//! HMAC and AES keys, sign/verify (HMAC over every SHA), encrypt/decrypt (AES-GCM with AAD
//! and tag lengths, AES-CBC, AES-CTR with counter lengths that wrap), deriveBits/deriveKey
//! (PBKDF2, HKDF), wrapKey/unwrapKey; tampered ciphertexts and signatures; the DOMException
//! and TypeError cases (names, codes, messages). Results must be node's.

use super::support::{self, Rng};

const HASHES: [&str; 5] = ["SHA-1", "SHA-256", "SHA-384", "SHA-512", "sha-256"];
const AES: [&str; 3] = ["AES-GCM", "AES-CBC", "AES-CTR"];

/// Random bytes of a length below `max` as a JS expression.
fn hex_below(rng: &mut Rng, max: u64) -> String {
    let len = rng.below(max);
    hex(rng, len)
}

fn hex(rng: &mut Rng, len: u64) -> String {
    let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
    format!("h('{}')", support::hex(&bytes))
}

#[test]
fn crypto_subtle_matches_node() {
    let cases = support::case_count(1500) / 3;
    let mut rng = Rng::new(support::seed() ^ 0x5B_71);
    let mut js = String::from(
        "'use strict';\nconst { subtle } = globalThis.crypto;\nconst util = require('util');\n\
         const h = (s) => Buffer.from(s, 'hex');\n\
         const show = (r) => r instanceof ArrayBuffer ? 'AB ' + Buffer.from(r).toString('hex') : r instanceof CryptoKey ? util.inspect(r, { depth: 4 }) : JSON.stringify(r);\n\
         const err = (e) => [e.name, e.code, e.message, e.constructor.name].join(' | ');\n\
         const jobs = [];\n\
         function t(label, f) { jobs.push(async () => { try { console.log(label, show(await f())); } catch (e) { console.log(label, 'threw', err(e)); } }); }\n",
    );
    for i in 0..cases {
        let body = match rng.below(7) {
            0 => {
                let hash = rng.pick(&HASHES);
                let key_len = rng.below(80);
                let key = hex(&mut rng, key_len);
                let data = hex_below(&mut rng, 100);
                let length = if rng.one_in(5) {
                    format!(", length: {}", key_len * 8 + rng.below(2) * 8)
                } else {
                    String::new()
                };
                let tamper = if rng.one_in(3) { "sig[0] ^= 1;" } else { "" };
                format!(
                    "const k = await subtle.importKey('raw', {key}, {{ name: 'HMAC', hash: '{hash}'{length} }}, true, ['sign', 'verify']); \
                     const sig = new Uint8Array(await subtle.sign('HMAC', k, {data})); {tamper} \
                     return [show(k), Buffer.from(sig).toString('hex'), await subtle.verify({{ name: 'HMAC' }}, k, sig, {data}), JSON.stringify(await subtle.exportKey('jwk', k))].join(' ');"
                )
            }
            1 | 2 => {
                let alg = *rng.pick(&AES);
                let bits = *rng.pick(&[128u64, 192, 256, 256, 128, 136]);
                let key = hex(&mut rng, bits / 8);
                let data = hex_below(&mut rng, 70);
                let params = match alg {
                    "AES-GCM" => {
                        let iv_len = if rng.one_in(4) { rng.below(20) } else { 12 };
                        let iv = hex(&mut rng, iv_len);
                        let aad = if rng.one_in(2) {
                            format!(", additionalData: {}", hex_below(&mut rng, 30))
                        } else {
                            String::new()
                        };
                        let tag = if rng.one_in(3) {
                            format!(
                                ", tagLength: {}",
                                rng.pick(&[32u64, 64, 96, 104, 112, 120, 128, 100])
                            )
                        } else {
                            String::new()
                        };
                        format!("{{ name: 'AES-GCM', iv: {iv}{aad}{tag} }}")
                    }
                    "AES-CBC" => {
                        let iv_len = if rng.one_in(8) { 15 } else { 16 };
                        format!("{{ name: 'AES-CBC', iv: {} }}", hex(&mut rng, iv_len))
                    }
                    _ => {
                        let mut counter: Vec<u8> = (0..16).map(|_| rng.below(256) as u8).collect();
                        if rng.one_in(2) {
                            for b in &mut counter[12..] {
                                *b = 0xff;
                            }
                        }
                        let length = if rng.one_in(2) {
                            rng.below(8) + 1
                        } else {
                            *rng.pick(&[32u64, 64, 128, 0, 129])
                        };
                        format!(
                            "{{ name: 'AES-CTR', counter: h('{}'), length: {length} }}",
                            support::hex(&counter)
                        )
                    }
                };
                let tamper = match rng.below(5) {
                    0 => "if (ct.length) ct[ct.length - 1] ^= 1;",
                    1 => "ct = ct.subarray(0, ct.length >> 1);",
                    _ => "",
                };
                format!(
                    "const k = await subtle.importKey('raw', {key}, '{alg}', true, ['encrypt', 'decrypt']); \
                     let ct = new Uint8Array(await subtle.encrypt({params}, k, {data})); const first = Buffer.from(ct).toString('hex'); {tamper} \
                     let pt; try {{ pt = show(await subtle.decrypt({params}, k, ct)); }} catch (e) {{ pt = err(e); }} \
                     return [first, pt, JSON.stringify(await subtle.exportKey('jwk', k))].join(' ');"
                )
            }
            3 => {
                let hash = rng.pick(&HASHES);
                let key = hex_below(&mut rng, 40);
                let salt = hex_below(&mut rng, 20);
                let length = if rng.one_in(6) {
                    rng.below(30).to_string()
                } else {
                    (rng.below(60) * 8).to_string()
                };
                if rng.one_in(2) {
                    let iterations = if rng.one_in(8) { 0 } else { 1 + rng.below(200) };
                    format!(
                        "const k = await subtle.importKey('raw', {key}, 'PBKDF2', false, ['deriveBits']); \
                         return subtle.deriveBits({{ name: 'PBKDF2', hash: '{hash}', salt: {salt}, iterations: {iterations} }}, k, {length});"
                    )
                } else {
                    let info = hex_below(&mut rng, 20);
                    format!(
                        "const k = await subtle.importKey('raw', {key}, 'HKDF', false, ['deriveBits']); \
                         return subtle.deriveBits({{ name: 'HKDF', hash: '{hash}', salt: {salt}, info: {info} }}, k, {length});"
                    )
                }
            }
            4 => {
                let hash = rng.pick(&HASHES);
                let target = match rng.below(4) {
                    0 => format!("{{ name: 'HMAC', hash: '{}' }}", rng.pick(&HASHES)),
                    1 => format!(
                        "{{ name: 'HMAC', hash: '{}', length: {} }}",
                        rng.pick(&HASHES),
                        rng.below(4) * 64
                    ),
                    _ => format!(
                        "{{ name: '{}', length: {} }}",
                        rng.pick(&AES),
                        rng.pick(&[128u64, 192, 256, 100])
                    ),
                };
                let usages = if target.contains("HMAC") {
                    "['sign']"
                } else {
                    "['encrypt']"
                };
                let key_len = rng.below(40) + 1;
                let key = hex(&mut rng, key_len);
                let salt = hex_below(&mut rng, 20);
                format!(
                    "const k = await subtle.importKey('raw', {key}, 'PBKDF2', false, ['deriveKey']); \
                     const d = await subtle.deriveKey({{ name: 'PBKDF2', hash: '{hash}', salt: {salt}, iterations: 3 }}, k, {target}, true, {usages}); \
                     return show(d) + ' ' + show(await subtle.exportKey('raw', d));"
                )
            }
            5 => {
                let wrap = *rng.pick(&["AES-GCM", "AES-CBC", "AES-CTR"]);
                let params = match wrap {
                    "AES-GCM" => "{ name: 'AES-GCM', iv: h('000102030405060708090a0b') }",
                    "AES-CBC" => "{ name: 'AES-CBC', iv: h('000102030405060708090a0b0c0d0e0f') }",
                    _ => "{ name: 'AES-CTR', counter: h('000102030405060708090a0b0c0d0e0f'), length: 64 }",
                };
                let format = *rng.pick(&["raw", "jwk"]);
                let wrapping = hex(&mut rng, 32);
                let inner_len = rng.below(40) + 1;
                let inner = hex(&mut rng, inner_len);
                let hash = rng.pick(&HASHES);
                format!(
                    "const w = await subtle.importKey('raw', {wrapping}, '{wrap}', false, ['wrapKey', 'unwrapKey']); \
                     const k = await subtle.importKey('raw', {inner}, {{ name: 'HMAC', hash: '{hash}' }}, true, ['sign']); \
                     const wrapped = await subtle.wrapKey('{format}', k, w, {params}); \
                     const back = await subtle.unwrapKey('{format}', wrapped, w, {params}, {{ name: 'HMAC', hash: '{hash}' }}, true, ['sign']); \
                     return show(wrapped) + ' ' + show(back) + ' ' + show(await subtle.exportKey('raw', back));"
                )
            }
            _ => {
                let case = match rng.below(16) {
                    0 => "subtle.importKey('raw', h('0101'), 'HMAC', true, ['sign'])".to_string(),
                    1 => format!("subtle.importKey('raw', {}, 'AES-GCM', false, ['encrypt'])", hex_below(&mut rng, 40)),
                    2 => "subtle.importKey('raw', h('01'), 'AES-GCM', false, ['sign'])".into(),
                    3 => "subtle.importKey('raw', h('0101010101010101'), 'AES-CBC', false, [])".into(),
                    4 => "subtle.importKey('raw', h('01'), { name: 'NOPE' }, false, ['sign'])".into(),
                    5 => "subtle.importKey('raw', h('01'), 'PBKDF2', true, ['deriveBits'])".into(),
                    6 => "subtle.importKey('nope', h('01'), 'PBKDF2', false, ['deriveBits'])".into(),
                    7 => "subtle.importKey('raw', 5, 'PBKDF2', false, ['deriveBits'])".into(),
                    8 => "subtle.importKey('raw', h('01'), 'PBKDF2', false, ['nope'])".into(),
                    9 => "subtle.importKey('jwk', { kty: 'oct', k: 'AQEBAQEBAQEBAQEBAQEBAQ', alg: 'A256GCM' }, 'AES-GCM', true, ['encrypt'])".into(),
                    10 => "subtle.importKey('jwk', { kty: 'RSA' }, 'AES-GCM', true, ['encrypt'])".into(),
                    11 => "subtle.importKey('jwk', { kty: 'oct', k: 'AQEBAQEBAQEBAQEBAQEBAQ', ext: false }, 'AES-GCM', true, ['encrypt'])".into(),
                    12 => "subtle.importKey('raw', h('01'), 'AES-GCM', false)".into(),
                    13 => format!("subtle.generateKey({{ name: 'AES-GCM', length: {} }}, true, ['encrypt']).then((k) => k.algorithm)", rng.pick(&[128u64, 100, 256])),
                    14 => format!("subtle.generateKey({{ name: 'HMAC', hash: '{}'{} }}, true, ['sign']).then((k) => [k.algorithm, k.usages, k.extractable, k.type])", rng.pick(&HASHES), rng.pick(&["", ", length: 64", ", length: 12"])),
                    _ => "subtle.importKey('raw', h('0101010101010101'), 'AES-GCM', false, ['encrypt']).then((k) => subtle.exportKey('raw', k))".into(),
                };
                format!("return {case};")
            }
        };
        js.push_str(&format!("t('subtle {i}', async () => {{ {body} }});\n"));
    }
    js.push_str(
        "t('globals', () => [typeof CryptoKey, typeof SubtleCrypto, typeof Crypto, crypto instanceof Crypto, crypto.subtle instanceof SubtleCrypto].join());\n\
         t('illegal', () => new CryptoKey());\n\
         t('shape', () => [Object.keys(SubtleCrypto.prototype), Object.keys(CryptoKey.prototype), util.inspect(crypto.subtle)].join(' '));\n\
         (async () => { for (const job of jobs) await job(); console.log('done', jobs.length); })();\n",
    );
    super::compare_with_node("crypto_subtle", &js);
}
