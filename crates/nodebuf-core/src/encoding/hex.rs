//! hex: two lower-case hex digits per byte.
//!
//! - decode (`toString('hex')`): lower-case digits.
//! - encode / write: digit pairs until the first pair that is not two hex digits (either case);
//!   an odd last digit is dropped. A two-byte string unit is read by its low byte, as Node does
//!   (`'\u0161\u0162'` decodes like `'ab'`).
//! - byteLength: `length >>> 1`, whatever the content.
//!
//! simdutf has no hex, so the bulk loops are hand-written for AVX2 (chosen at run time), with
//! portable scalar code for other machines and for the tails.

use std::mem::MaybeUninit;

use super::{JsStr, JsString};

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `buf.toString('hex')`: two lower-case digits per byte (always ASCII).
pub fn decode(bytes: &[u8]) -> JsString {
    let n = bytes.len() * 2;
    let mut out = Vec::with_capacity(n);
    decode_uninit(bytes, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: `decode_uninit` wrote all `n` digits.
    unsafe { out.set_len(n) };
    JsString::Ascii(out)
}

/// [`decode`] into `dst` (exactly `2 * bytes.len()` long), which may be uninitialized: every
/// byte is written.
pub fn decode_uninit(bytes: &[u8], dst: &mut [MaybeUninit<u8>]) {
    assert_eq!(dst.len(), bytes.len() * 2, "two digits per byte");
    #[allow(unused_mut)]
    let mut done = 0;
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available (checked just above).
        done = unsafe { avx2::encode_digits(bytes, dst) };
    }
    for (d, &b) in dst[done * 2..].chunks_exact_mut(2).zip(&bytes[done..]) {
        d[0].write(DIGITS[usize::from(b >> 4)]);
        d[1].write(DIGITS[usize::from(b & 0x0F)]);
    }
}

/// The value of a hex digit, or 0xFF.
static NIBBLES: [u8; 256] = {
    let mut t = [0xFFu8; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = 10 + i as u8;
        t[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    t
};

/// `Buffer.from(str, 'hex')`: the bytes of the leading valid digit pairs.
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    let mut out = vec![0u8; s.len() / 2];
    let n = write(s, &mut out);
    out.truncate(n);
    out
}

/// `buf.write(str, 'hex')`: decodes leading valid digit pairs into `dst` until the string, the
/// valid pairs or `dst` run out; returns the bytes written.
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    let pairs = (s.len() / 2).min(dst.len());
    let dst = &mut dst[..pairs];
    match s {
        JsStr::Latin1(b) => {
            let src = &b[..pairs * 2];
            let done = simd_pairs_latin1(src, dst);
            done + decode_pairs_scalar(src[done * 2..].iter().copied(), &mut dst[done..])
        }
        JsStr::Utf16(u) => {
            let src = &u[..pairs * 2];
            let done = simd_pairs_utf16(src, dst);
            done + decode_pairs_scalar(src[done * 2..].iter().map(|&c| c as u8), &mut dst[done..])
        }
    }
}

/// Decodes whole valid 64-digit blocks with AVX2 when the CPU has it; returns bytes written.
fn simd_pairs_latin1(src: &[u8], dst: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available (checked just above).
        return unsafe { avx2::decode_pairs_latin1(src, dst) };
    }
    let _ = (src, dst);
    0
}

/// [`simd_pairs_latin1`] for two-byte strings.
fn simd_pairs_utf16(src: &[u16], dst: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available (checked just above).
        return unsafe { avx2::decode_pairs_utf16(src, dst) };
    }
    let _ = (src, dst);
    0
}

/// Decodes digit pairs (low bytes) into `dst` until a pair is invalid or `dst` is full.
fn decode_pairs_scalar(mut src: impl Iterator<Item = u8>, dst: &mut [u8]) -> usize {
    for (o, d) in dst.iter_mut().enumerate() {
        let (Some(h), Some(l)) = (src.next(), src.next()) else {
            return o;
        };
        let (h, l) = (NIBBLES[usize::from(h)], NIBBLES[usize::from(l)]);
        if (h | l) > 0x0F {
            return o;
        }
        *d = (h << 4) | l;
    }
    dst.len()
}

