//! `require('buffer').transcode(source, fromEnc, toEnc)`: re-encodes bytes between utf8,
//! utf16le (ucs2), latin1 (binary) and ascii exactly as Node v20 does, with its per-direction
//! replacement rules (Node goes through ICU or simdutf depending on the pair):
//!
//! | from \ to | utf8 | utf16le | latin1 | ascii |
//! |---|---|---|---|---|
//! | utf8 | ill-formed subparts -> U+FFFD | ill-formed -> error `U_INVALID_CHAR_FOUND` | ill-formed or > U+00FF -> `?`, ignorables dropped | ill-formed or > U+007F -> `?`, ignorables dropped |
//! | utf16le | lone surrogate (or no whole unit) -> error `U_INVALID_CHAR_FOUND`; odd byte dropped | lone surrogate -> U+FFFD; odd last byte -> U+FFFD (one with a trailing lone high surrogate) | > U+00FF -> `?` (a pair is one `?`), ignorables dropped; odd byte dropped | > U+007F -> `?`, ignorables dropped |
//! | latin1 | exact | exact | copy | >= 0x80 -> `?`, 0xAD dropped |
//! | ascii | >= 0x80 -> U+FFFD | read as latin1 | >= 0x80 -> `?` | >= 0x80 -> `?` |
//!
//! "Ignorables" are Unicode's default-ignorable code points (soft hyphen, zero-width space,
//! BOM, variation selectors, ...): ICU drops them when the target cannot represent them.
//!
//! An empty source gives an empty result before the names are looked at; any other name
//! (hex, base64, base64url, unknown) is `U_ILLEGAL_ARGUMENT_ERROR`.

use super::units::{is_high_surrogate, is_low_surrogate, le_bytes_to_utf16};
use super::{simd, utf8, Encoding};
use crate::{ErrorClass, NodeError};

/// The ICU status `code` names Node reports, and their `errno` values.
pub const U_ILLEGAL_ARGUMENT_ERROR: &str = "U_ILLEGAL_ARGUMENT_ERROR";
/// See [`U_ILLEGAL_ARGUMENT_ERROR`].
pub const U_INVALID_CHAR_FOUND: &str = "U_INVALID_CHAR_FOUND";

/// The `errno` property Node puts on a transcode error with this `code` (1 or 10).
pub fn transcode_errno(code: &str) -> Option<i32> {
    match code {
        U_ILLEGAL_ARGUMENT_ERROR => Some(1),
        U_INVALID_CHAR_FOUND => Some(10),
        _ => None,
    }
}

fn failure(code: &'static str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        code,
        format!("Unable to transcode Buffer [{code}]"),
    )
}

/// The four encodings `transcode` supports.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Utf8,
    Ucs2,
    Latin1,
    Ascii,
}

fn side(name: Option<&str>) -> Result<Side, NodeError> {
    let enc = match name {
        None | Some("") => Some(Encoding::Utf8),
        Some(n) => Encoding::parse(n),
    };
    match enc {
        Some(Encoding::Utf8) => Ok(Side::Utf8),
        Some(Encoding::Utf16le) => Ok(Side::Ucs2),
        Some(Encoding::Latin1) => Ok(Side::Latin1),
        Some(Encoding::Ascii) => Ok(Side::Ascii),
        _ => Err(failure(U_ILLEGAL_ARGUMENT_ERROR)),
    }
}

/// `buffer.transcode` of a source that has no data at all (its buffer was detached after
/// Node's JS read a non-zero `length`): Node's ICU conversions then fail as they do on a null
/// input — `U_INVALID_CHAR_FOUND` into UCS-2 and from UCS-2 into UTF-8, an empty result from
/// UCS-2 into Latin-1 or ASCII, `U_ILLEGAL_ARGUMENT_ERROR` for every other pair (unsupported
/// names included).
pub fn transcode_without_data(from: Option<&str>, to: Option<&str>) -> Result<Vec<u8>, NodeError> {
    match (side(from), side(to)) {
        (Ok(Side::Ascii | Side::Latin1 | Side::Utf8), Ok(Side::Ucs2))
        | (Ok(Side::Ucs2), Ok(Side::Utf8)) => Err(failure(U_INVALID_CHAR_FOUND)),
        (Ok(Side::Ucs2), Ok(Side::Latin1 | Side::Ascii)) => Ok(Vec::new()),
        _ => Err(failure(U_ILLEGAL_ARGUMENT_ERROR)),
    }
}

