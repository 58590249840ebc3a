//! Substring search by a SIMD scan for two of the needle's bytes at once (its first and, in
//! most needles, its last: the classic "generic SIMD" candidate test), each candidate checked
//! whole.
//!
//! Why: a scan for the needle's first byte alone (`memchr`) stops at every false candidate,
//! and text repeats words (`"quick cat"` has a false `q` every line); `memmem::Finder` picks
//! its pair of rare bytes well but costs hundreds of instructions to build per search, most
//! of a search in a few KiB. A first byte and a last byte `len - 1` apart rarely match
//! together by chance, and memchr's packed-pair prefilter tests both in one pass with no
//! set-up: `indexOf`/`lastIndexOf` of a string in 1 KiB to 64 MiB take 0.4-0.7 of the time
//! they took by `memchr` and `memmem`.
//!
//! The scan gives up after [`BUDGET`] candidates (a haystack where the pair matches almost
//! everywhere), saying where it stopped, so the caller finishes with a searcher whose worst
//! case is linear: the pair scan never costs more than `BUDGET` whole-needle comparisons.

use std::ops::Range;

#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::{avx2, sse2};

/// The most candidates one scan checks before it hands the rest of the haystack back.
pub const BUDGET: usize = 32;

/// A candidate scanner for one needle (2 bytes or more), with the widest vectors this CPU
/// has.
pub struct PairScan {
    #[cfg(target_arch = "x86_64")]
    finder: Finder,
}

#[cfg(target_arch = "x86_64")]
enum Finder {
    Avx2(avx2::packedpair::Finder),
    Sse2(sse2::packedpair::Finder),
}

/// What a bounded scan found.
#[derive(Debug, PartialEq, Eq)]
pub enum Scan {
    /// The search is decided: the match's offset, or none in the haystack.
    Done(Option<usize>),
    /// [`BUDGET`] candidates were checked and the search is not decided: the answer is the
    /// first (forward) or last (reverse) match starting in this range of offsets, if any; no
    /// offset outside it holds the answer. The caller finishes the search there.
    GaveUp(Range<usize>),
}

