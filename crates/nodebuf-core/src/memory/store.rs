//! Backing stores and the `ArrayBuffer` handle: off-heap bytes shared by handles and views.
//!
//! A store is one `RawBytes` allocation plus its accounting [`Charge`], its retention record and
//! its borrow tracker. Handles ([`ArrayBuffer`]) and views (`Buffer`) share it through an `Rc`, so
//! the store lives on one thread (`!Send`, `!Sync`) and is freed when its last handle or view
//! goes: at that moment it leaves `process.memoryUsage().arrayBuffers` and the retention report.
//!
//! # Aliasing contract
//! The bytes are a raw allocation that no Rust reference owns. Every access goes through the raw
//! pointer, except inside the borrow-tracked accessors, which create references for the length of
//! one closure after checking that no overlapping lend forbids it. A JS engine given the pointer
//! ([`ArrayBuffer::as_ptr`]) reads and writes it whenever JS runs: the layer that hands it over
//! must never run JS while a reference from those accessors is alive.

use std::cell::Cell;
use std::ptr::NonNull;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::accounting::{Charge, ChargeKind};
use super::borrow::BorrowTracker;
use super::raw::{AllocFailed, RawBytes};
use super::retention::{Registration, Site, StoreKind, StoreRecord};
use crate::NodeError;

/// The largest Buffer/ArrayBuffer Node v20 allows (`buffer.kMaxLength`, 2**32): the default of
/// [`max_length`].
pub const K_MAX_LENGTH: usize = 1 << 32;

/// The store size limit in force (see [`set_max_length`]).
static MAX_LENGTH: AtomicUsize = AtomicUsize::new(K_MAX_LENGTH);

/// The largest store a request may ask for: `buffer.kMaxLength`. Node's is 2**32 (V8's limit);
/// a JS engine that holds less sets its own with [`set_max_length`], so every size check and
/// every `ERR_OUT_OF_RANGE` message quotes what the engine can really hold.
pub fn max_length() -> usize {
    MAX_LENGTH.load(Ordering::Relaxed)
}

/// Sets [`max_length`] for the whole process (one engine per process), capped at
/// [`K_MAX_LENGTH`]. `nodebuf-js` calls it with QuickJS's ArrayBuffer limit, 2**31 - 1.
pub fn set_max_length(len: usize) {
    MAX_LENGTH.store(len.min(K_MAX_LENGTH), Ordering::Relaxed);
}

/// The shared state of one store. Crate-visible so views can reach the bytes and the record.
pub(crate) struct StoreInner {
    /// First, so the store leaves the report before its bytes are freed (fields drop in order).
    registration: Registration,
    raw: RawBytes,
    pub(crate) borrows: BorrowTracker,
    /// Whether a handle to this store was ever given out beyond its owner (for a pool slab: a
    /// `buf.buffer`), so bytes not yet allocated may have been written through it.
    exposed: Cell<bool>,
    _charge: Charge,
}

impl StoreInner {
    /// Wraps an allocation as a registered, accounted store.
    pub(crate) fn new(raw: RawBytes, kind: StoreKind, created: Site) -> Rc<StoreInner> {
        let len = raw.len();
        Rc::new(StoreInner {
            registration: Registration::new(len, kind, created),
            raw,
            borrows: BorrowTracker::default(),
            exposed: Cell::new(false),
            _charge: Charge::new(ChargeKind::ArrayBuffer, len),
        })
    }

    /// The store's retention counters.
    pub(crate) fn record(&self) -> &StoreRecord {
        self.registration.record()
    }

    /// A zeroed store of `len` bytes.
    pub(crate) fn zeroed(
        len: usize,
        kind: StoreKind,
        created: Site,
    ) -> Result<Rc<StoreInner>, NodeError> {
        check_size(len)?;
        let raw = RawBytes::zeroed(len).map_err(alloc_error)?;
        Ok(StoreInner::new(raw, kind, created))
    }

    pub(crate) fn ptr(&self) -> *mut u8 {
        self.raw.ptr()
    }

    pub(crate) fn len(&self) -> usize {
        self.raw.len()
    }

    pub(crate) fn is_mapped(&self) -> bool {
        self.raw.is_mapped()
    }

    pub(crate) fn is_exposed(&self) -> bool {
        self.exposed.get()
    }
}

/// Node's `validateNumber(size, 'size', 0, kMaxLength)` for sizes that are already integers.
#[inline]
pub(crate) fn check_size(len: usize) -> Result<(), NodeError> {
    let max = max_length();
    if len > max {
        return Err(size_out_of_range(len, max));
    }
    Ok(())
}

/// [`check_size`]'s error, out of line so the check inlines into every allocation.
#[cold]
#[inline(never)]
fn size_out_of_range(len: usize, max: usize) -> NodeError {
    NodeError::integer_out_of_range("size", &format!(">= 0 && <= {max}"), len as i128)
}

pub(crate) fn alloc_error(_: AllocFailed) -> NodeError {
    NodeError::array_buffer_allocation_failed()
}

