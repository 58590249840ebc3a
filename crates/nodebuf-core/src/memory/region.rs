//! The bytes of one backing store, as typed arrays, DataView and Atomics see them.
//!
//! [`ByteRegion`] is the small contract every store (ArrayBuffer, SharedArrayBuffer) fulfils:
//! a stable base pointer, a byte length, whether the bytes are shared across threads, and a
//! cheap handle clone. The free functions here are the only place that dereferences a region's
//! pointer: they bounds-check every access and pick the access mode the store needs —
//! plain loads and stores for single-thread memory, relaxed atomics for shared memory (plain
//! accesses there would be data races), sequentially consistent atomics for `Atomics.*`.
//!
//! JS allows views of different element sizes over the same shared bytes (an `Int32Array` and a
//! `Uint8Array` over one SharedArrayBuffer), so racing atomic accesses of different sizes can
//! overlap. Rust's memory model (like C++'s) leaves racing mixed-size atomics unspecified; JS's
//! model defines them, and every JS engine relies on the hardware (x86-64, AArch64), on which
//! each aligned atomic access is single-copy atomic. We rely on the same guarantee.

use std::ptr::NonNull;
use std::sync::atomic::{AtomicU16, AtomicU32, AtomicU64, AtomicU8, AtomicUsize, Ordering};

/// The alignment every store's base pointer has at least, so that an element at a byte offset
/// that is a multiple of its size is aligned for its atomic type (8 covers `BigInt64Array`).
pub const MIN_STORE_ALIGN: usize = 8;

/// The bytes of one backing store: what typed arrays, DataView and Atomics are generic over.
///
/// Mirrors the `[[ArrayBufferData]]` / `[[ArrayBufferByteLength]]` pair of an ArrayBuffer or
/// SharedArrayBuffer in the JS spec; `Clone` makes another handle to the same bytes (as a new
/// view of the same buffer does), never a copy.
///
/// # Safety
///
/// An implementor promises, for every handle and every clone of it:
/// - [`base_ptr`](ByteRegion::base_ptr) points to `byte_len()` bytes, valid for reads and writes
///   as long as any handle lives, and neither the pointer nor the length ever changes;
/// - the pointer is aligned to at least [`MIN_STORE_ALIGN`];
/// - no Rust reference (`&[u8]`/`&mut [u8]`) to those bytes is live while a function of this
///   module runs (stores hand out references only for the length of one call of their own);
/// - if [`is_shared`](ByteRegion::is_shared) is false, the bytes are only ever touched from one
///   thread at a time (the handle is `!Sync`, or not shared across threads);
/// - if it is true, every other access to the bytes (from any thread, any engine) is atomic.
pub unsafe trait ByteRegion: Clone {
    /// The first byte of the store (dangling but aligned when the length is 0).
    fn base_ptr(&self) -> NonNull<u8>;
    /// The store's length in bytes (`byteLength`).
    fn byte_len(&self) -> usize;
    /// True for SharedArrayBuffer-backed memory: every access must then be atomic.
    fn is_shared(&self) -> bool;
    /// Whether bytes `offset..offset + len` may be read (or, with `write`, written) right now.
    /// Stores that lend Rust references to their bytes (a Buffer's `with_bytes{,_mut}`) answer
    /// false while a conflicting reference is live, so the raw accesses of this module never
    /// alias one; every access of this module asks first. The default (no lending) is true.
    fn may_access(&self, offset: usize, len: usize, write: bool) -> bool {
        let _ = (offset, len, write);
        true
    }
}

/// True when both handles name the same store (same first byte); for zero-length stores, which
/// have no bytes to alias, the answer does not matter.
pub fn same_store<A: ByteRegion, B: ByteRegion>(a: &A, b: &B) -> bool {
    a.base_ptr() == b.base_ptr()
}

mod sealed {
    pub trait Sealed {}
}

