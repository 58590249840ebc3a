//! `buf.toString(enc)` written straight into a string the caller allocates: for the encodings
//! whose result's length and width follow from the bytes without decoding them (latin1, ascii,
//! base64, base64url, hex, utf16le), [`shape`] says how long and how wide the string is and
//! [`decode_narrow_uninit`] / [`decode_wide_uninit`] write its units, so the JS side can make
//! the engine string first and decode into it: no intermediate `Vec`, no second copy (at
//! 64 MiB that copy and the fresh pages of the `Vec` cost more than the encoding itself).
//! The units written are exactly those of [`super::decode`].

use std::mem::MaybeUninit;

use super::units::{self, Width};
use super::{ascii, hex, simd, Encoding};

/// The string `decode(enc, bytes)` makes, before it is written: its length in UTF-16 units and
/// whether each unit fits in 8 bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `len` units, each < 0x100 (an 8-bit engine string).
    Narrow(usize),
    /// `len` units, some >= 0x100 (a 16-bit engine string).
    Wide(usize),
}

impl Shape {
    /// The number of UTF-16 units.
    pub fn len(self) -> usize {
        match self {
            Shape::Narrow(n) | Shape::Wide(n) => n,
        }
    }

    /// Whether the string is empty.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

/// The [`Shape`] of `decode(enc, bytes)`, or `None` for utf8 (its length needs a decoding
/// pass; the caller takes [`super::decode`]). utf16le reads the bytes once to find the width.
pub fn shape(enc: Encoding, bytes: &[u8]) -> Option<Shape> {
    Some(match enc {
        Encoding::Utf8 => return None,
        Encoding::Latin1 | Encoding::Ascii => Shape::Narrow(bytes.len()),
        Encoding::Hex => Shape::Narrow(bytes.len() * 2),
        Encoding::Base64 => Shape::Narrow(simd::base64_encoded_length(bytes.len(), false)),
        Encoding::Base64url => Shape::Narrow(simd::base64_encoded_length(bytes.len(), true)),
        Encoding::Utf16le => {
            let even = &bytes[..bytes.len() & !1];
            match units::classify_le_bytes(even) {
                Width::Wide => Shape::Wide(even.len() / 2),
                Width::Ascii | Width::Latin1 => Shape::Narrow(even.len() / 2),
            }
        }
    })
}

/// Writes the units of `decode(enc, bytes)` into `dst`, which may be uninitialized, when
/// [`shape`] gave `Shape::Narrow(dst.len())`: every unit is written.
///
/// # Panics
/// When `enc`'s shape for `bytes` is not `Shape::Narrow(dst.len())` (a caller's bug).
pub fn decode_narrow_uninit(enc: Encoding, bytes: &[u8], dst: &mut [MaybeUninit<u8>]) {
    match enc {
        Encoding::Latin1 => {
            assert_eq!(dst.len(), bytes.len(), "one unit per byte");
            // SAFETY: `dst` has room for `bytes.len()` bytes (checked) and, being a unique
            // borrow, does not overlap `bytes`.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst.as_mut_ptr().cast(), bytes.len())
            };
        }
        Encoding::Ascii => {
            assert_eq!(dst.len(), bytes.len(), "one unit per byte");
            ascii::decode_uninit(bytes, dst);
        }
        Encoding::Hex => hex::decode_uninit(bytes, dst),
        Encoding::Base64 => simd::base64_encode_uninit(bytes, false, dst),
        Encoding::Base64url => simd::base64_encode_uninit(bytes, true, dst),
        Encoding::Utf16le => units::le_bytes_low_halves_uninit(&bytes[..bytes.len() & !1], dst),
        Encoding::Utf8 => panic!("utf8 has no shape"),
    }
}

/// Writes the units of `toString('utf16le')` of `bytes` into `dst`, which may be
/// uninitialized, when [`shape`] gave `Shape::Wide(dst.len())`: every unit is written.
///
/// # Panics
/// When `dst.len()` is not `bytes.len() / 2`.
pub fn decode_wide_uninit(bytes: &[u8], dst: &mut [MaybeUninit<u16>]) {
    units::le_bytes_to_utf16_uninit(&bytes[..bytes.len() & !1], dst);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::{decode, JsStr};

    /// Every shaped encoding writes exactly `decode`'s units, at lengths around the SIMD
    /// kernels' block sizes.
    #[test]
    fn matches_decode() {
        let mut x = 7u32;
        for len in [
            0usize, 1, 2, 3, 31, 32, 33, 63, 64, 65, 95, 96, 97, 1000, 4099,
        ] {
            let mut bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (x >> 24) as u8
                })
                .collect();
            for ascii_only in [false, true] {
                if ascii_only {
                    bytes.iter_mut().for_each(|b| *b &= 0x7F);
                }
                for enc in [
                    Encoding::Latin1,
                    Encoding::Ascii,
                    Encoding::Hex,
                    Encoding::Base64,
                    Encoding::Base64url,
                    Encoding::Utf16le,
                ] {
                    let want = decode(enc, &bytes);
                    let got: Vec<u16> = match shape(enc, &bytes).unwrap() {
                        Shape::Narrow(n) => {
                            let mut v = vec![MaybeUninit::uninit(); n];
                            decode_narrow_uninit(enc, &bytes, &mut v);
                            // SAFETY: every slot was written (the function's contract).
                            v.iter()
                                .map(|u| u16::from(unsafe { u.assume_init() }))
                                .collect()
                        }
                        Shape::Wide(n) => {
                            let mut v = vec![MaybeUninit::uninit(); n];
                            decode_wide_uninit(&bytes, &mut v);
                            // SAFETY: as above.
                            v.iter().map(|u| unsafe { u.assume_init() }).collect()
                        }
                    };
                    let want16: Vec<u16> = match want.as_js_str() {
                        JsStr::Latin1(b) => b.iter().map(|&c| u16::from(c)).collect(),
                        JsStr::Utf16(u) => u.to_vec(),
                    };
                    assert_eq!(got, want16, "{enc:?} of {len} bytes");
                    let wide = matches!(shape(enc, &bytes), Some(Shape::Wide(_)));
                    assert_eq!(
                        wide,
                        matches!(want.as_js_str(), JsStr::Utf16(_)),
                        "{enc:?} width"
                    );
                }
            }
        }
        assert_eq!(shape(Encoding::Utf8, b"abc"), None);
    }
}
