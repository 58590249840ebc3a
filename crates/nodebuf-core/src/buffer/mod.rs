//! `Buffer`: a view (store, byte offset, length) over a backing store, as Node's `Buffer` is a
//! `Uint8Array` over an `ArrayBuffer`.
//!
//! Views alias: every Buffer over the same bytes sees every write. The bytes are never behind a
//! long-lived `&mut`; Rust code reaches them by
//! - copying: [`Buffer::get`], [`Buffer::set`], [`Buffer::read_into`], [`Buffer::write_from`],
//!   [`Buffer::to_vec`];
//! - borrowing for one closure: [`Buffer::with_bytes`] / [`Buffer::with_bytes_mut`] give a
//!   `&[u8]` / `&mut [u8]` of the view, checked at run time against overlapping borrows of the
//!   same store (disjoint views of one pool slab may be borrowed mutably at the same time);
//! - the unchecked accessors [`Buffer::bytes_unchecked`] / [`Buffer::bytes_mut_unchecked`] for
//!   core code that runs no user code while the slice lives.
//!
//! Every Buffer counts as a view of its store in the retention report, under the source location
//! where it was made (`#[track_caller]`) or a label set with [`Buffer::set_site`].

mod alloc;
mod copy;
mod methods;
mod writer;

pub use writer::ByteWriter;

use std::ops::Range;
use std::rc::Rc;

use crate::memory::borrow::BytesInUse;
use crate::memory::retention::{Site, OTHER_SLOT};
use crate::memory::store::{ArrayBuffer, StoreInner};
use crate::number::relative_index;
use crate::NodeError;

/// A Node `Buffer`: `length` bytes at `byteOffset` of a store. Cheap to clone (a clone is another
/// view of the same bytes, counted under the original's site). One thread only (`!Send`,
/// `!Sync`), like the store.
pub struct Buffer {
    store: Rc<StoreInner>,
    offset: usize,
    len: usize,
    slot: u8,
}

impl Buffer {
    /// A view of `store` bytes `offset..offset + len` (in bounds), counted at `site`.
    #[inline]
    pub(crate) fn from_parts(
        store: Rc<StoreInner>,
        offset: usize,
        len: usize,
        site: Site,
    ) -> Buffer {
        debug_assert!(offset
            .checked_add(len)
            .is_some_and(|end| end <= store.len()));
        let slot = store.record().add_view(len, site);
        Buffer {
            store,
            offset,
            len,
            slot,
        }
    }

    /// `buf.length`.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether `buf.length` is 0.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// `buf.byteOffset`: where the view starts in its store.
    pub fn byte_offset(&self) -> usize {
        self.offset
    }

    /// `buf.buffer`: a handle to the whole store (for a pooled Buffer, the shared slab).
    pub fn buffer(&self) -> ArrayBuffer {
        ArrayBuffer::from_inner(Rc::clone(&self.store))
    }

    /// An engine owner for this view's whole store (`buf.buffer` as the engine sees it); see
    /// `memory::store::EngineSource`.
    pub fn engine_source(&self) -> crate::memory::store::EngineSource {
        self.buffer().engine_source()
    }

    /// The id of the store (as [`ArrayBuffer::id`]), without making a handle.
    pub fn store_id(&self) -> u64 {
        self.store.record().id()
    }

    /// The size of the store (`buf.buffer.byteLength`) without making a handle.
    pub fn store_len(&self) -> usize {
        self.store.len()
    }

