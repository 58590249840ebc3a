//! Raw, aligned, always-initialized byte allocations: the memory behind every store.
//!
//! Node hands out `allocUnsafe` memory that may hold bytes of released buffers; we never do. Every
//! [`RawBytes`] is fully initialized before anyone can see it: either zeroed by the allocator or
//! the kernel, or written in full by the caller before the constructor returns.
//!
//! Zeroed requests come from the heap allocator's `calloc` path, except large ones, which go
//! straight to `mmap` (Unix): the kernel hands out zero pages lazily, so allocating a large store
//! costs two system calls instead of a `memset`, and the zeroing moves to first touch (where
//! Node's `allocUnsafe` pays its page faults too). Where the cost lands then depends on the page
//! size, so the threshold does too (measured on this project's machine, per store; the table is
//! in the README's "Allocation" numbers):
//!
//! - With transparent huge pages available (Linux, `enabled` = `always` or `madvise`), stores of
//!   [`HUGE_MMAP_THRESHOLD`] and more are mapped in whole 2 MiB pages (`MADV_HUGEPAGE`, length
//!   rounded up to 2 MiB): one fault zeroes 2 MiB, so allocating and then filling costs what
//!   `calloc` + fill costs at 4-16 MiB (~0.8 ms per 8 MiB) and 4-9x less from 32 MiB up, while
//!   allocating alone costs ~2 us instead of a `memset` (~1 ms per 16 MiB).
//! - With 4 KiB pages only, a fault costs ~2 us here, so writing a freshly mapped 1 MiB costs
//!   ~500 us against ~35 us to clear warm heap memory; the threshold stays at glibc's own ceiling
//!   for moving large blocks to the heap ([`MMAP_THRESHOLD`], 32 MiB), past which `calloc` maps
//!   anyway.
//!
//! Below the threshold the heap wins even for a store that is never written: reusing warm memory
//! and clearing it (~35 us per MiB) beats the faults a fresh mapping takes on first use.

use std::alloc::{self, Layout};
use std::ptr::NonNull;

use super::accounting::{OverBudget, Reservation};
use super::recycle;

/// Alignment of every store: enough for any typed array (Float64Array, BigInt64Array) and for
/// 16-byte SIMD loads at the start of a store.
pub const STORE_ALIGN: usize = 16;

/// Zeroed requests of at least this many bytes are mapped from the kernel (lazily zeroed pages)
/// instead of taken from the heap and cleared, when transparent huge pages are not available.
#[cfg(unix)]
pub const MMAP_THRESHOLD: usize = 32 * 1024 * 1024;

/// Zeroed requests of at least this many bytes are mapped in 2 MiB huge pages when the kernel
/// offers transparent huge pages. 4 MiB rather than 2 MiB bounds the rounding to whole huge pages
/// at half the store (a 4 MiB + 1 B store maps 6 MiB; the extra is resident only once touched).
#[cfg(unix)]
pub const HUGE_MMAP_THRESHOLD: usize = 4 * 1024 * 1024;

/// The size of a transparent huge page on x86-64 and aarch64 (4 KiB base pages).
#[cfg(unix)]
const HUGE_PAGE: usize = 2 * 1024 * 1024;

/// How a [`RawBytes`] was obtained, so it is released the same way.
#[derive(Debug, Clone, Copy)]
enum Origin {
    /// Length 0: a dangling, aligned pointer; nothing to free.
    Empty,
    /// `std::alloc` with this layout.
    Heap(Layout),
    /// An anonymous private mapping of this many bytes (whole pages).
    #[cfg(unix)]
    Mapped(usize),
    /// A heap block of size class `index` (`recycle::layout(cap)`), zero when handed out and
    /// given back to the recycler on release.
    Recycled { index: usize, cap: usize },
}

