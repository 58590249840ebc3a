//! `crypto.createCipheriv` / `createDecipheriv` on random inputs: every AES key size in CBC,
//! ECB, CTR and GCM and ChaCha20-Poly1305, random keys, IVs (any GCM length), AAD, tag lengths
//! and data split into random `update` pieces with input and output encodings; padding on and
//! off; decryption of node-made ciphertexts with the right tag, a wrong tag, tampered data and
//! wrong lengths; and the argument and state errors. Bytes and errors must be node's.

use super::support::{self, Rng};

const CIPHERS: [(&str, usize, &str); 19] = [
    ("aes-128-cbc", 16, "block"),
    ("aes-192-cbc", 24, "block"),
    ("aes-256-cbc", 32, "block"),
    ("aes128", 16, "block"),
    ("AES256", 32, "block"),
    ("aes-128-ecb", 16, "ecb"),
    ("aes-192-ecb", 24, "ecb"),
    ("aes-256-ecb", 32, "ecb"),
    ("aes-128-ctr", 16, "block"),
    ("aes-192-ctr", 24, "block"),
    ("aes-256-ctr", 32, "block"),
    ("aes-128-gcm", 16, "gcm"),
    ("aes-192-gcm", 24, "gcm"),
    ("aes-256-gcm", 32, "gcm"),
    ("id-aes128-GCM", 16, "gcm"),
    ("chacha20-poly1305", 32, "chacha"),
    ("aes-256-gcm", 32, "gcm"),
    ("aes-128-cbc", 16, "block"),
    ("chacha20-poly1305", 32, "chacha"),
];

fn random_hex(rng: &mut Rng, len: u64) -> String {
    let bytes: Vec<u8> = (0..len).map(|_| rng.below(256) as u8).collect();
    support::hex(&bytes)
}

fn near(rng: &mut Rng, len: usize) -> u64 {
    if rng.one_in(12) {
        (len as u64 + rng.below(3)).saturating_sub(1)
    } else {
        len as u64
    }
}

