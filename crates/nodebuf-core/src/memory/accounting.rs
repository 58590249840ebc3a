//! Memory accounting in the shape of Node's `process.memoryUsage()`.
//!
//! `array_buffers` counts the bytes behind every live ArrayBuffer and SharedArrayBuffer store
//! (every Buffer lives in one); `external` counts those plus any other native memory the system
//! holds on behalf of JS. Both are process-wide, exact at every moment (a store enters the count
//! when it is allocated and leaves it when its last handle or view drops) and thread-safe.
//!
//! A [`Budget`] bounds the bytes of the stores a thread allocates: the JS engine does not see
//! these stores, so a memory limit set on the engine would not bound what a script allocates
//! through `Buffer`. A request past the budget fails like a request the OS refuses (Node's
//! `RangeError: Array buffer allocation failed`), before any memory is taken.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

static ARRAY_BUFFERS: AtomicUsize = AtomicUsize::new(0);
static OTHER_EXTERNAL: AtomicUsize = AtomicUsize::new(0);

/// A snapshot of the counters, as `process.memoryUsage()` reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryUsage {
    /// Bytes of all live ArrayBuffer and SharedArrayBuffer stores (Node's `arrayBuffers`).
    pub array_buffers: usize,
    /// `array_buffers` plus other native memory held for JS (Node's `external`).
    pub external: usize,
}

/// The counters now: what `process.memoryUsage()` reports as `arrayBuffers` and `external`.
pub fn memory_usage() -> MemoryUsage {
    let array_buffers = ARRAY_BUFFERS.load(Ordering::Relaxed);
    MemoryUsage {
        array_buffers,
        external: array_buffers + OTHER_EXTERNAL.load(Ordering::Relaxed),
    }
}

/// Adds `delta` (negative: removes) to the `array_buffers` count for ArrayBuffers whose memory
/// the JS engine allocates itself (`new ArrayBuffer(n)`, `new Uint8Array(n)` above V8's on-heap
/// size, `slice`...), as the engine's accounting hook reports them: V8 counts those too, and
/// each one leaves the count when the engine frees or detaches it.
pub fn engine_array_buffers_changed(delta: i64) {
    let magnitude = delta.unsigned_abs() as usize;
    if delta >= 0 {
        ARRAY_BUFFERS.fetch_add(magnitude, Ordering::Relaxed);
    } else {
        ARRAY_BUFFERS.fetch_sub(magnitude, Ordering::Relaxed);
    }
}

/// Which counter a [`Charge`] is made against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChargeKind {
    /// Bytes of an ArrayBuffer or SharedArrayBuffer store: counted in `array_buffers` and `external`.
    ArrayBuffer,
    /// Other native memory held for JS: counted in `external` only.
    OtherExternal,
}

/// Bytes counted for as long as this value lives: the count rises when it is made and falls when
/// it drops. A store owns one, so it leaves the count exactly when the store is freed.
#[derive(Debug)]
pub struct Charge {
    kind: ChargeKind,
    bytes: usize,
}

impl Charge {
    /// Counts `bytes` of `kind` until the returned value drops.
    pub fn new(kind: ChargeKind, bytes: usize) -> Charge {
        counter(kind).fetch_add(bytes, Ordering::Relaxed);
        Charge { kind, bytes }
    }

    /// The number of bytes this charge counts.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        counter(self.kind).fetch_sub(self.bytes, Ordering::Relaxed);
    }
}

fn counter(kind: ChargeKind) -> &'static AtomicUsize {
    match kind {
        ChargeKind::ArrayBuffer => &ARRAY_BUFFERS,
        ChargeKind::OtherExternal => &OTHER_EXTERNAL,
    }
}

/// A byte limit on live stores, shared by the threads that allocate against it.
///
/// Each store allocated on a thread whose [`set_thread_budget`] is this budget (or one nested in
/// it) counts against it from allocation until it is freed, on whatever thread that happens; a
/// SharedArrayBuffer seen by several threads is one store and counts once. Cloning gives another
/// handle to the same budget.
#[derive(Debug, Clone)]
pub struct Budget {
    inner: Arc<BudgetInner>,
}

#[derive(Debug)]
struct BudgetInner {
    limit: usize,
    used: AtomicUsize,
    /// A budget this one is part of: every reservation must fit both.
    parent: Option<Budget>,
}

impl Budget {
    /// A budget of `limit` bytes.
    pub fn new(limit: usize) -> Budget {
        Budget::with_parent(limit, None)
    }

    /// A budget of `limit` bytes inside `parent`: an allocation must fit both (a worker's own
    /// limit inside the process's).
    pub fn nested(limit: usize, parent: &Budget) -> Budget {
        Budget::with_parent(limit, Some(parent.clone()))
    }

    fn with_parent(limit: usize, parent: Option<Budget>) -> Budget {
        Budget {
            inner: Arc::new(BudgetInner {
                limit,
                used: AtomicUsize::new(0),
                parent,
            }),
        }
    }

