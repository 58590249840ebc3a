//! JS's `Atomics` namespace over [`TypedArray`]s: sequentially consistent element operations
//! that work across real OS threads, and `wait`/`notify` with JS's semantics.
//!
//! Errors mirror V8's (TypeErrors and RangeErrors without a code):
//! - `[object Float64Array] is not an integer typed array.` (Float32/Float64/Uint8Clamped)
//! - `[object Uint32Array] is not an int32 or BigInt64 typed array.` (`wait` / `notify`)
//! - `[object Int32Array] is not a shared typed array.` (`wait` on ArrayBuffer memory)
//! - `Invalid atomic access index` (index past the end; the JS layer maps a negative or
//!   non-integral index that `ToIndex` rejects to `usize::MAX`)
//!
//! As in V8, the element operations also work on non-shared typed arrays.
//!
//! Waiters are kept per byte address (unique among live stores; a waiter's borrow keeps its store
//! alive), in FIFO order, in a table of mutex-protected shards. `wait` checks the value while
//! holding its shard's lock and enqueues itself before releasing it, and `notify` takes the same
//! lock, so a notify that follows a store can never slip between a waiter's check and its sleep.
//! Each waiter sleeps on its own condition variable and only returns `ok` once a notifier has
//! dequeued it, so spurious wake-ups just sleep again.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::error::NodeError;
use crate::memory::region::{self, ByteRegion, RmwOp};
use crate::typed_array::{Element, ElementKind, TypedArray};

/// V8's `ValidateIntegerTypedArray` (non-waitable): every integer kind except Uint8Clamped.
fn check_integer_kind(kind: ElementKind) -> Result<(), NodeError> {
    match kind {
        ElementKind::Uint8Clamped | ElementKind::Float32 | ElementKind::Float64 => {
            Err(NodeError::not_an_integer_typed_array(kind.name()))
        }
        _ => Ok(()),
    }
}

/// V8's check for `wait`/`notify`: only Int32Array and BigInt64Array.
fn check_waitable_kind(kind: ElementKind) -> Result<(), NodeError> {
    match kind {
        ElementKind::Int32 | ElementKind::BigInt64 => Ok(()),
        _ => Err(NodeError::not_a_waitable_typed_array(kind.name())),
    }
}

/// The store offset of element `index` of an integer array, or V8's errors.
fn integer_element<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
) -> Result<usize, NodeError> {
    check_integer_kind(E::KIND)?;
    ta.element_offset(index)
        .ok_or_else(NodeError::invalid_atomic_index)
}

/// The bits of a JS value as the element type stores them.
fn bits_of<E: Element>(v: E::Js) -> E::Bits {
    E::to_bits(E::from_js(v))
}

/// The JS value of some element bits.
fn js_of<E: Element>(b: E::Bits) -> E::Js {
    E::to_js(E::from_bits(b))
}

/// `Atomics.load(ta, index)`: the element, read with sequential consistency.
pub fn load<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
) -> Result<E::Js, NodeError> {
    let at = integer_element(ta, index)?;
    region::atomic_load::<E::Bits, S>(ta.store(), at)
        .map(js_of::<E>)
        .ok_or_else(NodeError::invalid_atomic_index)
}

/// `Atomics.store(ta, index, value)`: stores the converted value and returns what JS returns
/// for Number arrays: `ToIntegerOrInfinity(value)`, not wrapped (storing 300.7 in an Int8Array
/// returns 300). For BigInt arrays JS returns the BigInt it was given, which may exceed 64 bits:
/// the JS layer should return its own argument; here the (already wrapped) value comes back.
pub fn store<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    value: E::Js,
) -> Result<E::Js, NodeError> {
    let at = integer_element(ta, index)?;
    if !region::atomic_store(ta.store(), at, bits_of::<E>(value)) {
        return Err(NodeError::invalid_atomic_index());
    }
    Ok(E::atomics_store_result(value))
}