/// One allocation of `len` initialized bytes, aligned to [`STORE_ALIGN`], freed on drop.
///
/// The bytes are reached only through the raw pointer; this type never creates references to
/// them, so the owner decides the aliasing discipline (see `memory::store`).
#[derive(Debug)]
pub(crate) struct RawBytes {
    ptr: NonNull<u8>,
    len: usize,
    origin: Origin,
    /// The bytes counted against the allocating thread's budget, given back on drop.
    _reservation: Reservation,
}

/// The allocator could not provide the memory (Node: `RangeError: Array buffer allocation failed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AllocFailed;

impl From<OverBudget> for AllocFailed {
    /// A request past the thread's memory budget fails as one the OS refuses.
    fn from(_: OverBudget) -> AllocFailed {
        AllocFailed
    }
}

impl RawBytes {
    /// `len` zero bytes.
    pub(crate) fn zeroed(len: usize) -> Result<RawBytes, AllocFailed> {
        if len == 0 {
            return Ok(RawBytes::empty());
        }
        let reservation = Reservation::take(len)?;
        #[cfg(unix)]
        if len >= mmap_threshold() {
            return RawBytes::mapped(len, reservation);
        }
        if let Some((index, cap)) = recycle::class_of(len) {
            return RawBytes::recycled(len, index, cap, reservation);
        }
        let layout = layout_for(len)?;
        let ptr = if len <= SMALL_ZEROED_MAX {
            // SAFETY: `layout` has a non-zero size (len > 0) and a valid power-of-two alignment.
            // `black_box`: the optimizer would otherwise fuse this `malloc` and the `memset`
            // below back into the `calloc` this path exists to avoid.
            let ptr = std::hint::black_box(unsafe { alloc::alloc(layout) });
            if !ptr.is_null() {
                // SAFETY: a fresh allocation of `len` bytes: every byte is written before the
                // store is made, so no earlier contents of the heap are ever exposed.
                unsafe { std::ptr::write_bytes(ptr, 0, len) };
            }
            ptr
        } else {
            // SAFETY: as above.
            unsafe { alloc::alloc_zeroed(layout) }
        };
        let ptr = NonNull::new(ptr).ok_or(AllocFailed)?;
        Ok(RawBytes {
            ptr,
            len,
            origin: Origin::Heap(layout),
            _reservation: reservation,
        })
    }

    /// A zeroed store of `len` bytes in a block of class `index` (capacity `cap`): a recycled
    /// block when one is ready, else a fresh zeroed one.
    fn recycled(
        len: usize,
        index: usize,
        cap: usize,
        reservation: Reservation,
    ) -> Result<RawBytes, AllocFailed> {
        let ptr = match recycle::take(index, cap) {
            Some(ptr) => ptr,
            // SAFETY: a class layout has a non-zero size and a valid alignment.
            None => NonNull::new(unsafe { alloc::alloc_zeroed(recycle::layout(cap)) })
                .ok_or(AllocFailed)?,
        };
        Ok(RawBytes {
            ptr,
            len,
            origin: Origin::Recycled { index, cap },
            _reservation: reservation,
        })
    }

    /// `len` bytes, each written by `fill` before the allocation is returned.
    ///
    /// `fill` receives the start of `len` writable, uninitialized bytes and must write every one
    /// of them through the pointer (it must not read them). If it returns an error or panics the
    /// allocation is freed and nothing is exposed.
    ///
    /// # Safety
    /// `fill` must initialize all `len` bytes when it returns `Ok`.
    pub(crate) unsafe fn filled<E>(
        len: usize,
        fill: impl FnOnce(*mut u8) -> Result<(), E>,
    ) -> Result<Result<RawBytes, E>, AllocFailed> {
        if len == 0 {
            return Ok(fill(NonNull::<u8>::dangling().as_ptr()).map(|()| RawBytes::empty()));
        }
        let reservation = Reservation::take(len)?;
        // The heap allocator reuses warm memory without clearing it: for a buffer the caller
        // fills anyway that is the fastest source at every size (no page faults, no memset).
        let layout = layout_for(len)?;
        // SAFETY: non-zero size, valid alignment.
        let ptr = unsafe { alloc::alloc(layout) };
        let ptr = NonNull::new(ptr).ok_or(AllocFailed)?;
        // Until `fill` succeeds the bytes are uninitialized: this guard frees them on error or
        // unwind without ever reading them.
        let guard = RawBytes {
            ptr,
            len,
            origin: Origin::Heap(layout),
            _reservation: reservation,
        };
        match fill(ptr.as_ptr()) {
            Ok(()) => Ok(Ok(guard)),
            Err(e) => Ok(Err(e)),
        }
    }

