//! Fixed- and variable-width integer and float access at a byte offset, little- or big-endian.
//! Callers check bounds first; these return `None` rather than panic when the range does not fit.

/// Byte order of a numeric access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endian {
    /// Least significant byte first (`LE` methods).
    Little,
    /// Most significant byte first (`BE` methods).
    Big,
}

/// Reads `width` (1..=8) bytes at `offset` as an unsigned integer.
pub fn read_uint(buf: &[u8], offset: usize, width: usize, endian: Endian) -> Option<u64> {
    let bytes = buf.get(offset..offset.checked_add(width)?)?;
    if width == 0 || width > 8 {
        return None;
    }
    let mut v: u64 = 0;
    match endian {
        Endian::Little => {
            for &b in bytes.iter().rev() {
                v = (v << 8) | u64::from(b);
            }
        }
        Endian::Big => {
            for &b in bytes {
                v = (v << 8) | u64::from(b);
            }
        }
    }
    Some(v)
}

/// Reads `width` (1..=8) bytes at `offset` as a two's-complement signed integer.
pub fn read_int(buf: &[u8], offset: usize, width: usize, endian: Endian) -> Option<i64> {
    let v = read_uint(buf, offset, width, endian)?;
    let shift = 64 - 8 * width as u32;
    Some(((v << shift) as i64) >> shift)
}

/// Writes the low `width` (1..=8) bytes of `value` at `offset`; returns `offset + width`.
pub fn write_uint(
    buf: &mut [u8],
    offset: usize,
    width: usize,
    endian: Endian,
    value: u64,
) -> Option<usize> {
    let end = offset.checked_add(width)?;
    let bytes = buf.get_mut(offset..end)?;
    let le = value.to_le_bytes();
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = match endian {
            Endian::Little => le[i],
            Endian::Big => le[width - 1 - i],
        };
    }
    Some(end)
}

/// Reads a 4-byte IEEE float at `offset`, widened to f64.
pub fn read_f32(buf: &[u8], offset: usize, endian: Endian) -> Option<f64> {
    let bits = read_uint(buf, offset, 4, endian)? as u32;
    Some(f64::from(f32::from_bits(bits)))
}

/// Reads an 8-byte IEEE double at `offset`.
pub fn read_f64(buf: &[u8], offset: usize, endian: Endian) -> Option<f64> {
    Some(f64::from_bits(read_uint(buf, offset, 8, endian)?))
}

/// Writes `value` rounded to f32 at `offset`; returns `offset + 4`.
pub fn write_f32(buf: &mut [u8], offset: usize, endian: Endian, value: f64) -> Option<usize> {
    write_uint(buf, offset, 4, endian, u64::from((value as f32).to_bits()))
}

/// Writes `value` at `offset`; returns `offset + 8`.
pub fn write_f64(buf: &mut [u8], offset: usize, endian: Endian, value: f64) -> Option<usize> {
    write_uint(buf, offset, 8, endian, value.to_bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut b = [0u8; 8];
        assert_eq!(write_uint(&mut b, 1, 3, Endian::Big, 0x010203), Some(4));
        assert_eq!(b[..4], [0, 1, 2, 3]);
        assert_eq!(read_uint(&b, 1, 3, Endian::Big), Some(0x010203));
        assert_eq!(read_uint(&b, 1, 3, Endian::Little), Some(0x030201));
        write_uint(&mut b, 0, 2, Endian::Little, 0xfffe);
        assert_eq!(read_int(&b, 0, 2, Endian::Little), Some(-2));
        assert_eq!(read_uint(&b, 7, 2, Endian::Little), None);
        assert_eq!(write_uint(&mut b, usize::MAX, 2, Endian::Little, 0), None);
    }
}