fn rmw<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    op: RmwOp,
    value: E::Js,
) -> Result<E::Js, NodeError> {
    let at = integer_element(ta, index)?;
    region::atomic_rmw(ta.store(), at, op, bits_of::<E>(value))
        .map(js_of::<E>)
        .ok_or_else(NodeError::invalid_atomic_index)
}

/// Defines the read-modify-write operations: each applies its [`RmwOp`] atomically to the
/// element's bits and returns the previous element.
macro_rules! rmw_operations {
    ($($(#[$doc:meta])* $name:ident => $op:ident;)*) => {$(
        $(#[$doc])*
        pub fn $name<S: ByteRegion, E: Element>(
            ta: &TypedArray<S, E>,
            index: usize,
            value: E::Js,
        ) -> Result<E::Js, NodeError> {
            rmw(ta, index, RmwOp::$op, value)
        }
    )*};
}

rmw_operations! {
    /// `Atomics.add`: wrapping addition; returns the previous element.
    add => Add;
    /// `Atomics.sub`: wrapping subtraction; returns the previous element.
    sub => Sub;
    /// `Atomics.and`: bitwise and; returns the previous element.
    and => And;
    /// `Atomics.or`: bitwise or; returns the previous element.
    or => Or;
    /// `Atomics.xor`: bitwise xor; returns the previous element.
    xor => Xor;
    /// `Atomics.exchange`: stores the value; returns the previous element.
    exchange => Exchange;
}

/// `Atomics.compareExchange`: stores `replacement` if the element equals `expected` (both
/// converted to the element type first, so 257 matches 1 in an Int8Array); returns the previous
/// element either way.
pub fn compare_exchange<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    expected: E::Js,
    replacement: E::Js,
) -> Result<E::Js, NodeError> {
    let at = integer_element(ta, index)?;
    region::atomic_compare_exchange(
        ta.store(),
        at,
        bits_of::<E>(expected),
        bits_of::<E>(replacement),
    )
    .map(js_of::<E>)
    .ok_or_else(NodeError::invalid_atomic_index)
}

/// `Atomics.isLockFree(size)`: true for 1, 2, 4 and 8 bytes, as V8 answers on 64-bit targets.
pub fn is_lock_free(size: f64) -> bool {
    matches!(size, 1.0 | 2.0 | 4.0 | 8.0)
}

/// What `Atomics.wait` returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitResult {
    /// `"ok"`: woken by `notify`.
    Ok,
    /// `"not-equal"`: the element did not hold the expected value.
    NotEqual,
    /// `"timed-out"`: the timeout elapsed first.
    TimedOut,
}

impl WaitResult {
    /// The string JS returns.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitResult::Ok => "ok",
            WaitResult::NotEqual => "not-equal",
            WaitResult::TimedOut => "timed-out",
        }
    }
}

/// The timeout of `Atomics.wait(ta, i, v, timeout)` from its JS value in milliseconds:
/// `undefined` (`None`), NaN and +Infinity wait forever (`None`), negative values do not wait
/// at all, fractions of a millisecond are kept.
pub fn timeout_from_js(timeout_ms: Option<f64>) -> Option<Duration> {
    let t = timeout_ms?;
    if t.is_nan() || t == f64::INFINITY {
        return None;
    }
    // `try_from_secs_f64` fails only past ~584 years: that is forever for our purposes.
    Duration::try_from_secs_f64(t.max(0.0) / 1000.0).ok()
}

/// The count of `Atomics.notify(ta, i, count)` from its JS value: `undefined` (`None`) and
/// +Infinity wake everyone (`usize::MAX`), otherwise `ToIntegerOrInfinity` clamped at 0.
pub fn notify_count_from_js(count: Option<f64>) -> usize {
    match count {
        None => usize::MAX,
        Some(c) if c.is_nan() => 0,
        // Saturating: +Infinity and huge values wake all, negative values none.
        Some(c) => c.max(0.0) as usize,
    }
}

/// The byte address of store offset `at`: the key waiters are kept under (unique among live
/// stores, since a waiter's borrow keeps its store alive).
fn address_of<S: ByteRegion, E: Element>(ta: &TypedArray<S, E>, at: usize) -> usize {
    ta.store().base_ptr().as_ptr() as usize + at
}

