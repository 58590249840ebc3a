//! In-place byte-order swaps (`swap16/32/64`) on whole units; trailing bytes that do not fill
//! a unit are left alone (the API rejects such lengths first).
//!
//! The loops are written so LLVM vectorizes them; on x86-64 the same loops are also compiled
//! with AVX2 enabled (byte shuffles need SSSE3+, which the baseline target lacks) and picked at
//! run time when the CPU has it.

macro_rules! dispatch {
    ($name:ident, $portable:ident, $avx2:ident) => {
        #[doc = concat!("Reverses the bytes of every unit (see the module documentation); `", stringify!($name), "`.")]
        pub fn $name(buf: &mut [u8]) {
            #[cfg(target_arch = "x86_64")]
            {
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the function only differs from the portable one by being compiled
                    // with AVX2, and the CPU was just checked to support AVX2.
                    unsafe { $avx2(buf) };
                    return;
                }
            }
            $portable(buf);
        }

        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        fn $avx2(buf: &mut [u8]) {
            $portable(buf);
        }
    };
}

dispatch!(swap16, swap16_portable, swap16_avx2);
dispatch!(swap32, swap32_portable, swap32_avx2);
dispatch!(swap64, swap64_portable, swap64_avx2);

#[inline(always)]
fn swap16_portable(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(2) {
        let v = u16::from_ne_bytes([c[0], c[1]]).swap_bytes();
        c.copy_from_slice(&v.to_ne_bytes());
    }
}

#[inline(always)]
fn swap32_portable(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(4) {
        let v = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]).swap_bytes();
        c.copy_from_slice(&v.to_ne_bytes());
    }
}

#[inline(always)]
fn swap64_portable(buf: &mut [u8]) {
    for c in buf.chunks_exact_mut(8) {
        let v = u64::from_ne_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]).swap_bytes();
        c.copy_from_slice(&v.to_ne_bytes());
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

    #[test]
    fn dispatched_and_portable_agree() {
        let src: Vec<u8> = (0..1031u32).map(|i| (i * 7 + 3) as u8).collect();
        for (fast, slow) in [
            (swap16 as fn(&mut [u8]), swap16_portable as fn(&mut [u8])),
            (swap32, swap32_portable),
            (swap64, swap64_portable),
        ] {
            let mut a = src.clone();
            let mut b = src.clone();
            fast(&mut a);
            slow(&mut b);
            assert_eq!(a, b);
        }
    }
}
