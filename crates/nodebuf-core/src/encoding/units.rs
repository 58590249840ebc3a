//! Bulk conversions between one-byte and two-byte code units, written as plain loops the
//! compiler vectorizes, plus the width classification every decoder uses to pick the cheapest
//! [`JsString`](super::JsString) form. The `_uninit` writers fill memory that was never
//! initialized (a new store or `Vec` spare capacity), so their callers skip a zeroing pass.

use std::mem::MaybeUninit;

/// The narrowest string form that can hold a run of UTF-16 units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Every unit < 0x80.
    Ascii,
    /// Every unit < 0x100, some >= 0x80.
    Latin1,
    /// Some unit >= 0x100.
    Wide,
}

/// Block size for the early-exit scans: large enough to vectorize, small enough to stop soon.
const BLOCK: usize = 4096;

/// True when every byte is below 0x80 (SIMD through simdutf).
pub fn is_ascii(bytes: &[u8]) -> bool {
    simdutf::validate_ascii(bytes)
}

/// The narrowest form that holds every unit of `src`.
pub fn classify_utf16(src: &[u16]) -> Width {
    let mut acc = 0u16;
    for block in src.chunks(BLOCK) {
        acc |= block.iter().fold(0u16, |a, &u| a | u);
        if acc >= 0x100 {
            return Width::Wide;
        }
    }
    if acc >= 0x80 {
        Width::Latin1
    } else {
        Width::Ascii
    }
}

/// The low byte of each unit (the caller has checked that nothing is lost, or wants exactly
/// Node's latin1/ascii encoding, which keeps only the low byte).
pub fn narrow(src: &[u16]) -> Vec<u8> {
    src.iter().map(|&u| u as u8).collect()
}

/// Writes the low byte of each unit of `src` into `dst` (lengths are equal), which may be
/// uninitialized.
pub fn narrow_uninit(src: &[u16], dst: &mut [MaybeUninit<u8>]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        d.write(s as u8);
    }
}

/// Copies `src` into `dst` (lengths are equal), which may be uninitialized.
pub fn copy_uninit(src: &[u8], dst: &mut [MaybeUninit<u8>]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        d.write(s);
    }
}

/// Writes the low byte of each unit of `src` into `dst` (lengths are equal).
pub fn narrow_into(src: &[u16], dst: &mut [u8]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = s as u8;
    }
}

/// Each byte as a UTF-16 unit (latin1 to two-byte form).
pub fn widen(src: &[u8]) -> Vec<u16> {
    src.iter().map(|&b| u16::from(b)).collect()
}

