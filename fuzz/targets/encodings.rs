//! The encodings' fuzz target, shared by `fuzz/fuzz_targets/encodings.rs` (cargo-fuzz, nightly)
//! and `crates/nodebuf-core/tests/fuzz_encodings.rs` (seeded random inputs under stable, in CI).
//!
//! One input drives every direction of all seven encodings: no panic anywhere, decoders return
//! canonical strings, decode-then-encode gives back the bytes where Node's encodings are
//! lossless (latin1, utf16le of an even length, hex, base64, base64url, valid utf8; ascii up
//! to its cleared top bits), `write` fills exactly a prefix of `encode`, the exact byte lengths
//! equal the encoded lengths, and `isUtf8` agrees with Rust's UTF-8 validation.

use nodebuf_core::encoding::{self, Encoding, JsStr, JsString};

const ALL: [Encoding; 7] = Encoding::ALL;

fn canonical(s: &JsString) -> bool {
    match s {
        JsString::Ascii(b) => b.is_ascii(),
        JsString::Latin1(b) => !b.is_ascii(),
        JsString::Utf16(u) => u.iter().any(|&c| c > 0xFF),
    }
}

/// Runs every property on `data` (any bytes); panics on a violation.
pub fn check(data: &[u8]) {
    // Bytes -> string -> bytes.
    for enc in ALL {
        let s = encoding::decode(enc, data);
        assert!(canonical(&s), "{enc:?} decode is not canonical");
        let back = encoding::encode(enc, s.as_js_str());
        match enc {
            Encoding::Latin1 | Encoding::Hex | Encoding::Base64 | Encoding::Base64url => {
                assert_eq!(back, data, "{enc:?} round trip")
            }
            Encoding::Utf16le => assert_eq!(back, data[..data.len() & !1], "utf16le round trip"),
            Encoding::Ascii => {
                let low: Vec<u8> = data.iter().map(|b| b & 0x7F).collect();
                assert_eq!(back, low, "ascii round trip");
            }
            Encoding::Utf8 => {
                if std::str::from_utf8(data).is_ok() {
                    assert_eq!(back, data, "utf8 round trip");
                }
            }
        }
    }
    assert_eq!(
        encoding::is_utf8(data),
        std::str::from_utf8(data).is_ok(),
        "isUtf8"
    );
    assert_eq!(encoding::is_ascii(data), data.is_ascii(), "isAscii");

    // String -> bytes, for the string read as latin1 units and as UTF-16 units (lone
    // surrogates included).
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    for s in [JsStr::Latin1(data), JsStr::Utf16(&units)] {
        for enc in ALL {
            let bytes = encoding::encode(enc, s);
            let len = encoding::byte_length(enc, s);
            if matches!(
                enc,
                Encoding::Utf8 | Encoding::Utf16le | Encoding::Latin1 | Encoding::Ascii
            ) {
                assert_eq!(len, bytes.len(), "{enc:?} byteLength");
            }
            // `buf.write` into a target of every interesting size writes a prefix of `encode`.
            let sizes = [0, 1, 2, 3, bytes.len() / 2, bytes.len(), bytes.len() + 3];
            for size in sizes {
                let mut dst = vec![0xA5u8; size];
                let n = encoding::write(enc, s, &mut dst);
                assert!(n <= size, "{enc:?} write past the target");
                assert_eq!(dst[..n], bytes[..n], "{enc:?} write is a prefix of encode");
                assert!(
                    dst[n..].iter().all(|&b| b == 0xA5),
                    "{enc:?} write past its count"
                );
            }
        }
        let _ = encoding::atob(s);
        if let Ok(b64) = encoding::btoa(s) {
            let decoded = encoding::atob(b64.as_js_str()).expect("atob(btoa(s))");
            assert_eq!(
                decoded.to_utf16(),
                (0..s.len()).filter_map(|i| s.unit(i)).collect::<Vec<_>>(),
                "atob(btoa(s))"
            );
        }
    }

    // transcode between every pair of Node's transcode names.
    for from in ["utf8", "ucs2", "latin1", "ascii"] {
        for to in ["utf8", "ucs2", "latin1", "ascii"] {
            let _ = encoding::transcode(data, Some(from), Some(to));
        }
    }
}