/// `Buffer.byteLength(str, 'hex')`: `length >>> 1`.
pub fn byte_length(s: JsStr<'_>) -> usize {
    s.len() >> 1
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    //! AVX2 kernels: 32 bytes to 64 digits, and 64 digits to 32 bytes per step. Each kernel
    //! handles whole blocks only and reports how far it got; the scalar code finishes.
    use std::arch::x86_64::*;
    use std::mem::MaybeUninit;

    /// Writes the hex digits of the whole 32-byte blocks of `src` to the start of `dst`;
    /// returns how many bytes of `src` it encoded (0 when `dst` is too short for them).
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn encode_digits(src: &[u8], dst: &mut [MaybeUninit<u8>]) -> usize {
        let blocks = src.len() / 32;
        if dst.len() < blocks * 64 {
            return 0;
        }
        let lut = _mm256_setr_epi8(
            48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102, 48, 49, 50, 51, 52,
            53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102,
        );
        let low4 = _mm256_set1_epi8(0x0F);
        let dst = dst.as_mut_ptr().cast::<u8>();
        for i in 0..blocks {
            // SAFETY: block `i` lies within `src` (i < src.len() / 32) and the 64 output bytes
            // within `dst` (its length is checked above).
            let v = _mm256_loadu_si256(src.as_ptr().add(i * 32) as *const __m256i);
            let hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low4);
            let lo = _mm256_and_si256(v, low4);
            let hd = _mm256_shuffle_epi8(lut, hi);
            let ld = _mm256_shuffle_epi8(lut, lo);
            // unpack works within 128-bit lanes; the permutes restore byte order.
            let a = _mm256_unpacklo_epi8(hd, ld);
            let b = _mm256_unpackhi_epi8(hd, ld);
            let first = _mm256_permute2x128_si256(a, b, 0x20);
            let second = _mm256_permute2x128_si256(a, b, 0x31);
            _mm256_storeu_si256(dst.add(i * 64) as *mut __m256i, first);
            _mm256_storeu_si256(dst.add(i * 64 + 32) as *mut __m256i, second);
        }
        blocks * 32
    }

    /// Nibble values of 32 digits, and a mask of which bytes were valid digits.
    #[target_feature(enable = "avx2")]
    unsafe fn nibbles(c: __m256i) -> (__m256i, i32) {
        let d = _mm256_sub_epi8(c, _mm256_set1_epi8(b'0' as i8));
        let is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8(9)), d);
        let l = _mm256_sub_epi8(
            _mm256_or_si256(c, _mm256_set1_epi8(0x20)),
            _mm256_set1_epi8(b'a' as i8),
        );
        let is_letter = _mm256_cmpeq_epi8(_mm256_min_epu8(l, _mm256_set1_epi8(5)), l);
        let letter = _mm256_add_epi8(l, _mm256_set1_epi8(10));
        let value = _mm256_or_si256(
            _mm256_and_si256(d, is_digit),
            _mm256_and_si256(letter, is_letter),
        );
        let valid = _mm256_movemask_epi8(_mm256_or_si256(is_digit, is_letter));
        (value, valid)
    }

    /// Combines 64 nibbles (two vectors of `h, l` pairs) into 32 bytes.
    #[target_feature(enable = "avx2")]
    unsafe fn combine(a: __m256i, b: __m256i) -> __m256i {
        let weights = _mm256_set1_epi16(0x0110);
        let wa = _mm256_maddubs_epi16(a, weights);
        let wb = _mm256_maddubs_epi16(b, weights);
        _mm256_permute4x64_epi64(_mm256_packus_epi16(wa, wb), 0xD8)
    }

    /// Decodes whole 64-digit blocks of `src` into `dst` while every digit is valid; returns the
    /// bytes written (a multiple of 32; the block holding an invalid digit is left to the caller).
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn decode_pairs_latin1(src: &[u8], dst: &mut [u8]) -> usize {
        let blocks = (src.len() / 64).min(dst.len() / 32);
        for i in 0..blocks {
            // SAFETY: block `i` covers src[64i..64i+64] and dst[32i..32i+32], both in bounds.
            let p = src.as_ptr().add(i * 64);
            let (a, va) = nibbles(_mm256_loadu_si256(p as *const __m256i));
            let (b, vb) = nibbles(_mm256_loadu_si256(p.add(32) as *const __m256i));
            if (va & vb) != -1 {
                return i * 32;
            }
            _mm256_storeu_si256(dst.as_mut_ptr().add(i * 32) as *mut __m256i, combine(a, b));
        }
        blocks * 32
    }

    /// Low bytes of 32 UTF-16 units as one byte vector.
    #[target_feature(enable = "avx2")]
    unsafe fn low_bytes(p: *const u16) -> __m256i {
        let mask = _mm256_set1_epi16(0x00FF);
        let x = _mm256_and_si256(_mm256_loadu_si256(p as *const __m256i), mask);
        let y = _mm256_and_si256(_mm256_loadu_si256(p.add(16) as *const __m256i), mask);
        _mm256_permute4x64_epi64(_mm256_packus_epi16(x, y), 0xD8)
    }

    /// [`decode_pairs_latin1`] for two-byte strings (each unit read by its low byte).
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    pub unsafe fn decode_pairs_utf16(src: &[u16], dst: &mut [u8]) -> usize {
        let blocks = (src.len() / 64).min(dst.len() / 32);
        for i in 0..blocks {
            // SAFETY: block `i` covers src[64i..64i+64] and dst[32i..32i+32], both in bounds.
            let p = src.as_ptr().add(i * 64);
            let (a, va) = nibbles(low_bytes(p));
            let (b, vb) = nibbles(low_bytes(p.add(32)));
            if (va & vb) != -1 {
                return i * 32;
            }
            _mm256_storeu_si256(dst.as_mut_ptr().add(i * 32) as *mut __m256i, combine(a, b));
        }
        blocks * 32
    }
}
