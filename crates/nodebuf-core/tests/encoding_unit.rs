//! Small hand-checked cases for the encoding module (each checked with `node -e` on v20):
//! names, the documented quirks, error shapes, and edge sizes. The differential tests in
//! `encoding_diff.rs` cover the behaviour at large.

use nodebuf_core::encoding::{self, transcode, Encoding, JsStr, JsString};
use nodebuf_core::{ErrorClass, NodeError};

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[test]
fn names_are_case_insensitive_and_untrimmed() {
    assert_eq!(Encoding::parse("UTF-8"), Some(Encoding::Utf8));
    assert_eq!(Encoding::parse("Ucs-2"), Some(Encoding::Utf16le));
    assert_eq!(Encoding::parse("BINARY"), Some(Encoding::Latin1));
    assert_eq!(Encoding::parse("Base64URL"), Some(Encoding::Base64url));
    assert_eq!(Encoding::parse("utf8 "), None);
    assert_eq!(Encoding::parse("utf16"), None);
    assert_eq!(Encoding::parse(""), None);
    // The Kelvin sign lower-cases to 'k' in JS, but no name contains 'k'.
    assert_eq!(Encoding::parse_js(JsStr::Utf16(&utf16("he\u{212a}"))), None);
    assert!(!encoding::is_encoding(JsStr::Latin1(b"")));
    assert!(encoding::is_encoding(JsStr::Latin1(b"hex")));
    assert_eq!(Encoding::parse_or_default(None), Some(Encoding::Utf8));
    assert_eq!(
        Encoding::parse_or_default(Some(JsStr::Latin1(b""))),
        Some(Encoding::Utf8)
    );
    assert_eq!(
        Encoding::parse_or_default(Some(JsStr::Latin1(b"nope"))),
        None
    );
    for enc in Encoding::ALL {
        assert_eq!(Encoding::parse(enc.name()), Some(enc));
    }
}

#[test]
fn documented_quirks() {
    let enc = |e, s: &str| encoding::encode(e, JsStr::Utf16(&utf16(s)));
    assert_eq!(enc(Encoding::Base64, "aGk*aGk"), [0x68, 0x69, 0x1a, 0x1a]);
    assert_eq!(enc(Encoding::Base64, "aGk=aGk="), b"hi");
    assert_eq!(enc(Encoding::Base64url, "-_+/"), [0xfb, 0xff, 0xbf]);
    assert_eq!(enc(Encoding::Base64, "a"), b"");
    assert_eq!(enc(Encoding::Hex, "abzcd"), [0xab]);
    assert_eq!(enc(Encoding::Hex, "abc"), [0xab]);
    assert_eq!(enc(Encoding::Hex, "\u{161}\u{162}"), [0xab]);
    assert_eq!(enc(Encoding::Latin1, "é\u{100}€"), [0xe9, 0x00, 0xac]);
    assert_eq!(enc(Encoding::Ascii, "é\u{100}€"), [0xe9, 0x00, 0xac]);
    let lone = [0xD800u16, 0x61];
    assert_eq!(
        encoding::encode(Encoding::Utf8, JsStr::Utf16(&lone)),
        [0xef, 0xbf, 0xbd, 0x61]
    );
    assert_eq!(
        encoding::decode(Encoding::Ascii, &[0xff, 0x41]),
        JsString::Ascii(vec![0x7f, 0x41])
    );
    assert_eq!(
        encoding::decode(Encoding::Utf16le, &[0x61, 0x00, 0x62]),
        JsString::Ascii(b"a".to_vec())
    );
    assert_eq!(
        encoding::decode(Encoding::Utf8, &[0xef, 0xbb, 0xbf, 0x61]),
        JsString::Utf16(vec![0xfeff, 0x61])
    );
    assert_eq!(
        encoding::decode(Encoding::Utf8, &[0xed, 0xa0, 0x80]),
        JsString::Utf16(vec![0xfffd; 3])
    );
    assert_eq!(
        encoding::decode(Encoding::Base64url, &[0xfb, 0xff]),
        JsString::Ascii(b"-_8".to_vec())
    );
    assert_eq!(
        encoding::decode(Encoding::Base64, &[0xfb, 0xff]),
        JsString::Ascii(b"+/8=".to_vec())
    );
}