/// An unsigned integer of 1, 2, 4 or 8 bytes: the raw bits of one element, which the region
/// moves with an atomic of the same size when the memory is shared.
pub trait Bits: sealed::Sealed + Copy + Eq + std::fmt::Debug + Send + Sync + 'static {
    /// Size in bytes.
    const SIZE: usize;
    /// Reverses the byte order (for DataView's explicit endianness).
    fn swap_bytes(self) -> Self;
    /// The bits of a `u64`'s low `SIZE` bytes.
    fn from_u64(v: u64) -> Self;
    /// Widens to a `u64`.
    fn to_u64(self) -> u64;

    /// # Safety
    /// `p` is valid for reads of `SIZE` bytes; see [`ByteRegion`] for concurrency.
    #[doc(hidden)]
    unsafe fn plain_load(p: *const u8) -> Self;
    /// # Safety
    /// `p` is valid for writes of `SIZE` bytes; see [`ByteRegion`] for concurrency.
    #[doc(hidden)]
    unsafe fn plain_store(p: *mut u8, v: Self);
    /// # Safety
    /// `p` is valid for `SIZE` bytes and aligned to `SIZE`; only atomics touch it concurrently.
    #[doc(hidden)]
    unsafe fn atomic_load(p: *mut u8, order: Ordering) -> Self;
    /// # Safety
    /// As for `atomic_load`.
    #[doc(hidden)]
    unsafe fn atomic_store(p: *mut u8, v: Self, order: Ordering);
    /// # Safety
    /// As for `atomic_load`.
    #[doc(hidden)]
    unsafe fn atomic_rmw(p: *mut u8, op: RmwOp, v: Self) -> Self;
    /// # Safety
    /// As for `atomic_load`.
    #[doc(hidden)]
    unsafe fn atomic_cas(p: *mut u8, expected: Self, replacement: Self) -> Self;
}

/// A read-modify-write operation of `Atomics` (`add`, `sub`, `and`, `or`, `xor`, `exchange`),
/// all on raw bits: two's complement makes them the same for signed and unsigned views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RmwOp {
    /// Wrapping addition (`Atomics.add`).
    Add,
    /// Wrapping subtraction (`Atomics.sub`).
    Sub,
    /// Bitwise and (`Atomics.and`).
    And,
    /// Bitwise or (`Atomics.or`).
    Or,
    /// Bitwise xor (`Atomics.xor`).
    Xor,
    /// Replace (`Atomics.exchange`).
    Exchange,
}

macro_rules! impl_bits {
    ($($t:ty => $atomic:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Bits for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn swap_bytes(self) -> Self {
                <$t>::swap_bytes(self)
            }
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            fn to_u64(self) -> u64 {
                self as u64
            }
            unsafe fn plain_load(p: *const u8) -> Self {
                // SAFETY: the caller guarantees `SIZE` readable bytes; unaligned is allowed.
                unsafe { p.cast::<$t>().read_unaligned() }
            }
            unsafe fn plain_store(p: *mut u8, v: Self) {
                // SAFETY: the caller guarantees `SIZE` writable bytes; unaligned is allowed.
                unsafe { p.cast::<$t>().write_unaligned(v) }
            }
            unsafe fn atomic_load(p: *mut u8, order: Ordering) -> Self {
                // SAFETY: the caller guarantees a valid, aligned location only accessed
                // atomically while this runs.
                unsafe { <$atomic>::from_ptr(p.cast()).load(order) }
            }
            unsafe fn atomic_store(p: *mut u8, v: Self, order: Ordering) {
                // SAFETY: as for `atomic_load`.
                unsafe { <$atomic>::from_ptr(p.cast()).store(v, order) }
            }
            unsafe fn atomic_rmw(p: *mut u8, op: RmwOp, v: Self) -> Self {
                // SAFETY: as for `atomic_load`.
                let a = unsafe { <$atomic>::from_ptr(p.cast()) };
                let o = Ordering::SeqCst;
                match op {
                    RmwOp::Add => a.fetch_add(v, o),
                    RmwOp::Sub => a.fetch_sub(v, o),
                    RmwOp::And => a.fetch_and(v, o),
                    RmwOp::Or => a.fetch_or(v, o),
                    RmwOp::Xor => a.fetch_xor(v, o),
                    RmwOp::Exchange => a.swap(v, o),
                }
            }
            unsafe fn atomic_cas(p: *mut u8, expected: Self, replacement: Self) -> Self {
                // SAFETY: as for `atomic_load`.
                let a = unsafe { <$atomic>::from_ptr(p.cast()) };
                match a.compare_exchange(expected, replacement, Ordering::SeqCst, Ordering::SeqCst) {
                    Ok(old) | Err(old) => old,
                }
            }
        }
    )*};
}

