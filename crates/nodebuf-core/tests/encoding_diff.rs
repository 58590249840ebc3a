//! Differential tests: seeded random inputs through `nodebuf_core::encoding` and through
//! Node v20 (one `node` process per test, thousands of cases each), compared exactly.
//! `NODEBUF_DIFF_CASES` scales every test (it sets the per-test case count), `NODEBUF_SEED`
//! changes the inputs.

mod support;

use nodebuf_core::encoding::{self, Encoding, JsStr, JsString};
use std::fmt::Write as _;
use support::{case_count, run_node, seed, Rng};

// ----- input generators ---------------------------------------------------------------------

/// UTF-8 fragments worth planting: valid, truncated, overlong, surrogate-encoding, too large.
const UTF8_PLANTS: &[&[u8]] = &[
    &[0xC3, 0xA9],
    &[0xE2, 0x82, 0xAC],
    &[0xF0, 0x9F, 0x98, 0x80],
    &[0xF4, 0x8F, 0xBF, 0xBF],
    &[0xEF, 0xBB, 0xBF],
    &[0xEF, 0xBF, 0xBD],
    &[0xC3],
    &[0xE2, 0x82],
    &[0xF0, 0x9F, 0x98],
    &[0xC0, 0x80],
    &[0xC1, 0xBF],
    &[0xE0, 0x80, 0x80],
    &[0xE0, 0x9F, 0xBF],
    &[0xF0, 0x80, 0x80, 0x80],
    &[0xF0, 0x8F, 0xBF, 0xBF],
    &[0xED, 0xA0, 0x80],
    &[0xED, 0xBF, 0xBF],
    &[0xED, 0x9F, 0xBF],
    &[0xF4, 0x90, 0x80, 0x80],
    &[0xF5, 0x80, 0x80, 0x80],
    &[0xF8, 0x88, 0x80, 0x80, 0x80],
    &[0xFE],
    &[0xFF],
    &[0x80],
    &[0xBF, 0x80],
    &[0xC2, 0x80],
    &[0xDF, 0xBF],
    &[0x00],
    &[0x7F],
];

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = match rng.below(10) {
        0 => 0,
        1..=6 => rng.below(24) as usize,
        7 | 8 => rng.below(100) as usize,
        _ => rng.below(400) as usize,
    };
    let style = rng.below(6);
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        match style {
            0 => out.push(rng.next_u64() as u8),
            1 => out.push(rng.below(0x80) as u8),
            2 => {
                if rng.one_in(3) {
                    out.extend_from_slice(rng.pick::<&[u8]>(UTF8_PLANTS));
                } else {
                    out.push(b'a' + rng.below(26) as u8);
                }
            }
            3 => out.extend_from_slice(rng.pick::<&[u8]>(UTF8_PLANTS)),
            4 => {
                // UTF-16LE-looking data: surrogates, latin1 units, ASCII units.
                let unit: u16 = match rng.below(5) {
                    0 => 0xD800 + rng.below(0x400) as u16,
                    1 => 0xDC00 + rng.below(0x400) as u16,
                    2 => rng.below(0x100) as u16,
                    3 => rng.below(0x80) as u16,
                    _ => rng.next_u64() as u16,
                };
                out.extend_from_slice(&unit.to_le_bytes());
            }
            _ => out.push(*rng.pick(&[
                0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF, b'a',
            ])),
        }
    }
    out.truncate(len);
    out
}

const B64_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";