#[test]
fn write_truncation() {
    let mut three = [0u8; 3];
    assert_eq!(
        encoding::write(Encoding::Utf8, JsStr::Utf16(&utf16("a€")), &mut three),
        1
    );
    let mut four = [0u8; 4];
    assert_eq!(
        encoding::write(Encoding::Utf8, JsStr::Utf16(&utf16("a😀")), &mut four),
        1
    );
    let mut three = [0u8; 3];
    assert_eq!(
        encoding::write(Encoding::Utf16le, JsStr::Latin1(b"ab"), &mut three),
        2
    );
    let mut two = [0u8; 2];
    assert_eq!(
        encoding::write(Encoding::Utf16le, JsStr::Utf16(&utf16("😀")), &mut two),
        2
    );
    assert_eq!(two, [0x3d, 0xd8]);
    let mut two = [0u8; 2];
    assert_eq!(
        encoding::write(Encoding::Base64, JsStr::Latin1(b"aGVsbG8="), &mut two),
        2
    );
    assert_eq!(&two, b"he");
    for enc in Encoding::ALL {
        let mut empty = [0u8; 0];
        assert_eq!(encoding::write(enc, JsStr::Latin1(b"abcd"), &mut empty), 0);
        assert_eq!(encoding::decode(enc, &[]), JsString::Ascii(Vec::new()));
        assert!(encoding::encode(enc, JsStr::Utf16(&[])).is_empty());
    }
}

#[test]
fn byte_lengths() {
    let len = |e, s: &str| encoding::byte_length(e, JsStr::Utf16(&utf16(s)));
    assert_eq!(len(Encoding::Base64, "aGk="), 2);
    assert_eq!(len(Encoding::Base64, "aGk==="), 3);
    assert_eq!(len(Encoding::Base64url, "aGk"), 2);
    assert_eq!(len(Encoding::Hex, "zzz"), 1);
    assert_eq!(
        encoding::byte_length(Encoding::Utf8, JsStr::Utf16(&[0xd800])),
        3
    );
    assert_eq!(len(Encoding::Utf8, "😀"), 4);
    assert_eq!(len(Encoding::Utf16le, "😀"), 4);
}

/// The one-pass UTF-8 count of UTF-16 units (`utf8::utf8_length_of_units`, 8192 units per
/// block) against the length of the bytes `encode` writes, on seeded mixes of every width,
/// paired and lone surrogates, at lengths around the block edges, with a pair split across
/// each edge and lone halves at both ends.
#[test]
fn utf8_byte_length_of_units_matches_encoding() {
    const UNITS: [u16; 9] = [0x41, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x4f60, 0xd83d, 0xde00];
    let mut seed: u32 = 12_345;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        seed >> 8
    };
    for len in [0, 1, 2, 3, 8191, 8192, 8193, 16_383, 16_384, 16_385, 40_000] {
        for round in 0..6 {
            let mut units: Vec<u16> = (0..len)
                .map(|_| match round {
                    // surrogate-heavy: pairs, reversed pairs and lone halves
                    0 | 1 => [0xd800, 0xdbff, 0xdc00, 0xdfff, 0x41][next() as usize % 5],
                    _ => UNITS[next() as usize % UNITS.len()],
                })
                .collect();
            for edge in [8192, 16_384] {
                if len > edge {
                    units[edge - 1] = 0xd83d;
                    units[edge] = 0xde00;
                }
            }
            if round == 5 && len > 1 {
                units[0] = 0xdc00;
                units[len - 1] = 0xd800;
            }
            let expected = encoding::encode(Encoding::Utf8, JsStr::Utf16(&units)).len();
            assert_eq!(
                encoding::byte_length(Encoding::Utf8, JsStr::Utf16(&units)),
                expected,
                "len {len} round {round}"
            );
        }
    }
}