impl PairScan {
    /// A scanner for `needle`, or `None` where this module does not apply (a needle shorter
    /// than 2 bytes, or a target without these vectors).
    pub fn new(needle: &[u8]) -> Option<PairScan> {
        if needle.len() < 2 {
            return None;
        }
        #[cfg(target_arch = "x86_64")]
        {
            // A pair's offsets are bytes: a needle longer than 256 bytes is scanned by its
            // first 256 (each candidate is still checked whole).
            let last = (needle.len() - 1).min(usize::from(u8::MAX));
            // The first byte and the last one that differs from it (a pair of equal bytes would
            // match every run of that byte) and is not NUL, the most common byte of binary data
            // and of UTF-16 text (`"quick"` as UTF-16 ends in a 0 byte, as every such unit does).
            let differs = |i: &usize| needle[*i] != needle[0];
            let second = (1..=last)
                .rev()
                .find(|i| differs(i) && needle[*i] != 0)
                .or_else(|| (1..=last).rev().find(differs))
                .unwrap_or(last);
            let pair = memchr::arch::all::packedpair::Pair::with_indices(needle, 0, second as u8)?;
            let finder = match avx2::packedpair::Finder::with_pair(needle, pair) {
                Some(f) => Finder::Avx2(f),
                None => Finder::Sse2(sse2::packedpair::Finder::with_pair(needle, pair)?),
            };
            Some(PairScan { finder })
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    }

    /// The first place `needle` (the one this scanner was made for) starts in `hay`.
    pub fn find(&self, hay: &[u8], needle: &[u8]) -> Scan {
        self.find_stepped(hay, needle, 1)
    }

    /// [`find`](Self::find) for a UTF-16 search: only even offsets count.
    pub fn find_units(&self, hay: &[u8], needle: &[u8]) -> Scan {
        self.find_stepped(hay, needle, 2)
    }

    /// The last place `needle` starts in `hay`: blocks scanned forward from the end, so a
    /// match near the end costs a block, not the whole haystack.
    pub fn rfind(&self, hay: &[u8], needle: &[u8]) -> Scan {
        self.rfind_stepped(hay, needle, 1)
    }

    /// [`rfind`](Self::rfind) for a UTF-16 search: only even offsets count.
    pub fn rfind_units(&self, hay: &[u8], needle: &[u8]) -> Scan {
        self.rfind_stepped(hay, needle, 2)
    }

    /// The first match at an offset that is a multiple of `step`. A candidate at another
    /// offset is passed over unchecked, but counts against the budget.
    fn find_stepped(&self, hay: &[u8], needle: &[u8], step: usize) -> Scan {
        let mut pos = 0;
        let mut budget = BUDGET;
        while let Some(found) = self.candidate(&hay[pos..]) {
            let at = match found {
                Candidate::At(i) => pos + i,
                Candidate::ShortTail => return Scan::Done(find_naive(hay, needle, pos, step)),
            };
            if at.is_multiple_of(step) && hay[at..].starts_with(needle) {
                return Scan::Done(Some(at));
            }
            budget -= 1;
            if budget == 0 {
                return Scan::GaveUp(at + 1..hay.len());
            }
            pos = at + 1;
        }
        Scan::Done(None)
    }

    /// The last match at an offset that is a multiple of `step` (see [`Self::find_stepped`]).
    fn rfind_stepped(&self, hay: &[u8], needle: &[u8], step: usize) -> Scan {
        const BLOCK: usize = 1024;
        let mut budget = BUDGET;
        // Matches start before `end`; each block covers the starts `start..end`.
        let Some(mut end) = (hay.len() + 1).checked_sub(needle.len()) else {
            return Scan::Done(None);
        };
        while end > 0 {
            let start = end.saturating_sub(BLOCK);
            let window = &hay[start..end + needle.len() - 1];
            let mut pos = 0;
            let mut last = None;
            while let Some(found) = self.candidate(&window[pos..]) {
                let at = match found {
                    Candidate::At(i) => pos + i,
                    Candidate::ShortTail => {
                        last = rfind_naive(window, needle, pos, start, step).or(last);
                        break;
                    }
                };
                if (start + at).is_multiple_of(step) && window[at..].starts_with(needle) {
                    last = Some(at);
                }
                budget -= 1;
                if budget == 0 {
                    // The candidates of this block not yet seen could still hold the last
                    // match: from the last match found in it, or else from the start.
                    return Scan::GaveUp(last.map_or(0, |at| start + at)..end);
                }
                pos = at + 1;
            }
            if let Some(at) = last {
                return Scan::Done(Some(start + at));
            }
            end = start;
        }
        Scan::Done(None)
    }

    /// The next offset in `hay` where the pair matches, [`Candidate::ShortTail`] when `hay` is
    /// too short for the vector scan (the caller checks what is left one by one), or `None`.
    fn candidate(&self, hay: &[u8]) -> Option<Candidate> {
        #[cfg(target_arch = "x86_64")]
        {
            match &self.finder {
                Finder::Avx2(f) if hay.len() >= f.min_haystack_len() => {
                    f.find_prefilter(hay).map(Candidate::At)
                }
                Finder::Sse2(f) if hay.len() >= f.min_haystack_len() => {
                    f.find_prefilter(hay).map(Candidate::At)
                }
                _ => Some(Candidate::ShortTail),
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = hay;
            unreachable!("PairScan::new returns None on this target")
        }
    }
}

/// One answer of [`PairScan::candidate`].
enum Candidate {
    At(usize),
    ShortTail,
}

/// The first start `>= from`, a multiple of `step`, of `needle` in `hay`, checking every
/// position (only for the short tail a vector scan cannot cover: fewer than a vector and a
/// needle of positions).
fn find_naive(hay: &[u8], needle: &[u8], from: usize, step: usize) -> Option<usize> {
    let last_start = hay.len().checked_sub(needle.len())?;
    (from..=last_start).find(|&i| i.is_multiple_of(step) && hay[i..].starts_with(needle))
}

/// The last start `>= from` of `needle` in `window`, which begins at offset `base` of a
/// haystack whose matches must start at multiples of `step` (see [`find_naive`]).
fn rfind_naive(
    window: &[u8],
    needle: &[u8],
    from: usize,
    base: usize,
    step: usize,
) -> Option<usize> {
    let last_start = window.len().checked_sub(needle.len())?;
    (from..=last_start)
        .rev()
        .find(|&i| (base + i).is_multiple_of(step) && window[i..].starts_with(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use memchr::memmem;

    /// Every needle of a few shapes in haystacks of every length up to a few vectors and around
    /// a block: the answer (or where it gave up) agrees with memmem.
    #[test]
    fn agrees_with_memmem() {
        let texts: [&[u8]; 3] = [
            b"The quick brown fox jumps over the lazy dog. ",
            b"aab",
            b"ab",
        ];
        let needles: [&[u8]; 8] = [
            b"ab",
            b"aab",
            b"ba",
            b"aa",
            b"bb",
            b"quick cat",
            b"lazy dog",
            b"dog. The q",
        ];
        for text in texts {
            for len in (0..140).chain([1000, 1023, 1024, 1025, 1030, 2100, 5000]) {
                let hay: Vec<u8> = (0..len).map(|i| text[i % text.len()]).collect();
                for needle in needles {
                    let Some(scan) = PairScan::new(needle) else {
                        continue;
                    };
                    match scan.find(&hay, needle) {
                        Scan::Done(found) => assert_eq!(found, memmem::find(&hay, needle)),
                        Scan::GaveUp(range) => assert_eq!(
                            memmem::find(
                                &hay[..(range.start + needle.len() - 1).min(hay.len())],
                                needle
                            ),
                            None,
                            "len {len} {needle:?}"
                        ),
                    }
                    match scan.rfind(&hay, needle) {
                        Scan::Done(found) => assert_eq!(found, memmem::rfind(&hay, needle)),
                        Scan::GaveUp(range) => {
                            assert_eq!(memmem::rfind(&hay[range.end..], needle), None);
                            let found = memmem::rfind(&hay, needle);
                            assert!(found.is_none_or(|at| at >= range.start));
                        }
                    }
                }
            }
        }
    }

    /// The UTF-16 scans agree with a plain search for even starts, with matches at odd
    /// offsets all around.
    #[test]
    fn unit_scans_take_even_offsets_only() {
        let even_starts = |hay: &[u8], needle: &[u8]| -> Vec<usize> {
            (0..=hay.len().saturating_sub(needle.len()))
                .step_by(2)
                .filter(|&i| hay[i..].starts_with(needle))
                .collect()
        };
        let plain_first = |hay: &[u8], needle: &[u8]| even_starts(hay, needle).first().copied();
        let plain_last = |hay: &[u8], needle: &[u8]| even_starts(hay, needle).last().copied();
        for len in (0..80).chain([1024, 1025, 1027, 3000, 3001]) {
            // "a\0b\0" shifted by one byte in places: matches at odd and even offsets.
            let hay: Vec<u8> = (0..len)
                .map(|i| [b'a', 0, b'b', 0, 0][(i * 7 / 5) % 5])
                .collect();
            for needle in [&b"a\0"[..], b"\0a", b"a\0b\0", b"\0b\0\0", b"b\0\0a"] {
                let scan = scan_of(needle);
                match scan.find_units(&hay, needle) {
                    Scan::Done(found) => {
                        assert_eq!(found, plain_first(&hay, needle), "{len} {needle:?}")
                    }
                    Scan::GaveUp(range) => {
                        assert!(plain_first(&hay, needle).is_none_or(|at| at >= range.start))
                    }
                }
                match scan.rfind_units(&hay, needle) {
                    Scan::Done(found) => {
                        assert_eq!(found, plain_last(&hay, needle), "{len} {needle:?}")
                    }
                    Scan::GaveUp(range) => {
                        let found = plain_last(&hay, needle);
                        assert!(found.is_none_or(|at| at >= range.start && at < range.end));
                    }
                }
            }
        }
    }

    #[test]
    fn gives_up_where_every_byte_is_a_candidate() {
        // The pair ('a' and a 'b' three bytes on) matches at every even offset; the needle
        // nowhere.
        let hay: Vec<u8> = (0..4000).map(|i| b"ab"[i % 2]).collect();
        let needle = b"aaab";
        let scan = PairScan::new(needle).unwrap();
        assert_eq!(
            scan.find(&hay, needle),
            Scan::GaveUp(2 * (BUDGET - 1) + 1..4000)
        );
        assert!(matches!(
            scan.rfind(&hay, needle),
            Scan::GaveUp(Range { start: 0, .. })
        ));
        // Where every candidate is a match, the reverse scan narrows the range to its block.
        let hay = vec![b'a'; 4000];
        match scan_of(b"aa").rfind(&hay, b"aa") {
            Scan::GaveUp(range) => assert!(range.start > 2900 && range.end == 3999, "{range:?}"),
            other => panic!("{other:?}"),
        }
    }

    fn scan_of(needle: &[u8]) -> PairScan {
        PairScan::new(needle).unwrap()
    }

    #[test]
    fn applies_to_needles_of_2_bytes_and_more() {
        assert!(PairScan::new(b"").is_none());
        assert!(PairScan::new(b"a").is_none());
        #[cfg(target_arch = "x86_64")]
        {
            assert!(PairScan::new(b"ab").is_some());
            // Longer than a pair's offsets reach: scanned by the first 256 bytes, checked whole.
            let mut hay = vec![b'x'; 3000];
            let needle: Vec<u8> = (0..700u32).map(|i| (i * 7 % 251) as u8).collect();
            hay[1234..1934].copy_from_slice(&needle);
            let mut near = needle.clone();
            near[600] ^= 1;
            hay[100..800].copy_from_slice(&near);
            let scan = PairScan::new(&needle).unwrap();
            assert_eq!(scan.find(&hay, &needle), Scan::Done(Some(1234)));
            assert_eq!(scan.rfind(&hay, &needle), Scan::Done(Some(1234)));
            assert_eq!(scan.rfind(&hay[..1933], &needle), Scan::Done(None));
        }
    }
}
