//! Safe wrappers around the simdutf conversions this module uses. Each wrapper establishes the
//! output-capacity precondition itself, so no caller needs `unsafe`; the `// SAFETY:` comments
//! are all here, next to the checks they rely on.

use simdutf::ErrorCode;

/// Appends the UTF-8 form of latin1 `src` to `out` (at most `2 * src.len()` bytes).
pub fn latin1_to_utf8_append(src: &[u8], out: &mut Vec<u8>) {
    let n = simdutf::utf8_length_from_latin1(src);
    out.reserve(n);
    let old = out.len();
    // SAFETY: `out` has room for `n` more bytes, and `n` is exactly what simdutf writes for
    // latin1 input (every byte maps to 1 or 2 bytes, counted by `utf8_length_from_latin1`).
    // Any byte sequence is valid latin1, so there is no error path.
    unsafe {
        let written =
            simdutf::convert_latin1_to_utf8(src.as_ptr(), src.len(), out.as_mut_ptr().add(old));
        out.set_len(old + written.min(n));
    }
}

/// Converts as many leading bytes of latin1 `src` as are guaranteed to fit
/// (`min(src.len(), dst.len() / 2)`) into `dst`; returns `(bytes read, bytes written)`.
pub fn latin1_to_utf8_within(src: &[u8], dst: &mut [u8]) -> (usize, usize) {
    let take = src.len().min(dst.len() / 2);
    if take == 0 {
        return (0, 0);
    }
    // SAFETY: `dst` holds at least `2 * take` bytes, the worst case for `take` latin1 bytes.
    let written = unsafe { simdutf::convert_latin1_to_utf8(src.as_ptr(), take, dst.as_mut_ptr()) };
    (take, written)
}

/// The UTF-8 form of well-formed UTF-16 `src`, or `None` when `src` holds a lone surrogate.
pub fn valid_utf16_to_utf8(src: &[u16]) -> Option<Vec<u8>> {
    if !simdutf::validate_utf16(src) {
        return None;
    }
    let n = simdutf::utf8_length_from_utf16(src);
    let mut out = Vec::with_capacity(n);
    // SAFETY: `src` was just validated, so simdutf writes exactly `utf8_length_from_utf16(src)`
    // = `n` bytes, which `out` has capacity for.
    unsafe {
        let written =
            simdutf::convert_valid_utf16_to_utf8(src.as_ptr(), src.len(), out.as_mut_ptr());
        out.set_len(written.min(n));
    }
    Some(out)
}

/// Converts UTF-16 `src` into `dst`, which must hold `3 * src.len()` bytes (checked: a shorter
/// `dst` returns `Err(0)`). `Ok(written)` on success; `Err(p)` when `src[p]` starts an ill-formed
/// sequence (a lone surrogate), with `src[..p]` well formed and `dst`'s content unspecified.
pub fn utf16_to_utf8_checked(src: &[u16], dst: &mut [u8]) -> Result<usize, usize> {
    if dst.len() / 3 < src.len() {
        return Err(0);
    }
    // SAFETY: `dst` holds at least 3 bytes per input unit, simdutf's worst case for any input
    // (valid or not); the with-errors variant validates as it goes.
    let r = unsafe {
        simdutf::convert_utf16_to_utf8_with_errors(src.as_ptr(), src.len(), dst.as_mut_ptr())
    };
    if r.error == ErrorCode::Success {
        Ok(r.count)
    } else {
        Err(r.count.min(src.len()))
    }
}

/// Decodes UTF-8 `src` into `out` until the end or the first ill-formed sequence. `Ok(())` when
/// all of `src` was converted; `Err(p)` when `src[p]` starts an ill-formed sequence, in which
/// case `out` holds the conversion of `src[..p]` if simdutf could confirm it, else is unchanged
/// and `Err(0)` is returned.
pub fn utf8_to_utf16_append(src: &[u8], out: &mut Vec<u16>) -> Result<(), usize> {
    out.reserve(src.len());
    let old = out.len();
    // SAFETY: `out` has room for `src.len()` more units; simdutf never produces more UTF-16
    // units than it reads UTF-8 bytes, for any input.
    let r = unsafe {
        simdutf::convert_utf8_to_utf16_with_errors(
            src.as_ptr(),
            src.len(),
            out.as_mut_ptr().add(old),
        )
    };
    if r.error == ErrorCode::Success {
        // SAFETY: simdutf initialised `r.count <= src.len()` units after `old`.
        unsafe { out.set_len(old + r.count.min(src.len())) };
        return Ok(());
    }
    let p = r.count.min(src.len());
    // The prefix before the error is well formed; convert it again to know its output length.
    // SAFETY: as above, with the shorter input `src[..p]`.
    let r2 = unsafe {
        simdutf::convert_utf8_to_utf16_with_errors(src.as_ptr(), p, out.as_mut_ptr().add(old))
    };
    if r2.error == ErrorCode::Success {
        // SAFETY: simdutf initialised `r2.count <= p` units after `old`.
        unsafe { out.set_len(old + r2.count.min(p)) };
        Err(p)
    } else {
        Err(0)
    }
}

