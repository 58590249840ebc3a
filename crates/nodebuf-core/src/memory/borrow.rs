//! Run-time borrow tracking for store bytes, per byte range, like `RefCell` but finer.
//!
//! Views alias: two Buffers may cover the same bytes. The safe closure accessors
//! (`Buffer::with_bytes`, `Buffer::with_bytes_mut`) hand out real references for the duration of
//! one closure, and that closure may touch other Buffers of the same store. To stay sound the
//! store remembers which ranges are lent out: a shared lend conflicts with an exclusive lend of
//! overlapping bytes, an exclusive lend with any overlapping lend, and the instantaneous raw
//! accessors (get/set/copies) check the same rules before touching memory. Disjoint views of one
//! pool slab never conflict. With nothing lent out (the normal case) a check is one `Cell` read.

use std::cell::{Cell, RefCell};
use std::fmt;

/// Some of the bytes an operation needs are lent out by an enclosing `with_bytes` /
/// `with_bytes_mut` call in a way that forbids this access. Only nested Rust closures can cause
/// this; no JS input can.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BytesInUse;

impl fmt::Display for BytesInUse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the buffer's bytes are borrowed by an enclosing with_bytes/with_bytes_mut call",
        )
    }
}

impl std::error::Error for BytesInUse {}

impl From<BytesInUse> for crate::NodeError {
    /// A plain `Error` without a code: the condition is a Rust-side misuse that Node has no name
    /// for (JS can never trigger it).
    fn from(e: BytesInUse) -> Self {
        crate::NodeError::internal(e.to_string())
    }
}

#[derive(Debug, Clone, Copy)]
struct Lend {
    start: usize,
    end: usize,
    exclusive: bool,
}

impl Lend {
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// The ranges of one store currently lent out as references.
#[derive(Debug, Default)]
pub(crate) struct BorrowTracker {
    active: Cell<usize>,
    lends: RefCell<Vec<Lend>>,
}

impl BorrowTracker {
    /// Whether bytes `start..end` may be read right now (no exclusive lend overlaps).
    pub(crate) fn check_read(&self, start: usize, end: usize) -> Result<(), BytesInUse> {
        self.check(start, end, false)
    }

    /// Whether bytes `start..end` may be written right now (no lend overlaps).
    pub(crate) fn check_write(&self, start: usize, end: usize) -> Result<(), BytesInUse> {
        self.check(start, end, true)
    }

    fn check(&self, start: usize, end: usize, exclusive: bool) -> Result<(), BytesInUse> {
        if self.active.get() == 0 || start >= end {
            return Ok(());
        }
        let lends = self.lends.try_borrow().map_err(|_| BytesInUse)?;
        let conflict = lends
            .iter()
            .any(|l| l.overlaps(start, end) && (exclusive || l.exclusive));
        if conflict {
            Err(BytesInUse)
        } else {
            Ok(())
        }
    }

    /// Lends `start..end` until the returned guard drops. Empty ranges are never recorded.
    pub(crate) fn lend(
        &self,
        start: usize,
        end: usize,
        exclusive: bool,
    ) -> Result<LendGuard<'_>, BytesInUse> {
        self.check(start, end, exclusive)?;
        if start >= end {
            return Ok(LendGuard {
                tracker: self,
                recorded: None,
            });
        }
        self.lends
            .try_borrow_mut()
            .map_err(|_| BytesInUse)?
            .push(Lend {
                start,
                end,
                exclusive,
            });
        self.active.set(self.active.get() + 1);
        Ok(LendGuard {
            tracker: self,
            recorded: Some((start, end, exclusive)),
        })
    }
}

/// Ends a lend when dropped (also on unwind).
pub(crate) struct LendGuard<'a> {
    tracker: &'a BorrowTracker,
    recorded: Option<(usize, usize, bool)>,
}

impl Drop for LendGuard<'_> {
    fn drop(&mut self) {
        let Some((start, end, exclusive)) = self.recorded else {
            return;
        };
        // Lends are scoped by closures, so they normally end in reverse order: search from the
        // back for an identical entry (any identical entry is equivalent to ours).
        if let Ok(mut lends) = self.tracker.lends.try_borrow_mut() {
            if let Some(i) = lends
                .iter()
                .rposition(|l| l.start == start && l.end == end && l.exclusive == exclusive)
            {
                lends.swap_remove(i);
                self.tracker.active.set(lends.len());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_lends_coexist_exclusive_ones_do_not() {
        let t = BorrowTracker::default();
        let a = t.lend(0, 10, false).unwrap();
        let b = t.lend(5, 15, false).unwrap();
        assert_eq!(t.lend(8, 9, true).err(), Some(BytesInUse));
        assert!(t.lend(15, 20, true).is_ok());
        assert!(t.check_read(0, 20).is_ok());
        assert_eq!(t.check_write(14, 15), Err(BytesInUse));
        drop(b);
        assert!(t.check_write(10, 15).is_ok());
        drop(a);
        assert!(t.lend(0, 100, true).is_ok());
    }

    #[test]
    fn exclusive_lend_blocks_reads_of_its_range_only() {
        let t = BorrowTracker::default();
        let _m = t.lend(4, 8, true).unwrap();
        assert_eq!(t.check_read(7, 9), Err(BytesInUse));
        assert!(t.check_read(8, 9).is_ok());
        assert!(t.check_read(0, 4).is_ok());
        // Empty ranges touch nothing.
        assert!(t.check_write(5, 5).is_ok());
        assert!(t.lend(6, 6, true).is_ok());
    }
}