/// What an `Atomics.waitAsync` waiter runs when a notify dequeues it (on the notifying thread,
/// under the shard lock: it should only hand the news to the waiting thread's loop).
pub type OnWake = Box<dyn FnOnce() + Send>;

/// One sleeping `wait` call, or one pending `waitAsync`.
struct Waiter {
    /// The byte address it waits on.
    address: usize,
    /// Set (under the shard lock) by the notifier that dequeued it.
    woken: AtomicBool,
    /// What it sleeps on (always with its shard's lock).
    wake: Condvar,
    /// For a `waitAsync` waiter: what the notifier runs instead of waking a thread.
    on_wake: Mutex<Option<OnWake>>,
}

impl std::fmt::Debug for Waiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Waiter")
            .field("address", &self.address)
            .field("woken", &self.woken)
            .finish_non_exhaustive()
    }
}

impl Waiter {
    fn new(address: usize, on_wake: Option<OnWake>) -> Arc<Waiter> {
        Arc::new(Waiter {
            address,
            woken: AtomicBool::new(false),
            wake: Condvar::new(),
            on_wake: Mutex::new(on_wake),
        })
    }
}

const SHARDS: usize = 64;

/// Waiters in arrival order, one list per shard of addresses.
static WAITERS: [Mutex<Vec<Arc<Waiter>>>; SHARDS] = [const { Mutex::new(Vec::new()) }; SHARDS];

fn shard(address: usize) -> MutexGuard<'static, Vec<Arc<Waiter>>> {
    // Elements are at least 4-byte aligned; spread neighbouring ones across shards.
    let list = &WAITERS[(address >> 2) % SHARDS];
    // A panic while holding a shard lock cannot leave the list inconsistent (every update is a
    // single push/remove), so a poisoned lock is still usable.
    list.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Checks kind, sharedness and index as V8's `Atomics.wait` does, in its order; returns the
/// store offset of the element.
fn wait_target<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
) -> Result<usize, NodeError> {
    check_waitable_kind(E::KIND)?;
    if !ta.store().is_shared() {
        return Err(NodeError::not_a_shared_typed_array(E::KIND.name()));
    }
    ta.element_offset(index)
        .ok_or_else(NodeError::invalid_atomic_index)
}

/// `Atomics.wait(ta, index, value, timeout)`: if element `index` of a shared Int32Array or
/// BigInt64Array holds `value`, sleeps until a `notify` on that element wakes it (`Ok`) or
/// `timeout` elapses (`TimedOut`; `None` waits forever, as JS's default `+Infinity`); else
/// returns `NotEqual` at once. The JS layer maps a NaN timeout to `None` and negative ones to
/// zero. Blocks the calling thread; never busy-waits.
pub fn wait<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    value: E::Js,
    timeout: Option<Duration>,
) -> Result<WaitResult, NodeError> {
    let never = WaitInterrupt::new();
    let result = wait_interruptible(ta, index, value, timeout, &never)?;
    // Nobody holds `never`, so nothing can interrupt this wait.
    Ok(result.unwrap_or(WaitResult::TimedOut))
}

/// A way to stop a thread's [`wait_interruptible`] from another thread: what a runtime needs so
/// that terminating a thread (Node's `worker.terminate()`) wakes it from `Atomics.wait`.
/// Once [`interrupt`](Self::interrupt)ed it stays so: every later wait with it returns at once.
#[derive(Debug, Default)]
pub struct WaitInterrupt {
    fired: AtomicBool,
    /// The waiter sleeping with this interrupt, if any (to wake it under its shard's lock).
    sleeping: Mutex<Option<Arc<Waiter>>>,
}

impl WaitInterrupt {
    /// An interrupt that has not fired.
    pub fn new() -> WaitInterrupt {
        WaitInterrupt::default()
    }