    /// A zero-length allocation: a dangling pointer aligned to [`STORE_ALIGN`].
    pub(crate) fn empty() -> RawBytes {
        RawBytes {
            // STORE_ALIGN is a non-zero power of two, so this address is non-null and aligned.
            ptr: NonNull::new(STORE_ALIGN as *mut u8).unwrap_or(NonNull::dangling()),
            len: 0,
            origin: Origin::Empty,
            _reservation: Reservation::none(),
        }
    }

    #[cfg(unix)]
    fn mapped(len: usize, reservation: Reservation) -> Result<RawBytes, AllocFailed> {
        let huge = huge_pages_available();
        let page = if huge { HUGE_PAGE } else { page_size() };
        let map_len = len.checked_add(page - 1).ok_or(AllocFailed)? & !(page - 1);
        // SAFETY: an anonymous private mapping with no address hint touches no existing memory;
        // the result is checked against MAP_FAILED before use.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(AllocFailed);
        }
        // Mappings are page aligned (>= STORE_ALIGN) and the kernel zero-fills anonymous pages.
        let ptr = NonNull::new(ptr.cast::<u8>()).ok_or(AllocFailed)?;
        if huge {
            advise_huge_pages(ptr, map_len);
        }
        Ok(RawBytes {
            ptr,
            len,
            origin: Origin::Mapped(map_len),
            _reservation: reservation,
        })
    }

    /// The first byte; stable for the life of the allocation, aligned to [`STORE_ALIGN`].
    pub(crate) fn ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// [`ptr`](Self::ptr) as the non-null pointer it always is.
    pub(crate) fn non_null(&self) -> NonNull<u8> {
        self.ptr
    }

    /// The number of bytes.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether the bytes came from the kernel as a fresh mapping (diagnostics and tests).
    pub(crate) fn is_mapped(&self) -> bool {
        #[cfg(unix)]
        if let Origin::Mapped(_) = self.origin {
            return true;
        }
        false
    }
}

impl Drop for RawBytes {
    fn drop(&mut self) {
        match self.origin {
            Origin::Empty => {}
            // SAFETY: allocated by `std::alloc` with exactly this layout and not freed before.
            Origin::Heap(layout) => unsafe { alloc::dealloc(self.ptr.as_ptr(), layout) },
            Origin::Recycled { index, cap } => {
                // SAFETY: a live block of `recycle::layout(cap)`, owned by this value and given
                // up here; it was zero when handed out and only its first `len` bytes were
                // reachable through this allocation, so `len..cap` is still zero.
                let kept = unsafe { recycle::give(self.ptr, index, cap, self.len) };
                if !kept {
                    // SAFETY: still ours (not kept), allocated with exactly this layout.
                    unsafe { alloc::dealloc(self.ptr.as_ptr(), recycle::layout(cap)) };
                }
            }
            #[cfg(unix)]
            Origin::Mapped(map_len) => {
                // SAFETY: this exact range was returned by mmap and is unmapped only here. A
                // failure leaves the mapping in place (a leak, never a use-after-free).
                unsafe {
                    libc::munmap(self.ptr.as_ptr().cast(), map_len);
                }
            }
        }
    }
}