/// Converts UTF-8 `src` to latin1 when it is well formed and every code point is below 0x100.
pub fn utf8_to_latin1(src: &[u8]) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(src.len());
    // SAFETY: `out` has room for `src.len()` bytes; simdutf writes at most one latin1 byte per
    // UTF-8 byte read, for any input.
    let r = unsafe {
        simdutf::convert_utf8_to_latin1_with_errors(src.as_ptr(), src.len(), out.as_mut_ptr())
    };
    if r.error != ErrorCode::Success {
        return None;
    }
    // SAFETY: on success simdutf initialised `r.count <= src.len()` bytes.
    unsafe { out.set_len(r.count.min(src.len())) };
    Some(out)
}

fn base64_options(url: bool) -> simdutf::Base64Options {
    if url {
        simdutf::Base64Options::Url
    } else {
        simdutf::Base64Options::Default
    }
}

/// The length of [`base64_encode`]'s output for `len` bytes.
pub fn base64_encoded_length(len: usize, url: bool) -> usize {
    simdutf::base64_length_from_binary(len, base64_options(url))
}

/// Base64-encodes `src` (standard alphabet with padding, or base64url without padding).
pub fn base64_encode(src: &[u8], url: bool) -> Vec<u8> {
    let n = base64_encoded_length(src.len(), url);
    let mut out = Vec::with_capacity(n);
    base64_encode_uninit(src, url, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: the encoder wrote all `n` bytes.
    unsafe { out.set_len(n) };
    out
}

/// [`base64_encode`] into `dst`, which may be uninitialized and must be exactly
/// [`base64_encoded_length`] long: every byte is written.
pub fn base64_encode_uninit(src: &[u8], url: bool, dst: &mut [std::mem::MaybeUninit<u8>]) {
    let options = base64_options(url);
    let n = simdutf::base64_length_from_binary(src.len(), options);
    assert_eq!(dst.len(), n, "base64 output length");
    // SAFETY: `dst` has room for `base64_length_from_binary(len, options)` bytes, exactly what
    // `binary_to_base64` writes with the same options.
    let written = unsafe {
        simdutf::binary_to_base64(src.as_ptr(), src.len(), dst.as_mut_ptr().cast(), options)
    };
    assert_eq!(written, n, "simdutf writes the length it announces");
}

/// Decodes `src` as clean base64 (either alphabet, ASCII whitespace skipped, padding only at the
/// end) into `dst`; `Some(bytes written)` on success, `None` when the input is not clean (junk,
/// a misplaced `=`, a lone final character) or `dst` is too small.
pub fn base64_decode_clean(src: &[u8], dst: &mut [u8]) -> Option<usize> {
    let mut out_len = dst.len();
    // SAFETY: the "safe" simdutf entry point never writes more than `out_len` bytes, and
    // `out_len` is `dst.len()`.
    let r = unsafe {
        simdutf::base64_to_binary_safe(
            src.as_ptr(),
            src.len(),
            dst.as_mut_ptr(),
            &mut out_len,
            simdutf::Base64Options::DefaultOrUrl,
            simdutf::LastChunkHandlingOptions::Loose,
            false,
        )
    };
    (r.error == ErrorCode::Success).then_some(out_len.min(dst.len()))
}

/// [`base64_decode_clean`] into the spare capacity of `out` (which must be empty), writing at
/// most `limit` bytes; returns whether the input was clean (on `false`, `out` stays empty).
pub fn base64_decode_clean_append(src: &[u8], limit: usize, out: &mut Vec<u8>) -> bool {
    out.clear();
    // SAFETY: reading `src.len()` bytes from `src` is in bounds.
    let maximal = unsafe { simdutf::maximal_binary_length_from_base64(src.as_ptr(), src.len()) };
    out.reserve(maximal.max(limit));
    // SAFETY: `out` has capacity for `maximal_binary_length_from_base64(src)` bytes, the most
    // `base64_to_binary` writes for this input, whatever its content.
    let r = unsafe {
        simdutf::base64_to_binary(
            src.as_ptr(),
            src.len(),
            out.as_mut_ptr(),
            simdutf::Base64Options::DefaultOrUrl,
            simdutf::LastChunkHandlingOptions::Loose,
        )
    };
    if r.error != ErrorCode::Success || r.count > limit {
        return false;
    }
    // SAFETY: on success simdutf initialised the first `r.count <= limit <= capacity` bytes.
    unsafe { out.set_len(r.count) };
    true
}

/// [`base64_decode_clean_append`] for a two-byte JS string.
pub fn base64_decode_clean_utf16_append(src: &[u16], limit: usize, out: &mut Vec<u8>) -> bool {
    out.clear();
    out.reserve(limit);
    let mut out_len = limit;
    // SAFETY: as in `base64_decode_clean_append`.
    let r = unsafe {
        simdutf::base64_to_binary_safe_utf16(
            src.as_ptr(),
            src.len(),
            out.as_mut_ptr(),
            &mut out_len,
            simdutf::Base64Options::DefaultOrUrl,
            simdutf::LastChunkHandlingOptions::Loose,
            false,
        )
    };
    if r.error != ErrorCode::Success {
        return false;
    }
    // SAFETY: on success simdutf initialised the first `out_len <= limit` bytes.
    unsafe { out.set_len(out_len.min(limit)) };
    true
}

/// [`base64_decode_clean`] for a two-byte JS string.
pub fn base64_decode_clean_utf16(src: &[u16], dst: &mut [u8]) -> Option<usize> {
    let mut out_len = dst.len();
    // SAFETY: as in `base64_decode_clean`: writes are bounded by `out_len` = `dst.len()`.
    let r = unsafe {
        simdutf::base64_to_binary_safe_utf16(
            src.as_ptr(),
            src.len(),
            dst.as_mut_ptr(),
            &mut out_len,
            simdutf::Base64Options::DefaultOrUrl,
            simdutf::LastChunkHandlingOptions::Loose,
            false,
        )
    };
    (r.error == ErrorCode::Success).then_some(out_len.min(dst.len()))
}

/// Why strict (WHATWG forgiving) base64 decoding failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrictBase64Error {
    /// A character outside the standard alphabet and ASCII whitespace, or bad padding.
    InvalidCharacter,
    /// The digits leave a single character over.
    Remainder,
}

