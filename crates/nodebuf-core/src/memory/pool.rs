//! Node's Buffer pool: small Buffers are carved out of shared 8 KiB slabs.
//!
//! Mirrors Node v20 exactly (offsets and which Buffers share a slab are observable through
//! `byteOffset` and `.buffer`):
//! - `Buffer.poolSize` is 8192 and writable ([`set_pool_size`]); a request of `size` bytes is
//!   pooled when `0 < size < (poolSize >>> 1)`, reading the *live* value.
//! - The room check compares against the size the *current* slab had when it was created; when
//!   the request does not fit, a new slab of the live `poolSize` is made and the old tail is
//!   abandoned.
//! - After each pooled allocation the offset is rounded up to a multiple of 8.
//! - Node's start-up code takes the first 8 bytes of the first slab (the first user
//!   `allocUnsafe(1)` gets `byteOffset` 8); the first slab of each thread is made the same way.
//!
//! Node keeps one pool per isolate; we keep one per thread (stores are single-threaded).
//!
//! Beyond Node: every slab is a fresh zeroed allocation and each byte is handed out once (the
//! offset moves back only to return bytes no Buffer ever saw, cleared: the unused part of a string
//! estimate, or a failed fill). A pooled `allocUnsafe` therefore never shows another Buffer's
//! bytes. Whoever holds the slab's `ArrayBuffer` (`buf.buffer`) can write its free tail, as in
//! Node; from then on each allocation from that slab is cleared before use.

use std::cell::RefCell;
use std::rc::Rc;

use super::retention::{Site, StoreKind};
use super::store::{ArrayBuffer, StoreInner};
use crate::number::to_uint32;
use crate::NodeError;

/// Node's default `Buffer.poolSize`.
pub const DEFAULT_POOL_SIZE: f64 = 8192.0;

/// Bytes Node's own start-up code takes from the first slab before user code runs.
const STARTUP_OFFSET: usize = 8;

struct PoolState {
    /// The live `Buffer.poolSize` (a JS number: the threshold uses `ToUint32(poolSize) >>> 1`).
    pool_size: f64,
    /// `ToUint32(pool_size) >>> 1`, kept with `pool_size` so the hot path does no float work.
    threshold: u64,
    /// The current slab, held by the pool (one handle) until it is replaced.
    slab: Option<ArrayBuffer>,
    /// `poolSize` as it was when the current slab was made: the room check uses it.
    slab_created_size: f64,
    /// Node's `poolOffset` is a JS number: `offset + frac`. A fractional `allocUnsafe` size
    /// leaves a fraction when the truncated offset is already 8-aligned (Node's alignment works on
    /// the truncated value); `offset` is always a multiple of 8 and `frac` in `0..1`.
    offset: usize,
    frac: f64,
}

thread_local! {
    static POOL: RefCell<PoolState> = const {
        RefCell::new(PoolState {
            pool_size: DEFAULT_POOL_SIZE,
            threshold: DEFAULT_POOL_SIZE as u64 >> 1,
            slab: None,
            slab_created_size: DEFAULT_POOL_SIZE,
            offset: 0,
            frac: 0.0,
        })
    };
}

/// This thread's `Buffer.poolSize`.
pub fn pool_size() -> f64 {
    POOL.try_with(|p| p.try_borrow().map(|p| p.pool_size).ok())
        .ok()
        .flatten()
        .unwrap_or(DEFAULT_POOL_SIZE)
}

/// Sets this thread's `Buffer.poolSize` (any JS number, as Node allows any value). Takes effect
/// for the threshold at once and for the slab size when the next slab is made.
pub fn set_pool_size(size: f64) {
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.pool_size = size;
            p.threshold = u64::from(to_uint32(size) >> 1);
        }
    });
}

/// Whether Node would pool a request of `size` bytes now: `0 < size < (poolSize >>> 1)`.
#[inline]
pub fn is_poolable(size: usize) -> bool {
    size > 0 && (size as u64) < threshold()
}

/// [`is_poolable`] for a JS size that may have a fraction (`allocUnsafe(0.5)` is pooled: an
/// empty view that still moves the pool).
#[inline]
pub fn is_poolable_js(size: f64) -> bool {
    size > 0.0 && size < threshold() as f64
}

/// `Buffer.poolSize >>> 1` with the live value.
#[inline]
pub fn threshold() -> u64 {
    POOL.try_with(|p| p.try_borrow().map(|p| p.threshold).ok())
        .ok()
        .flatten()
        .unwrap_or(DEFAULT_POOL_SIZE as u64 >> 1)
}

/// How a request that passed Node's room check but does not fit the current slab fails (possible
/// only after a slab creation failed, see [`reserve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Overrun {
    /// Node makes a view of the requested size (allocUnsafe and the copies): it throws.
    ViewThrows,
    /// Node writes a string into the slab first (`from(string)`): it throws only for an offset
    /// past the end, else the reservation is shortened to what fits.
    WriteTruncates,
}