/// A handle to a store, as a JS `ArrayBuffer` object is: one thread, reference counted, the store
/// freed when the last handle and the last view over it are gone. Cloning makes another handle to
/// the same bytes.
///
/// For a JS engine: [`as_ptr`](Self::as_ptr) and [`byte_length`](Self::byte_length) are stable for
/// the life of any handle, and the memory is aligned to 16; give the engine an [`EngineSource`]
/// (from [`engine_source`](Self::engine_source)) as the owner of its external ArrayBuffer
/// (rquickjs's `ArrayBuffer::from_source`). See the module's aliasing contract.
pub struct ArrayBuffer {
    pub(crate) inner: Rc<StoreInner>,
}

impl ArrayBuffer {
    /// A new zero-filled store of `len` bytes: `new ArrayBuffer(len)`.
    #[track_caller]
    pub fn new(len: usize) -> Result<ArrayBuffer, NodeError> {
        let inner = StoreInner::zeroed(len, StoreKind::ArrayBuffer, Site::caller())?;
        Ok(ArrayBuffer::from_inner(inner))
    }

    /// A handle given out to anyone: marks the store as exposed (see `StoreInner::exposed`).
    pub(crate) fn from_inner(inner: Rc<StoreInner>) -> ArrayBuffer {
        inner.exposed.set(true);
        ArrayBuffer::private_handle(inner)
    }

    /// A handle kept by the store's owner (the pool's handle to its current slab).
    pub(crate) fn private_handle(inner: Rc<StoreInner>) -> ArrayBuffer {
        inner.record().add_handle();
        ArrayBuffer { inner }
    }

    /// The store's size: `arrayBuffer.byteLength`.
    pub fn byte_length(&self) -> usize {
        self.inner.len()
    }

    /// The first byte of the store: stable while any handle or view lives, aligned to 16,
    /// dangling (but aligned and non-null) for an empty store. Writing through it is allowed only
    /// under the module's aliasing contract.
    pub fn as_ptr(&self) -> *mut u8 {
        self.inner.ptr()
    }

    /// A process-unique id of the store (the retention report's `id`).
    pub fn id(&self) -> u64 {
        self.inner.record().id()
    }

    /// What the store was made for.
    pub fn kind(&self) -> StoreKind {
        self.inner.record().kind()
    }

    /// Names the store in the retention report; only the first label sticks. Returns whether
    /// this call set it.
    pub fn set_label(&self, label: &str) -> bool {
        self.inner.record().set_label(label)
    }

    /// Whether two handles refer to the same store (JS `a === b` for ArrayBuffers).
    pub fn same_store(&self, other: &ArrayBuffer) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }

    /// Whether the store's pages came straight from the kernel (large zeroed stores).
    pub fn is_mapped(&self) -> bool {
        self.inner.is_mapped()
    }

    /// A handle for a JS engine to own as the backing of its ArrayBuffer object (see
    /// [`EngineSource`]). The engine may write anywhere in the store.
    pub fn engine_source(&self) -> EngineSource {
        EngineSource::new(Rc::clone(&self.inner))
    }

    /// Copies the whole store out (checking that no exclusive lend is active).
    pub fn to_vec(&self) -> Result<Vec<u8>, super::borrow::BytesInUse> {
        let len = self.inner.len();
        self.inner.borrows.check_read(0, len)?;
        let mut out = vec![0u8; len];
        // SAFETY: `len` initialized bytes live at `ptr`; no exclusive lend covers them (checked),
        // `out` is a distinct allocation, and nothing runs between the check and the copy.
        unsafe { std::ptr::copy_nonoverlapping(self.inner.ptr(), out.as_mut_ptr(), len) };
        Ok(out)
    }
}

/// The owner a JS engine holds for an ArrayBuffer object made over a store (for rquickjs: wrap
/// it in a newtype implementing `ArrayBufferSource`). Pointer and length are stable for its whole
/// life and the memory is 16-aligned; dropping it (when the engine collects its object) releases
/// the store. It is counted apart from ordinary handles in the retention report: the engine's
/// ArrayBuffer object lives exactly as long as some JS view of it does, so it is not an owner of
/// its own, and a store held only by it and by small views is still flagged.
pub struct EngineSource {
    inner: Rc<StoreInner>,
}

impl EngineSource {
    fn new(inner: Rc<StoreInner>) -> EngineSource {
        // The engine can write any byte, the free tail of a pool slab included.
        inner.exposed.set(true);
        inner.record().add_engine_handle();
        EngineSource { inner }
    }

    /// The first byte of the store (see the module's aliasing contract).
    pub fn as_ptr(&self) -> *mut u8 {
        self.inner.ptr()
    }

    /// The store's size in bytes.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Whether the store is empty.
    pub fn is_empty(&self) -> bool {
        self.inner.len() == 0
    }

    /// The store's id (as [`ArrayBuffer::id`]).
    pub fn id(&self) -> u64 {
        self.inner.record().id()
    }

    /// An ordinary handle to the same store.
    pub fn array_buffer(&self) -> ArrayBuffer {
        ArrayBuffer::from_inner(Rc::clone(&self.inner))
    }

