//! `crypto.pbkdf2(Sync)`, `hkdf(Sync)` and `scrypt(Sync)` on random inputs: passwords, salts,
//! keys and infos as strings, Buffers, typed arrays, DataViews and ArrayBuffers; random
//! iteration counts, lengths, digests (aliases, XOFs, unknown and legacy names) and scrypt
//! parameters around OpenSSL's limits; the callback forms one at a time; and every argument
//! error. The derived bytes and the errors (name, code, message) must be node's.

use super::support::{self, Rng};

const DIGESTS: [&str; 16] = [
    "sha1",
    "sha256",
    "sha384",
    "sha512",
    "md5",
    "sha224",
    "sha512-256",
    "sha3-256",
    "ripemd160",
    "blake2b512",
    "sm3",
    "RSA-SHA256",
    "SHA512",
    "md5-sha1",
    "shake128",
    "nope",
];

fn bytes_expr(rng: &mut Rng, max: u64) -> String {
    let bytes: Vec<u8> = (0..rng.below(max + 1))
        .map(|_| rng.below(256) as u8)
        .collect();
    let hex = support::hex(&bytes);
    match rng.below(6) {
        0 => {
            let units: Vec<u16> = (0..rng.below(max / 2 + 1))
                .map(|_| match rng.below(4) {
                    0 => rng.below(0x10000) as u16,
                    _ => 0x20 + rng.below(0x5F) as u16,
                })
                .collect();
            support::js_string_literal(&units)
        }
        1 => format!("Buffer.from('{hex}', 'hex')"),
        2 => format!("new Uint8Array(Buffer.from('{hex}', 'hex')).buffer"),
        3 => format!("view(DataView, '{hex}')"),
        4 => format!("view(Uint16Array, '{hex}')"),
        _ => format!("Buffer.from('00{hex}', 'hex').subarray(1)"),
    }
}

fn bad_value(rng: &mut Rng) -> &'static str {
    const BAD: [&str; 11] = [
        "5",
        "null",
        "undefined",
        "{}",
        "[1]",
        "true",
        "'3'",
        "1.5",
        "-1",
        "2**31",
        "NaN",
    ];
    let picked: &&str = rng.pick(&BAD);
    picked
}

fn scrypt_options(rng: &mut Rng) -> String {
    let mut parts = Vec::new();
    let n = match rng.below(8) {
        0 => rng.below(70),
        1 => 1 << rng.below(18),
        _ => 1 << (1 + rng.below(9)),
    };
    // Leaving N out means N = 16384 (~0.1 s a derivation in each runtime): kept rare.
    if !rng.one_in(25) {
        parts.push(format!("{}: {n}", rng.pick(&["N", "cost"])));
    }
    if !rng.one_in(4) {
        // Large r and p values are past the memory limit: cheap refusals, not long derivations.
        let r = if rng.one_in(8) {
            1 << (16 + rng.below(10))
        } else {
            rng.below(5)
        };
        parts.push(format!("{}: {r}", rng.pick(&["r", "blockSize"])));
    }
    if !rng.one_in(4) {
        let p = if rng.one_in(8) {
            1 << (18 + rng.below(13))
        } else {
            rng.below(4)
        };
        parts.push(format!("{}: {p}", rng.pick(&["p", "parallelization"])));
    }
    if rng.one_in(3) {
        parts.push(format!(
            "maxmem: {}",
            rng.pick(&[0u64, 255, 639, 640, 4096, 1 << 20])
        ));
    }
    if rng.one_in(12) {
        parts.push(format!(
            "{}: {}",
            rng.pick(&["N", "r", "p", "maxmem", "cost"]),
            bad_value(rng)
        ));
    }
    format!("{{ {} }}", parts.join(", "))
}