/// A region of a slab handed to one caller: `start..start + reserved`, fresh zero bytes.
pub(crate) struct Reservation {
    pub(crate) store: Rc<StoreInner>,
    pub(crate) start: usize,
    pub(crate) reserved: usize,
    /// The pool's fraction before this reservation, and its state right after it.
    pre_frac: f64,
    post: (usize, f64),
}

/// Takes `reserve` bytes from the pool, making a new slab when they do not fit in the current one
/// (checked against the size the slab was created with). The caller has already decided that the
/// request is poolable (Node's rule differs per operation). Call [`commit`] with the bytes
/// actually used; until then the whole reservation counts as used.
///
/// Returns `None` when the pool cannot serve the request (it is busy in an enclosing call on this
/// thread, or the thread is shutting down); the caller then allocates an unpooled store. Errors
/// are Node's: a slab of a negative or oversized `poolSize` cannot be made, and after such a
/// failure a request that passes the room check but not the old slab's bounds throws.
/// `site` is recorded as the creation site of a new slab. `extra` (`0..1`) is the fractional part
/// of a JS size (`allocUnsafe(1.5)`): it counts in the room check and the advance, not the view.
#[inline]
pub(crate) fn reserve(
    reserve: usize,
    extra: f64,
    site: Site,
    mode: Overrun,
) -> Option<Result<Reservation, Box<NodeError>>> {
    POOL.try_with(|p| {
        let mut p = p.try_borrow_mut().ok()?;
        let fits = p.slab.is_some()
            && reserve as f64 + extra <= p.slab_created_size - (p.offset as f64 + p.frac);
        if !fits {
            if let Err(e) = new_slab_for(&mut p, reserve, extra, site) {
                return Some(Err(e));
            }
        }
        // The room check passes against a slab too small only after a failed slab creation
        // (Node then keeps the old slab but records the new size). Node then fails as its code
        // path does: a view of `reserve` bytes throws; a string write into the slab throws for
        // an offset past the end, else writes what fits.
        let slab = p.slab.as_ref()?;
        let len = slab.byte_length();
        let reserve = match mode {
            Overrun::ViewThrows if p.offset.saturating_add(reserve) > len => {
                return Some(Err(Box::new(NodeError::invalid_typed_array_length(
                    &reserve.to_string(),
                ))));
            }
            Overrun::WriteTruncates if p.offset > len => {
                return Some(Err(Box::new(NodeError::out_of_buffer_bounds(Some(
                    "offset",
                )))));
            }
            Overrun::WriteTruncates => reserve.min(len - p.offset),
            Overrun::ViewThrows => reserve,
        };
        let store = Rc::clone(&slab.inner);
        let (start, pre_frac) = (p.offset, p.frac);
        // Aligned now, so a reservation that is never committed still leaves Node's invariant.
        let post = advance(start, pre_frac, reserve as f64 + extra);
        (p.offset, p.frac) = post;
        Some(Ok(Reservation {
            store,
            start,
            reserved: reserve,
            pre_frac,
            post,
        }))
    })
    .ok()
    .flatten()
}

/// [`reserve`]'s slab making, out of line (once per slab): the first slab as Node's start-up
/// made it, then Node's room check, which makes a new slab of the live `poolSize` when the
/// request does not fit.
#[cold]
#[inline(never)]
fn new_slab_for(
    p: &mut PoolState,
    reserve: usize,
    extra: f64,
    site: Site,
) -> Result<(), Box<NodeError>> {
    if p.slab.is_none() {
        // The first slab, as Node's start-up made it: default size, first 8 bytes taken.
        let slab = make_slab(DEFAULT_POOL_SIZE, site)?;
        p.slab = Some(slab);
        p.slab_created_size = DEFAULT_POOL_SIZE;
        p.offset = STARTUP_OFFSET;
        p.frac = 0.0;
    }
    if reserve as f64 + extra > p.slab_created_size - (p.offset as f64 + p.frac) {
        replace_slab(p, site)?;
    }
    Ok(())
}

/// Ends a reservation that used `used` bytes (`<= reserved`): the pool offset becomes
/// `start + used` rounded up to 8, as Node advances it by the bytes written. If another pooled
/// allocation happened meanwhile (only possible from inside the caller's own callback) the
/// reservation's unused tail is left abandoned instead. Without a commit the whole reservation
/// stays used.
pub(crate) fn commit(reservation: &Reservation, used: usize) {
    let used = used.min(reservation.reserved);
    let _ = POOL.try_with(|p| {
        let Ok(mut p) = p.try_borrow_mut() else {
            return;
        };
        let same_slab = p
            .slab
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(&s.inner, &reservation.store));
        if same_slab && (p.offset, p.frac) == reservation.post {
            (p.offset, p.frac) = advance(reservation.start, reservation.pre_frac, used as f64);
        }
    });
}