#[test]
fn crypto_ciphers_match_node() {
    let cases = support::case_count(1500) / 3;
    let mut rng = Rng::new(support::seed() ^ 0xC1_F3);
    let mut js = String::from(
        "'use strict';\nconst crypto = require('crypto');\n\
         const show = (r) => Buffer.isBuffer(r) ? 'B ' + r.toString('hex') : typeof r === 'string' ? 's:' + Array.from(r, (c) => c.codePointAt(0).toString(16)).join(',') : String(r);\n\
         const err = (e) => [e.name, e.code, e.message, Object.keys(e).join(), e.library, e.reason].join(' | ');\n\
         const h = (s) => Buffer.from(s, 'hex');\n\
         function t(label, f) { try { console.log(label, show(f())); } catch (e) { console.log(label, 'threw', err(e)); } }\n\
         function run(c, pieces, inEnc, outEnc) { const parts = []; for (const p of pieces) { const d = inEnc ? h(p).toString(inEnc) : h(p); parts.push(show(c.update(d, inEnc, outEnc))); } parts.push(show(c.final(outEnc))); return parts.join(' '); }\n",
    );
    for i in 0..cases {
        let &(name, key_len, family) = rng.pick(&CIPHERS);
        let key_bytes = near(&mut rng, key_len);
        let key = random_hex(&mut rng, key_bytes);
        let iv_len = match family {
            "ecb" => {
                if rng.one_in(8) {
                    16
                } else {
                    0
                }
            }
            "gcm" => {
                if rng.one_in(3) {
                    rng.below(40)
                } else {
                    near(&mut rng, 12)
                }
            }
            "chacha" => near(&mut rng, 12),
            _ => near(&mut rng, 16),
        };
        let iv = if family == "ecb" && iv_len == 0 && rng.one_in(2) {
            "null".to_string()
        } else {
            format!("h('{}')", random_hex(&mut rng, iv_len))
        };
        let aead = family == "gcm" || family == "chacha";
        let tag_len = if aead && rng.one_in(3) {
            Some(*rng.pick(&[4u64, 7, 8, 12, 13, 16, 17, 1]))
        } else {
            None
        };
        let options = tag_len.map_or(String::new(), |n| format!(", {{ authTagLength: {n} }}"));
        let data_len = match rng.below(4) {
            0 => rng.below(4) * 16,
            _ => rng.below(100),
        };
        let data: Vec<u8> = (0..data_len).map(|_| rng.below(256) as u8).collect();
        let mut pieces = Vec::new();
        let mut at = 0;
        while at < data.len() {
            let n = (1 + rng.below(40) as usize).min(data.len() - at);
            pieces.push(format!("'{}'", support::hex(&data[at..at + n])));
            at += n;
        }
        let pieces = format!("[{}]", pieces.join(", "));
        let in_enc = *rng.pick(&["undefined", "undefined", "'hex'", "'base64'", "'latin1'"]);
        // Only encodings whose decoders can be split at any byte boundary in both runtimes.
        let out_enc = *rng.pick(&[
            "undefined",
            "undefined",
            "'hex'",
            "'base64'",
            "'latin1'",
            "'buffer'",
        ]);
        let padding = if !aead && rng.one_in(4) {
            "c.setAutoPadding(false);"
        } else {
            ""
        };
        let aad = if aead && !rng.one_in(3) {
            let aad_len = rng.below(50);
            format!("c.setAAD(h('{}'));", random_hex(&mut rng, aad_len))
        } else {
            String::new()
        };
        let tag = if aead {
            "const tag = c.getAuthTag(); "
        } else {
            "const tag = undefined; "
        };
        js.push_str(&format!(
            "t('enc {i}', () => {{ const c = crypto.createCipheriv('{name}', h('{key}'), {iv}{options}); {padding}{aad} const out = run(c, {pieces}, {in_enc}, {out_enc}); {tag}globalThis.last = {{ out, tag }}; return out + (tag ? ' tag ' + tag.toString('hex') : ''); }});\n"
        ));
        // Decrypt what node/nodebuf just produced (raw bytes), sometimes tampered.
        let tamper = match rng.below(6) {
            0 => "if (ct.length) ct[ct.length - 1] ^= 1;",
            1 if aead => "if (tg) tg[0] ^= 0x80;",
            2 => "ct = ct.subarray(0, Math.max(0, ct.length - 1 - (ct.length % 3)));",
            _ => "",
        };
        let set_tag = if aead {
            "if (tg) d.setAuthTag(tg);"
        } else {
            ""
        };
        js.push_str(&format!(
            "t('dec {i}', () => {{ const c = crypto.createCipheriv('{name}', h('{key}'), {iv}{options}); {padding}{aad} let ct = Buffer.concat([c.update(h({pieces}.join(''))), c.final()]); let tg = {}; {tamper} const d = crypto.createDecipheriv('{name}', h('{key}'), {iv}{options}); {} {set_tag} const half = ct.length >> 1; return show(d.update(ct.subarray(0, half))) + ' ' + show(d.update(ct.subarray(half))) + ' ' + show(d.final()); }});\n",
            if aead { "c.getAuthTag()" } else { "undefined" },
            padding.replace("c.", "d.") + &aad.replace("c.", "d."),
        ));
    }
    js.push_str(
        "const k16 = Buffer.alloc(16, 1), iv16 = Buffer.alloc(16, 2), iv12 = Buffer.alloc(12, 3);\n\
         t('e1', () => crypto.createCipheriv(5, k16, iv16));\n\
         t('e2', () => crypto.createCipheriv('aes-128-cbc', 5, iv16));\n\
         t('e3', () => crypto.createCipheriv('aes-128-cbc', k16, 5));\n\
         t('e4', () => crypto.createCipheriv('aes-128-cbc', k16, undefined));\n\
         t('e5', () => crypto.createCipheriv('nope', k16, iv16));\n\
         t('e6', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); c.final(); return c.final(); });\n\
         t('e7', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); c.final(); return c.update('a'); });\n\
         t('e8', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); return c.update(5); });\n\
         t('e9', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); return c.update('abc', 'hex'); });\n\
         t('e10', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); return c.setAAD(Buffer.alloc(1)); });\n\
         t('e11', () => { const c = crypto.createCipheriv('aes-128-gcm', k16, iv12); c.update('a'); return c.setAAD(Buffer.alloc(1)); });\n\
         t('e12', () => { const c = crypto.createCipheriv('aes-128-gcm', k16, iv12); return c.getAuthTag(); });\n\
         t('e13', () => { const c = crypto.createDecipheriv('aes-128-gcm', k16, iv12); c.setAuthTag(Buffer.alloc(16)); return c.setAuthTag(Buffer.alloc(16)); });\n\
         t('e14', () => { const c = crypto.createDecipheriv('aes-128-gcm', k16, iv12); return c.setAuthTag(5); });\n\
         t('e15', () => { const c = crypto.createCipheriv('aes-128-gcm', k16, iv12, { authTagLength: 'x' }); });\n\
         t('e16', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); c.final(); return c.setAutoPadding(true); });\n\
         t('e17', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); c.update('a', 'utf8', 'hex'); return c.final('base64'); });\n\
         t('e18', () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); return c.update('a', 'utf8', 'nope'); });\n\
         t('e19', () => crypto.createCipheriv('aes-128-cbc', crypto.createSecretKey(k16), iv16).update('x').length);\n\
         t('e20', () => crypto.createCipheriv('aes-128-cbc', 'a'.repeat(16), 'b'.repeat(16)).final());\n\
         t('e21', () => { const c = crypto.createDecipheriv('aes-128-gcm', k16, iv12); c.update(Buffer.alloc(3)); return c.final(); });\n\
         t('e22', () => crypto.Cipheriv('aes-128-cbc', k16, iv16).constructor.name + crypto.Decipheriv('aes-128-cbc', k16, iv16).constructor.name);\n\
         t('e23', () => { const c = crypto.createCipheriv('aes-256-ctr', Buffer.alloc(32), Buffer.alloc(16, 255)); return c.update(Buffer.alloc(40)); });\n\
         t('e24', () => { const c = crypto.createDecipheriv('chacha20-poly1305', Buffer.alloc(32), iv12); return c.setAuthTag(Buffer.alloc(8)); });\n\
         (async () => { const c = crypto.createCipheriv('aes-128-cbc', k16, iv16); const chunks = []; c.on('data', (d) => chunks.push(d)); c.on('end', () => console.log('stream', Buffer.concat(chunks).toString('hex'))); c.write('hello '); c.end('world'); })();\n",
    );
    super::compare_with_node("crypto_cipher", &js);
}