impl_bits!(u8 => AtomicU8, u16 => AtomicU16, u32 => AtomicU32, u64 => AtomicU64);

/// The address of `len` bytes at `offset`, or `None` when they do not fit in the region.
/// Also `None` when the store has lent a conflicting Rust reference to those bytes
/// ([`ByteRegion::may_access`]).
fn span<R: ByteRegion>(r: &R, offset: usize, len: usize, write: bool) -> Option<*mut u8> {
    let end = offset.checked_add(len)?;
    if end > r.byte_len() || !r.may_access(offset, len, write) {
        return None;
    }
    // SAFETY: `offset + len <= byte_len`, so the result stays inside (or one past) the store.
    Some(unsafe { r.base_ptr().as_ptr().add(offset) })
}

/// Reads the element bits at `offset` in native byte order, as a plain typed-array or DataView
/// read does (JS's "Unordered" access: relaxed atomics on shared memory). `None` when out of
/// bounds. Unaligned offsets are allowed (DataView); on shared memory they are read byte by byte.
pub fn load<B: Bits, R: ByteRegion>(r: &R, offset: usize) -> Option<B> {
    let p = span(r, offset, B::SIZE, false)?;
    if !r.is_shared() {
        // SAFETY: in bounds; single-thread memory with no live references (trait contract).
        return Some(unsafe { B::plain_load(p) });
    }
    if (p as usize).is_multiple_of(B::SIZE) {
        // SAFETY: in bounds and aligned; shared memory is only accessed atomically.
        return Some(unsafe { B::atomic_load(p, Ordering::Relaxed) });
    }
    let mut bytes = [0u8; 8];
    for (i, b) in bytes.iter_mut().take(B::SIZE).enumerate() {
        // SAFETY: `p + i` is inside the checked span; a byte is always aligned.
        *b = unsafe { u8::atomic_load(p.add(i), Ordering::Relaxed) };
    }
    // SAFETY: `bytes` holds at least `SIZE` initialised bytes.
    Some(unsafe { B::plain_load(bytes.as_ptr()) })
}

/// Writes element bits at `offset` in native byte order (the store counterpart of [`load`]).
/// Returns false, writing nothing, when out of bounds.
pub fn store<B: Bits, R: ByteRegion>(r: &R, offset: usize, v: B) -> bool {
    let Some(p) = span(r, offset, B::SIZE, true) else {
        return false;
    };
    if !r.is_shared() {
        // SAFETY: in bounds; single-thread memory with no live references (trait contract).
        unsafe { B::plain_store(p, v) };
    } else if (p as usize).is_multiple_of(B::SIZE) {
        // SAFETY: in bounds and aligned; shared memory is only accessed atomically.
        unsafe { B::atomic_store(p, v, Ordering::Relaxed) };
    } else {
        let mut bytes = [0u8; 8];
        // SAFETY: `bytes` has room for `SIZE <= 8` bytes.
        unsafe { B::plain_store(bytes.as_mut_ptr(), v) };
        for (i, b) in bytes.iter().take(B::SIZE).enumerate() {
            // SAFETY: `p + i` is inside the checked span; a byte is always aligned.
            unsafe { u8::atomic_store(p.add(i), *b, Ordering::Relaxed) };
        }
    }
    true
}