    /// The source as one pointer, for an engine's `opaque` callback argument (no box to
    /// allocate): the source stays alive, and is still counted as an engine handle, until
    /// [`EngineSource::from_raw`] takes it back.
    pub fn into_raw(self) -> *mut std::ffi::c_void {
        let source = std::mem::ManuallyDrop::new(self);
        Rc::as_ptr(&source.inner).cast_mut().cast()
    }

    /// What the store behind a source given out by [`EngineSource::into_raw`] was made for,
    /// without taking the source back.
    ///
    /// # Safety
    /// `raw` must come from [`EngineSource::into_raw`], on this thread, and not have been taken
    /// back yet.
    pub unsafe fn kind_of_raw(raw: *mut std::ffi::c_void) -> StoreKind {
        // SAFETY: the source `raw` stands for holds a strong reference (caller's contract), so
        // the store is alive for this borrow.
        let inner = unsafe { &*raw.cast_const().cast::<StoreInner>() };
        inner.record().kind()
    }

    /// Takes back a source given out by [`EngineSource::into_raw`].
    ///
    /// # Safety
    /// `raw` must come from [`EngineSource::into_raw`], on this thread, and be taken back once.
    pub unsafe fn from_raw(raw: *mut std::ffi::c_void) -> EngineSource {
        // SAFETY: `into_raw` kept the strong reference this pointer stands for (caller's
        // contract: it is taken back once).
        EngineSource {
            inner: unsafe { Rc::from_raw(raw.cast_const().cast::<StoreInner>()) },
        }
    }
}

impl Drop for EngineSource {
    fn drop(&mut self) {
        self.inner.record().remove_engine_handle();
    }
}

impl Clone for ArrayBuffer {
    /// Another handle to the same store.
    fn clone(&self) -> Self {
        ArrayBuffer::private_handle(Rc::clone(&self.inner))
    }
}

impl Drop for ArrayBuffer {
    fn drop(&mut self) {
        self.inner.record().remove_handle();
    }
}

impl std::fmt::Debug for ArrayBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ArrayBuffer {{ id: {}, byteLength: {} }}",
            self.id(),
            self.byte_length()
        )
    }
}

// SAFETY: the store's pointer and length never change while any handle lives (`RawBytes` is
// allocated once and freed in the store's `Drop`), and it is 16-aligned (>= MIN_STORE_ALIGN, with
// an aligned dangling pointer for empty stores). Handles are `!Send`/`!Sync`, so the bytes are
// touched from one thread. Rust references to the bytes exist only inside the borrow-tracked
// accessors, and `may_access` reports their lends, so region accesses never alias one.
unsafe impl super::region::ByteRegion for ArrayBuffer {
    fn base_ptr(&self) -> NonNull<u8> {
        self.inner.raw.non_null()
    }

    fn byte_len(&self) -> usize {
        self.inner.len()
    }

    fn is_shared(&self) -> bool {
        false
    }

    fn may_access(&self, offset: usize, len: usize, write: bool) -> bool {
        let end = offset.saturating_add(len);
        let check = if write {
            self.inner.borrows.check_write(offset, end)
        } else {
            self.inner.borrows.check_read(offset, end)
        };
        check.is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::accounting::memory_usage;
    use crate::memory::retention::RetentionReport;

    #[test]
    fn a_store_is_registered_and_charged_until_its_last_handle_goes() {
        let ab = ArrayBuffer::new(3_333_333).unwrap();
        let id = ab.id();
        assert!(memory_usage().array_buffers >= 3_333_333);
        let copy = ab.clone();
        assert!(copy.same_store(&ab));
        assert_eq!(RetentionReport::take().store(id).unwrap().handles, 2);
        drop(ab);
        assert_eq!(RetentionReport::take().store(id).unwrap().handles, 1);
        drop(copy);
        assert!(RetentionReport::take().store(id).is_none());
    }

    #[test]
    fn an_engine_source_survives_its_raw_round_trip() {
        let ab = ArrayBuffer::new(4096).unwrap();
        let id = ab.id();
        let raw = ab.engine_source().into_raw();
        drop(ab);
        let live = RetentionReport::take();
        assert_eq!(
            live.store(id).map(|s| (s.handles, s.engine_handles)),
            Some((0, 1))
        );
        // SAFETY: from `into_raw` above, taken back once.
        let source = unsafe { EngineSource::from_raw(raw) };
        assert_eq!(source.len(), 4096);
        assert_eq!(source.id(), id);
        drop(source);
        assert!(RetentionReport::take().store(id).is_none());
    }

    #[test]
    fn stores_are_zeroed_aligned_and_sized() {
        for len in [0, 1, 100, 200_000] {
            let ab = ArrayBuffer::new(len).unwrap();
            assert_eq!(ab.byte_length(), len);
            assert_eq!(ab.as_ptr() as usize % 16, 0);
            assert!(ab.to_vec().unwrap().iter().all(|&b| b == 0));
        }
        assert_eq!(
            ArrayBuffer::new(K_MAX_LENGTH + 1).unwrap_err().code,
            Some("ERR_OUT_OF_RANGE")
        );
    }
}