/// Whether [`RawBytes::zeroed`] of `len` bytes maps fresh pages (cleared by the kernel, huge
/// pages where available) rather than clearing heap memory with a memset. At those sizes a
/// store that is written in full anyway is still best taken zeroed: there is no zeroing pass to
/// skip, and the heap would hand out fresh 4 KiB pages (malloc maps too), one fault each.
pub(crate) fn zeroed_is_mapped(len: usize) -> bool {
    #[cfg(unix)]
    {
        len > 0 && len >= mmap_threshold()
    }
    #[cfg(not(unix))]
    {
        let _ = len;
        false
    }
}

/// The largest zeroed store taken as plain heap memory cleared here rather than from the
/// allocator's `calloc`: for small blocks `calloc` bypasses the allocator's per-thread cache and
/// costs several times a `malloc` plus a short `memset` (alloc(100): ~260 instructions against
/// ~70, callgrind); past this size `calloc` may hand out fresh pages it need not clear.
const SMALL_ZEROED_MAX: usize = 4096;

/// The size from which zeroed stores are mapped rather than taken from the heap (see the module
/// documentation).
#[cfg(unix)]
pub(crate) fn mmap_threshold() -> usize {
    if huge_pages_available() {
        HUGE_MMAP_THRESHOLD
    } else {
        MMAP_THRESHOLD
    }
}