/// `buffer.transcode(source, from, to)` on a source's bytes. `None` stands for `undefined` or
/// `null` (meaning utf8, like `''`); a non-string argument should be passed as its string form
/// (it is unsupported either way). Errors are plain `Error`s with code `U_ILLEGAL_ARGUMENT_ERROR`
/// (unsupported name) or `U_INVALID_CHAR_FOUND`; their `errno` is [`transcode_errno`].
pub fn transcode(
    source: &[u8],
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<u8>, NodeError> {
    if source.is_empty() {
        return Ok(Vec::new());
    }
    let (from, to) = (side(from)?, side(to)?);
    Ok(match (from, to) {
        (Side::Latin1, Side::Latin1) => source.to_vec(),
        (Side::Latin1 | Side::Ascii, Side::Ucs2) => super::units::widen_to_le_bytes(source),
        (Side::Latin1, Side::Utf8) => {
            let mut out = Vec::new();
            simd::latin1_to_utf8_append(source, &mut out);
            out
        }
        // ICU skips an unmappable default-ignorable code point (U+00AD here) instead of
        // substituting it; ascii's bytes >= 0x80 are ill-formed input, which is substituted.
        (Side::Latin1, Side::Ascii) => source
            .iter()
            .filter(|&&b| b != 0xAD)
            .map(|&b| if b < 0x80 { b } else { b'?' })
            .collect(),
        (Side::Ascii, Side::Latin1 | Side::Ascii) => source
            .iter()
            .map(|&b| if b < 0x80 { b } else { b'?' })
            .collect(),
        (Side::Ascii, Side::Utf8) => ascii_to_utf8(source),
        (Side::Utf8, Side::Utf8) => utf8::encode(utf8::decode(source).as_js_str()),
        (Side::Utf8, Side::Ucs2) => {
            if !simdutf::validate_utf8(source) {
                return Err(failure(U_INVALID_CHAR_FOUND));
            }
            super::units::utf16_to_le_bytes(&utf8::decode_to_utf16(source))
        }
        (Side::Utf8, Side::Latin1) => utf8_to_single_byte(source, 0xFF),
        (Side::Utf8, Side::Ascii) => utf8_to_single_byte(source, 0x7F),
        (Side::Ucs2, Side::Utf8) => {
            let units = le_bytes_to_utf16(source);
            match simd::valid_utf16_to_utf8(&units) {
                Some(out) if !out.is_empty() => out,
                _ => return Err(failure(U_INVALID_CHAR_FOUND)),
            }
        }
        (Side::Ucs2, Side::Ucs2) => ucs2_to_ucs2(source),
        (Side::Ucs2, Side::Latin1) => ucs2_to_single_byte(source, 0xFF),
        (Side::Ucs2, Side::Ascii) => ucs2_to_single_byte(source, 0x7F),
    })
}

fn ascii_to_utf8(source: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(source.len());
    for &b in source {
        if b < 0x80 {
            out.push(b);
        } else {
            out.extend_from_slice(&[0xEF, 0xBF, 0xBD]);
        }
    }
    out
}

/// UTF-8 to a one-byte charset: each code point up to `max` as itself, anything else (including
/// each ill-formed subpart) as `?`.
fn utf8_to_single_byte(source: &[u8], max: u32) -> Vec<u8> {
    if simdutf::validate_ascii(source) {
        return source.to_vec();
    }
    let mut out = Vec::with_capacity(source.len());
    let mut i = 0;
    while i < source.len() {
        // An ill-formed subpart decodes to U+FFFD, which is above `max` too.
        let (cp, used) = utf8::decode_one(source, i);
        push_single_byte(&mut out, cp, max);
        i += used;
    }
    out
}

/// UTF-16LE to a one-byte charset: code points up to `max` as themselves, others `?` (a
/// surrogate pair is one code point); an odd last byte is dropped.
fn ucs2_to_single_byte(source: &[u8], max: u16) -> Vec<u8> {
    let units = le_bytes_to_utf16(source);
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if is_high_surrogate(u) {
            if let Some(&l) = units.get(i + 1).filter(|&&l| is_low_surrogate(l)) {
                let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(l) - 0xDC00);
                push_single_byte(&mut out, cp, u32::from(max));
                i += 2;
                continue;
            }
        }
        push_single_byte(&mut out, u32::from(u), u32::from(max));
        i += 1;
    }
    out
}

/// Appends code point `cp` to a one-byte charset whose largest code point is `max`: itself if
/// it fits, nothing if it is default-ignorable (ICU's substitution callback skips those), else
/// `?`. Lone surrogates and ill-formed input (given as U+FFFD) are never ignorable.
fn push_single_byte(out: &mut Vec<u8>, cp: u32, max: u32) {
    if cp <= max {
        out.push(cp as u8);
    } else if !is_default_ignorable(cp) {
        out.push(b'?');
    }
}

/// Unicode's Default_Ignorable_Code_Point set as ICU's converters test it.
fn is_default_ignorable(c: u32) -> bool {
    matches!(
        c,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// UTF-16LE to UTF-16LE through ICU: lone surrogates become U+FFFD and an odd last byte becomes
/// U+FFFD, merged into one with an unpaired high surrogate just before it.
fn ucs2_to_ucs2(source: &[u8]) -> Vec<u8> {
    let units = le_bytes_to_utf16(source);
    let odd = source.len() % 2 == 1;
    let mut out = Vec::with_capacity(source.len() + 1);
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if is_high_surrogate(u) {
            if let Some(&l) = units.get(i + 1) {
                if is_low_surrogate(l) {
                    out.extend_from_slice(&u.to_le_bytes());
                    out.extend_from_slice(&l.to_le_bytes());
                    i += 2;
                    continue;
                }
            } else if odd {
                // The high surrogate and the odd byte form one truncated sequence.
                out.extend_from_slice(&0xFFFDu16.to_le_bytes());
                return out;
            }
            out.extend_from_slice(&0xFFFDu16.to_le_bytes());
        } else if is_low_surrogate(u) {
            out.extend_from_slice(&0xFFFDu16.to_le_bytes());
        } else {
            out.extend_from_slice(&u.to_le_bytes());
        }
        i += 1;
    }
    if odd {
        out.extend_from_slice(&0xFFFDu16.to_le_bytes());
    }
    out
}
