//! `SharedArrayBuffer`: one zero-filled allocation shared by handles on any number of threads.
//!
//! Mirrors JS's SharedArrayBuffer: fixed length, zero-initialised, never detached, and the same
//! bytes seen by every agent (thread / JS runtime) that holds it. The allocation is freed when the
//! last handle drops — a handle held by Rust, by a typed array, or by a JS object that wraps it.
//!
//! All access to the bytes goes through atomics (see [`crate::memory::region`]): the bytes are
//! shared across real OS threads, so plain reads and writes would be data races.
//!
//! # Handing a store to QuickJS
//!
//! The JS layer exposes a store with rquickjs's `ArrayBuffer::from_source_shared(ctx, source)`,
//! where `source` is a newtype around a *clone* of this handle implementing `ArrayBufferSource`
//! with `as_ptr()` = [`SharedArrayBuffer::as_ptr`] and `len()` = [`SharedArrayBuffer::byte_length`].
//! That is sound because the pointer never changes while any handle lives, the clone keeps the
//! allocation (and its accounting charge) alive until QuickJS drops the source when the JS object
//! is collected, and JS-side accesses are the engine's own (atomic for `Atomics.*`, racy-by-spec
//! otherwise, as in every engine). Do not also install a `sab_free` callback through
//! `JS_SetSharedArrayBufferFunctions`: QuickJS would call it instead of dropping the source.

use std::fmt;
use std::ptr::NonNull;
use std::sync::Arc;

use crate::error::NodeError;
use crate::memory::accounting::{Charge, ChargeKind};
use crate::memory::raw::{RawBytes, STORE_ALIGN};
use crate::memory::region::{self, ByteRegion};
use crate::memory::retention::{Registration, Site, StoreKind, StoreRecord};
use crate::number::relative_index;

/// The alignment of every SharedArrayBuffer allocation (16, as for every store and as V8's are).
pub const SHARED_ALIGN: usize = STORE_ALIGN;

/// The largest byte length JS accepts (`2**53 - 1`, the limit of `ToIndex`); larger requests
/// fail with `Invalid array buffer length` as in V8.
pub const MAX_BYTE_LENGTH: usize = (1 << 53) - 1;

/// A handle to a shared, fixed-length, zero-initialised byte store (JS's `SharedArrayBuffer`).
///
/// Cloning makes another handle to the same bytes. The handle is `Send + Sync`: send clones to
/// other threads to share the memory; all access is atomic.
pub struct SharedArrayBuffer {
    inner: Arc<Allocation>,
}

/// The allocation behind every handle of one store (the same zeroed `RawBytes` an ArrayBuffer
/// store has), with its accounting charge and its retention record (which counts the handles).
struct Allocation {
    /// First, so the store leaves the report before its bytes are freed (fields drop in order).
    registration: Registration,
    raw: RawBytes,
    _charge: Charge,
}

impl Allocation {
    fn record(&self) -> &StoreRecord {
        self.registration.record()
    }
}

