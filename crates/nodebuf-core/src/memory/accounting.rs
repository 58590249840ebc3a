//! Memory accounting in the shape of Node's `process.memoryUsage()`.
//!
//! `array_buffers` counts the bytes behind every live ArrayBuffer and SharedArrayBuffer store
//! (every Buffer lives in one); `external` counts those plus any other native memory the system
//! holds on behalf of JS. Both are process-wide, exact at every moment (a store enters the count
//! when it is allocated and leaves it when its last handle or view drops) and thread-safe.

use std::sync::atomic::{AtomicUsize, Ordering};

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
}
