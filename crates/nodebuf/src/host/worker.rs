//! Worker threads: each `new Worker(...)` is a real OS thread running its own QuickJS runtime and
//! context set up by the same bootstrap as the main thread (so `require`, `console`, `process`
//! and Buffer are all there), as Node runs each worker on its own thread and V8 isolate.
//!
//! The parent learns what happens through its agent's inbox: `online` when the script starts,
//! `error` for an uncaught exception (serialized, rebuilt on the parent side), and `exit` with
//! the code once the thread's JS is done. `process.exit()` in a worker and `worker.terminate()`
//! stop only that thread: both set the worker agent's terminate flag, which the runtime's
//! interrupt handler and the loop's wait turn into an exception no JS can catch.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use nodebuf_core::memory::accounting::Budget;

use crate::flags::Flags;
use crate::host::agent::{Agent, Event};
use crate::modules::messaging::{self, Message};

/// What a worker thread needs to start.
pub struct WorkerSpec {
    /// `threadId` (1, 2, ... in creation order; the main thread is 0).
    pub thread_id: u64,
    /// The script's absolute path, or the code itself when `is_eval`.
    pub source: String,
    /// `new Worker(code, { eval: true })`.
    pub is_eval: bool,
    /// `options.argv`, already converted to strings (`process.argv.slice(2)` in the worker).
    pub argv: Vec<String>,
    /// `{ workerData, env }` serialized by the parent (with its transfer list applied).
    pub init: Message,
    /// The worker's end of the public channel (`parentPort`).
    pub port: u64,
    /// The worker's own agent.
    pub agent: Arc<Agent>,
    /// The agent of the thread that created the worker.
    pub parent: Arc<Agent>,
    /// `resourceLimits.maxOldGenerationSizeMb`: this worker's own budget for Buffer and
    /// SharedArrayBuffer stores, in MiB (inside the process's `--max-buffer-memory`).
    pub buffer_budget_mb: Option<f64>,
}

/// What the worker's own thread knows about itself while it runs.
pub struct WorkerSelf {
    /// `threadId`.
    pub thread_id: u64,
    /// The parent's agent (for `online`/`error` events).
    pub parent: Arc<Agent>,
    /// The worker's agent.
    pub agent: Arc<Agent>,
    /// The code `process.exit(code)` asked for, once it did.
    pub exit_code: Cell<Option<i32>>,
}

thread_local! {
    static SELF: RefCell<Option<Rc<WorkerSelf>>> = const { RefCell::new(None) };
}

/// The calling thread's worker identity, or `None` on the main thread.
pub fn current() -> Option<Rc<WorkerSelf>> {
    SELF.with(|slot| slot.borrow().clone())
}

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);
static FLAGS: OnceLock<Flags> = OnceLock::new();
static PROCESS_BUDGET: OnceLock<Option<Budget>> = OnceLock::new();
static LIVE: Mutex<Option<HashMap<u64, Arc<Agent>>>> = Mutex::new(None);

/// Records the process's runtime flags; workers run with the same flags (Node's default
/// `execArgv` for workers is the parent's).
pub fn set_flags(flags: &Flags) {
    let _ = FLAGS.set(flags.clone());
}

/// Records `--max-buffer-memory`: one budget for the stores of every thread of the process.
pub fn set_process_budget(bytes: Option<usize>) {
    let _ = PROCESS_BUDGET.set(bytes.map(Budget::new));
}

/// The store budget of a thread: a worker with `resourceLimits.maxOldGenerationSizeMb` gets its
/// own (nested in the process's, when there is one); every other thread uses the process's.
pub fn thread_budget(worker: Option<&WorkerSpec>) -> Option<Budget> {
    let process = PROCESS_BUDGET.get().cloned().flatten();
    let own = worker
        .and_then(|spec| spec.buffer_budget_mb)
        .map(|mb| (mb * 1024.0 * 1024.0) as usize);
    match (own, process) {
        (Some(bytes), Some(process)) => Some(Budget::nested(bytes, &process)),
        (Some(bytes), None) => Some(Budget::new(bytes)),
        (None, process) => process,
    }
}

/// A fresh `threadId`.
pub fn next_thread_id() -> u64 {
    NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed)
}

static MAIN: OnceLock<Arc<Agent>> = OnceLock::new();

/// Records the main thread's agent (thread 0), for `postMessageToThread(0, ...)`.
pub fn register_main(agent: Arc<Agent>) {
    let _ = MAIN.set(agent);
}

/// The agent of thread `thread_id` (0: the main thread) while it runs.
pub fn agent_of(thread_id: u64) -> Option<Arc<Agent>> {
    if thread_id == 0 {
        return MAIN.get().cloned();
    }
    live().as_ref().and_then(|m| m.get(&thread_id).cloned())
}

fn live() -> std::sync::MutexGuard<'static, Option<HashMap<u64, Arc<Agent>>>> {
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Starts the worker thread. Errors only when the OS refuses a new thread.
pub fn spawn(spec: WorkerSpec) -> std::io::Result<()> {
    let thread_id = spec.thread_id;
    live()
        .get_or_insert_with(HashMap::new)
        .insert(thread_id, spec.agent.clone());
    let result = std::thread::Builder::new()
        .name(format!("worker {thread_id}"))
        .stack_size(crate::host::THREAD_STACK_BYTES)
        .spawn(move || run(spec));
    if result.is_err() {
        if let Some(map) = live().as_mut() {
            map.remove(&thread_id);
        }
    }
    result.map(drop)
}

/// Asks worker `thread_id` to stop; false when it already ended.
pub fn terminate(thread_id: u64) -> bool {
    let agent = live().as_ref().and_then(|m| m.get(&thread_id).cloned());
    match agent {
        Some(agent) => {
            agent.terminate();
            true
        }
        None => false,
    }
}

fn run(spec: WorkerSpec) {
    let me = Rc::new(WorkerSelf {
        thread_id: spec.thread_id,
        parent: spec.parent.clone(),
        agent: spec.agent.clone(),
        exit_code: Cell::new(None),
    });
    SELF.with(|slot| *slot.borrow_mut() = Some(me.clone()));
    Agent::set_current(spec.agent.clone());
    messaging::adopt(spec.port, &spec.agent);
    let flags = FLAGS.get().cloned().unwrap_or_default();
    let script = if spec.is_eval {
        "[worker eval]".to_string()
    } else {
        spec.source.clone()
    };
    let code = crate::host::run_worker(&flags, &script, &spec);
    // `process.exit(code)` wins over whatever the unwinding JS returned.
    let code = me.exit_code.get().unwrap_or(code);
    messaging::close_all_owned_by(&spec.agent);
    if let Some(map) = live().as_mut() {
        map.remove(&spec.thread_id);
    }
    SELF.with(|slot| slot.borrow_mut().take());
    spec.parent.push(Event::WorkerExit(spec.thread_id, code));
}