fn random_unit(rng: &mut Rng, style: u64) -> Vec<u16> {
    match style {
        // ASCII
        0 => vec![rng.below(0x80) as u16],
        // latin1
        1 => vec![rng.below(0x100) as u16],
        // mixed Unicode with pairs and lone surrogates
        2 => match rng.below(9) {
            0 => vec![0xD800 + rng.below(0x400) as u16],
            1 => vec![0xDC00 + rng.below(0x400) as u16],
            2 => vec![
                0xD800 + rng.below(0x400) as u16,
                0xDC00 + rng.below(0x400) as u16,
            ],
            3 => vec![*rng.pick(&[0xFFFD, 0xFEFF, 0xFFFF, 0x0100, 0x07FF, 0x0800, 0x20AC])],
            4 => vec![rng.next_u64() as u16],
            5 => vec![0x80 + rng.below(0x780) as u16],
            _ => vec![rng.below(0x80) as u16],
        },
        // base64-ish with junk, whitespace and padding
        3 => match rng.below(14) {
            0 => vec![u16::from(b'=')],
            1 => vec![u16::from(*rng.pick(b" \t\n\r\x0c"))],
            2 => vec![rng.below(0x100) as u16],
            3 => vec![0x100 | u16::from(*rng.pick(B64_CHARS))],
            _ => vec![u16::from(*rng.pick(B64_CHARS))],
        },
        // hex-ish with invalid digits
        4 => match rng.below(20) {
            0 => vec![u16::from(*rng.pick(b"gGzZ -x\x00"))],
            1 => vec![0x100 | u16::from(*rng.pick(b"0123456789abcdefABCDEF"))],
            2 => vec![rng.below(0x100) as u16],
            _ => vec![u16::from(*rng.pick(b"0123456789abcdefABCDEF"))],
        },
        // strict base64 for atob: standard alphabet, occasional whitespace / '='
        _ => match rng.below(30) {
            0 => vec![u16::from(b'=')],
            1 => vec![u16::from(*rng.pick(b" \t\n\r\x0c"))],
            2 => vec![u16::from(*rng.pick(b"-_*\x0b\x00"))],
            3 => vec![rng.below(0x200) as u16],
            _ => vec![u16::from(*rng.pick(&B64_CHARS[..64]))],
        },
    }
}

fn random_string_styled(rng: &mut Rng, style: u64) -> Vec<u16> {
    let len = match rng.below(10) {
        0 => 0,
        1..=6 => rng.below(20) as usize,
        7 | 8 => rng.below(90) as usize,
        _ => rng.below(300) as usize,
    };
    let mut out = Vec::with_capacity(len + 2);
    while out.len() < len {
        out.extend(random_unit(rng, style));
    }
    out.truncate(len);
    // Well-formed base64 endings are common in real input: sometimes pad properly.
    if style == 3 && rng.one_in(3) {
        while out.len() % 4 != 0 {
            out.push(u16::from(b'='));
        }
    }
    out
}

fn random_string(rng: &mut Rng) -> Vec<u16> {
    let style = rng.below(5);
    random_string_styled(rng, style)
}

/// Every spelling Node accepts, plus near misses.
const GOOD_NAMES: &[&str] = &[
    "utf8",
    "utf-8",
    "ucs2",
    "ucs-2",
    "utf16le",
    "utf-16le",
    "latin1",
    "binary",
    "ascii",
    "base64",
    "base64url",
    "hex",
];
const BAD_NAMES: &[&str] = &[
    "utf16",
    "utf-16",
    "utf8 ",
    " utf8",
    "latin-1",
    "bin",
    "base-64",
    "base64 ",
    "hexa",
    "buffer",
    "utf32",
    "ucs",
    "ascii\u{0}",
    "b\u{130}nary",
    "ba\u{17f}e64",
    "utf\u{212a}",
    "\u{130}",
];

