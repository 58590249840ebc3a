//! latin1 (alias `binary`): one byte per UTF-16 unit.
//!
//! - decode: each byte is the unit of the same value.
//! - encode / write: the low byte of each unit (`'\u0100'` becomes `00`, `'€'` becomes `ac`).
//! - byteLength: the string's length.

use std::mem::MaybeUninit;

use super::units;
use super::{JsStr, JsString};

/// `buf.toString('latin1')`: each byte becomes one unit.
pub fn decode(bytes: &[u8]) -> JsString {
    JsString::from_latin1(bytes.to_vec())
}

/// `Buffer.from(str, 'latin1')`: the low byte of each unit.
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    match s {
        JsStr::Latin1(b) => b.to_vec(),
        JsStr::Utf16(u) => units::narrow(u),
    }
}

/// `buf.write(str, 'latin1')`: writes the low bytes of the first `min(len, dst.len())` units.
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    let n = s.len().min(dst.len());
    match s {
        JsStr::Latin1(b) => dst[..n].copy_from_slice(&b[..n]),
        JsStr::Utf16(u) => units::narrow_into(&u[..n], &mut dst[..n]),
    }
    n
}

/// [`write`] into memory that may be uninitialized: the low bytes of the first
/// `min(len, dst.len())` units; returns how many were written.
pub fn write_uninit(s: JsStr<'_>, dst: &mut [MaybeUninit<u8>]) -> usize {
    let n = s.len().min(dst.len());
    match s {
        JsStr::Latin1(b) => units::copy_uninit(&b[..n], &mut dst[..n]),
        JsStr::Utf16(u) => units::narrow_uninit(&u[..n], &mut dst[..n]),
    }
    n
}

/// `Buffer.byteLength(str, 'latin1')`: the number of units.
pub fn byte_length(s: JsStr<'_>) -> usize {
    s.len()
}
