//! Node's seven `Buffer` encodings, both directions, with every Node v20 quirk: one module per
//! encoding, the names ([`Encoding`]), the JS string shapes ([`JsStr`], [`JsString`]), and the
//! `require('buffer')` helpers `isUtf8`, `isAscii`, `atob`, `btoa` and `transcode`.
//!
//! Directions, named from the bytes' point of view:
//! - [`decode`]: bytes to a JS string (`buf.toString(enc)`; the caller clamps the range, see
//!   [`to_string_range`]).
//! - [`encode`]: a JS string to new bytes (`Buffer.from(str, enc)`).
//! - [`write()`]: a JS string into existing bytes with Node's truncation rules (`buf.write`).
//! - [`byte_length`]: `Buffer.byteLength(str, enc)`.

pub mod ascii;
pub mod base64;
mod base64_small_target;
pub mod decode_into;
pub mod hex;
mod js_string;
pub mod latin1;
mod names;
mod simd;
pub mod string_decoder;
pub mod transcode;
pub mod units;
pub mod utf16le;
pub mod utf8;
mod validate;
pub mod web;

pub use js_string::{JsStr, JsString};
pub use names::{is_encoding, Encoding};
pub use transcode::transcode;
pub use validate::{is_ascii, is_utf8};
pub use web::{atob, btoa};

use base64::Alphabet;

/// `buf.toString(enc)` on the bytes of the chosen range: the decoded JS string in canonical
/// form (see [`JsString`]).
pub fn decode(enc: Encoding, bytes: &[u8]) -> JsString {
    match enc {
        Encoding::Utf8 => utf8::decode(bytes),
        Encoding::Utf16le => utf16le::decode(bytes),
        Encoding::Latin1 => latin1::decode(bytes),
        Encoding::Ascii => ascii::decode(bytes),
        Encoding::Base64 => base64::decode(bytes, Alphabet::Standard),
        Encoding::Base64url => base64::decode(bytes, Alphabet::Url),
        Encoding::Hex => hex::decode(bytes),
    }
}

/// `Buffer.from(str, enc)`: the bytes of `s` in `enc`.
pub fn encode(enc: Encoding, s: JsStr<'_>) -> Vec<u8> {
    match enc {
        Encoding::Utf8 => utf8::encode(s),
        Encoding::Utf16le => utf16le::encode(s),
        Encoding::Latin1 => latin1::encode(s),
        Encoding::Ascii => ascii::encode(s),
        Encoding::Base64 | Encoding::Base64url => base64::encode(s),
        Encoding::Hex => hex::encode(s),
    }
}

/// `buf.write(str, offset, length, enc)` on the target range `dst`: writes what Node writes
/// (utf8: whole characters only; utf16le: whole units, possibly half a surrogate pair;
/// latin1/ascii: one byte per unit; base64/hex: the decoded prefix that fits) and returns the
/// number of bytes written. Bytes of `dst` past that count are left unchanged.
pub fn write(enc: Encoding, s: JsStr<'_>, dst: &mut [u8]) -> usize {
    match enc {
        Encoding::Utf8 => utf8::write(s, dst),
        Encoding::Utf16le => utf16le::write(s, dst),
        Encoding::Latin1 => latin1::write(s, dst),
        Encoding::Ascii => ascii::write(s, dst),
        Encoding::Base64 => base64::write(s, dst, Alphabet::Standard),
        Encoding::Base64url => base64::write(s, dst, Alphabet::Url),
        Encoding::Hex => hex::write(s, dst),
    }
}

/// An encoder writing a string's bytes into memory that may be uninitialized; returns how many
/// it wrote, from the start (every one of them initialized).
pub type UninitWriter = fn(JsStr<'_>, &mut [std::mem::MaybeUninit<u8>]) -> usize;

/// The [`write`] of `enc` for memory that may be uninitialized, when `enc`'s bytes are a fixed
/// transform of each unit (latin1, ascii, utf16le: every byte of `byteLength` is written, so a
/// new store for them needs no zeroing pass); `None` for the other encodings.
pub fn uninit_writer(enc: Encoding) -> Option<UninitWriter> {
    match enc {
        Encoding::Utf16le => Some(utf16le::write_uninit),
        Encoding::Latin1 => Some(latin1::write_uninit),
        Encoding::Ascii => Some(ascii::write_uninit),
        _ => None,
    }
}

/// `Buffer.byteLength(str, enc)` (exact for utf8/utf16le/latin1/ascii, Node's estimates for
/// base64/base64url and hex). For an unknown encoding Node uses utf8 here rather than throwing.
pub fn byte_length(enc: Encoding, s: JsStr<'_>) -> usize {
    match enc {
        Encoding::Utf8 => utf8::byte_length(s),
        Encoding::Utf16le => utf16le::byte_length(s),
        Encoding::Latin1 => latin1::byte_length(s),
        Encoding::Ascii => ascii::byte_length(s),
        Encoding::Base64 | Encoding::Base64url => base64::byte_length(s),
        Encoding::Hex => hex::byte_length(s),
    }
}

/// The byte range `buf.toString(enc, start, end)` decodes, given `start` and `end` already
/// converted to numbers (`None` for `undefined`): Node's rules are `start <= 0` (or NaN) -> 0,
/// `start >= len` -> empty, `end` missing or `> len` -> len, `end <= start` -> empty;
/// fractions are truncated. Returns `None` for the empty string.
pub fn to_string_range(
    len: usize,
    start: Option<f64>,
    end: Option<f64>,
) -> Option<std::ops::Range<usize>> {
    let lenf = len as f64;
    let start = match start {
        None => 0.0,
        Some(s) if s.is_nan() || s <= 0.0 => 0.0,
        Some(s) if s >= lenf => return None,
        Some(s) => s.trunc(),
    };
    let end = match end {
        None => lenf,
        Some(e) if e > lenf => lenf,
        Some(e) if e.is_nan() => 0.0,
        Some(e) => e.trunc(),
    };
    if end <= start {
        return None;
    }
    Some(start as usize..end as usize)
}