fn random_case(rng: &mut Rng, name: &str) -> String {
    name.chars()
        .map(|c| {
            if rng.one_in(2) {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

fn random_name(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => rng.pick(BAD_NAMES).to_string(),
        1 => String::new(),
        2..=5 => {
            let name = *rng.pick(GOOD_NAMES);
            random_case(rng, name)
        }
        _ => rng.pick(GOOD_NAMES).to_string(),
    }
}

// ----- JS literals and parsing ----------------------------------------------------------------

fn js_units(units: &[u16]) -> String {
    let mut s = String::with_capacity(units.len() + 2);
    s.push('"');
    for &u in units {
        if (0x20..0x7F).contains(&u) && u != u16::from(b'"') && u != u16::from(b'\\') {
            s.push(u as u8 as char);
        } else {
            write!(s, "\\u{u:04x}").unwrap();
        }
    }
    s.push('"');
    s
}

fn js_name(name: &str) -> String {
    js_units(&name.encode_utf16().collect::<Vec<_>>())
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        write!(s, "{b:02x}").unwrap();
    }
    s
}

/// The UTF-16LE hex of a string's units (how the node side prints strings).
fn units_hex(s: &JsString) -> String {
    let mut out = String::new();
    for u in s.to_utf16() {
        for b in u.to_le_bytes() {
            write!(out, "{b:02x}").unwrap();
        }
    }
    out
}

/// The borrowed forms a string may arrive in: always two-byte, and one-byte when possible.
fn forms(units: &[u16]) -> (Option<Vec<u8>>, &[u16]) {
    let latin1 = units
        .iter()
        .all(|&u| u < 0x100)
        .then(|| units.iter().map(|&u| u as u8).collect());
    (latin1, units)
}

fn check_canonical(s: &JsString, what: &str) {
    let max = s.to_utf16().into_iter().max().unwrap_or(0);
    let ok = match s {
        JsString::Ascii(_) => max < 0x80,
        JsString::Latin1(_) => (0x80..0x100).contains(&max),
        JsString::Utf16(_) => max >= 0x100,
    };
    assert!(ok, "{what}: not in canonical form: {s:?}");
}

const PRELUDE: &str = r#"
const B = Buffer;
const U = (s) => B.from(s, 'utf16le').toString('hex');
const out = [];
"#;
const PRINT: &str = "process.stdout.write(out.join('\\n') + '\\n');";

fn node_lines(script: String, expected: usize) -> Vec<String> {
    let text = run_node(&script);
    let lines: Vec<String> = text.lines().map(str::to_owned).collect();
    assert_eq!(
        lines.len(),
        expected,
        "node printed an unexpected number of lines"
    );
    lines
}

fn fmt_num(x: Option<f64>) -> String {
    match x {
        None => "undefined".into(),
        Some(v) if v.is_nan() => "NaN".into(),
        Some(v) if v.is_infinite() => {
            if v > 0.0 {
                "Infinity".into()
            } else {
                "-Infinity".into()
            }
        }
        Some(v) => format!("{v:?}"),
    }
}

fn random_index(rng: &mut Rng, len: usize) -> Option<f64> {
    match rng.below(12) {
        0 => None,
        1 => Some(f64::NAN),
        2 => Some(-(rng.below(5) as f64)),
        3 => Some(rng.below(len as u64 + 5) as f64 + 0.5),
        4 => Some(f64::INFINITY),
        5 => Some(f64::NEG_INFINITY),
        _ => Some(rng.below(len as u64 + 3) as f64),
    }
}

// ----- tests ------------------------------------------------------------------------------------

/// `buf.toString(enc, start, end)` for every encoding on random bytes and ranges.
#[test]
fn decode_matches_node() {
    let n = case_count(25_000);
    let mut rng = Rng::new(seed() ^ 1);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let bytes = random_bytes(&mut rng);
        let enc = *rng.pick(&Encoding::ALL);
        let (start, end) = if rng.one_in(3) {
            (
                random_index(&mut rng, bytes.len()),
                random_index(&mut rng, bytes.len()),
            )
        } else {
            (None, None)
        };
        writeln!(
            script,
            "[{:?},{:?},{},{}],",
            enc.name(),
            hex(&bytes),
            fmt_num(start),
            fmt_num(end)
        )
        .unwrap();
        cases.push((bytes, enc, start, end));
    }
    script.push_str(
        "];\nfor (const [e, h, s, t] of C) out.push(U(B.from(h, 'hex').toString(e, s, t)));\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((bytes, enc, start, end), line) in cases.iter().zip(&lines) {
        let got = match encoding::to_string_range(bytes.len(), *start, *end) {
            Some(r) => encoding::decode(*enc, &bytes[r]),
            None => JsString::Ascii(Vec::new()),
        };
        check_canonical(&got, "decode");
        assert_eq!(
            &units_hex(&got),
            line,
            "decode {enc:?} {} start {start:?} end {end:?}",
            hex(bytes)
        );
    }
}

/// `Buffer.from(str, name)`, `Buffer.byteLength(str, name)` and `Buffer.isEncoding(name)`,
/// with every name spelling, on both string forms.
#[test]
fn encode_and_byte_length_match_node() {
    let n = case_count(30_000);
    let mut rng = Rng::new(seed() ^ 2);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let s = random_string(&mut rng);
        let name = random_name(&mut rng);
        writeln!(script, "[{},{}],", js_name(&name), js_units(&s)).unwrap();
        cases.push((name, s));
    }
    script.push_str(
        "];\nfor (const [e, s] of C) { let r; try { r = B.from(s, e).toString('hex'); } catch (x) { r = 'ERR:' + x.code; }\n\
         out.push(r + ' ' + B.byteLength(s, e) + ' ' + B.isEncoding(e)); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((name, s), line) in cases.iter().zip(&lines) {
        let name16: Vec<u16> = name.encode_utf16().collect();
        let parsed = Encoding::parse_or_default(Some(JsStr::Utf16(&name16)));
        assert_eq!(
            parsed,
            Encoding::parse_or_default(Some(JsStr::Utf16(&name16)))
        );
        let is_enc = encoding::is_encoding(JsStr::Utf16(&name16));
        assert_eq!(
            is_enc,
            Encoding::parse(name).is_some(),
            "parse vs parse_js for {name:?}"
        );
        let (latin1, utf16) = forms(s);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        for input in inputs {
            let bytes = match parsed {
                Some(enc) => hex(&encoding::encode(enc, input)),
                None => "ERR:ERR_UNKNOWN_ENCODING".into(),
            };
            let len = encoding::byte_length(parsed.unwrap_or(Encoding::Utf8), input);
            let got = format!("{bytes} {len} {is_enc}");
            assert_eq!(&got, line, "encode {name:?} {:?}", input);
        }
    }
}