/// Decodes `src` as strict standard base64 (WHATWG forgiving-base64, as `atob`).
pub fn base64_decode_strict(src: super::JsStr<'_>) -> Result<Vec<u8>, StrictBase64Error> {
    // Every 4 characters give at most 3 bytes; a final partial group at most 2.
    let cap = src.len() / 4 * 3 + 3;
    let mut out = vec![0u8; cap];
    let mut out_len = out.len();
    let r = match src {
        // SAFETY: the safe simdutf entry points write at most `out_len` = `out.len()` bytes.
        super::JsStr::Latin1(b) => unsafe {
            simdutf::base64_to_binary_safe(
                b.as_ptr(),
                b.len(),
                out.as_mut_ptr(),
                &mut out_len,
                simdutf::Base64Options::Default,
                simdutf::LastChunkHandlingOptions::Loose,
                false,
            )
        },
        // SAFETY: as above.
        super::JsStr::Utf16(u) => unsafe {
            simdutf::base64_to_binary_safe_utf16(
                u.as_ptr(),
                u.len(),
                out.as_mut_ptr(),
                &mut out_len,
                simdutf::Base64Options::Default,
                simdutf::LastChunkHandlingOptions::Loose,
                false,
            )
        },
    };
    match r.error {
        ErrorCode::Success => {
            out.truncate(out_len);
            Ok(out)
        }
        ErrorCode::Base64InputRemainder => Err(StrictBase64Error::Remainder),
        _ => Err(StrictBase64Error::InvalidCharacter),
    }
}
