//! `TextDecoder` with `{ stream: true }` on random bytes cut at random boundaries (BOMs,
//! invalid UTF-8, lone surrogates included), for the encodings Buffer has (utf-8, utf-16le,
//! latin1 = windows-1252) and utf-16be and some single-byte ones, with and without `fatal` and
//! `ignoreBOM`; streams sometimes end early (a non-streaming call) and continue. A decoder is
//! not used after a `fatal` error: what Node's ICU converter keeps of a stream after an error
//! follows neither WHATWG nor any rule we could state (nodebuf starts a fresh stream).

use super::support::{self, Rng};

const LABELS: [&str; 10] = [
    "utf-8",
    "utf8",
    "utf-16le",
    "utf-16",
    "utf-16be",
    "latin1",
    "windows-1252",
    "iso-8859-2",
    "koi8-r",
    "windows-1251",
];
const BOMS: [&str; 4] = ["efbbbf", "fffe", "feff", ""];

#[test]
fn text_decoder_streams_like_node() {
    let cases = support::case_count(3000) / 3;
    let mut rng = Rng::new(support::seed() ^ 0x5444);
    let mut js = String::from(
        "'use strict';\n\
         const u = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(',');\n\
         function run(label, fatal, ignoreBOM, calls) {\n  const d = new TextDecoder(label, { fatal, ignoreBOM });\n  const out = [d.encoding];\n\
         \x20 for (const [hex, stream] of calls) {\n    try { out.push(u(d.decode(Buffer.from(hex, 'hex'), { stream }))); } catch (e) { out.push(e.code); console.log(out.join(' ')); return; }\n  }\n\
         \x20 try { out.push(u(d.decode())); } catch (e) { out.push(e.code); }\n  console.log(out.join(' '));\n}\n",
    );
    for _ in 0..cases {
        let label = rng.pick(&LABELS);
        let bom: &str = BOMS[rng.below(BOMS.len() as u64) as usize];
        let mut bytes = hex_bytes(bom);
        bytes.extend(super::string_decoder::random_bytes(&mut rng));
        let mut calls = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let len = (rng.below(7) as usize).min(bytes.len() - at);
            let stream = !rng.one_in(5);
            calls.push(format!(
                "['{}', {stream}]",
                support::hex(&bytes[at..at + len])
            ));
            at += len;
        }
        js.push_str(&format!(
            "run('{label}', {}, {}, [{}]);\n",
            rng.one_in(3),
            rng.one_in(3),
            calls.join(",")
        ));
    }
    super::compare_with_node("text_decoder", &js);
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}