/// `Buffer.alloc(n, 0xee).write(str, name)`: the count and the whole buffer afterwards.
#[test]
fn write_matches_node() {
    let n = case_count(40_000);
    let mut rng = Rng::new(seed() ^ 3);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let s = random_string(&mut rng);
        let name = random_name(&mut rng);
        let full = encoding::encode(
            Encoding::parse_or_default(Some(JsStr::Utf16(
                &name.encode_utf16().collect::<Vec<_>>(),
            )))
            .unwrap_or(Encoding::Utf8),
            JsStr::Utf16(&s),
        )
        .len();
        let size = match rng.below(4) {
            0 => rng.below(8) as usize,
            1 => full + rng.below(4) as usize,
            _ => rng.below(full as u64 + 2) as usize,
        };
        writeln!(script, "[{},{},{}],", js_name(&name), js_units(&s), size).unwrap();
        cases.push((name, s, size));
    }
    script.push_str(
        "];\nfor (const [e, s, n] of C) { const b = B.alloc(n, 0xee); let r; try { r = b.write(s, e) + ' ' + b.toString('hex'); } catch (x) { r = 'ERR:' + x.code; }\n\
         out.push(r); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((name, s, size), line) in cases.iter().zip(&lines) {
        let name16: Vec<u16> = name.encode_utf16().collect();
        let parsed = Encoding::parse_or_default(Some(JsStr::Utf16(&name16)));
        let (latin1, utf16) = forms(s);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        for input in inputs {
            let got = match parsed {
                Some(enc) => {
                    let mut buf = vec![0xEE; *size];
                    let w = encoding::write(enc, input, &mut buf);
                    format!("{w} {}", hex(&buf))
                }
                None => "ERR:ERR_UNKNOWN_ENCODING".into(),
            };
            assert_eq!(&got, line, "write {name:?} size {size} {:?}", input);
        }
    }
}

/// `atob` and `btoa` on strict-base64-like and arbitrary strings, errors included.
#[test]
fn atob_btoa_match_node() {
    let n = case_count(12_000);
    let mut rng = Rng::new(seed() ^ 4);
    let mut script = String::from(PRELUDE);
    script.push_str("const { atob, btoa } = require('buffer');\nconst C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let style = if rng.one_in(4) { rng.below(3) } else { 5 };
        let mut s = random_string_styled(&mut rng, style);
        if style == 5 && rng.one_in(2) {
            // Mostly-valid input: pad or trim to a multiple of four significant characters.
            s.retain(|&u| u != u16::from(b'='));
            while !s.len().is_multiple_of(4) && !rng.one_in(5) {
                s.push(u16::from(b'='));
            }
        }
        writeln!(script, "{},", js_units(&s)).unwrap();
        cases.push(s);
    }
    script.push_str(
        "];\nconst T = (f, s) => { try { return 'ok ' + U(f(s)); } catch (x) { return 'E ' + x.name + '|' + x.code + '|' + x.message; } };\n\
         for (const s of C) out.push(T(atob, s) + ' ' + T(btoa, s));\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    let show = |r: Result<JsString, nodebuf_core::NodeError>| match r {
        Ok(s) => {
            check_canonical(&s, "atob/btoa");
            format!("ok {}", units_hex(&s))
        }
        Err(e) => {
            let name = e.class.name();
            let code = nodebuf_core::NodeError::dom_exception_code(name);
            format!("E {name}|{code}|{}", e.message)
        }
    };
    for (s, line) in cases.iter().zip(&lines) {
        let (latin1, utf16) = forms(s);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        for input in inputs {
            let got = format!(
                "{} {}",
                show(encoding::atob(input)),
                show(encoding::btoa(input))
            );
            assert_eq!(&got, line, "atob/btoa {:?}", input);
        }
    }
}

