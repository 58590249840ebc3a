//! Copying bytes between buffers (`buf.copy`, `Buffer.concat`): `memmove` semantics.

/// How many bytes `buf.copy` moves once its positions are valid integers (Node's
/// `_copyActual`): the source range `source_start..min(source_end, source_len)`, cut to the room
/// after `target_start`; 0 when `target_start` is at or past the target's end or the source
/// range is empty.
pub fn copy_count(
    source_len: usize,
    target_len: usize,
    target_start: usize,
    source_start: usize,
    source_end: usize,
) -> usize {
    if target_start >= target_len || source_start >= source_end {
        return 0;
    }
    source_end
        .min(source_len)
        .saturating_sub(source_start)
        .min(target_len - target_start)
}

/// Copies `src` into the front of `dst` (as many bytes as fit) and returns the count.
pub fn copy_into(src: &[u8], dst: &mut [u8]) -> usize {
    let n = src.len().min(dst.len());
    dst[..n].copy_from_slice(&src[..n]);
    n
}

/// Copies `count` bytes inside one buffer from `from` to `to` (the ranges may overlap), clamped
/// to what fits; returns the count copied.
pub fn copy_within(buf: &mut [u8], from: usize, to: usize, count: usize) -> usize {
    let len = buf.len();
    if from >= len || to >= len {
        return 0;
    }
    let n = count.min(len - from).min(len - to);
    buf.copy_within(from..from + n, to);
    n
}