    /// Whether both views are over the same store (`a.buffer === b.buffer`).
    pub fn shares_store_with(&self, other: &Buffer) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }

    /// The first byte of the view (see the aliasing contract in `memory::store`).
    pub fn as_ptr(&self) -> *mut u8 {
        // SAFETY: offset <= store length, so the result stays inside (or one past) the allocation.
        unsafe { self.store.ptr().add(self.offset) }
    }

    /// Where the view was made, if the store counts its site separately (see
    /// `memory::retention::SITE_SLOTS`).
    pub fn site(&self) -> Option<Site> {
        self.store.record().slot_site(self.slot)
    }

    /// Counts this view under `site` from now on (e.g. a JS layer naming its call site).
    pub fn set_site(&mut self, site: Site) {
        let record = self.store.record();
        record.remove_view(self.len, self.slot);
        self.slot = record.add_view(self.len, site);
    }

    /// `buf.subarray(start, end)` and `buf.slice(start, end)`: a view of the same bytes. Negative
    /// indices count from the end; both are clamped to `0..=len`; `end` defaults to `len`; an
    /// `end` before `start` gives an empty view at `start`. (Callers convert JS values to integers
    /// first, as `Math.trunc` / `ToIntegerOrInfinity` do, saturating infinities.)
    #[track_caller]
    pub fn subarray(&self, start: i64, end: Option<i64>) -> Buffer {
        let start = relative_index(start, self.len);
        let end = end.map_or(self.len, |e| relative_index(e, self.len));
        let len = end.saturating_sub(start);
        Buffer::from_parts(
            Rc::clone(&self.store),
            self.offset + start,
            len,
            Site::caller(),
        )
    }

    /// A view of `len` bytes at `offset` of `array_buffer`, checked as
    /// `Buffer.from(arrayBuffer, byteOffset, length)` checks whole numbers.
    #[track_caller]
    pub fn view(
        array_buffer: &ArrayBuffer,
        offset: usize,
        len: usize,
    ) -> Result<Buffer, NodeError> {
        let total = array_buffer.byte_length();
        if offset > total {
            return Err(NodeError::out_of_buffer_bounds(Some("offset")));
        }
        if len > total - offset {
            return Err(NodeError::out_of_buffer_bounds(Some("length")));
        }
        Ok(Buffer::from_parts(
            Rc::clone(&array_buffer.inner),
            offset,
            len,
            Site::caller(),
        ))
    }

    /// `Buffer.from(arrayBuffer, byteOffset, length)` with Node's exact rules for JS numbers
    /// (after `+value` coercion; `None` is `undefined`): NaN offset is 0, an offset past the end
    /// throws `"offset" is outside of buffer bounds`, a length above what remains throws
    /// `"length" ...`, a length <= 0 or NaN is 0, fractions are truncated, and a negative offset
    /// that passes those checks fails as the typed-array constructor does.
    #[track_caller]
    pub fn from_array_buffer(
        array_buffer: &ArrayBuffer,
        byte_offset: Option<f64>,
        length: Option<f64>,
    ) -> Result<Buffer, NodeError> {
        let range = array_buffer_range(array_buffer.byte_length(), byte_offset, || Ok(length))?;
        Ok(Buffer::from_parts(
            Rc::clone(&array_buffer.inner),
            range.start,
            range.len(),
            Site::caller(),
        ))
    }

    fn range(&self) -> (usize, usize) {
        (self.offset, self.offset + self.len)
    }

    /// `buf[i]`: the byte at `i`, `Ok(None)` past the end.
    pub fn get(&self, i: usize) -> Result<Option<u8>, BytesInUse> {
        if i >= self.len {
            return Ok(None);
        }
        let at = self.offset + i;
        self.store.borrows.check_read(at, at + 1)?;
        // SAFETY: `at` is inside the allocation and initialized; no exclusive lend covers it
        // (checked) and nothing runs between the check and the read.
        Ok(Some(unsafe { self.store.ptr().add(at).read() }))
    }

    /// `buf[i] = v`: returns `Ok(false)` past the end (JS ignores such writes).
    pub fn set(&self, i: usize, v: u8) -> Result<bool, BytesInUse> {
        if i >= self.len {
            return Ok(false);
        }
        let at = self.offset + i;
        self.store.borrows.check_write(at, at + 1)?;
        // SAFETY: `at` is inside the allocation; no lend covers it (checked); nothing runs between
        // the check and the write.
        unsafe { self.store.ptr().add(at).write(v) };
        Ok(true)
    }

    /// Copies the first `min(len, dst.len())` bytes of the view into `dst`; returns that count.
    pub fn read_into(&self, dst: &mut [u8]) -> Result<usize, BytesInUse> {
        let n = self.len.min(dst.len());
        self.store
            .borrows
            .check_read(self.offset, self.offset + n)?;
        // SAFETY: `n` bytes from `as_ptr()` are in the view; no exclusive lend covers them
        // (checked). `dst` is a `&mut` the caller owns, so it cannot be one of our lent slices
        // covering these bytes (that would be an exclusive lend, which the check excludes) — but
        // it may be a lent slice of other bytes of the store; `copy` tolerates any overlap.
        unsafe { std::ptr::copy(self.as_ptr(), dst.as_mut_ptr(), n) };
        Ok(n)
    }

    /// Copies `min(len, src.len())` bytes of `src` to the start of the view; returns that count.
    pub fn write_from(&self, src: &[u8]) -> Result<usize, BytesInUse> {
        let n = self.len.min(src.len());
        self.store
            .borrows
            .check_write(self.offset, self.offset + n)?;
        // SAFETY: the `n` target bytes are in the view and no lend covers them (checked), so no
        // reference to them exists; `src` may be a lent slice of other bytes; `copy` handles
        // overlap.
        unsafe { std::ptr::copy(src.as_ptr(), self.as_ptr(), n) };
        Ok(n)
    }

    /// The view's bytes as a new `Vec`.
    pub fn to_vec(&self) -> Result<Vec<u8>, BytesInUse> {
        let mut out = vec![0u8; self.len];
        self.read_into(&mut out)?;
        Ok(out)
    }

    /// Runs `f` on the view's bytes as a `&[u8]`. Fails with [`BytesInUse`] if an enclosing
    /// `with_bytes_mut` has lent overlapping bytes. While `f` runs, overlapping bytes cannot be
    /// written through any Buffer (those calls fail instead).
    pub fn with_bytes<R>(&self, f: impl FnOnce(&[u8]) -> R) -> Result<R, BytesInUse> {
        let (start, end) = self.range();
        let _lend = self.store.borrows.lend(start, end, false)?;
        // SAFETY: the range is in the allocation and initialized. The lend makes every other
        // Rust access to overlapping bytes fail until it ends, so no `&mut` to them exists or can
        // be made while the slice lives; the slice cannot outlive `f`.
        let bytes = unsafe { std::slice::from_raw_parts(self.as_ptr(), self.len) };
        Ok(f(bytes))
    }

    /// Runs `f` on the view's bytes as a `&mut [u8]`. Fails with [`BytesInUse`] if an enclosing
    /// `with_bytes` / `with_bytes_mut` has lent overlapping bytes; while `f` runs, every other
    /// access to overlapping bytes through a Buffer fails.
    pub fn with_bytes_mut<R>(&self, f: impl FnOnce(&mut [u8]) -> R) -> Result<R, BytesInUse> {
        let (start, end) = self.range();
        let _lend = self.store.borrows.lend(start, end, true)?;
        // SAFETY: as in `with_bytes`, and the exclusive lend excludes every other reference to
        // these bytes (shared or exclusive) for the life of the slice.
        let bytes = unsafe { std::slice::from_raw_parts_mut(self.as_ptr(), self.len) };
        Ok(f(bytes))
    }

    /// The view's bytes as a slice, without run-time borrow tracking.
    ///
    /// # Safety
    /// While the returned slice lives, nothing may write these bytes (for a view of a whole pool
    /// slab that includes later pooled allocations, which write the slab's free tail): no `&mut` to them from
    /// [`bytes_mut_unchecked`](Self::bytes_mut_unchecked) or [`with_bytes_mut`](Self::with_bytes_mut),
    /// no writes through other Buffers, and no JS code (which writes through the raw pointer).
    /// Core code meets this by using the slice within one call that runs no user code.
    pub unsafe fn bytes_unchecked(&self) -> &[u8] {
        // SAFETY: in bounds and initialized; exclusivity is the caller's obligation.
        unsafe { std::slice::from_raw_parts(self.as_ptr(), self.len) }
    }

    /// The view's bytes as a mutable slice, without run-time borrow tracking.
    ///
    /// # Safety
    /// While the returned slice lives, no other reference to any of these bytes may exist or be
    /// used: none from another view (of any Buffer over the same store), none from the tracked
    /// accessors, and no JS code may run. Core code meets this by using the slice within one call
    /// that runs no user code and takes no other slice of the same store.
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn bytes_mut_unchecked(&self) -> &mut [u8] {
        // SAFETY: in bounds and initialized; exclusivity is the caller's obligation.
        unsafe { std::slice::from_raw_parts_mut(self.as_ptr(), self.len) }
    }
}