#[test]
fn crypto_key_derivation_matches_node() {
    let cases = support::case_count(1500) / 3;
    let mut rng = Rng::new(support::seed() ^ 0x4B_DF);
    let mut js = String::from(
        "'use strict';\nconst crypto = require('crypto');\n\
         const show = (r) => r instanceof ArrayBuffer ? 'AB ' + Buffer.from(r).toString('hex') : Buffer.isBuffer(r) ? 'B ' + r.toString('hex') : String(r);\n\
         const err = (e) => [e.name, e.code, e.message, Object.keys(e).join()].join(' | ');\n\
         function view(T, hex) { const b = Buffer.from('00' + hex + '00', 'hex'); const n = T === DataView ? b.length - 2 : (b.length - 2) >> 1; return new T(b.buffer, b.byteOffset + (T === DataView ? 1 : 0), n); }\n\
         function t(label, f) { try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', err(e)); } }\n\
         const jobs = [];\n\
         function later(label, start) { jobs.push(() => new Promise((resolve) => { try { start((e, r) => { console.log(label, e ? 'error ' + err(e) : show(r)); resolve(); }); } catch (e) { console.log(label, 'threw', err(e)); resolve(); } })); }\n",
    );
    for i in 0..cases {
        let asynchronous = rng.one_in(5);
        let (label, call) = match rng.below(4) {
            0 => {
                let digest = rng.pick(&DIGESTS);
                let iterations = if rng.one_in(10) {
                    bad_value(&mut rng).to_string()
                } else {
                    (1 + rng.below(300)).to_string()
                };
                let keylen = if rng.one_in(10) {
                    bad_value(&mut rng).to_string()
                } else {
                    rng.below(100).to_string()
                };
                let password = if rng.one_in(15) {
                    bad_value(&mut rng).to_string()
                } else {
                    bytes_expr(&mut rng, 80)
                };
                let salt = bytes_expr(&mut rng, 40);
                let digest = if rng.one_in(15) {
                    bad_value(&mut rng).to_string()
                } else {
                    format!("'{digest}'")
                };
                (
                    "pbkdf2",
                    format!("{password}, {salt}, {iterations}, {keylen}, {digest}"),
                )
            }
            1 => {
                let digest = rng.pick(&DIGESTS);
                let digest = if rng.one_in(15) {
                    bad_value(&mut rng).to_string()
                } else {
                    format!("'{digest}'")
                };
                let ikm = match rng.below(12) {
                    0 => bad_value(&mut rng).to_string(),
                    1 => format!("crypto.createSecretKey({})", bytes_expr(&mut rng, 40)),
                    _ => bytes_expr(&mut rng, 80),
                };
                let info = if rng.one_in(10) {
                    format!("Buffer.alloc({})", 1020 + rng.below(8))
                } else {
                    bytes_expr(&mut rng, 60)
                };
                let length = match rng.below(10) {
                    0 => bad_value(&mut rng).to_string(),
                    1 => (255 * 32 + rng.below(3)).to_string(),
                    2 => (255 * 20 - 1 + rng.below(3)).to_string(),
                    _ => rng.below(200).to_string(),
                };
                (
                    "hkdf",
                    format!(
                        "{digest}, {ikm}, {}, {info}, {length}",
                        bytes_expr(&mut rng, 40)
                    ),
                )
            }
            _ => {
                let password = if rng.one_in(15) {
                    bad_value(&mut rng).to_string()
                } else {
                    bytes_expr(&mut rng, 60)
                };
                let keylen = if rng.one_in(10) {
                    bad_value(&mut rng).to_string()
                } else {
                    rng.below(80).to_string()
                };
                let options = match rng.below(40) {
                    0 => String::new(),
                    1 => ", null".to_string(),
                    _ => format!(", {}", scrypt_options(&mut rng)),
                };
                (
                    "scrypt",
                    format!(
                        "{password}, {}, {keylen}{options}",
                        bytes_expr(&mut rng, 40)
                    ),
                )
            }
        };
        if asynchronous {
            js.push_str(&format!(
                "later('{label} {i}', (cb) => crypto.{label}({call}, cb));\n"
            ));
        } else {
            js.push_str(&format!(
                "t('{label}Sync {i}', () => crypto.{label}Sync({call}));\n"
            ));
        }
    }
    js.push_str(
        "t('no callback', () => crypto.pbkdf2('a', 'b', 1, 1, 'sha1'));\n\
         t('bad callback', () => crypto.scrypt('a', 'b', 1, { N: 3 }, 5));\n\
         t('hkdf no callback', () => crypto.hkdf('sha1', 'a', 'b', 'c', 1));\n\
         (async () => { for (const job of jobs) await job(); console.log('done', jobs.length); })();\n",
    );
    super::compare_with_node("crypto_kdf", &js);
}
