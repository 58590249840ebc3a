//! `StringDecoder` on random byte strings cut at random chunk boundaries, every encoding: the
//! bytes are random text (1-4 byte UTF-8 characters, surrogate pairs) mixed with invalid UTF-8,
//! lone surrogates and arbitrary bytes; each chunk's `write` result, `lastNeed`, `lastTotal`,
//! `lastChar` and the final `end()` are printed as UTF-16 units.

use super::support::{self, Rng};

const ENCODINGS: [&str; 9] = [
    "utf8",
    "utf-8",
    "utf16le",
    "ucs2",
    "latin1",
    "ascii",
    "base64",
    "base64url",
    "hex",
];

/// Random bytes biased toward what exercises the state machine.
pub fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let pieces = rng.below(12);
    for _ in 0..pieces {
        match rng.below(8) {
            0 => out.push(rng.below(0x80) as u8),
            1 => {
                let c = char::from_u32(0x80 + rng.below(0x780) as u32).unwrap();
                out.extend(c.to_string().as_bytes());
            }
            2 => {
                let c = char::from_u32(0x800 + rng.below(0xD000) as u32).unwrap_or('€');
                out.extend(c.to_string().as_bytes());
            }
            3 => {
                let c = char::from_u32(0x10000 + rng.below(0x100000) as u32).unwrap();
                out.extend(c.to_string().as_bytes());
            }
            // Lone surrogates and surrogate halves as UTF-16LE bytes.
            4 => {
                let unit = 0xD800 + rng.below(0x800) as u16;
                out.extend(unit.to_le_bytes());
            }
            // Truncated or bad UTF-8 sequences.
            5 => {
                let lead = *rng.pick(&[0xC2u8, 0xE2, 0xF0, 0xF4, 0xF8, 0xFF, 0xC0, 0xED]);
                out.push(lead);
                for _ in 0..rng.below(4) {
                    out.push(0x80 + rng.below(0x40) as u8);
                }
            }
            6 => out.push(0x80 + rng.below(0x40) as u8),
            _ => out.push(rng.below(256) as u8),
        }
    }
    out
}

#[test]
fn string_decoder_matches_node_on_random_chunks() {
    let cases = support::case_count(3000) / 3;
    let mut rng = Rng::new(support::seed() ^ 0x5344);
    let mut js = String::from(
        "'use strict';\nconst { StringDecoder } = require('string_decoder');\n\
         const u = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(',');\n\
         function run(enc, chunks) {\n  const d = new StringDecoder(enc);\n  const out = [d.encoding];\n\
         \x20 for (const c of chunks) {\n    out.push(u(d.write(Buffer.from(c, 'hex'))), d.lastNeed, d.lastTotal, d.lastChar.toString('hex'));\n  }\n\
         \x20 out.push(u(d.end()), d.lastNeed, d.lastTotal);\n  console.log(out.join(' '));\n}\n",
    );
    for _ in 0..cases {
        let enc = rng.pick(&ENCODINGS);
        let bytes = random_bytes(&mut rng);
        let mut chunks = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let len = (rng.below(6) as usize).min(bytes.len() - at);
            chunks.push(format!("'{}'", support::hex(&bytes[at..at + len])));
            at += len;
        }
        js.push_str(&format!("run('{enc}', [{}]);\n", chunks.join(",")));
    }
    super::compare_with_node("string_decoder", &js);
}
