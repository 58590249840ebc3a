//! The one interrupt handler of each JS thread's runtime. QuickJS asks it every few thousand
//! instructions whether to stop the running code; it says yes when the thread's worker was
//! terminated, when a `vm` run's `timeout` has passed, or when SIGINT arrived during a run with
//! `breakOnSigint` (Node's watchdogs). The engine then unwinds with an uncatchable error that
//! the native which started the run turns into Node's catchable one.
//!
//! The checks are cheap: a flag for the worker, and a clock read only while a run with a
//! timeout is on the thread's stack.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rquickjs::Runtime;

use crate::host::agent::Agent;
use crate::modules::signals;

thread_local! {
    /// The deadlines of the `vm` runs with a timeout now on this thread's stack, outermost first.
    static DEADLINES: RefCell<Vec<Instant>> = const { RefCell::new(Vec::new()) };
    /// The earliest of `DEADLINES` (what the handler compares the clock with).
    static EARLIEST: Cell<Option<Instant>> = const { Cell::new(None) };
    /// How many `vm` runs with `breakOnSigint` are on this thread's stack.
    static SIGINT_RUNS: Cell<u32> = const { Cell::new(0) };
    /// Set once the handler saw this thread's worker terminated.
    static STOPPING: Cell<bool> = const { Cell::new(false) };
}

/// Gives `runtime` the thread's interrupt handler; `agent` is the worker's agent (None on the
/// main thread, which is never terminated from outside).
pub fn install(runtime: &Runtime, agent: Option<Arc<Agent>>) {
    runtime.set_interrupt_handler(Some(Box::new(move || {
        if agent.as_ref().is_some_and(|agent| agent.is_terminated()) {
            STOPPING.with(|s| s.set(true));
            return true;
        }
        should_interrupt()
    })));
}

fn should_interrupt() -> bool {
    if EARLIEST
        .with(|e| e.get())
        .is_some_and(|at| Instant::now() >= at)
    {
        return true;
    }
    SIGINT_RUNS.with(|n| n.get()) > 0 && signals::sigint_break_pending()
}

/// True once this thread's worker was seen terminated: an interruption is then the worker's
/// end, never a `vm` error.
pub fn stopping() -> bool {
    STOPPING.with(|s| s.get())
}

fn recompute_earliest(deadlines: &[Instant]) {
    EARLIEST.with(|e| e.set(deadlines.iter().min().copied()));
}

/// A `vm` run's timeout, in force until dropped.
pub struct Deadline {
    at: Instant,
}

impl Deadline {
    /// Starts a timeout of `ms` milliseconds from now.
    pub fn start(ms: u32) -> Deadline {
        let now = Instant::now();
        let at = now
            .checked_add(Duration::from_millis(u64::from(ms)))
            .unwrap_or(now + Duration::from_secs(u32::MAX.into()));
        DEADLINES.with(|d| {
            let mut deadlines = d.borrow_mut();
            deadlines.push(at);
            recompute_earliest(&deadlines);
        });
        Deadline { at }
    }

    /// Whether this timeout has passed.
    pub fn passed(&self) -> bool {
        Instant::now() >= self.at
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        DEADLINES.with(|d| {
            let mut deadlines = d.borrow_mut();
            // Runs nest, so this one is the last of its value pushed.
            if let Some(i) = deadlines.iter().rposition(|at| *at == self.at) {
                deadlines.remove(i);
            }
            recompute_earliest(&deadlines);
        });
    }
}

/// A `vm` run with `breakOnSigint`, in force until dropped: SIGINT is watched for it (and
/// interrupts it instead of reaching process listeners or killing the process).
pub struct SigintBreak {
    _armed: signals::SigintArm,
}

impl SigintBreak {
    /// Starts watching SIGINT for a run.
    pub fn start() -> SigintBreak {
        SIGINT_RUNS.with(|n| n.set(n.get() + 1));
        SigintBreak {
            _armed: signals::arm_sigint_break(),
        }
    }
}

impl Drop for SigintBreak {
    fn drop(&mut self) {
        SIGINT_RUNS.with(|n| n.set(n.get().saturating_sub(1)));
    }
}