    /// Fires: wakes the wait sleeping with this interrupt (it returns `None`) and makes every
    /// later wait with it return `None` at once.
    pub fn interrupt(&self) {
        self.fired.store(true, Ordering::SeqCst);
        let sleeping = self
            .sleeping
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(waiter) = sleeping {
            // Under the shard lock: the waiter is either before its check of `fired` (and
            // sees it) or asleep on the condvar (and gets this wake-up).
            let _list = shard(waiter.address);
            waiter.wake.notify_all();
        }
    }

    /// True once [`interrupt`](Self::interrupt) was called.
    pub fn is_interrupted(&self) -> bool {
        self.fired.load(Ordering::SeqCst)
    }

    fn set_sleeping(&self, waiter: Option<Arc<Waiter>>) {
        *self.sleeping.lock().unwrap_or_else(|p| p.into_inner()) = waiter;
    }
}

/// [`wait`] that `interrupt` can cut short from another thread: `Ok(None)` when it did (the
/// waiter is gone from the queue, as if it had timed out), else what [`wait`] returns.
pub fn wait_interruptible<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    value: E::Js,
    timeout: Option<Duration>,
    interrupt: &WaitInterrupt,
) -> Result<Option<WaitResult>, NodeError> {
    let at = wait_target(ta, index)?;
    let address = address_of(ta, at);
    let expected = bits_of::<E>(value);
    let deadline = timeout.and_then(|t| Instant::now().checked_add(t));

    if interrupt.is_interrupted() {
        return Ok(None);
    }
    let mut list = shard(address);
    // The check happens under the shard lock, so a notify after a racing store waits for us to
    // be enqueued (and wakes us) rather than finding an empty list.
    let current = region::atomic_load::<E::Bits, S>(ta.store(), at)
        .ok_or_else(NodeError::invalid_atomic_index)?;
    if current != expected {
        return Ok(Some(WaitResult::NotEqual));
    }
    let me = Waiter::new(address, None);
    list.push(Arc::clone(&me));
    // Registered before the first check of `fired` (SeqCst on both sides): an interrupt either
    // finds this waiter to wake or is seen by the check below.
    interrupt.set_sleeping(Some(Arc::clone(&me)));
    let result = loop {
        if me.woken.load(Ordering::Relaxed) {
            break Some(WaitResult::Ok);
        }
        if interrupt.is_interrupted() {
            list.retain(|w| !Arc::ptr_eq(w, &me));
            break None;
        }
        match deadline {
            None => list = me.wake.wait(list).unwrap_or_else(|p| p.into_inner()),
            Some(deadline) => {
                let now = Instant::now();
                if now >= deadline {
                    list.retain(|w| !Arc::ptr_eq(w, &me));
                    break Some(WaitResult::TimedOut);
                }
                list = me
                    .wake
                    .wait_timeout(list, deadline - now)
                    .unwrap_or_else(|p| p.into_inner())
                    .0;
            }
        }
    };
    drop(list);
    interrupt.set_sleeping(None);
    Ok(result)
}

/// `Atomics.notify(ta, index, count)`: wakes up to `count` of the threads waiting on element
/// `index`, oldest first, and returns how many it woke. `usize::MAX` wakes all (JS's default
/// `+Infinity`). On a non-shared Int32/BigInt64 array nobody can wait, so it returns 0.
pub fn notify<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    count: usize,
) -> Result<usize, NodeError> {
    check_waitable_kind(E::KIND)?;
    let at = ta
        .element_offset(index)
        .ok_or_else(NodeError::invalid_atomic_index)?;
    if !ta.store().is_shared() || count == 0 {
        return Ok(0);
    }
    let address = address_of(ta, at);
    let mut list = shard(address);
    let mut woken = 0;
    list.retain(|w| {
        if woken < count && w.address == address {
            w.woken.store(true, Ordering::Relaxed);
            let on_wake = w.on_wake.lock().unwrap_or_else(|p| p.into_inner()).take();
            match on_wake {
                Some(on_wake) => on_wake(),
                None => w.wake.notify_one(),
            }
            woken += 1;
            false
        } else {
            true
        }
    });
    Ok(woken)
}