/// The aligned address of one element for an `Atomics` operation, or `None` when out of bounds
/// or misaligned (typed arrays never are: their offsets are multiples of the element size).
fn atomic_span<B: Bits, R: ByteRegion>(r: &R, offset: usize) -> Option<*mut u8> {
    // Asked as a write even for `Atomics.load`: simpler, and a lent reference during an
    // Atomics call on non-shared memory can only come from Rust code nesting calls.
    let p = span(r, offset, B::SIZE, true)?;
    (p as usize).is_multiple_of(B::SIZE).then_some(p)
}

/// A sequentially consistent load (`Atomics.load`). `None` when out of bounds or misaligned.
pub fn atomic_load<B: Bits, R: ByteRegion>(r: &R, offset: usize) -> Option<B> {
    let p = atomic_span::<B, R>(r, offset)?;
    // SAFETY: in bounds and aligned; other accesses are atomic (shared) or absent (local).
    Some(unsafe { B::atomic_load(p, Ordering::SeqCst) })
}

/// A sequentially consistent store (`Atomics.store`). False when out of bounds or misaligned.
pub fn atomic_store<B: Bits, R: ByteRegion>(r: &R, offset: usize, v: B) -> bool {
    let Some(p) = atomic_span::<B, R>(r, offset) else {
        return false;
    };
    // SAFETY: in bounds and aligned; other accesses are atomic (shared) or absent (local).
    unsafe { B::atomic_store(p, v, Ordering::SeqCst) };
    true
}

/// An atomic read-modify-write returning the previous bits (`Atomics.add` and friends).
pub fn atomic_rmw<B: Bits, R: ByteRegion>(r: &R, offset: usize, op: RmwOp, v: B) -> Option<B> {
    let p = atomic_span::<B, R>(r, offset)?;
    // SAFETY: in bounds and aligned; other accesses are atomic (shared) or absent (local).
    Some(unsafe { B::atomic_rmw(p, op, v) })
}

/// An atomic compare-and-swap returning the previous bits (`Atomics.compareExchange`).
pub fn atomic_compare_exchange<B: Bits, R: ByteRegion>(
    r: &R,
    offset: usize,
    expected: B,
    replacement: B,
) -> Option<B> {
    let p = atomic_span::<B, R>(r, offset)?;
    // SAFETY: in bounds and aligned; other accesses are atomic (shared) or absent (local).
    Some(unsafe { B::atomic_cas(p, expected, replacement) })
}

/// Copies `dst.len()` bytes starting at `offset` out of the region. False (nothing copied) when
/// the range does not fit. Shared memory is read with relaxed word-sized atomics.
pub fn read_bytes<R: ByteRegion>(r: &R, offset: usize, dst: &mut [u8]) -> bool {
    let Some(p) = span(r, offset, dst.len(), false) else {
        return false;
    };
    if r.is_shared() {
        // SAFETY: the span is in bounds; `dst` is private memory (a Rust `&mut` cannot alias
        // store bytes, by the trait contract); shared bytes are only accessed atomically.
        unsafe { atomic_to_private(p, dst.as_mut_ptr(), dst.len()) };
    } else {
        // SAFETY: in bounds; `dst` cannot overlap the store (trait contract).
        unsafe { std::ptr::copy_nonoverlapping(p, dst.as_mut_ptr(), dst.len()) };
    }
    true
}

/// Copies `src` into the region at `offset`. False (nothing written) when it does not fit.
pub fn write_bytes<R: ByteRegion>(r: &R, offset: usize, src: &[u8]) -> bool {
    let Some(p) = span(r, offset, src.len(), true) else {
        return false;
    };
    if r.is_shared() {
        // SAFETY: as in `read_bytes`, in the other direction.
        unsafe { private_to_atomic(src.as_ptr(), p, src.len()) };
    } else {
        // SAFETY: in bounds; `src` cannot overlap the store (trait contract).
        unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), p, src.len()) };
    }
    true
}

