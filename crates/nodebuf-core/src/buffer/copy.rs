//! Copies between Buffers: `buf.copy`, `Buffer.concat`, `Buffer.from(buffer)`, and detaching a
//! view into a store of its own.

use std::borrow::Borrow;

use super::Buffer;
use crate::memory::max_length;
use crate::memory::retention::Site;
use crate::ops::copy::copy_count;
use crate::NodeError;

impl Buffer {
    /// `Buffer.from(buffer)` / `Buffer.from(typedArray)`: a copy of this view's bytes, pooled by
    /// the `allocUnsafe` rule.
    #[track_caller]
    pub fn copy_of(source: &Buffer) -> Result<Buffer, NodeError> {
        let len = source.len;
        source
            .store
            .borrows
            .check_read(source.offset, source.offset + len)?;
        let src = source.as_ptr();
        // SAFETY: the closure writes all `len` bytes. No reference covers the source (checked
        // above; only this call runs until the copy is done). A view of a whole handed-out slab
        // may overlap the destination, so copy as memmove.
        unsafe {
            Buffer::alloc_written(len, Site::caller(), false, |dst| {
                std::ptr::copy(src, dst, len)
            })
        }
    }

    /// `source.copy(target, targetStart, sourceStart, sourceEnd)` on whole numbers (callers pass
    /// `0`, `0`, `source.len()` for omitted arguments): copies
    /// `min(sourceEnd, len) - sourceStart` bytes, shortened to fit the target, and returns the
    /// count. `sourceStart > source.len()` throws Node's `ERR_OUT_OF_RANGE`; a `targetStart` at or
    /// past the target's end, or `sourceStart >= sourceEnd`, copies nothing. Overlapping ranges
    /// (views of one store) copy as if through a temporary, like `memmove`.
    pub fn copy_to(
        &self,
        target: &Buffer,
        target_start: usize,
        source_start: usize,
        source_end: usize,
    ) -> Result<usize, NodeError> {
        if source_start > self.len {
            return Err(NodeError::integer_out_of_range(
                "sourceStart",
                &format!(">= 0 && <= {}", self.len),
                source_start as i128,
            ));
        }
        let n = copy_count(self.len, target.len, target_start, source_start, source_end);
        if n == 0 {
            return Ok(0);
        }
        let from = self.offset + source_start;
        let to = target.offset + target_start;
        self.store.borrows.check_read(from, from + n)?;
        target.store.borrows.check_write(to, to + n)?;
        // SAFETY: both ranges are inside their views (n was clamped to both), no lend forbids the
        // read or the write (checked), nothing runs in between, and `copy` allows overlap.
        unsafe { std::ptr::copy(self.store.ptr().add(from), target.store.ptr().add(to), n) };
        Ok(n)
    }

    /// `Buffer.concat(list, totalLength)`: the views' bytes one after another in a new Buffer
    /// (pooled by the `allocUnsafe` rule) of `total_length` bytes (default: the sum of lengths),
    /// truncating the last views when shorter and zero-padding when longer. An empty list gives
    /// an empty Buffer in a store of its own, as in Node.
    #[track_caller]
    pub fn concat<B: Borrow<Buffer>>(
        list: &[B],
        total_length: Option<usize>,
    ) -> Result<Buffer, NodeError> {
        let site = Site::caller();
        if list.is_empty() {
            return Buffer::unpooled_zeroed(0, site);
        }
        let length = match total_length {
            Some(n) if n > max_length() => {
                return Err(NodeError::integer_out_of_range(
                    "length",
                    &format!(">= 0 && <= {}", max_length()),
                    n as i128,
                ))
            }
            Some(n) => n,
            None => list
                .iter()
                .fold(0usize, |sum, b| sum.saturating_add(b.borrow().len)),
        };
        // Check every piece we will read before allocating, so a refusal leaves the pool as is.
        let mut remaining = length;
        for b in list {
            let b = b.borrow();
            let n = b.len.min(remaining);
            b.store.borrows.check_read(b.offset, b.offset + n)?;
            remaining -= n;
        }
        // SAFETY: the closure writes bytes 0..pos from the pieces and pos..length with zeros: all
        // `length` bytes. No reference covers a piece (checked above, nothing else runs
        // meanwhile). A view of a whole handed-out slab may overlap the destination, so each
        // piece is copied as memmove, in order, as Node's successive `set` calls do.
        unsafe {
            Buffer::alloc_written(length, site, false, |dst| {
                let mut pos = 0usize;
                for b in list {
                    let b = b.borrow();
                    let n = b.len.min(length - pos);
                    std::ptr::copy(b.as_ptr(), dst.add(pos), n);
                    pos += n;
                    if pos == length {
                        break;
                    }
                }
                dst.add(pos).write_bytes(0, length - pos);
            })
        }
    }

    /// A copy of this view in a store of its own, never pooled: the way to stop a small view from
    /// keeping a large parent store (or a pool slab) alive. Nodebuf's addition; in Node one would
    /// write `Buffer.allocUnsafeSlow(v.length)` plus a copy.
    #[track_caller]
    pub fn to_own_store(&self) -> Result<Buffer, NodeError> {
        let len = self.len;
        self.store
            .borrows
            .check_read(self.offset, self.offset + len)?;
        let src = self.as_ptr();
        // SAFETY: the closure writes all `len` bytes of the fresh allocation from the view, which
        // no exclusive lend covers (checked) and which cannot overlap a fresh allocation.
        unsafe {
            Buffer::unpooled_written(len, Site::caller(), |dst| {
                std::ptr::copy_nonoverlapping(src, dst, len)
            })
        }
    }
}