impl Clone for SharedArrayBuffer {
    /// Another handle to the same bytes (counted in the retention report).
    fn clone(&self) -> Self {
        self.inner.record().add_shared_handle();
        SharedArrayBuffer {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl Drop for SharedArrayBuffer {
    fn drop(&mut self) {
        self.inner.record().remove_shared_handle();
    }
}

// SAFETY: the allocation is plain heap or mapped memory owned by this value, which any thread
// may free; every access to its bytes goes through atomics (region.rs), so sharing and sending
// it across threads cannot race. The record's counters that handles touch from any thread are
// changed with atomic read-modify-writes only (`add_shared_handle`/`remove_shared_handle`).
unsafe impl Send for Allocation {}
// SAFETY: as above.
unsafe impl Sync for Allocation {}

impl SharedArrayBuffer {
    /// Allocates `byte_length` zero bytes (`new SharedArrayBuffer(byteLength)`).
    ///
    /// Errors like V8: RangeError `Invalid array buffer length` past [`MAX_BYTE_LENGTH`],
    /// RangeError `Array buffer allocation failed` when the memory is not available.
    #[track_caller]
    pub fn new(byte_length: usize) -> Result<Self, NodeError> {
        if byte_length > MAX_BYTE_LENGTH {
            return Err(NodeError::invalid_array_buffer_length());
        }
        let raw = RawBytes::zeroed(byte_length)
            .map_err(|_| NodeError::array_buffer_allocation_failed())?;
        let registration = Registration::new(byte_length, StoreKind::Shared, Site::caller());
        registration.record().add_shared_handle();
        Ok(SharedArrayBuffer {
            inner: Arc::new(Allocation {
                registration,
                raw,
                _charge: Charge::new(ChargeKind::ArrayBuffer, byte_length),
            }),
        })
    }

    /// A new store holding a copy of `bytes`.
    #[track_caller]
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NodeError> {
        let store = Self::new(bytes.len())?;
        store.write_from(0, bytes)?;
        Ok(store)
    }

    /// The length in bytes (`sab.byteLength`).
    pub fn byte_length(&self) -> usize {
        self.inner.raw.len()
    }

    /// The first byte, stable for as long as any handle lives (dangling but 16-aligned when the
    /// length is 0). For handing the store to a JS engine; never make a Rust reference from it.
    pub fn as_ptr(&self) -> *mut u8 {
        self.inner.raw.ptr()
    }

    /// True when both handles name the same store.
    pub fn same_store(&self, other: &SharedArrayBuffer) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// How many handles (including views' handles) keep the store alive right now.
    pub fn handle_count(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Copies `dst.len()` bytes starting at `offset` into `dst`, atomically per word (a racing
    /// writer may be seen half-way, never torn within an aligned word).
    ///
    /// RangeError `ERR_BUFFER_OUT_OF_BOUNDS` when the range does not fit; nothing is copied.
    pub fn read_into(&self, offset: usize, dst: &mut [u8]) -> Result<(), NodeError> {
        region::read_bytes(self, offset, dst)
            .then_some(())
            .ok_or_else(|| NodeError::out_of_buffer_bounds(None))
    }

    /// Copies `src` into the store at `offset`, atomically per word.
    ///
    /// RangeError `ERR_BUFFER_OUT_OF_BOUNDS` when the range does not fit; nothing is written.
    pub fn write_from(&self, offset: usize, src: &[u8]) -> Result<(), NodeError> {
        region::write_bytes(self, offset, src)
            .then_some(())
            .ok_or_else(|| NodeError::out_of_buffer_bounds(None))
    }

    /// Copies `len` bytes from `src` (any store, this one included; overlap is handled) at
    /// `src_offset` into this store at `dst_offset`.
    ///
    /// RangeError `ERR_BUFFER_OUT_OF_BOUNDS` when either range does not fit; nothing is copied.
    pub fn copy_from<R: ByteRegion>(
        &self,
        src: &R,
        src_offset: usize,
        dst_offset: usize,
        len: usize,
    ) -> Result<(), NodeError> {
        region::copy_bytes(src, src_offset, self, dst_offset, len)
            .then_some(())
            .ok_or_else(|| NodeError::out_of_buffer_bounds(None))
    }

    /// A snapshot of all bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = vec![0; self.byte_length()];
        // The range is the whole store, so the read cannot fail.
        let _ = region::read_bytes(self, 0, &mut out);
        out
    }

    /// A new store holding a copy of bytes `start..end` (`sab.slice(start, end)`): negative
    /// indices count from the end, both are clamped to the length, and `end` defaults to it.
    /// Pass JS numbers through `as i64` (truncation, saturation and NaN → 0 match
    /// `ToIntegerOrInfinity` for this purpose).
    pub fn slice(&self, start: i64, end: Option<i64>) -> Result<SharedArrayBuffer, NodeError> {
        let len = self.byte_length();
        let first = relative_index(start, len);
        let last = end.map_or(len, |e| relative_index(e, len));
        let count = last.saturating_sub(first);
        let out = SharedArrayBuffer::new(count)?;
        out.copy_from(self, first, 0, count)?;
        Ok(out)
    }
}

// SAFETY: the allocation lives as long as any handle, never moves or changes length, is
// 16-aligned (>= MIN_STORE_ALIGN), is never exposed as a Rust reference, and is shared, so
// every access region.rs makes is atomic.
unsafe impl ByteRegion for SharedArrayBuffer {
    fn base_ptr(&self) -> NonNull<u8> {
        self.inner.raw.non_null()
    }
    fn byte_len(&self) -> usize {
        self.inner.raw.len()
    }
    fn is_shared(&self) -> bool {
        true
    }
}

impl fmt::Debug for SharedArrayBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedArrayBuffer")
            .field("byte_length", &self.byte_length())
            .field("handles", &self.handle_count())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_stores_are_zeroed_and_aligned() {
        for len in [0, 1, 7, 16, 4097, 1 << 20] {
            let s = SharedArrayBuffer::new(len).unwrap();
            assert_eq!(s.byte_length(), len);
            assert_eq!(s.as_ptr() as usize % SHARED_ALIGN, 0);
            assert!(s.to_vec().iter().all(|&b| b == 0));
        }
    }

    #[test]
    fn oversized_requests_fail_like_v8() {
        let e = SharedArrayBuffer::new(MAX_BYTE_LENGTH + 1).unwrap_err();
        assert_eq!(e.to_string(), "RangeError: Invalid array buffer length");
        let e = SharedArrayBuffer::new(MAX_BYTE_LENGTH).unwrap_err();
        assert_eq!(e.to_string(), "RangeError: Array buffer allocation failed");
    }

    #[test]
    fn handles_share_bytes_and_the_last_one_frees() {
        let a = SharedArrayBuffer::new(32).unwrap();
        let b = a.clone();
        assert!(a.same_store(&b));
        assert_eq!(a.handle_count(), 2);
        b.write_from(3, b"hey").unwrap();
        let mut out = [0u8; 3];
        a.read_into(3, &mut out).unwrap();
        assert_eq!(&out, b"hey");
        drop(b);
        assert_eq!(a.handle_count(), 1);
        assert!(!a.same_store(&SharedArrayBuffer::new(32).unwrap()));
    }

    #[test]
    fn out_of_bounds_bulk_access_is_an_error_and_changes_nothing() {
        let a = SharedArrayBuffer::from_bytes(&[1, 2, 3, 4]).unwrap();
        let e = a.write_from(2, &[9, 9, 9]).unwrap_err();
        assert_eq!(e.code, Some("ERR_BUFFER_OUT_OF_BOUNDS"));
        assert!(a.read_into(usize::MAX, &mut [0]).is_err());
        assert!(a.copy_from(&a, 1, 2, 3).is_err());
        assert_eq!(a.to_vec(), [1, 2, 3, 4]);
        a.copy_from(&a, 0, 1, 3).unwrap();
        assert_eq!(a.to_vec(), [1, 1, 2, 3]);
    }

    #[test]
    fn slice_follows_js_relative_indices() {
        let a = SharedArrayBuffer::from_bytes(&[0, 1, 2, 3, 4, 5, 6, 7]).unwrap();
        assert_eq!(a.slice(-3, None).unwrap().to_vec(), [5, 6, 7]);
        assert_eq!(a.slice(2, Some(-2)).unwrap().to_vec(), [2, 3, 4, 5]);
        assert_eq!(a.slice(6, Some(2)).unwrap().to_vec(), [] as [u8; 0]);
        assert_eq!(a.slice(i64::MIN, Some(i64::MAX)).unwrap().to_vec().len(), 8);
        assert!(!a.slice(0, None).unwrap().same_store(&a));
    }

    #[test]
    fn every_store_is_charged_while_it_lives() {
        let len = 3_333_333;
        let s = SharedArrayBuffer::new(len).unwrap();
        assert!(crate::memory::accounting::memory_usage().array_buffers >= len);
        drop(s);
    }
}