/// Sets `len` bytes at `offset` to `byte`. False (nothing written) when out of bounds.
pub fn fill_bytes<R: ByteRegion>(r: &R, offset: usize, len: usize, byte: u8) -> bool {
    let Some(p) = span(r, offset, len, true) else {
        return false;
    };
    if r.is_shared() {
        let chunk = [byte; BOUNCE];
        let mut done = 0;
        while done < len {
            let n = (len - done).min(BOUNCE);
            // SAFETY: `p + done .. + n` is inside the checked span; `chunk` is private.
            unsafe { private_to_atomic(chunk.as_ptr(), p.add(done), n) };
            done += n;
        }
    } else {
        // SAFETY: in bounds; single-thread memory with no live references.
        unsafe { std::ptr::write_bytes(p, byte, len) };
    }
    true
}

/// Copies `len` bytes from `src` at `src_offset` to `dst` at `dst_offset`, like `memmove`:
/// correct when both are the same store and the ranges overlap. False (nothing copied) when
/// either range does not fit.
pub fn copy_bytes<A: ByteRegion, B: ByteRegion>(
    src: &A,
    src_offset: usize,
    dst: &B,
    dst_offset: usize,
    len: usize,
) -> bool {
    let (Some(s), Some(d)) = (
        span(src, src_offset, len, false),
        span(dst, dst_offset, len, true),
    ) else {
        return false;
    };
    if !src.is_shared() && !dst.is_shared() {
        // SAFETY: both spans are in bounds of single-thread memory with no live references;
        // `copy` allows overlap.
        unsafe { std::ptr::copy(s, d, len) };
        return true;
    }
    // At least one side is shared: move through a private bounce buffer with atomics on both
    // sides, choosing the direction so that an overlapping range is read before it is written.
    let mut bounce = [0u8; BOUNCE];
    let chunks = len.div_ceil(BOUNCE);
    for k in 0..chunks {
        let i = if (d as usize) <= (s as usize) {
            k
        } else {
            chunks - 1 - k
        };
        let at = i * BOUNCE;
        let n = (len - at).min(BOUNCE);
        // SAFETY: `at + n <= len`, inside both checked spans; `bounce` is private; atomics on
        // local memory are sound too (no other thread touches it).
        unsafe {
            atomic_to_private(s.add(at), bounce.as_mut_ptr(), n);
            private_to_atomic(bounce.as_ptr(), d.add(at), n);
        }
    }
    true
}

/// Size of the stack buffer used to move bytes between two atomic ranges.
const BOUNCE: usize = 4096;
const WORD: usize = std::mem::size_of::<usize>();

/// Copies `len` bytes from atomically accessed memory into private memory, a byte at a time up
/// to word alignment of the source, then a word at a time.
///
/// # Safety
/// `src` is valid for `len` reads and only accessed atomically by others; `dst` is valid for
/// `len` writes and not accessed by anyone else while this runs.
unsafe fn atomic_to_private(src: *mut u8, dst: *mut u8, len: usize) {
    let mut i = 0;
    // SAFETY (whole block): every access stays below `len`; word accesses are at word-aligned
    // source addresses; destination writes are unaligned-tolerant.
    unsafe {
        while i < len && !(src as usize + i).is_multiple_of(WORD) {
            *dst.add(i) = u8::atomic_load(src.add(i), Ordering::Relaxed);
            i += 1;
        }
        // Four words per step: the loads are independent, so the CPU overlaps them.
        while i + 4 * WORD <= len {
            let mut w = [0usize; 4];
            for (k, slot) in w.iter_mut().enumerate() {
                *slot = AtomicUsize::from_ptr(src.add(i + k * WORD).cast()).load(Ordering::Relaxed);
            }
            dst.add(i).cast::<[usize; 4]>().write_unaligned(w);
            i += 4 * WORD;
        }
        while i + WORD <= len {
            let w = AtomicUsize::from_ptr(src.add(i).cast()).load(Ordering::Relaxed);
            dst.add(i).cast::<usize>().write_unaligned(w);
            i += WORD;
        }
        while i < len {
            *dst.add(i) = u8::atomic_load(src.add(i), Ordering::Relaxed);
            i += 1;
        }
    }
}

