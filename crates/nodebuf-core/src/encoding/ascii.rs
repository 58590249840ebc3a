//! ascii: decodes with the top bit cleared; encodes exactly like latin1.
//!
//! - decode: each byte `b` becomes the unit `b & 0x7f` (`ff` reads as `'\x7f'`).
//! - encode / write: the low byte of each unit, as latin1 (`'é'` stays `e9`).
//! - byteLength: the string's length.

use std::mem::MaybeUninit;

use super::latin1;
use super::{JsStr, JsString};

/// `buf.toString('ascii')`: each byte with its top bit cleared (always pure ASCII).
pub fn decode(bytes: &[u8]) -> JsString {
    if super::units::is_ascii(bytes) {
        return JsString::Ascii(bytes.to_vec());
    }
    JsString::Ascii(bytes.iter().map(|&b| b & 0x7F).collect())
}

/// [`decode`]'s units (one per byte, top bit cleared) written into memory that may be
/// uninitialized, such as a new engine string (`dst.len() == bytes.len()`).
pub fn decode_uninit(bytes: &[u8], dst: &mut [MaybeUninit<u8>]) {
    for (d, &b) in dst.iter_mut().zip(bytes) {
        d.write(b & 0x7F);
    }
}

/// `Buffer.from(str, 'ascii')`: the low byte of each unit (identical to latin1).
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    latin1::encode(s)
}

/// `buf.write(str, 'ascii')`: identical to latin1.
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    latin1::write(s, dst)
}

/// [`write`] into memory that may be uninitialized: identical to latin1.
pub fn write_uninit(s: JsStr<'_>, dst: &mut [MaybeUninit<u8>]) -> usize {
    latin1::write_uninit(s, dst)
}

/// `Buffer.byteLength(str, 'ascii')`: the number of units.
pub fn byte_length(s: JsStr<'_>) -> usize {
    s.len()
}
