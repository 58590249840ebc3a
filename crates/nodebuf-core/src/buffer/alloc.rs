//! Making Buffers: Node's allocation entry points, pooled and not pooled exactly as Node v20,
//! plus Rust constructors that fill every byte without a separate zeroing pass.
//!
//! No constructor ever exposes uninitialized memory or bytes of released Buffers: unpooled stores
//! are fresh zeroed (or fully written) allocations, and the pool hands each slab byte out once.
//! (As in Node, whoever holds a pool slab's `ArrayBuffer` — `buf.buffer` — can see and write the
//! whole slab, its unallocated tail included; once a slab has been handed out that way, each
//! later pooled allocation from it is cleared before use, so it still starts as zeros.)

use std::io;
use std::mem::MaybeUninit;
use std::rc::Rc;

use super::Buffer;
use crate::memory::pool::{self, Overrun, Reservation};
use crate::memory::raw::{self, RawBytes};
use crate::memory::retention::{Site, StoreKind};
use crate::memory::store::{alloc_error, check_size, StoreInner};
use crate::NodeError;

impl Buffer {
    /// Node's `fromStringFast` up to its write, for a write a script can observe (a replaced
    /// `buf.utf8Write` helper): the room check for `length` bytes (a new slab when they do not
    /// fit), then Node's `allocBuffer`, a Buffer over the whole current slab, and `poolOffset`,
    /// where the write starts. The slab is given out: whoever holds it may write its free
    /// tail, so later allocations from it are cleared before use.
    #[track_caller]
    pub fn pool_write_target(length: usize) -> Result<(Buffer, f64), NodeError> {
        pool::make_room(length)?;
        let (store, offset, frac) =
            pool::current().ok_or_else(NodeError::array_buffer_allocation_failed)?;
        let len = store.len();
        let slab = crate::memory::store::ArrayBuffer::from_inner(store);
        let whole = Buffer::from_parts(Rc::clone(&slab.inner), 0, len, Site::caller());
        Ok((whole, offset as f64 + frac))
    }

    /// Node's `new FastBuffer(allocPool, poolOffset, actual)` after that write, on the pool as
    /// it is now (the write may itself have allocated). `actual` is the write's count as a JS
    /// number (`None`: `undefined`, a view to the slab's end): NaN is 0 and a fraction is
    /// dropped. V8's RangeError for a length no view there can have (negative, infinite, past
    /// the slab's end). The view's bytes are the write's; nothing is cleared (pool bytes are
    /// handed out once, so no other Buffer's bytes are among them). The pool does not move
    /// until [`Buffer::pool_advance_written`].
    #[track_caller]
    pub fn pool_view_written(actual: Option<f64>) -> Result<Buffer, NodeError> {
        let (store, offset, _) =
            pool::current().ok_or_else(NodeError::array_buffer_allocation_failed)?;
        // (Only after a failed slab creation can the offset lie past the slab: V8 refuses such a
        // view's start.)
        if offset > store.len() {
            return Err(NodeError::typed_array_start_offset(&offset.to_string()));
        }
        let room = store.len() - offset;
        let count = match actual {
            None => room as f64,
            Some(n) if n.is_nan() => 0.0,
            Some(n) => n.trunc(),
        };
        if !(0.0..=room as f64).contains(&count) {
            let shown = crate::number::to_string(actual.unwrap_or(f64::NAN));
            return Err(NodeError::invalid_typed_array_length(&shown));
        }
        Ok(Buffer::from_parts(
            store,
            offset,
            count as usize,
            Site::caller(),
        ))
    }

    /// Node's `poolOffset += actual; alignPool()` after [`Buffer::pool_view_written`]
    /// (`step`: the count as a number). Where Node's offset stops being a number (a count
    /// that is NaN, e.g. `undefined`) and its next views would overlap earlier ones, the
    /// pool moves to the slab's end instead: the next pooled Buffer comes from a new slab.
    pub fn pool_advance_written(step: f64) {
        if step.is_nan() || step < 0.0 {
            pool::exhaust();
        } else {
            pool::advance_by(step);
        }
    }

    /// `Buffer.alloc(size)`: `size` zero bytes in a store of their own (never pooled). Sizes above
    /// `kMaxLength` fail with Node's `ERR_OUT_OF_RANGE`.
    #[track_caller]
    pub fn alloc(size: usize) -> Result<Buffer, NodeError> {
        Buffer::unpooled_zeroed(size, Site::caller())
    }

