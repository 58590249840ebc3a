//! Byte and substring search (`indexOf`/`lastIndexOf`/`includes`) through `memchr`'s SIMD
//! searchers, plus the UTF-16 variant that only accepts matches on 2-byte unit boundaries.

use memchr::memmem;

/// First index `>= from` where `byte` occurs.
pub fn index_of_byte(hay: &[u8], byte: u8, from: usize) -> Option<usize> {
    let tail = hay.get(from..)?;
    memchr::memchr(byte, tail).map(|i| i + from)
}

/// Last index `<= upto` where `byte` occurs.
pub fn last_index_of_byte(hay: &[u8], byte: u8, upto: usize) -> Option<usize> {
    let end = upto.saturating_add(1).min(hay.len());
    memchr::memrchr(byte, &hay[..end])
}

/// First index `>= from` where `needle` starts (an empty needle matches at `from` if
/// `from <= hay.len()`).
pub fn index_of(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let tail = hay.get(from..)?;
    match needle.len() {
        0 => Some(0),
        1 => memchr::memchr(needle[0], tail),
        _ => find_adaptive(tail, needle),
    }
    .map(|i| i + from)
}

/// Forward substring search: `memchr` on the needle's first byte while that byte is rare in
/// the haystack (the fastest scan there is), switching to `memmem`'s two-byte prefilter after
/// a few false candidates.
fn find_adaptive(hay: &[u8], needle: &[u8]) -> Option<usize> {
    const MAX_MISSES: usize = 16;
    let mut pos = 0;
    for _ in 0..MAX_MISSES {
        let at = pos + memchr::memchr(needle[0], &hay[pos..])?;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        pos = at + 1;
    }
    memmem::find(&hay[pos..], needle).map(|i| i + pos)
}

/// Last index `<= upto` where `needle` starts and fits.
pub fn last_index_of(hay: &[u8], needle: &[u8], upto: usize) -> Option<usize> {
    let end = upto.saturating_add(needle.len()).min(hay.len());
    let window = &hay[..end];
    match needle.len() {
        0 => Some(window.len()),
        1 => memchr::memrchr(needle[0], window),
        _ => rfind_adaptive(window, needle),
    }
}

/// Reverse substring search, [`find_adaptive`]'s mirror: `memrchr` on the needle's first byte
/// while that byte is rare, then [`rfind_blocks`] over what is left after a few false
/// candidates.
fn rfind_adaptive(hay: &[u8], needle: &[u8]) -> Option<usize> {
    const MAX_MISSES: usize = 16;
    // Matches can start only before `end`.
    let mut end = (hay.len() + 1).checked_sub(needle.len())?;
    for _ in 0..MAX_MISSES {
        let at = memchr::memrchr(needle[0], &hay[..end])?;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        end = at;
    }
    rfind_blocks(&hay[..end + needle.len() - 1], needle)
}

/// Last occurrence of `needle` in `hay`, scanning blocks from the end with the SIMD forward
/// searcher (memchr's reverse searcher has no SIMD prefilter and is several times slower:
/// ~5,500 instructions to miss in 1 KiB, against ~1,000).
fn rfind_blocks(hay: &[u8], needle: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64 * 1024;
    if needle.len() > hay.len() {
        return None;
    }
    let finder = memmem::Finder::new(needle);
    let mut end = hay.len();
    loop {
        // Blocks overlap by `needle.len() - 1` bytes so no match straddles unseen.
        let start = end.saturating_sub(BLOCK + needle.len() - 1);
        let window = &hay[start..end];
        if let Some(i) = finder.find_iter(window).last() {
            return Some(start + i);
        }
        if start == 0 {
            return None;
        }
        end = start + needle.len() - 1;
    }
}

/// [`index_of`] counting in 2-byte units: `hay` is read as whole units (an odd last byte is
/// ignored), matches must start on an even byte, `from_unit` is a unit index; returns a unit
/// index.
pub fn index_of_units(hay: &[u8], needle: &[u8], from_unit: usize) -> Option<usize> {
    let hay = &hay[..hay.len() & !1];
    let finder = memmem::Finder::new(needle);
    let mut pos = from_unit.checked_mul(2)?;
    while pos <= hay.len() {
        let found = pos + finder.find(&hay[pos..])?;
        if found % 2 == 0 {
            return Some(found / 2);
        }
        pos = found + 1;
    }
    None
}