/// `buffer.transcode` for every pair of names (aliases, unknown, empty, nullish).
#[test]
fn transcode_matches_node() {
    let n = case_count(20_000);
    let mut rng = Rng::new(seed() ^ 5);
    let names: &[Option<&str>] = &[
        Some("utf8"),
        Some("UTF-8"),
        Some("ucs2"),
        Some("utf16le"),
        Some("Ucs-2"),
        Some("latin1"),
        Some("binary"),
        Some("ascii"),
        Some("ASCII"),
        Some("hex"),
        Some("base64"),
        Some("base64url"),
        Some("foo"),
        Some(""),
        None,
    ];
    let mut script = String::from(PRELUDE);
    script.push_str("const { transcode } = require('buffer');\nconst C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let bytes = random_bytes(&mut rng);
        let (from, to) = (*rng.pick(names), *rng.pick(names));
        let js = |x: Option<&str>| x.map_or("undefined".to_string(), js_name);
        writeln!(script, "[{:?},{},{}],", hex(&bytes), js(from), js(to)).unwrap();
        cases.push((bytes, from, to));
    }
    script.push_str(
        "];\nfor (const [h, f, t] of C) { let r; try { r = transcode(B.from(h, 'hex'), f, t).toString('hex'); } \
         catch (x) { r = 'E ' + x.name + '|' + x.code + '|' + x.message + '|' + x.errno; } out.push(r); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((bytes, from, to), line) in cases.iter().zip(&lines) {
        let got = match encoding::transcode(bytes, *from, *to) {
            Ok(b) => hex(&b),
            Err(e) => {
                let code = e.code.unwrap_or("");
                let errno = encoding::transcode::transcode_errno(code).unwrap_or(0);
                format!("E {}|{code}|{}|{errno}", e.class.name(), e.message)
            }
        };
        assert_eq!(&got, line, "transcode {} {from:?} -> {to:?}", hex(bytes));
    }
}

/// `buffer.isUtf8` and `buffer.isAscii` on random bytes.
#[test]
fn is_utf8_is_ascii_match_node() {
    let n = case_count(8_000);
    let mut rng = Rng::new(seed() ^ 6);
    let mut script = String::from(PRELUDE);
    script.push_str("const { isUtf8, isAscii } = require('buffer');\nconst C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let bytes = random_bytes(&mut rng);
        writeln!(script, "{:?},", hex(&bytes)).unwrap();
        cases.push(bytes);
    }
    script.push_str(
        "];\nfor (const h of C) { const b = B.from(h, 'hex'); out.push(isUtf8(b) + ' ' + isAscii(b)); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for (bytes, line) in cases.iter().zip(&lines) {
        let got = format!("{} {}", encoding::is_utf8(bytes), encoding::is_ascii(bytes));
        assert_eq!(&got, line, "isUtf8/isAscii {}", hex(bytes));
    }
}

