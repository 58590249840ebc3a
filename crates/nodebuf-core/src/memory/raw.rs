//! Raw, aligned, always-initialized byte allocations: the memory behind every store.
//!
//! Node hands out `allocUnsafe` memory that may hold bytes of released buffers; we never do. Every
//! [`RawBytes`] is fully initialized before anyone can see it: either zeroed by the allocator or
//! the kernel, or written in full by the caller before the constructor returns.
//!
//! Zeroed requests come from the heap allocator's `calloc` path, except very large ones, which
//! go straight to `mmap` (Unix): the kernel hands out zero pages lazily, so a 50 MiB store that is
//! only partly used costs a system call instead of a 50 MiB `memset`. The threshold is high on
//! purpose: on this machine a page fault costs ~2 us, so writing a freshly mapped 1 MiB costs
//! ~500 us against ~11 us to clear 1 MiB of warm heap memory (measured; see the allocation
//! benchmark). 32 MiB is glibc's own ceiling for moving large blocks to the heap, so with glibc
//! this matches what `calloc` would do, and it stays true under any other global allocator.

use std::alloc::{self, Layout};
use std::ptr::NonNull;

use super::accounting::{OverBudget, Reservation};

/// Alignment of every store: enough for any typed array (Float64Array, BigInt64Array) and for
/// 16-byte SIMD loads at the start of a store.
pub const STORE_ALIGN: usize = 16;

/// Zeroed requests of at least this many bytes are mapped from the kernel (lazily zeroed pages)
/// instead of taken from the heap and cleared.
#[cfg(unix)]
pub const MMAP_THRESHOLD: usize = 32 * 1024 * 1024;

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
        if len >= MMAP_THRESHOLD {
            return RawBytes::mapped(len, reservation);
        }
        let layout = layout_for(len)?;
        // SAFETY: `layout` has a non-zero size (len > 0) and a valid power-of-two alignment.
        let ptr = unsafe { alloc::alloc_zeroed(layout) };
        let ptr = NonNull::new(ptr).ok_or(AllocFailed)?;
        Ok(RawBytes {
            ptr,
            len,
            origin: Origin::Heap(layout),
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
        let page = page_size();
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

fn layout_for(len: usize) -> Result<Layout, AllocFailed> {
    Layout::from_size_align(len, STORE_ALIGN).map_err(|_| AllocFailed)
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
            MMAP_THRESHOLD - 1,
            MMAP_THRESHOLD,
            1 << 20,
        ] {
            let raw = RawBytes::zeroed(len).unwrap();
            assert_eq!(raw.len(), len);
            assert_eq!(raw.ptr() as usize % STORE_ALIGN, 0);
            assert!(bytes(&raw).iter().all(|&b| b == 0));
            assert_eq!(raw.is_mapped(), len >= MMAP_THRESHOLD);
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