/// [`last_index_of`] counting in 2-byte units (see [`index_of_units`]).
pub fn last_index_of_units(hay: &[u8], needle: &[u8], upto_unit: usize) -> Option<usize> {
    let hay = &hay[..hay.len() & !1];
    let finder = memmem::FinderRev::new(needle);
    let mut end = upto_unit
        .saturating_mul(2)
        .saturating_add(needle.len())
        .min(hay.len());
    loop {
        let found = finder.rfind(&hay[..end])?;
        if found % 2 == 0 {
            return Some(found / 2);
        }
        // An odd start: look again in the window ending one byte before this match's end.
        end = found + needle.len() - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_skip_odd_matches() {
        let hay = [0x61, 0x62, 0x00, 0x62, 0x00];
        assert_eq!(index_of(&hay, &[0x62, 0x00], 0), Some(1));
        assert_eq!(index_of_units(&hay, &[0x62, 0x00], 0), None);
        let hay = [0x61, 0x00, 0x62, 0x00, 0x62, 0x00];
        assert_eq!(index_of_units(&hay, &[0x62, 0x00], 0), Some(1));
        assert_eq!(last_index_of_units(&hay, &[0x62, 0x00], 5), Some(2));
        assert_eq!(last_index_of_units(&hay, &[0x62, 0x00], 0), None);
        assert_eq!(last_index_of(b"abcabc", b"bc", 3), Some(1));
        assert_eq!(last_index_of_byte(b"abcabc", b'b', 100), Some(4));
        assert_eq!(index_of(b"abc", b"", 3), Some(3));
        assert_eq!(index_of(b"abc", b"", 4), None);
        // Block-wise reverse search agrees with the plain one across block seams.
        let mut big = vec![b'x'; 200_000];
        for at in [0, 65_535, 65_536, 131_070, 199_997] {
            big[at..at + 3].copy_from_slice(b"abc");
            assert_eq!(rfind_blocks(&big, b"abc"), memmem::rfind(&big, b"abc"));
            assert_eq!(last_index_of(&big, b"abc", at), Some(at));
        }
        assert_eq!(rfind_blocks(&big, b"abd"), None);
        // The adaptive forward search agrees with memmem before and after it switches.
        let hay: Vec<u8> = (0..5000u32).map(|i| b"aab"[(i % 3) as usize]).collect();
        for needle in [&b"ab"[..], b"aab", b"ba", b"bb", b"abaab"] {
            for from in [0, 1, 7, 4000] {
                assert_eq!(
                    index_of(&hay, needle, from),
                    memmem::find(&hay[from..], needle).map(|i| i + from)
                );
            }
        }
        // The adaptive reverse search agrees with memmem's before and after it switches, for
        // small and block-sized windows, needles as long as the window, and none at all.
        for len in [0usize, 1, 2, 5, 17, 100, 5000, 70_000] {
            let hay: Vec<u8> = (0..len).map(|i| b"aab"[i % 3]).collect();
            for needle in [&b""[..], b"ab", b"aab", b"ba", b"bb", b"abaab", b"baa"] {
                for upto in [0, 1, 4, len / 2, len.saturating_sub(2), len + 5] {
                    let end = upto.saturating_add(needle.len()).min(hay.len());
                    assert_eq!(
                        last_index_of(&hay, needle, upto),
                        memmem::rfind(&hay[..end], needle),
                        "len {len} needle {needle:?} upto {upto}"
                    );
                }
            }
        }
        assert_eq!(last_index_of(b"abc", b"abc", 0), Some(0));
        assert_eq!(last_index_of(b"ab", b"abc", 0), None);
        assert_eq!(last_index_of(b"abc", b"", 1), Some(1));
        assert_eq!(last_index_of(b"abc", b"", 9), Some(3));
    }
}