/// Whether the kernel backs `MADV_HUGEPAGE` mappings with transparent huge pages (Linux:
/// `/sys/kernel/mm/transparent_hugepage/enabled` selects `always` or `madvise`). Read once.
#[cfg(unix)]
fn huge_pages_available() -> bool {
    #[cfg(target_os = "linux")]
    {
        static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *AVAILABLE.get_or_init(|| {
            std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled")
                .map(|mode| mode.contains("[always]") || mode.contains("[madvise]"))
                .unwrap_or(false)
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Asks for huge pages over a fresh mapping. The kernel aligns anonymous mappings of 2 MiB and
/// more to 2 MiB itself (Linux 6.7+); on older kernels the unaligned head and tail simply stay in
/// small pages. Advice only: a refusal changes speed, never contents (still zero on first touch).
#[cfg(unix)]
fn advise_huge_pages(ptr: NonNull<u8>, map_len: usize) {
    #[cfg(target_os = "linux")]
    // SAFETY: `ptr..ptr + map_len` is exactly a mapping we just created and still own; the advice
    // changes only how its (not yet touched) pages are backed.
    unsafe {
        libc::madvise(ptr.as_ptr().cast(), map_len, libc::MADV_HUGEPAGE);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (ptr, map_len);
}

/// Stores of at least this many bytes start on a cache line ([`BULK_ALIGN`]).
pub const BULK_ALIGN_FROM: usize = 4096;

/// Alignment of stores from [`BULK_ALIGN_FROM`] bytes: one cache line. Bulk copies and compares
/// between two stores run slowest when the stores sit at different offsets within a cache line
/// (measured: a 64 KiB `equals` 1.2 us at equal offsets, 1.6 us at 16 or 48 bytes apart), and
/// the heap allocator alone gives 16-byte alignment.
pub const BULK_ALIGN: usize = 64;

/// The heap layout of a store of `len` bytes.
pub(crate) fn store_layout(len: usize) -> Option<Layout> {
    let align = if len >= BULK_ALIGN_FROM {
        BULK_ALIGN
    } else {
        STORE_ALIGN
    };
    Layout::from_size_align(len, align).ok()
}

fn layout_for(len: usize) -> Result<Layout, AllocFailed> {
    store_layout(len).ok_or(AllocFailed)
}

#[cfg(unix)]
fn page_size() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PAGE: AtomicUsize = AtomicUsize::new(0);
    let cached = PAGE.load(Ordering::Relaxed);
    if cached != 0 {
        return cached;
    }
    // SAFETY: sysconf only reads a system constant.
    let raw = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let page = if raw > 0 && (raw as usize).is_power_of_two() {
        raw as usize
    } else {
        4096
    };
    PAGE.store(page, Ordering::Relaxed);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(raw: &RawBytes) -> Vec<u8> {
        // SAFETY: the allocation is live, initialized, and nothing else refers to it in a test.
        unsafe { std::slice::from_raw_parts(raw.ptr(), raw.len()) }.to_vec()
    }

    #[test]
    fn zeroed_sizes_are_zero_and_aligned() {
        for len in [
            0,
            1,
            15,
            16,
            17,
            4096,
            100_000,
            mmap_threshold() - 1,
            mmap_threshold(),
            HUGE_MMAP_THRESHOLD + 1,
            MMAP_THRESHOLD + 3,
            1 << 20,
        ] {
            let raw = RawBytes::zeroed(len).unwrap();
            assert_eq!(raw.len(), len);
            assert_eq!(raw.ptr() as usize % STORE_ALIGN, 0);
            assert!(bytes(&raw).iter().all(|&b| b == 0));
            assert_eq!(raw.is_mapped(), len >= mmap_threshold());
        }
    }

    #[test]
    fn small_zeroed_stores_never_show_bytes_of_released_ones() {
        // Small zeroed stores are cleared here, not by `calloc`: fill and release stores of the
        // sizes around the cut-off with a secret, then allocate the same sizes again (the heap
        // hands the released blocks back): every byte of each new store reads as zero.
        for len in [
            1,
            16,
            100,
            1000,
            SMALL_ZEROED_MAX - 1,
            SMALL_ZEROED_MAX,
            SMALL_ZEROED_MAX + 1,
        ] {
            for _ in 0..4 {
                let dirty: Vec<RawBytes> = (0..8).map(|_| RawBytes::zeroed(len).unwrap()).collect();
                for raw in &dirty {
                    // SAFETY: the allocation is live, `len` bytes long, and only this test
                    // refers to it.
                    unsafe { std::ptr::write_bytes(raw.ptr(), 0xA5, raw.len()) };
                }
                drop(dirty);
                let fresh: Vec<RawBytes> = (0..8).map(|_| RawBytes::zeroed(len).unwrap()).collect();
                for raw in &fresh {
                    assert!(bytes(raw).iter().all(|&b| b == 0), "len {len}");
                }
            }
        }
    }

    #[test]
    fn mapped_stores_never_show_bytes_of_released_ones() {
        // Fill a large store with a secret, release it, and allocate the same size again many
        // times: every fresh store (mapped, possibly at the same address) reads as zeros, and
        // its last byte (inside the huge-page rounding) is writable.
        let len = mmap_threshold() + 12_345;
        for _ in 0..8 {
            let raw = RawBytes::zeroed(len).unwrap();
            assert!(raw.is_mapped());
            assert!(bytes(&raw).iter().all(|&b| b == 0));
            // SAFETY: the allocation is live, `len` bytes long, and only this test refers to it.
            unsafe { std::ptr::write_bytes(raw.ptr(), 0xA5, raw.len()) };
            assert!(bytes(&raw).iter().all(|&b| b == 0xA5));
        }
    }

    #[test]
    fn filled_writes_every_byte_or_frees() {
        for len in [0usize, 1, 33, 300_000, MMAP_THRESHOLD + 5] {
            // SAFETY: the closure writes all `len` bytes.
            let raw = unsafe {
                RawBytes::filled::<()>(len, |p| {
                    for i in 0..len {
                        p.add(i).write(i as u8);
                    }
                    Ok(())
                })
            }
            .unwrap()
            .unwrap();
            assert_eq!(bytes(&raw), (0..len).map(|i| i as u8).collect::<Vec<_>>());
        }
        // SAFETY: the closure fails, so nothing needs to be initialized.
        let failed = unsafe { RawBytes::filled(64, |_| Err("no")) }.unwrap();
        assert_eq!(failed.err(), Some("no"));
    }

    #[test]
    fn absurd_sizes_fail_cleanly() {
        assert_eq!(RawBytes::zeroed(usize::MAX).err(), Some(AllocFailed));
        assert_eq!(
            RawBytes::zeroed(isize::MAX as usize).err(),
            Some(AllocFailed)
        );
    }
}