/// The bytes `Buffer.from(arrayBuffer, byteOffset, length)` views in an ArrayBuffer of `total`
/// bytes, by Node's rules for JS numbers (after `+value`; `None` is `undefined`): a NaN offset is
/// 0, an offset past the end throws `"offset" is outside of buffer bounds`; `length` (converted
/// only after that check, as Node does) defaults to the rest, a length above the rest throws
/// `"length" ...`, a length <= 0 or NaN is 0; fractions are truncated, and a negative offset that
/// passes those checks fails as the typed-array constructor does (`Start offset -1.5 ...`).
pub(crate) fn array_buffer_range(
    total: usize,
    byte_offset: Option<f64>,
    length: impl FnOnce() -> Result<Option<f64>, NodeError>,
) -> Result<Range<usize>, NodeError> {
    let offset = match byte_offset {
        Some(o) if !o.is_nan() => o,
        _ => 0.0,
    };
    let max_length = total as f64 - offset;
    if max_length < 0.0 || max_length.is_nan() {
        return Err(NodeError::out_of_buffer_bounds(Some("offset")));
    }
    let length = match length()? {
        None => max_length,
        Some(l) if l > 0.0 => {
            if l > max_length {
                return Err(NodeError::out_of_buffer_bounds(Some("length")));
            }
            l
        }
        Some(_) => 0.0,
    };
    // The typed-array constructor: ToIndex(offset), ToIndex(length).
    let offset_index = offset.trunc();
    if offset_index < 0.0 {
        return Err(NodeError::typed_array_start_offset(
            &crate::number::to_string(offset),
        ));
    }
    let offset_index = offset_index as usize;
    let length_index = length.trunc() as usize;
    if offset_index > total || length_index > total - offset_index {
        // Unreachable after the checks above (trunc only shrinks); kept so no input can make
        // an out-of-bounds view.
        return Err(NodeError::out_of_buffer_bounds(Some("length")));
    }
    Ok(offset_index..offset_index + length_index)
}

impl Clone for Buffer {
    /// Another view of the same bytes, counted under this view's site.
    fn clone(&self) -> Self {
        self.store.record().add_view_in_slot(self.len, self.slot);
        Buffer {
            store: Rc::clone(&self.store),
            offset: self.offset,
            len: self.len,
            slot: self.slot,
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        self.store.record().remove_view(self.len, self.slot);
    }
}

impl std::fmt::Debug for Buffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Buffer {{ store: {}, byteOffset: {}, length: {} }}",
            self.store_id(),
            self.offset,
            self.len
        )
    }
}

const _: () = assert!(OTHER_SLOT as usize == crate::memory::retention::SITE_SLOTS);

#[cfg(test)]
mod tests;