#[test]
fn atob_btoa_errors() {
    let e = encoding::atob(JsStr::Latin1(b"a")).unwrap_err();
    assert_eq!(e.class, ErrorClass::DomException("InvalidCharacterError"));
    assert_eq!(
        e.message,
        "The string to be decoded is not correctly encoded."
    );
    assert_eq!(NodeError::dom_exception_code(e.class.name()), 5);
    let e = encoding::atob(JsStr::Latin1(b"ab=c")).unwrap_err();
    assert_eq!(e.message, "Invalid character");
    assert_eq!(
        encoding::atob(JsStr::Latin1(b" ab\t=\n= ")).unwrap(),
        JsString::Ascii(b"i".to_vec())
    );
    let e = encoding::btoa(JsStr::Utf16(&[0x100])).unwrap_err();
    assert_eq!(e.to_string(), "InvalidCharacterError: Invalid character");
    assert_eq!(
        encoding::btoa(JsStr::Utf16(&[0xff, 0xfe, 0, 0x61])).unwrap(),
        JsString::Ascii(b"//4AYQ==".to_vec())
    );
    let e = encoding::web::missing_input();
    assert_eq!(
        e.to_string(),
        "TypeError [ERR_MISSING_ARGS]: The \"input\" argument must be specified"
    );
}

#[test]
fn transcode_shapes() {
    let e = transcode(b"ab", Some("utf8"), Some("base64")).unwrap_err();
    assert_eq!(e.class, ErrorClass::Error);
    assert_eq!(e.code, Some("U_ILLEGAL_ARGUMENT_ERROR"));
    assert_eq!(
        e.message,
        "Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]"
    );
    assert_eq!(
        encoding::transcode::transcode_errno("U_ILLEGAL_ARGUMENT_ERROR"),
        Some(1)
    );
    let e = transcode(&[0xff], Some("utf8"), Some("ucs2")).unwrap_err();
    assert_eq!(e.code, Some("U_INVALID_CHAR_FOUND"));
    assert_eq!(
        encoding::transcode::transcode_errno("U_INVALID_CHAR_FOUND"),
        Some(10)
    );
    assert_eq!(transcode(b"", Some("hex"), Some("base64")).unwrap(), b"");
    assert_eq!(transcode(b"a\xe9", None, Some("ascii")).unwrap(), b"a?");
    assert_eq!(
        transcode(b"\xad\xe9", Some("latin1"), Some("ascii")).unwrap(),
        b"?"
    );
    assert_eq!(
        transcode(&[0x61, 0x00, 0x62], Some("ucs2"), Some("ucs2")).unwrap(),
        [0x61, 0, 0xfd, 0xff]
    );
}

#[test]
fn canonical_forms() {
    assert_eq!(JsString::from("abc"), JsString::Ascii(b"abc".to_vec()));
    assert_eq!(JsString::from("é"), JsString::Latin1(vec![0xe9]));
    assert_eq!(JsString::from("€"), JsString::Utf16(vec![0x20ac]));
    assert_eq!(
        JsString::Utf16(vec![0x61]).canonical(),
        JsString::Ascii(b"a".to_vec())
    );
    assert_eq!(
        JsString::Latin1(vec![0x61]).canonical(),
        JsString::Ascii(b"a".to_vec())
    );
    assert!(JsStr::Latin1(b"abc").is_ascii());
    assert!(!JsStr::Utf16(&[0x80]).is_ascii());
}

#[test]
fn to_string_range_rules() {
    use encoding::to_string_range as r;
    assert_eq!(r(5, None, None), Some(0..5));
    assert_eq!(r(5, Some(-3.0), Some(2.9)), Some(0..2));
    assert_eq!(r(5, Some(5.0), None), None);
    assert_eq!(r(5, Some(f64::NAN), Some(f64::INFINITY)), Some(0..5));
    assert_eq!(r(5, Some(3.0), Some(3.0)), None);
    assert_eq!(r(5, Some(1.5), Some(f64::NAN)), None);
}

#[test]
fn base64_from_large_padded_strings() {
    // Checked with node: Buffer.from('A'.repeat(k) + tail, 'base64') keeps the whole decode.
    for (tail, last) in [
        ("Yoc==\t", &[0x62, 0x87][..]),
        ("Yoc=\t=", &[0x62, 0x87][..]),
        ("YQ==\t", &[0x61][..]),
        ("aGk= \n", &[0x68, 0x69][..]),
    ] {
        for k in [4000usize, 4092, 8000, 100_000] {
            let s = "A".repeat(k) + tail;
            let b = encoding::encode(Encoding::Base64, JsStr::Latin1(s.as_bytes()));
            assert_eq!(b.len(), k / 4 * 3 + last.len(), "{tail:?} {k}");
            assert!(b.ends_with(last));
        }
    }
}