    /// `Buffer.allocUnsafeSlow(size)`: a store of its own, never pooled. (Zero-filled here: we
    /// never expose old bytes, and fresh pages cost nothing to clear.)
    #[track_caller]
    pub fn alloc_unsafe_slow(size: usize) -> Result<Buffer, NodeError> {
        Buffer::unpooled_zeroed(size, Site::caller())
    }

    /// `Buffer.allocUnsafe(size)`: from the pool when `0 < size < poolSize >>> 1`, else a store of
    /// its own. The bytes are zero (Node's may hold old data; ours never do).
    #[track_caller]
    pub fn alloc_unsafe(size: usize) -> Result<Buffer, NodeError> {
        Buffer::pooled_or_fresh(size, Site::caller())
    }

    /// [`Buffer::alloc_unsafe`] for a JS size `len + extra` whose fraction `extra` (`0..1`) Node's
    /// pool arithmetic keeps (`allocUnsafe(1.5)`, an array-like of length 1.5): `len` bytes.
    #[track_caller]
    pub fn alloc_unsafe_js(len: usize, extra: f64) -> Result<Buffer, NodeError> {
        Buffer::pooled_or_fresh_js(len, extra, Site::caller())
    }

    /// `Buffer.from(bytes)` for an array, typed array, Buffer or `copyBytesFrom`: a copy, pooled by
    /// the `allocUnsafe` rule.
    #[track_caller]
    pub fn from_bytes(bytes: &[u8]) -> Result<Buffer, NodeError> {
        let len = bytes.len();
        // SAFETY: the closure writes all `len` bytes. `bytes` is a live shared slice held by the
        // caller, so it cannot overlap the destination, which is lent exclusively to us (pool) or
        // not yet reachable by anyone (fresh store).
        unsafe {
            Buffer::alloc_written(len, Site::caller(), false, |dst| {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, len)
            })
        }
    }

    /// `Buffer.from(uint8Array)` when the source bytes are reachable only through a raw
    /// pointer (an engine's typed array): a copy, pooled by the `allocUnsafe` rule, written
    /// once (an unpooled store is not zeroed first).
    ///
    /// # Safety
    /// `src` must be readable for `len` bytes for the whole call and no reference to those
    /// bytes may be live. They may overlap the destination (a JS view of a whole pool slab
    /// covers bytes the pool has not handed out yet): the copy is overlap-safe.
    #[track_caller]
    pub unsafe fn copy_from_raw(src: *const u8, len: usize) -> Result<Buffer, NodeError> {
        // SAFETY: the closure writes all `len` bytes; reads of `src` are valid (the caller's
        // contract) and `ptr::copy` allows the overlap described above.
        unsafe {
            Buffer::alloc_written(len, Site::caller(), false, |dst| {
                std::ptr::copy(src, dst, len)
            })
        }
    }

    /// `Buffer.concat(list, total)` of byte ranges reachable only through raw pointers: one
    /// Buffer of `total` bytes, allocated by the `allocUnsafe` rule, the parts written one
    /// after the other up to `total` (a part that does not fit is cut) and the rest zeroed,
    /// as Node's concat does.
    ///
    /// # Safety
    /// Each `(ptr, len)` must be readable for the whole call with no reference to those bytes
    /// live; they may overlap the destination as in [`Buffer::copy_from_raw`].
    #[track_caller]
    pub unsafe fn concat_raw_into(
        parts: &[(*const u8, usize)],
        total: usize,
    ) -> Result<Buffer, NodeError> {
        // SAFETY: each part is cut to what is left of `total` and the rest is zeroed, so the
        // closure writes every byte; reads are valid (the caller's contract) and `ptr::copy`
        // allows the overlap.
        unsafe {
            Buffer::alloc_written(total, Site::caller(), false, |dst| {
                let mut at = 0;
                for &(src, len) in parts {
                    let take = len.min(total - at);
                    std::ptr::copy(src, dst.add(at), take);
                    at += take;
                }
                std::ptr::write_bytes(dst.add(at), 0, total - at);
            })
        }
    }

    /// `Buffer.of(...bytes)` (and any other copy Node makes without the pool): a copy in a store
    /// of its own.
    #[track_caller]
    pub fn of(bytes: &[u8]) -> Result<Buffer, NodeError> {
        let len = bytes.len();
        // SAFETY: the closure writes all `len` bytes of a fresh allocation, which cannot overlap
        // the caller's live slice.
        unsafe {
            Buffer::unpooled_written(len, Site::caller(), |dst| {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, len)
            })
        }
    }

    /// The pooled-allocation step of `Buffer.from(string, encoding)`, with Node v20's exact pool
    /// decisions; the caller supplies the string's facts and its encoder:
    /// - `char_len`: the string's length in UTF-16 units (`string.length`);
    /// - `byte_length`: the encoding's `Buffer.byteLength` (may over-estimate, as base64 does);
    ///   called only when Node would compute it;
    /// - `encode`: writes the string into the zeroed slice it gets (the reserved size: the
    ///   estimate, shorter only where Node would write into a slab too small for it)
    ///   and returns how many bytes it wrote.
    ///
    /// Node's rules: an empty string gives an empty Buffer in a store of its own. Otherwise, with
    /// `max = poolSize >>> 1`: `char_len >= max` → unpooled; else the estimate is
    /// `char_len * 4`, replaced by `byte_length()` when that estimate is `>= max`; an estimate
    /// `>= max` → unpooled. Pooled: the room check uses the estimate, and the pool offset advances
    /// by the bytes written. Unpooled: a store of `byte_length()` bytes, viewed for the bytes
    /// written (so over-estimated base64 keeps its larger store, as in Node).
    ///
    /// Bytes the encoder wrote past its returned count are cleared again, so they can never show
    /// up in a later allocation.
    #[track_caller]
    pub fn from_encoded(
        char_len: usize,
        byte_length: impl FnOnce() -> usize,
        encode: impl FnOnce(&mut [u8]) -> usize,
    ) -> Result<Buffer, NodeError> {
        // SAFETY: without an uninit encoder there is nothing to initialize.
        unsafe {
            Buffer::from_encoded_uninit(
                char_len,
                byte_length,
                encode,
                None::<fn(&mut [MaybeUninit<u8>]) -> usize>,
            )
        }
    }

    /// [`from_encoded`](Self::from_encoded) with an optional second encoder for a store of its
    /// own: `encode_uninit` writes into uninitialized memory (see
    /// [`encoding::uninit_writer`](crate::encoding::uninit_writer)), so an unpooled result from
    /// the heap is allocated without the zeroing pass and written once. The pooled path, and
    /// sizes whose zeroed stores are fresh mapped pages (nothing to skip there), use `encode`.
    ///
    /// # Safety
    /// `encode_uninit` must have initialized the first `n` bytes of its slice when it returns
    /// `n` (the count is trusted: those bytes become the Buffer's).
    #[track_caller]
    pub(crate) unsafe fn from_encoded_uninit(
        char_len: usize,
        byte_length: impl FnOnce() -> usize,
        encode: impl FnOnce(&mut [u8]) -> usize,
        encode_uninit: Option<impl FnOnce(&mut [MaybeUninit<u8>]) -> usize>,
    ) -> Result<Buffer, NodeError> {
        let site = Site::caller();
        if char_len == 0 {
            return Buffer::unpooled_zeroed(0, site);
        }
        let max = pool::threshold();
        let mut byte_length = Some(byte_length);
        let mut encode = Some(encode);
        let mut exact = None;
        let estimate = if char_len as u64 >= max {
            None
        } else {
            let quick = char_len.saturating_mul(4);
            if (quick as u64) < max {
                Some(quick)
            } else {
                let len = byte_length.take().map_or(0, |f| f());
                exact = Some(len);
                ((len as u64) < max).then_some(len)
            }
        };
        if let Some(estimate) = estimate {
            let served = use_pool(
                estimate,
                0.0,
                site,
                Overrun::WriteTruncates,
                true,
                |dst, cap| {
                    // SAFETY: `use_pool` lends these `cap` initialized bytes to us alone.
                    let slice = unsafe { std::slice::from_raw_parts_mut(dst, cap) };
                    let written = encode.take().map_or(0, |f| f(slice)).min(cap);
                    // SAFETY: same bytes, still ours; the slice is no longer used.
                    unsafe { clear_tail(dst, written, cap) };
                    (written, written)
                },
            );
            if let Some(served) = served {
                let (reservation, written) = served.map_err(|e| *e)?;
                return Ok(Buffer::from_reservation(reservation, written, site));
            }
        }
        let size = match exact {
            Some(len) => len,
            None => byte_length.map_or(0, |f| f()),
        };
        if let Some(encode_uninit) = encode_uninit.filter(|_| !raw::zeroed_is_mapped(size)) {
            // SAFETY: the caller's contract on `encode_uninit`.
            return unsafe { Buffer::unpooled_encoded(size, site, encode_uninit) };
        }
        let store = StoreInner::zeroed(size, StoreKind::Buffer, site)?;
        // SAFETY: the store is fresh: no view or handle of it exists yet, so this is the only
        // reference to its bytes while `encode` runs.
        let slice = unsafe { std::slice::from_raw_parts_mut(store.ptr(), size) };
        let written = encode.take().map_or(0, |f| f(slice)).min(size);
        // SAFETY: still the only reference to the store's bytes; the range is inside it.
        unsafe { clear_tail(store.ptr(), written, size) };
        Ok(Buffer::from_parts(store, 0, written, site))
    }

    /// A Buffer of `len` bytes where byte `i` is `f(i)`, allocated as `allocUnsafe` would be
    /// (pooled when small) but written once, with no zeroing pass for unpooled sizes. If `f`
    /// panics no Buffer is made and the bytes written so far are never handed out.
    #[track_caller]
    pub fn from_fn(len: usize, mut f: impl FnMut(usize) -> u8) -> Result<Buffer, NodeError> {
        // SAFETY: the closure writes every one of the `len` bytes, reading none. `f` cannot reach
        // the destination: pool bytes are lent exclusively to us, a fresh store is unreachable.
        unsafe {
            Buffer::alloc_written(len, Site::caller(), true, |dst| {
                for i in 0..len {
                    dst.add(i).write(f(i));
                }
            })
        }
    }

    /// A Buffer of exactly `len` bytes read from `reader` (retrying on `Interrupted`), allocated
    /// as `allocUnsafe` would be. A short read fails with `UnexpectedEof`; on any error no Buffer
    /// is made and nothing read is exposed (pool bytes read so far are cleared and given back).
    #[track_caller]
    pub fn from_reader(len: usize, reader: &mut impl io::Read) -> io::Result<Buffer> {
        let site = Site::caller();
        check_size(len).map_err(io::Error::other)?;
        if pool::is_poolable(len) {
            let served = use_pool(len, 0.0, site, Overrun::ViewThrows, true, |dst, _| {
                // SAFETY: `use_pool` lends these `len` initialized bytes to us alone.
                let slice = unsafe { std::slice::from_raw_parts_mut(dst, len) };
                match reader.read_exact(slice) {
                    Ok(()) => (Ok(()), len),
                    Err(e) => {
                        // Hand the bytes back clean: the next allocation gets them.
                        slice.fill(0);
                        (Err(e), 0)
                    }
                }
            });
            if let Some(served) = served {
                let (reservation, read) = served.map_err(|e| io::Error::other(*e))?;
                read?;
                return Ok(Buffer::from_reservation(reservation, len, site));
            }
        }
        // Unpooled: read chunk by chunk into memory cleared just before (cache-warm), so large
        // reads avoid both a separate full zeroing pass and fresh-page faults.
        const CHUNK: usize = 64 * 1024;
        // SAFETY: each chunk is zeroed before a `&mut [u8]` to it is made, and on success every
        // chunk has been zeroed and then filled: all `len` bytes are initialized.
        let raw = unsafe {
            RawBytes::filled(len, |p| {
                let mut done = 0;
                while done < len {
                    let n = CHUNK.min(len - done);
                    p.add(done).write_bytes(0, n);
                    let chunk = std::slice::from_raw_parts_mut(p.add(done), n);
                    reader.read_exact(chunk)?;
                    done += n;
                }
                Ok::<(), io::Error>(())
            })
        }
        .map_err(|e| io::Error::other(alloc_error(e)))??;
        Ok(Buffer::over_own_store(raw, site))
    }

    /// `len` bytes from the pool when poolable, else a zeroed store of their own: the
    /// `allocUnsafe` allocation.
    pub(crate) fn pooled_or_fresh(len: usize, site: Site) -> Result<Buffer, NodeError> {
        Buffer::pooled_or_fresh_js(len, 0.0, site)
    }

    /// [`Buffer::pooled_or_fresh`] for a JS size `len + extra` with a fraction `extra` in `0..1`:
    /// the view has `len` bytes; the fraction counts where Node's pool arithmetic sees it.
    #[inline]
    pub(crate) fn pooled_or_fresh_js(
        len: usize,
        extra: f64,
        site: Site,
    ) -> Result<Buffer, NodeError> {
        check_size(len)?;
        if pool::is_poolable_js(len as f64 + extra) {
            let served = use_pool(len, extra, site, Overrun::ViewThrows, false, |_, _| {
                ((), len)
            });
            if let Some(served) = served {
                let (reservation, ()) = served.map_err(|e| *e)?;
                return Ok(Buffer::from_reservation(reservation, len, site));
            }
        }
        Buffer::unpooled_zeroed(len, site)
    }

    /// `len` bytes allocated by the `allocUnsafe` rule and written by `fill`, which gets the
    /// first destination byte: the allocation behind every pooled copy (`from`, `concat`,
    /// `copyBytesFrom`). Unpooled stores are not zeroed first.
    ///
    /// `runs_user_code`: whether `fill` calls code we do not control (see `use_pool`).
    ///
    /// # Safety
    /// `fill` must write all `len` bytes through the pointer. It may read other store bytes
    /// through raw pointers (no reference to any store byte may be live), and those may overlap
    /// the destination only if the slab was handed out (see the module docs); use `ptr::copy`.
    pub(crate) unsafe fn alloc_written(
        len: usize,
        site: Site,
        runs_user_code: bool,
        fill: impl FnOnce(*mut u8),
    ) -> Result<Buffer, NodeError> {
        check_size(len)?;
        let mut fill = Some(fill);
        if pool::is_poolable(len) {
            let served = use_pool(
                len,
                0.0,
                site,
                Overrun::ViewThrows,
                runs_user_code,
                |dst, _| {
                    if let Some(fill) = fill.take() {
                        fill(dst);
                    }
                    ((), len)
                },
            );
            if let Some(served) = served {
                let (reservation, ()) = served.map_err(|e| *e)?;
                return Ok(Buffer::from_reservation(reservation, len, site));
            }
        }
        // SAFETY: `fill` writes all `len` bytes (the caller's obligation).
        unsafe {
            Buffer::unpooled_written(len, site, |p| match fill.take() {
                Some(fill) => fill(p),
                // Unreachable (the pooled branch takes `fill` only when it returns); kept so
                // the bytes are initialized on every path.
                None => p.write_bytes(0, len),
            })
        }
    }

    /// `len` bytes in a store of their own, written by `fill` (not zeroed first).
    ///
    /// # Safety
    /// `fill` must write all `len` bytes through the pointer it gets: a fresh allocation that
    /// nothing else can reach, so it cannot overlap any live slice.
    pub(crate) unsafe fn unpooled_written(
        len: usize,
        site: Site,
        fill: impl FnOnce(*mut u8),
    ) -> Result<Buffer, NodeError> {
        check_size(len)?;
        // SAFETY: `fill` writes all `len` bytes (the caller's obligation).
        let raw = unsafe {
            RawBytes::filled::<std::convert::Infallible>(len, |p| {
                fill(p);
                Ok(())
            })
        }
        .map_err(alloc_error)?;
        let raw = match raw {
            Ok(raw) => raw,
            Err(never) => match never {},
        };
        Ok(Buffer::over_own_store(raw, site))
    }

    /// A store of `size` bytes of its own written by `encode` (which gets them uninitialized and
    /// returns how many it wrote, from the start), viewed for the bytes written; the rest are
    /// zeroed so a larger store than the result never holds stale bytes.
    ///
    /// # Safety
    /// `encode` must have initialized the first `n` bytes of its slice when it returns `n`.
    unsafe fn unpooled_encoded(
        size: usize,
        site: Site,
        encode: impl FnOnce(&mut [MaybeUninit<u8>]) -> usize,
    ) -> Result<Buffer, NodeError> {
        check_size(size)?;
        let mut written = 0;
        // SAFETY: the closure initializes all `size` bytes: `encode` the first `written` (the
        // caller's contract) and `clear_tail` the rest.
        let raw = unsafe {
            RawBytes::filled::<std::convert::Infallible>(size, |p| {
                // SAFETY: `size` writable bytes of a fresh allocation that nothing else can
                // reach; viewed as `MaybeUninit`, no initialization is assumed.
                let dst = std::slice::from_raw_parts_mut(p.cast::<MaybeUninit<u8>>(), size);
                written = encode(dst).min(size);
                // SAFETY: the same allocation; `written..size` is inside it.
                clear_tail(p, written, size);
                Ok(())
            })
        }
        .map_err(alloc_error)?;
        let raw = match raw {
            Ok(raw) => raw,
            Err(never) => match never {},
        };
        let store = StoreInner::new(raw, StoreKind::Buffer, site);
        Ok(Buffer::from_parts(store, 0, written, site))
    }

    /// A view of all of `raw`, made a store of its own (kind `Buffer`) created at `site`.
    fn over_own_store(raw: RawBytes, site: Site) -> Buffer {
        let len = raw.len();
        Buffer::from_parts(StoreInner::new(raw, StoreKind::Buffer, site), 0, len, site)
    }

    pub(crate) fn unpooled_zeroed(size: usize, site: Site) -> Result<Buffer, NodeError> {
        let store = StoreInner::zeroed(size, StoreKind::Buffer, site)?;
        Ok(Buffer::from_parts(store, 0, size, site))
    }

    #[inline]
    fn from_reservation(reservation: Reservation, len: usize, site: Site) -> Buffer {
        Buffer::from_parts(reservation.store, reservation.start, len, site)
    }
}