/// Node's `poolOffset += size; alignPool()` from `start + frac`: the alignment looks at the
/// truncated offset (`poolOffset & 7`), so an aligned truncation keeps the fraction.
#[inline]
fn advance(start: usize, frac: f64, size: f64) -> (usize, f64) {
    let js = start as f64 + frac + size;
    // `js` is a non-negative number far below 2**53: the conversion truncates it exactly (no
    // call to `trunc`).
    let n = js as usize;
    let whole = n as f64;
    if n & 7 != 0 {
        (n.checked_add(7).map_or(n, |m| m & !7), 0.0)
    } else {
        (n, js - whole)
    }
}

fn replace_slab(p: &mut PoolState, site: Site) -> Result<(), NodeError> {
    // Node records the size before allocating: when the allocation throws (a negative
    // `poolSize`), the old slab and offset stay but later room checks use the new size.
    p.slab_created_size = p.pool_size;
    let slab = make_slab(p.pool_size, site)?;
    p.slab = Some(slab);
    p.offset = 0;
    p.frac = 0.0;
    Ok(())
}

/// A new slab of `size` bytes (a JS number, converted as `new Uint8Array(size)` would).
fn make_slab(size: f64, site: Site) -> Result<ArrayBuffer, NodeError> {
    let len = if size.is_nan() { 0.0 } else { size.trunc() };
    if len < 0.0 {
        return Err(NodeError::invalid_typed_array_length(
            &crate::number::to_string(size),
        ));
    }
    if len > super::store::max_length() as f64 {
        // What V8 reports when Node's pool creation asks for more than kMaxLength.
        return Err(NodeError::invalid_typed_array_length("undefined"));
    }
    let inner = StoreInner::zeroed(len as usize, StoreKind::Pool, site)?;
    Ok(ArrayBuffer::private_handle(inner))
}

/// Node's room check for a pooled copy of `size` bytes without taking any: when they do not
/// fit in the current slab a new slab is made and the offset stays at its start. Node does
/// this (`createPool()`) before copies that may then throw, e.g. `Buffer.from(bigInt64Array)`.
/// Only for sizes [`is_poolable`] accepts.
#[track_caller]
pub fn make_room(size: usize) -> Result<(), NodeError> {
    match reserve(size, 0.0, Site::caller(), Overrun::ViewThrows) {
        Some(Ok(reservation)) => {
            commit(&reservation, 0);
            Ok(())
        }
        Some(Err(e)) => Err(*e),
        None => Ok(()),
    }
}

/// The current slab, the pool's offset and its fraction (Node's `allocPool` and `poolOffset`);
/// `None` before the first slab, or while the pool is busy or gone.
pub(crate) fn current() -> Option<(Rc<StoreInner>, usize, f64)> {
    POOL.try_with(|p| {
        let p = p.try_borrow().ok()?;
        let slab = p.slab.as_ref()?;
        Some((Rc::clone(&slab.inner), p.offset, p.frac))
    })
    .ok()
    .flatten()
}

/// Node's `poolOffset += size; alignPool()` on the pool as it is now (`size >= 0`, finite).
pub(crate) fn advance_by(size: f64) {
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            let (offset, frac) = (p.offset, p.frac);
            (p.offset, p.frac) = advance(offset, frac, size);
        }
    });
}

/// Moves the pool's offset to the current slab's end (what remains of it is never handed out).
pub(crate) fn exhaust() {
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            let end = p.slab.as_ref().map_or(0, |s| s.byte_length());
            (p.offset, p.frac) = (end.max(p.offset), 0.0);
        }
    });
}

/// Returns this thread's pool to its start-up state: default `poolSize`, and the next pooled
/// allocation makes a first slab with 8 bytes taken. For tests and for a host that wants to
/// release the current slab; Node has no equivalent.
pub fn reset_pool() {
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            p.slab = None;
            p.pool_size = DEFAULT_POOL_SIZE;
            p.threshold = DEFAULT_POOL_SIZE as u64 >> 1;
            p.slab_created_size = DEFAULT_POOL_SIZE;
            p.offset = 0;
            p.frac = 0.0;
        }
    });
}

/// The current slab's id and offset (diagnostics and tests).
pub fn pool_position() -> Option<(u64, usize)> {
    POOL.try_with(|p| {
        let p = p.try_borrow().ok()?;
        p.slab.as_ref().map(|s| (s.id(), p.offset))
    })
    .ok()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_rounds_up_to_8() {
        assert_eq!(advance(0, 0.0, 0.0), (0, 0.0));
        assert_eq!(advance(0, 0.0, 1.0), (8, 0.0));
        assert_eq!(advance(0, 0.0, 8.0), (8, 0.0));
        assert_eq!(advance(0, 0.0, 4093.0), (4096, 0.0));
    }

    #[test]
    fn advance_keeps_a_fraction_on_an_aligned_truncation() {
        // Node: poolOffset 16 + 0.5 = 16.5, (16.5 & 7) == 0, so it stays 16.5.
        assert_eq!(advance(16, 0.0, 0.5), (16, 0.5));
        assert_eq!(advance(16, 0.5, 0.5), (24, 0.0));
        assert_eq!(advance(16, 0.5, 7.5), (24, 0.0));
        assert_eq!(advance(16, 0.25, 8.0), (24, 0.25));
    }
}