    /// The limit in bytes.
    pub fn limit(&self) -> usize {
        self.inner.limit
    }

    /// Bytes of live stores counted against this budget now.
    pub fn used(&self) -> usize {
        self.inner.used.load(Ordering::Relaxed)
    }

    /// Counts `bytes` if they fit this budget and every budget it is nested in; false (counting
    /// nothing) otherwise.
    fn try_take(&self, bytes: usize) -> bool {
        let fits = self
            .inner
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(bytes).filter(|&n| n <= self.inner.limit)
            })
            .is_ok();
        if !fits {
            return false;
        }
        match &self.inner.parent {
            Some(parent) if !parent.try_take(bytes) => {
                self.inner.used.fetch_sub(bytes, Ordering::AcqRel);
                false
            }
            _ => true,
        }
    }

    fn give_back(&self, bytes: usize) {
        self.inner.used.fetch_sub(bytes, Ordering::AcqRel);
        if let Some(parent) = &self.inner.parent {
            parent.give_back(bytes);
        }
    }
}

impl PartialEq for Budget {
    /// The same budget (handles to one counter), not equal limits.
    fn eq(&self, other: &Budget) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Eq for Budget {}

thread_local! {
    static THREAD_BUDGET: RefCell<Option<Budget>> = const { RefCell::new(None) };
}

/// Makes `budget` the one stores allocated on the calling thread count against (`None`: no
/// limit, the default) and returns the previous one.
pub fn set_thread_budget(budget: Option<Budget>) -> Option<Budget> {
    THREAD_BUDGET.with(|slot| std::mem::replace(&mut *slot.borrow_mut(), budget))
}

/// The budget stores allocated on the calling thread count against, if any.
pub fn thread_budget() -> Option<Budget> {
    THREAD_BUDGET.with(|slot| slot.borrow().clone())
}

/// Bytes counted against the calling thread's budget (if it has one) until this value drops.
/// Public for native memory that is not a store but should fit the same budget (the runner's
/// WebAssembly linear memories).
#[derive(Debug)]
pub struct Reservation {
    budget: Option<Budget>,
    bytes: usize,
}

/// The calling thread's budget had no room for the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget;

impl Reservation {
    /// Reserves `bytes` against the calling thread's budget; nothing to reserve without one.
    pub fn take(bytes: usize) -> Result<Reservation, OverBudget> {
        let budget = if bytes == 0 { None } else { thread_budget() };
        if let Some(b) = &budget {
            if !b.try_take(bytes) {
                return Err(OverBudget);
            }
        }
        Ok(Reservation { budget, bytes })
    }
}

impl Reservation {
    /// Nothing reserved (an empty allocation).
    pub(crate) fn none() -> Reservation {
        Reservation {
            budget: None,
            bytes: 0,
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        if let Some(b) = &self.budget {
            b.give_back(self.bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_charge_is_counted_while_it_lives() {
        // Tests run on parallel threads that may charge memory too, so check only what no other
        // thread can undo: while our charge lives, the counters include it.
        let bytes = 7_654_321;
        let charge = Charge::new(ChargeKind::ArrayBuffer, bytes);
        let during = memory_usage();
        assert!(during.array_buffers >= bytes);
        assert!(during.external >= during.array_buffers);
        assert_eq!(charge.bytes(), bytes);
    }

    #[test]
    fn a_budget_refuses_what_does_not_fit_and_takes_back_what_is_freed() {
        let budget = Budget::new(100);
        let previous = set_thread_budget(Some(budget.clone()));
        let a = Reservation::take(60).unwrap();
        assert_eq!(Reservation::take(41).unwrap_err(), OverBudget);
        let b = Reservation::take(40).unwrap();
        assert_eq!(budget.used(), 100);
        drop(a);
        assert_eq!(budget.used(), 40);
        // Freed on another thread, given back to the same budget.
        std::thread::spawn(move || drop(b)).join().unwrap();
        assert_eq!(budget.used(), 0);
        assert_eq!(Reservation::take(usize::MAX).unwrap_err(), OverBudget);
        set_thread_budget(previous);
    }

    #[test]
    fn a_nested_budget_must_fit_its_parent_too() {
        let process = Budget::new(100);
        let worker = Budget::nested(80, &process);
        let other = Budget::nested(80, &process);
        let previous = set_thread_budget(Some(worker.clone()));
        let a = Reservation::take(70).unwrap();
        set_thread_budget(Some(other.clone()));
        // Fits `other` (80) but not the parent (70 + 40 > 100): nothing stays counted.
        assert!(Reservation::take(40).is_err());
        assert_eq!((other.used(), process.used()), (0, 70));
        let b = Reservation::take(30).unwrap();
        assert_eq!(process.used(), 100);
        drop((a, b));
        assert_eq!((worker.used(), other.used(), process.used()), (0, 0, 0));
        set_thread_budget(previous);
    }
}