/// Reserves `reserve` pool bytes and runs `work` on them while they are lent exclusively to it
/// (cleared first if the slab was ever handed out). `work` returns its result and how many bytes
/// it used; the pool then advances by that many (Node's rule). Returns `None`, with the pool as
/// before, when the pool cannot serve: it is busy in an enclosing call, or an enclosing borrow
/// covers the bytes (only possible through a view of the whole slab); the caller then allocates a
/// store of its own.
///
/// `runs_user_code` says whether `work` calls code we do not control. If it does not, nothing
/// can reach the reserved bytes while it runs, so no lend is recorded: a slab never handed out
/// has no other way in, and for one that was, checking that no enclosing borrow covers the
/// bytes is all a lend would have added.
#[inline]
fn use_pool<R>(
    reserve: usize,
    extra: f64,
    site: Site,
    mode: Overrun,
    runs_user_code: bool,
    work: impl FnOnce(*mut u8, usize) -> (R, usize),
) -> Option<Result<(Reservation, R), Box<NodeError>>> {
    let reservation = match pool::reserve(reserve, extra, site, mode)? {
        Ok(reservation) => reservation,
        Err(e) => return Some(Err(e)),
    };
    // `reserved` is `reserve` except for a string write into an overrun slab (see `Overrun`).
    let capacity = reservation.reserved;
    let (start, end) = (reservation.start, reservation.start + capacity);
    // SAFETY: `start..end` is inside the slab (checked by `reserve`).
    let dst = unsafe { reservation.store.ptr().add(start) };
    let exposed = reservation.store.is_exposed();
    let outcome = if !exposed && !runs_user_code {
        // Nothing can reach bytes of a slab never handed out that no view covers yet.
        Some(work(dst, capacity))
    } else if !runs_user_code {
        match reservation.store.borrows.check_write(start, end) {
            Ok(()) => {
                // SAFETY: in bounds, and no reference covers it (checked just now; nothing
                // runs between the check and `work`'s last write but `work`, which runs no
                // code that could make one).
                unsafe { dst.write_bytes(0, capacity) };
                Some(work(dst, capacity))
            }
            Err(_) => None,
        }
    } else {
        match reservation.store.borrows.lend(start, end, true) {
            Ok(lend) => {
                if exposed {
                    // SAFETY: in bounds, lent exclusively to us, no reference to it exists.
                    unsafe { dst.write_bytes(0, capacity) };
                }
                let outcome = work(dst, capacity);
                drop(lend);
                Some(outcome)
            }
            Err(_) => None,
        }
    };
    match outcome {
        Some((result, used)) => {
            if used != capacity {
                pool::commit(&reservation, used);
            }
            Some(Ok((reservation, result)))
        }
        None => {
            pool::commit(&reservation, 0);
            None
        }
    }
}

/// Zeroes bytes `from..to` after `ptr` (bytes an encoder wrote past its count).
///
/// # Safety
/// `ptr..ptr + to` must be inside one allocation that no reference covers.
unsafe fn clear_tail(ptr: *mut u8, from: usize, to: usize) {
    if from < to {
        // SAFETY: guaranteed by the caller.
        unsafe { ptr.add(from).write_bytes(0, to - from) };
    }
}
