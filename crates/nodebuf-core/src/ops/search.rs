//! Byte and substring search (`indexOf`/`lastIndexOf`/`includes`) through `memchr`'s SIMD
//! searchers and [`PairScan`], plus the UTF-16 variant that only accepts matches on 2-byte
//! unit boundaries.

use memchr::memmem;

use super::pair_scan::{PairScan, Scan};

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
        _ => find_substring(tail, needle),
    }
    .map(|i| i + from)
}

/// Forward substring search of a needle of 2 bytes or more: a [`PairScan`] (the needle's
/// first and last bytes tested together, one vector pass, no set-up), finished by `memmem`
/// (linear in the worst case) if the pair turns out to match too often.
fn find_substring(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match PairScan::new(needle).map(|scan| scan.find(hay, needle)) {
        Some(Scan::Done(found)) => found,
        Some(Scan::GaveUp(range)) => {
            memmem::find(&hay[range.start..], needle).map(|i| i + range.start)
        }
        None => memmem::find(hay, needle),
    }
}

/// Last index `<= upto` where `needle` starts and fits.
pub fn last_index_of(hay: &[u8], needle: &[u8], upto: usize) -> Option<usize> {
    let end = upto.saturating_add(needle.len()).min(hay.len());
    let window = &hay[..end];
    match needle.len() {
        0 => Some(window.len()),
        1 => memchr::memrchr(needle[0], window),
        _ => rfind_substring(window, needle),
    }
}

/// Reverse substring search, [`find_substring`]'s mirror: a [`PairScan`] from the end,
/// finished by [`rfind_blocks`] over what it left.
fn rfind_substring(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match PairScan::new(needle).map(|scan| scan.rfind(hay, needle)) {
        Some(Scan::Done(found)) => found,
        Some(Scan::GaveUp(range)) => {
            let window = &hay[range.start..range.end + needle.len() - 1];
            rfind_blocks(window, needle).map(|i| i + range.start)
        }
        None => rfind_blocks(hay, needle),
    }
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
        if let Some(mut last) = finder.find_iter(window).last() {
            // `find_iter` reports matches that do not overlap, so one overlapping its last
            // (`"abaab"` in `"abaabaab"` at 0 and 3) is still to be found; none starts later
            // than `last + needle.len()`, where `find_iter` went on looking.
            while let Some(i) = finder.find(&window[last + 1..]) {
                last += 1 + i;
            }
            return Some(start + last);
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
    let from = from_unit.checked_mul(2)?;
    let tail = hay.get(from..)?;
    // `from` is even, so even offsets in `tail` are even in `hay`.
    let found = match PairScan::new(needle).map(|scan| scan.find_units(tail, needle)) {
        Some(Scan::Done(found)) => found,
        Some(Scan::GaveUp(range)) => find_even(tail, needle, range.start),
        None => find_even(tail, needle, 0),
    };
    found.map(|at| (from + at) / 2)
}

/// The first match of `needle` at an even offset `>= pos` in `hay`, by `memmem`.
fn find_even(hay: &[u8], needle: &[u8], mut pos: usize) -> Option<usize> {
    let finder = memmem::Finder::new(needle);
    while pos <= hay.len() {
        let found = pos + finder.find(&hay[pos..])?;
        if found.is_multiple_of(2) {
            return Some(found);
        }
        pos = found + 1;
    }
    None
}

/// [`last_index_of`] counting in 2-byte units (see [`index_of_units`]).
pub fn last_index_of_units(hay: &[u8], needle: &[u8], upto_unit: usize) -> Option<usize> {
    let hay = &hay[..hay.len() & !1];
    let end = upto_unit
        .saturating_mul(2)
        .saturating_add(needle.len())
        .min(hay.len());
    let window = &hay[..end];
    match PairScan::new(needle).map(|scan| scan.rfind_units(window, needle)) {
        Some(Scan::Done(found)) => found,
        Some(Scan::GaveUp(range)) => {
            let from = range.start & !1;
            rfind_even(&window[from..range.end + needle.len() - 1], needle).map(|at| from + at)
        }
        None => rfind_even(window, needle),
    }
    .map(|at| at / 2)
}

/// The last match of `needle` at an even offset in `hay`, by `memmem`'s reverse searcher.
fn rfind_even(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let finder = memmem::FinderRev::new(needle);
    let mut end = hay.len();
    loop {
        let found = finder.rfind(&hay[..end])?;
        if found.is_multiple_of(2) {
            return Some(found);
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
        // The forward search agrees with memmem before and after the pair scan gives up.
        let hay: Vec<u8> = (0..5000u32).map(|i| b"aab"[(i % 3) as usize]).collect();
        for needle in [&b"ab"[..], b"aab", b"ba", b"bb", b"abaab"] {
            for from in [0, 1, 7, 4000] {
                assert_eq!(
                    index_of(&hay, needle, from),
                    memmem::find(&hay[from..], needle).map(|i| i + from)
                );
            }
        }
        // The reverse search agrees with memmem's before and after the pair scan gives up, for
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
