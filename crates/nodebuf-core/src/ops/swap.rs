//! In-place byte-order swaps (`swap16/32/64`) on whole units; trailing bytes that do not fill
//! a unit are left alone (the API rejects such lengths first).

/// Reverses the bytes of every 2-byte unit.
pub fn swap16(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(2) {
        let v = u16::from_ne_bytes([c[0], c[1]]).swap_bytes();
        c.copy_from_slice(&v.to_ne_bytes());
    }
}

/// Reverses the bytes of every 4-byte unit.
pub fn swap32(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(4) {
        let v = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]).swap_bytes();
        c.copy_from_slice(&v.to_ne_bytes());
    }
}

/// Reverses the bytes of every 8-byte unit.
pub fn swap64(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(8) {
        let lo = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]).swap_bytes();
        let hi = u32::from_ne_bytes([c[4], c[5], c[6], c[7]]).swap_bytes();
        c[..4].copy_from_slice(&hi.to_ne_bytes());
        c[4..].copy_from_slice(&lo.to_ne_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_reverse_units() {
        let mut b = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        swap16(&mut b);
        assert_eq!(b, [2, 1, 4, 3, 6, 5, 8, 7, 9]);
        let mut b = [1, 2, 3, 4, 5, 6, 7, 8];
        swap32(&mut b);
        assert_eq!(b, [4, 3, 2, 1, 8, 7, 6, 5]);
        let mut b = [1, 2, 3, 4, 5, 6, 7, 8];
        swap64(&mut b);
        assert_eq!(b, [8, 7, 6, 5, 4, 3, 2, 1]);
    }
}