/// A pending `Atomics.waitAsync`: in its element's queue (FIFO with the blocking waiters) until
/// a notify dequeues it (and runs its [`OnWake`]) or [`cancel_wait_async`] takes it out.
#[derive(Debug)]
pub struct AsyncWaiter(Arc<Waiter>);

/// What `Atomics.waitAsync` answers at once.
#[derive(Debug)]
pub enum WaitAsyncStart {
    /// The element does not hold the value: `{ async: false, value: 'not-equal' }`.
    NotEqual,
    /// It does, but the timeout is zero: `{ async: false, value: 'timed-out' }`.
    TimedOut,
    /// Queued: `{ async: true, value: promise }`.
    Pending(AsyncWaiter),
}

/// `Atomics.waitAsync(ta, index, value, timeout)` (ES2024): checks as [`wait`] does, then, if
/// element `index` holds `value` and the timeout is not zero, queues a waiter whose `on_wake`
/// a later [`notify`] (from any thread) runs and counts among those it woke. The caller owns the
/// timeout: when it elapses, [`cancel_wait_async`] says whether the waiter was still queued.
pub fn wait_async<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    index: usize,
    value: E::Js,
    zero_timeout: bool,
    on_wake: OnWake,
) -> Result<WaitAsyncStart, NodeError> {
    let at = wait_target(ta, index)?;
    let address = address_of(ta, at);
    let expected = bits_of::<E>(value);
    let mut list = shard(address);
    let current = region::atomic_load::<E::Bits, S>(ta.store(), at)
        .ok_or_else(NodeError::invalid_atomic_index)?;
    if current != expected {
        return Ok(WaitAsyncStart::NotEqual);
    }
    if zero_timeout {
        return Ok(WaitAsyncStart::TimedOut);
    }
    let me = Waiter::new(address, Some(on_wake));
    list.push(Arc::clone(&me));
    Ok(WaitAsyncStart::Pending(AsyncWaiter(me)))
}

/// Takes a pending `waitAsync` out of its queue (its timeout elapsed, or its thread ends).
/// True when it was still queued (it times out); false when a notify took it first (its
/// `on_wake` ran or is running).
pub fn cancel_wait_async(waiter: &AsyncWaiter) -> bool {
    let mut list = shard(waiter.0.address);
    let before = list.len();
    list.retain(|w| !Arc::ptr_eq(w, &waiter.0));
    list.len() != before
}