/// Fewer, larger inputs (up to ~24 KB) so SIMD blocks, chunked writes and the scalar/SIMD
/// hand-overs after errors are exercised: decode, encode and write for every encoding.
#[test]
fn large_inputs_match_node() {
    let n = case_count(25_000) / 100;
    let mut rng = Rng::new(seed() ^ 7);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let len = rng.below(24_000) as usize;
        // Mostly clean text with rare errors: long valid runs between the interesting spots.
        let mut bytes = Vec::with_capacity(len + 8);
        let mut units: Vec<u16> = Vec::with_capacity(len + 8);
        let rare = 1 + rng.below(2000);
        let style = rng.below(5);
        while bytes.len() < len {
            if rng.one_in(rare) {
                bytes.extend_from_slice(rng.pick::<&[u8]>(UTF8_PLANTS));
            } else if rng.one_in(8) {
                bytes.extend_from_slice("é€😀".as_bytes());
            } else {
                bytes.push(b'a' + rng.below(26) as u8);
            }
        }
        while units.len() < len {
            let u = if rng.one_in(rare) {
                random_unit(&mut rng, style)
            } else if style == 3 && rng.one_in(77) {
                vec![u16::from(b'\n')]
            } else if style == 3 || style == 4 {
                random_unit(&mut rng, if style == 3 { 5 } else { 4 })
                    .into_iter()
                    .filter(|&u| u != u16::from(b'='))
                    .collect()
            } else {
                random_unit(&mut rng, style)
            };
            units.extend(u);
        }
        let enc = *rng.pick(&Encoding::ALL);
        let full = encoding::encode(enc, JsStr::Utf16(&units)).len();
        let size = rng.below(full as u64 + 3) as usize;
        writeln!(
            script,
            "[{:?},{:?},{},{}],",
            enc.name(),
            hex(&bytes),
            js_units(&units),
            size
        )
        .unwrap();
        cases.push((enc, bytes, units, size));
    }
    script.push_str(
        "];\nfor (const [e, h, s, n] of C) { const b = B.alloc(n, 0xee); const w = b.write(s, e);\n\
         out.push([U(B.from(h, 'hex').toString(e)), B.from(s, e).toString('hex'), w, b.toString('hex'), B.byteLength(s, e)].join(' ')); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((enc, bytes, units, size), line) in cases.iter().zip(&lines) {
        let (latin1, utf16) = forms(units);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        let decoded = encoding::decode(*enc, bytes);
        check_canonical(&decoded, "large decode");
        for input in inputs {
            let mut buf = vec![0xEE; *size];
            let w = encoding::write(*enc, input, &mut buf);
            let got = format!(
                "{} {} {w} {} {}",
                units_hex(&decoded),
                hex(&encoding::encode(*enc, input)),
                hex(&buf),
                encoding::byte_length(*enc, input)
            );
            if &got != line {
                panic!(
                    "large case differs: {enc:?} len {} size {size}",
                    units.len()
                );
            }
        }
    }
}

/// Long runs of valid hex digits (mixed case, both string forms) with at most one invalid
/// unit planted anywhere, so the vectorized blocks meet their invalid-digit exit at every
/// offset; written into buffers of every interesting size.
#[test]
fn hex_long_runs_match_node() {
    let n = case_count(25_000) / 10;
    let mut rng = Rng::new(seed() ^ 8);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let len = rng.below(700) as usize;
        let mut s: Vec<u16> = (0..len)
            .map(|_| u16::from(*rng.pick(b"0123456789abcdefABCDEF")))
            .collect();
        if len > 0 && !rng.one_in(4) {
            let at = rng.below(len as u64) as usize;
            s[at] = *rng.pick(&[
                0x67, 0x2F, 0x3A, 0x40, 0x47, 0x60, 0x00, 0xFF, 0x161, 0x1061,
            ]);
        }
        if rng.one_in(3) {
            // Wide units whose low byte is a digit: still decoded through their low byte.
            let at = rng.below(len as u64 + 1) as usize;
            s.insert(at, 0x4100 | u16::from(*rng.pick(b"0123456789abcdef")));
        }
        let size = match rng.below(3) {
            0 => s.len() / 2,
            1 => rng.below(s.len() as u64 / 2 + 2) as usize,
            _ => s.len() / 2 + 3,
        };
        writeln!(script, "[{},{}],", js_units(&s), size).unwrap();
        cases.push((s, size));
    }
    script.push_str(
        "];\nfor (const [s, n] of C) { const b = B.alloc(n, 0xee); const w = b.write(s, 'hex');\n\
         out.push(B.from(s, 'hex').toString('hex') + ' ' + w + ' ' + b.toString('hex')); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((s, size), line) in cases.iter().zip(&lines) {
        let (latin1, utf16) = forms(s);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        for input in inputs {
            let mut buf = vec![0xEE; *size];
            let w = encoding::write(Encoding::Hex, input, &mut buf);
            let got = format!(
                "{} {w} {}",
                hex(&encoding::encode(Encoding::Hex, input)),
                hex(&buf)
            );
            assert_eq!(&got, line, "hex {:?} size {size}", input);
        }
    }
}

