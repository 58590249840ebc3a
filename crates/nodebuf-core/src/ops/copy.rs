//! Copying bytes between buffers (`buf.copy`, `Buffer.concat`): `memmove` semantics.

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