/// How many threads are waiting on element `index` right now (for tests and diagnostics).
pub fn waiter_count<S: ByteRegion, E: Element>(ta: &TypedArray<S, E>, index: usize) -> usize {
    let Some(at) = ta.element_offset(index) else {
        return 0;
    };
    let address = address_of(ta, at);
    shard(address)
        .iter()
        .filter(|w| w.address == address)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::region::test_store::LocalStore;
    use crate::memory::shared::SharedArrayBuffer;
    use crate::typed_array::*;

    fn sab(len: usize) -> SharedArrayBuffer {
        SharedArrayBuffer::new(len).unwrap()
    }

    #[test]
    fn wait_async_queues_with_blocking_waiters_and_is_counted_by_notify() {
        use std::sync::atomic::AtomicUsize;
        let memory = sab(8);
        let a = Int32Array::new(memory.clone(), 0, None).unwrap();
        let fired = Arc::new(AtomicUsize::new(0));
        let start = |expected: f64, zero: bool| {
            let fired = Arc::clone(&fired);
            wait_async(
                &a,
                0,
                expected,
                zero,
                Box::new(move || {
                    fired.fetch_add(1, Ordering::SeqCst);
                }),
            )
            .unwrap()
        };
        assert!(matches!(start(1.0, false), WaitAsyncStart::NotEqual));
        assert!(matches!(start(0.0, true), WaitAsyncStart::TimedOut));
        let WaitAsyncStart::Pending(first) = start(0.0, false) else {
            panic!("not pending")
        };
        let WaitAsyncStart::Pending(second) = start(0.0, false) else {
            panic!("not pending")
        };
        assert_eq!(waiter_count(&a, 0), 2);
        // Oldest first: one notify takes the first only.
        assert_eq!(notify(&a, 0, 1).unwrap(), 1);
        assert_eq!(fired.load(Ordering::SeqCst), 1);
        assert!(!cancel_wait_async(&first));
        // The second times out: cancelling finds it queued, and a later notify wakes nobody.
        assert!(cancel_wait_async(&second));
        assert_eq!(notify(&a, 0, 5).unwrap(), 0);
        assert_eq!(fired.load(Ordering::SeqCst), 1);
        // A notify from another thread runs the waiter's callback there.
        let WaitAsyncStart::Pending(third) = start(0.0, false) else {
            panic!("not pending")
        };
        let other = Int32Array::new(memory, 0, None).unwrap();
        assert_eq!(
            std::thread::spawn(move || notify(&other, 0, 1).unwrap())
                .join()
                .unwrap(),
            1
        );
        assert_eq!(fired.load(Ordering::SeqCst), 2);
        assert!(!cancel_wait_async(&third));
        // The same checks as wait.
        let local = Int32Array::new(LocalStore::new(8), 0, None).unwrap();
        assert!(wait_async(&local, 0, 0.0, false, Box::new(|| {})).is_err());
        assert!(wait_async(&a, 2, 0.0, false, Box::new(|| {})).is_err());
    }

    #[test]
    fn float_and_clamped_arrays_are_rejected_like_v8() {
        let f = Float64Array::new(sab(8), 0, None).unwrap();
        assert_eq!(
            add(&f, 0, 1.0).unwrap_err().to_string(),
            "TypeError: [object Float64Array] is not an integer typed array."
        );
        let c = Uint8ClampedArray::new(sab(8), 0, None).unwrap();
        assert_eq!(
            load(&c, 0).unwrap_err().to_string(),
            "TypeError: [object Uint8ClampedArray] is not an integer typed array."
        );
        // The kind check comes before the index check.
        assert!(store(&Float32Array::new(sab(8), 0, None).unwrap(), 99, 1.0)
            .unwrap_err()
            .to_string()
            .starts_with("TypeError"));
    }

    #[test]
    fn element_operations_return_the_old_value_and_wrap() {
        let a = Int8Array::new(sab(8), 0, None).unwrap();
        assert_eq!(store(&a, 0, 300.7).unwrap(), 300.0);
        assert_eq!(load(&a, 0).unwrap(), 44.0);
        assert_eq!(add(&a, 0, 100.0).unwrap(), 44.0);
        assert_eq!(load(&a, 0).unwrap(), -112.0);
        assert_eq!(sub(&a, 0, 20.0).unwrap(), -112.0);
        assert_eq!(load(&a, 0).unwrap(), 124.0);
        assert_eq!(and(&a, 0, 0x0f as f64).unwrap(), 124.0);
        assert_eq!(or(&a, 0, 0x30 as f64).unwrap(), 12.0);
        assert_eq!(xor(&a, 0, 0xff as f64).unwrap(), 60.0);
        assert_eq!(exchange(&a, 0, 5.0).unwrap(), -61.0);
        assert_eq!(compare_exchange(&a, 0, 261.0, 9.0).unwrap(), 5.0);
        assert_eq!(load(&a, 0).unwrap(), 9.0);
        assert_eq!(compare_exchange(&a, 0, 1.0, 7.0).unwrap(), 9.0);
        assert_eq!(load(&a, 0).unwrap(), 9.0);
        assert_eq!(
            load(&a, 8).unwrap_err().to_string(),
            "RangeError: Invalid atomic access index"
        );
        let b = BigUint64Array::new(sab(16), 0, None).unwrap();
        assert_eq!(sub(&b, 1, 1).unwrap(), 0);
        assert_eq!(load(&b, 1).unwrap(), u64::MAX);
        assert_eq!(store(&b, 1, 7).unwrap(), 7);
        let u = Uint32Array::new(sab(8), 0, None).unwrap();
        assert_eq!(store(&u, 1, -0.0).unwrap().to_bits(), 0.0f64.to_bits());
        assert_eq!(store(&u, 1, f64::NAN).unwrap(), 0.0);
        assert_eq!(store(&u, 1, f64::INFINITY).unwrap(), f64::INFINITY);
    }

    #[test]
    fn element_operations_work_on_local_memory_too() {
        let a = Int32Array::new(LocalStore::new(8), 0, None).unwrap();
        assert_eq!(add(&a, 1, 5.0).unwrap(), 0.0);
        assert_eq!(a.get(1), Some(5.0));
    }

    #[test]
    fn wait_and_notify_argument_errors_follow_v8_order() {
        let local = Int32Array::new(LocalStore::new(8), 0, None).unwrap();
        assert_eq!(
            wait(&local, 0, 0.0, Some(Duration::ZERO))
                .unwrap_err()
                .to_string(),
            "TypeError: [object Int32Array] is not a shared typed array."
        );
        assert_eq!(notify(&local, 0, 1).unwrap(), 0);
        assert!(notify(&local, 2, 1).is_err());
        let u = Uint32Array::new(LocalStore::new(8), 0, None).unwrap();
        assert_eq!(
            wait(&u, 0, 0.0, None).unwrap_err().to_string(),
            "TypeError: [object Uint32Array] is not an int32 or BigInt64 typed array."
        );
        let big = BigUint64Array::new(sab(8), 0, None).unwrap();
        assert!(notify(&big, 0, 1).is_err());
        let i = Int32Array::new(sab(8), 0, None).unwrap();
        assert_eq!(
            wait(&i, 2, 0.0, None).unwrap_err().to_string(),
            "RangeError: Invalid atomic access index"
        );
        assert!(notify(&i, 2, 1).is_err());
    }

    #[test]
    fn wait_returns_at_once_when_the_value_differs_or_the_timeout_is_zero() {
        let i = Int32Array::new(sab(8), 0, None).unwrap();
        i.set(0, 3.0);
        assert_eq!(wait(&i, 0, 4.0, None).unwrap(), WaitResult::NotEqual);
        // Converted like a store: 2**32 + 3 is 3 as an Int32.
        assert_eq!(
            wait(&i, 0, 4_294_967_299.0, Some(Duration::ZERO)).unwrap(),
            WaitResult::TimedOut
        );
        assert_eq!(waiter_count(&i, 0), 0);
        let b = BigInt64Array::new(sab(8), 0, None).unwrap();
        assert_eq!(
            wait(&b, 0, 0, Some(Duration::from_millis(5))).unwrap(),
            WaitResult::TimedOut
        );
        assert_eq!(WaitResult::NotEqual.as_str(), "not-equal");
    }

    #[test]
    fn js_timeouts_and_counts_convert_like_the_spec() {
        assert_eq!(timeout_from_js(None), None);
        assert_eq!(timeout_from_js(Some(f64::NAN)), None);
        assert_eq!(timeout_from_js(Some(f64::INFINITY)), None);
        assert_eq!(timeout_from_js(Some(-5.0)), Some(Duration::ZERO));
        assert_eq!(
            timeout_from_js(Some(1.5)),
            Some(Duration::from_micros(1500))
        );
        assert_eq!(timeout_from_js(Some(1e300)), None);
        assert_eq!(notify_count_from_js(None), usize::MAX);
        assert_eq!(notify_count_from_js(Some(f64::INFINITY)), usize::MAX);
        assert_eq!(notify_count_from_js(Some(-3.0)), 0);
        assert_eq!(notify_count_from_js(Some(f64::NAN)), 0);
        assert_eq!(notify_count_from_js(Some(2.9)), 2);
    }

    #[test]
    fn is_lock_free_matches_v8() {
        let got: Vec<bool> = [1.0, 2.0, 3.0, 4.0, 8.0, 16.0, 1.5]
            .into_iter()
            .map(is_lock_free)
            .collect();
        assert_eq!(got, [true, true, false, true, true, false, false]);
    }
}