/// Copies `len` bytes from private memory into atomically accessed memory (the mirror of
/// [`atomic_to_private`]).
///
/// # Safety
/// `dst` is valid for `len` writes and only accessed atomically by others; `src` is valid for
/// `len` reads and not written by anyone while this runs.
unsafe fn private_to_atomic(src: *const u8, dst: *mut u8, len: usize) {
    let mut i = 0;
    // SAFETY (whole block): as in `atomic_to_private`, aligned on the destination side.
    unsafe {
        while i < len && !(dst as usize + i).is_multiple_of(WORD) {
            u8::atomic_store(dst.add(i), *src.add(i), Ordering::Relaxed);
            i += 1;
        }
        while i + 4 * WORD <= len {
            let w = src.add(i).cast::<[usize; 4]>().read_unaligned();
            for (k, word) in w.into_iter().enumerate() {
                AtomicUsize::from_ptr(dst.add(i + k * WORD).cast()).store(word, Ordering::Relaxed);
            }
            i += 4 * WORD;
        }
        while i + WORD <= len {
            let w = src.add(i).cast::<usize>().read_unaligned();
            AtomicUsize::from_ptr(dst.add(i).cast()).store(w, Ordering::Relaxed);
            i += WORD;
        }
        while i < len {
            u8::atomic_store(dst.add(i), *src.add(i), Ordering::Relaxed);
            i += 1;
        }
    }
}

/// A tiny heap store for unit tests of the non-shared path (the real single-thread ArrayBuffer
/// lives in its own module).
#[cfg(test)]
pub(crate) mod test_store {
    use super::*;
    use std::rc::Rc;

    /// A `!Send` single-thread store over a boxed, 8-aligned buffer.
    #[derive(Clone)]
    pub struct LocalStore(Rc<LocalInner>);
    pub struct LocalInner {
        words: Box<[std::cell::UnsafeCell<u64>]>,
        len: usize,
    }

    impl LocalStore {
        pub fn new(len: usize) -> Self {
            let words = (0..len.div_ceil(8).max(1))
                .map(|_| std::cell::UnsafeCell::new(0))
                .collect();
            LocalStore(Rc::new(LocalInner { words, len }))
        }
    }