/// Each byte as a little-endian UTF-16 unit: `b, 0` (Node's utf16le encoding of a latin1 string).
pub fn widen_to_le_bytes(src: &[u8]) -> Vec<u8> {
    let n = src.len() * 2;
    let mut out = Vec::with_capacity(n);
    widen_to_le_bytes_uninit(src, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: the spare capacity has exactly `2 * src.len()` slots and the writer wrote both
    // slots of each of its `src.len()` pairs, so the first `n` elements are initialised.
    unsafe { out.set_len(n) };
    out
}

/// Writes `b, 0` for each byte of `src` into `dst` (`dst.len() == 2 * src.len()`), which may
/// be uninitialized.
pub fn widen_to_le_bytes_uninit(src: &[u8], dst: &mut [MaybeUninit<u8>]) {
    for (d, &s) in dst.chunks_exact_mut(2).zip(src) {
        d[0].write(s);
        d[1].write(0);
    }
}

/// Writes `b, 0` for each byte of `src` into `dst` (`dst.len() == 2 * src.len()`).
pub fn widen_to_le_bytes_into(src: &[u8], dst: &mut [u8]) {
    for (d, &s) in dst.chunks_exact_mut(2).zip(src) {
        d[0] = s;
        d[1] = 0;
    }
}

/// The units of `src` as little-endian bytes.
pub fn utf16_to_le_bytes(src: &[u16]) -> Vec<u8> {
    let n = src.len() * 2;
    let mut out = Vec::with_capacity(n);
    utf16_to_le_bytes_uninit(src, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: as in `widen_to_le_bytes`: the writer wrote every one of the `n` slots.
    unsafe { out.set_len(n) };
    out
}

/// Writes the units of `src` as little-endian bytes into `dst` (`dst.len() == 2 * src.len()`),
/// which may be uninitialized.
pub fn utf16_to_le_bytes_uninit(src: &[u16], dst: &mut [MaybeUninit<u8>]) {
    for (d, &s) in dst.chunks_exact_mut(2).zip(src) {
        let [lo, hi] = s.to_le_bytes();
        d[0].write(lo);
        d[1].write(hi);
    }
}

/// Writes the units of `src` as little-endian bytes into `dst` (`dst.len() == 2 * src.len()`).
pub fn utf16_to_le_bytes_into(src: &[u16], dst: &mut [u8]) {
    for (d, &s) in dst.chunks_exact_mut(2).zip(src) {
        d.copy_from_slice(&s.to_le_bytes());
    }
}

/// Reads little-endian byte pairs as UTF-16 units (an odd last byte is ignored).
pub fn le_bytes_to_utf16(src: &[u8]) -> Vec<u16> {
    let n = src.len() / 2;
    let mut out = Vec::with_capacity(n);
    le_bytes_to_utf16_uninit(src, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: the writer wrote every one of the `n` slots.
    unsafe { out.set_len(n) };
    out
}

/// Writes the little-endian byte pairs of `src` as UTF-16 units into `dst`
/// (`dst.len() == src.len() / 2`), which may be uninitialized: every slot is written.
pub fn le_bytes_to_utf16_uninit(src: &[u8], dst: &mut [MaybeUninit<u16>]) {
    assert_eq!(dst.len(), src.len() / 2, "one unit per byte pair");
    // On a little-endian machine the pairs are the units' own bytes: one memcpy.
    #[cfg(target_endian = "little")]
    // SAFETY: `dst` has room for `2 * dst.len()` bytes, all of which come from `src` (its
    // first `2 * dst.len()` bytes); a unique borrow cannot overlap `src`; u16 has no invalid
    // bit patterns.
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<u8>(), dst.len() * 2);
    }
    #[cfg(not(target_endian = "little"))]
    for (d, p) in dst.iter_mut().zip(src.chunks_exact(2)) {
        d.write(u16::from_le_bytes([p[0], p[1]]));
    }
}

/// The narrowest form for the little-endian UTF-16 units in `src` (an odd last byte ignored).
pub fn classify_le_bytes(src: &[u8]) -> Width {
    const HIGH: u64 = 0xFF00_FF00_FF00_FF00;
    const BIT7: u64 = 0x0080_0080_0080_0080;
    // Blocks of 128 bytes: a plain OR-fold the compiler vectorizes, and an early exit soon
    // after the first wide unit (random bytes are wide within a few units).
    const STEP: usize = 128;
    let or_words = |bytes: &[u8]| {
        bytes
            .chunks_exact(8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap_or([0; 8])))
            .fold(0u64, |a, w| a | w)
    };
    let mut acc = 0u64;
    let mut blocks = src.chunks_exact(STEP);
    for block in &mut blocks {
        acc |= or_words(block);
        if acc & HIGH != 0 {
            return Width::Wide;
        }
    }
    let rest = blocks.remainder();
    acc |= or_words(rest);
    for p in rest[rest.len() & !7..].chunks_exact(2) {
        acc |= u64::from(u16::from_le_bytes([p[0], p[1]]));
    }
    if acc & HIGH != 0 {
        Width::Wide
    } else if acc & BIT7 != 0 {
        Width::Latin1
    } else {
        Width::Ascii
    }
}

/// The low bytes of the little-endian units in `src` (every high byte is known to be zero).
pub fn le_bytes_low_halves(src: &[u8]) -> Vec<u8> {
    src.chunks_exact(2).map(|p| p[0]).collect()
}

/// Writes the low byte of each little-endian pair of `src` into `dst`
/// (`dst.len() == src.len() / 2`), which may be uninitialized: every slot is written.
pub fn le_bytes_low_halves_uninit(src: &[u8], dst: &mut [MaybeUninit<u8>]) {
    assert_eq!(dst.len(), src.len() / 2, "one unit per byte pair");
    for (d, p) in dst.iter_mut().zip(src.chunks_exact(2)) {
        d.write(p[0]);
    }
}

/// True when `unit` is a UTF-16 high (leading) surrogate.
pub fn is_high_surrogate(unit: u16) -> bool {
    (0xD800..0xDC00).contains(&unit)
}

/// True when `unit` is a UTF-16 low (trailing) surrogate.
pub fn is_low_surrogate(unit: u16) -> bool {
    (0xDC00..0xE000).contains(&unit)
}

#[cfg(test)]
mod classify_tests {
    use super::*;

    /// The width by definition: the largest unit decides.
    fn reference(src: &[u8]) -> Width {
        let max = src
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .max()
            .unwrap_or(0);
        match max {
            0..=0x7F => Width::Ascii,
            0x80..=0xFF => Width::Latin1,
            _ => Width::Wide,
        }
    }

    /// One marked byte at every position of buffers around the block and word sizes.
    #[test]
    fn classify_le_bytes_matches_the_largest_unit() {
        for len in [0usize, 1, 2, 7, 8, 9, 254, 255, 256, 257, 262, 520, 1031] {
            assert_eq!(
                classify_le_bytes(&vec![0x41; len]),
                reference(&vec![0x41; len])
            );
            for at in 0..len {
                for mark in [0x80u8, 0x01, 0xFF] {
                    let mut src = vec![0x41u8; len];
                    src[at] = mark;
                    assert_eq!(
                        classify_le_bytes(&src),
                        reference(&src),
                        "len {len} at {at}"
                    );
                }
            }
        }
    }
}