/// UTF-8 inputs longer than the 64 KiB SIMD segments, with multi-byte characters across the
/// segment boundaries and rare errors, decoded to UTF-16.
#[test]
fn utf8_segments_match_node() {
    let n = (case_count(25_000) / 2000).max(4);
    let mut rng = Rng::new(seed() ^ 9);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    for _ in 0..n {
        let len = 65_536 * 2 + rng.below(4000) as usize;
        let rare = 1 + rng.below(40_000);
        let mut bytes = Vec::with_capacity(len + 8);
        while bytes.len() < len {
            if rng.one_in(rare) {
                bytes.extend_from_slice(rng.pick::<&[u8]>(UTF8_PLANTS));
            } else {
                bytes.extend_from_slice(rng.pick(&["é", "€", "😀", "a", "ж", "中"]).as_bytes());
            }
        }
        writeln!(script, "{:?},", hex(&bytes)).unwrap();
        cases.push(bytes);
    }
    script.push_str("];\nfor (const h of C) out.push(U(B.from(h, 'hex').toString('utf8')));\n");
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for (bytes, line) in cases.iter().zip(&lines) {
        let got = units_hex(&encoding::decode(Encoding::Utf8, bytes));
        assert!(
            &got == line,
            "utf8 segment decode differs (len {})",
            bytes.len()
        );
    }
}

/// `buf.write(str, 'base64' | 'base64url')` into every target size up to past the decoded
/// length, for nearly-valid base64 (extra or missing padding, whitespace around the padding,
/// the other alphabet, junk, wide units): Node's first attempt on short targets has its own
/// results (and writes) that must be reproduced.
#[test]
fn base64_small_targets_match_node() {
    let n = case_count(25_000) / 25;
    let mut rng = Rng::new(seed() ^ 10);
    let mut script = String::from(PRELUDE);
    script.push_str("const C = [\n");
    let mut cases = Vec::with_capacity(n);
    let mut total = 0;
    for _ in 0..n {
        let bytes: Vec<u8> = (0..rng.below(14)).map(|_| rng.next_u64() as u8).collect();
        let url = rng.one_in(2);
        let alphabet = if url {
            encoding::base64::Alphabet::Url
        } else {
            encoding::base64::Alphabet::Standard
        };
        let text = encoding::base64::decode(&bytes, alphabet);
        let mut s: Vec<u16> = text.to_utf16();
        for _ in 0..rng.below(4) {
            let at = s.len() - rng.below(s.len() as u64 / 2 + 1) as usize;
            let unit = match rng.below(8) {
                0..=2 => u16::from(b'='),
                3..=4 => u16::from(*rng.pick(b" \t\n\r\x0c")),
                5 => u16::from(*rng.pick(b"+/-_")),
                6 => u16::from(*rng.pick(b"*.\x0b\x00")),
                _ => 0x100 | u16::from(*rng.pick(b"AQg=")),
            };
            s.insert(at, unit);
        }
        if rng.one_in(3) && !s.is_empty() {
            s.pop();
        }
        let enc = if url { "base64url" } else { "base64" };
        let max = bytes.len() + 3;
        total += max + 1;
        writeln!(script, "[{:?},{},{}],", enc, js_units(&s), max).unwrap();
        cases.push((enc, s, max));
    }
    script.push_str(
        "];\nfor (const [e, s, m] of C) { const r = []; for (let n = 0; n <= m; n++) { const b = B.alloc(n, 0xee);\n\
         r.push(b.write(s, e) + ':' + b.toString('hex')); } out.push(r.join(' ')); }\n",
    );
    script.push_str(PRINT);
    let lines = node_lines(script, n);
    for ((enc, s, max), line) in cases.iter().zip(&lines) {
        let encoding = Encoding::parse(enc).unwrap();
        let (latin1, utf16) = forms(s);
        let mut inputs = vec![JsStr::Utf16(utf16)];
        if let Some(l) = &latin1 {
            inputs.push(JsStr::Latin1(l));
        }
        for input in inputs {
            let got: Vec<String> = (0..=*max)
                .map(|size| {
                    let mut buf = vec![0xEE; size];
                    let w = encoding::write(encoding, input, &mut buf);
                    format!("{w}:{}", hex(&buf))
                })
                .collect();
            assert_eq!(&got.join(" "), line, "{enc} write of {:?}", input);
        }
    }
    assert!(total >= n);
}