    // SAFETY: the boxed words live as long as any `Rc` clone, never move, are 8-aligned, are
    // never referenced as Rust slices, and `Rc` keeps the handle on one thread.
    unsafe impl ByteRegion for LocalStore {
        fn base_ptr(&self) -> NonNull<u8> {
            // `raw_get` on the slice pointer keeps provenance over every word, not just the first.
            let p = std::cell::UnsafeCell::raw_get(self.0.words.as_ptr());
            NonNull::new(p.cast()).expect("box pointers are non-null")
        }
        fn byte_len(&self) -> usize {
            self.0.len
        }
        fn is_shared(&self) -> bool {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_store::LocalStore;
    use super::*;
    use crate::memory::shared::SharedArrayBuffer;

    #[test]
    fn element_access_is_bounds_checked_on_both_kinds_of_store() {
        let local = LocalStore::new(8);
        let shared = SharedArrayBuffer::new(8).unwrap();
        assert!(store::<u32, _>(&local, 4, 0xdead_beef));
        assert!(store::<u32, _>(&shared, 4, 0xdead_beef));
        assert_eq!(load::<u32, _>(&local, 4), Some(0xdead_beef));
        assert_eq!(load::<u32, _>(&shared, 4), Some(0xdead_beef));
        assert!(!store::<u32, _>(&local, 5, 1));
        assert!(!store::<u32, _>(&shared, 5, 1));
        assert_eq!(load::<u64, _>(&shared, 1), None);
        assert_eq!(load::<u8, _>(&shared, usize::MAX), None);
    }

    #[test]
    fn unaligned_shared_access_goes_byte_by_byte_and_round_trips() {
        let shared = SharedArrayBuffer::new(16).unwrap();
        assert!(store::<u64, _>(&shared, 3, 0x0102_0304_0506_0708));
        assert_eq!(load::<u64, _>(&shared, 3), Some(0x0102_0304_0506_0708));
        let mut out = [0u8; 8];
        assert!(read_bytes(&shared, 3, &mut out));
        assert_eq!(out, 0x0102_0304_0506_0708u64.to_ne_bytes());
    }

    #[test]
    fn atomics_refuse_misaligned_offsets() {
        let shared = SharedArrayBuffer::new(16).unwrap();
        assert_eq!(atomic_load::<u32, _>(&shared, 2), None);
        assert_eq!(atomic_rmw::<u32, _>(&shared, 4, RmwOp::Add, 5), Some(0));
        assert_eq!(atomic_rmw::<u32, _>(&shared, 4, RmwOp::Sub, 7), Some(5));
        assert_eq!(atomic_load::<u32, _>(&shared, 4), Some(u32::MAX - 1));
        assert_eq!(
            atomic_compare_exchange::<u32, _>(&shared, 4, u32::MAX - 1, 9),
            Some(u32::MAX - 1)
        );
        assert_eq!(atomic_load::<u32, _>(&shared, 4), Some(9));
    }

    #[test]
    fn bulk_copies_handle_every_alignment_and_overlap() {
        // Compare against a plain Vec model for many (src, dst, len) triples in one store.
        let n = 64;
        for &(s, d, len) in &[
            (0, 0, 64),
            (1, 9, 40),
            (9, 1, 40),
            (3, 4, 57),
            (4, 3, 57),
            (0, 7, 50),
            (7, 0, 50),
            (5, 5, 0),
        ] {
            for shared in [false, true] {
                let init: Vec<u8> = (0..n as u8).collect();
                let mut model = init.clone();
                model.copy_within(s..s + len, d);
                let out = if shared {
                    let st = SharedArrayBuffer::from_bytes(&init).unwrap();
                    assert!(copy_bytes(&st, s, &st, d, len));
                    st.to_vec()
                } else {
                    let st = LocalStore::new(n);
                    assert!(write_bytes(&st, 0, &init));
                    assert!(copy_bytes(&st, s, &st, d, len));
                    let mut v = vec![0; n];
                    assert!(read_bytes(&st, 0, &mut v));
                    v
                };
                assert_eq!(out, model, "s={s} d={d} len={len} shared={shared}");
            }
        }
    }

    #[test]
    fn large_overlapping_shared_moves_cross_the_bounce_buffer() {
        let n = 3 * BOUNCE + 123;
        let init: Vec<u8> = (0..n).map(|i| (i * 7 % 251) as u8).collect();
        for (s, d) in [(0, 1001), (1001, 0), (5, 6), (6, 5)] {
            let len = n - s.max(d);
            let st = SharedArrayBuffer::from_bytes(&init).unwrap();
            let mut model = init.clone();
            model.copy_within(s..s + len, d);
            assert!(copy_bytes(&st, s, &st, d, len));
            assert_eq!(st.to_vec(), model, "s={s} d={d}");
        }
    }

    #[test]
    fn copies_between_local_and_shared_stores() {
        let local = LocalStore::new(10);
        let shared = SharedArrayBuffer::from_bytes(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).unwrap();
        assert!(copy_bytes(&shared, 2, &local, 1, 5));
        let mut v = [0u8; 10];
        assert!(read_bytes(&local, 0, &mut v));
        assert_eq!(v, [0, 3, 4, 5, 6, 7, 0, 0, 0, 0]);
        assert!(copy_bytes(&local, 0, &shared, 5, 5));
        assert_eq!(shared.to_vec(), [1, 2, 3, 4, 5, 0, 3, 4, 5, 6]);
        assert!(!copy_bytes(&local, 6, &shared, 0, 5));
        assert!(fill_bytes(&shared, 8, 2, 0xaa));
        assert!(!fill_bytes(&shared, 8, 3, 0xaa));
        assert_eq!(shared.to_vec()[8..], [0xaa, 0xaa]);
    }
}
