//! An agent is one thread running JS (the main thread or a worker) seen from other threads: the
//! inbox its event loop sleeps on, and the flag that stops it (`worker.terminate()`).
//!
//! Other threads push [`Event`]s; the owning thread's loop takes them in arrival order (so a
//! worker's messages, error and exit reach the parent in the order the worker produced them).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use nodebuf_core::atomics::WaitInterrupt;

use crate::modules::messaging::Message;

/// Something that happened for this agent on another thread.
pub enum Event {
    /// A port this agent owns has new messages (or is being asked to look again).
    PortReady(u64),
    /// The peer of this agent's port closed (the port closes too).
    PortClosed(u64),
    /// Worker `thread_id` started running its script.
    WorkerOnline(u64),
    /// Worker `thread_id` failed with an uncaught exception (serialized).
    WorkerError(u64, Message),
    /// Worker `thread_id` ended with this exit code.
    WorkerExit(u64, i32),
    /// Child process `id` wrote these bytes to its stdout (fd 1) or stderr (fd 2).
    ChildData(u64, u8, Vec<u8>),
    /// Child process `id` exited (with a code, or killed by a signal number) and its output
    /// pipes reached end of file.
    ChildExit(u64, Option<i32>, Option<i32>),
    /// Socket `id` (modules/net.rs) became ready: `net::ready` bits.
    NetReady(u64, u8),
    /// A notify dequeued this agent's pending `Atomics.waitAsync` number `id`.
    WaitAsyncWoken(u64),
    /// `postMessageToThread` from thread `source`: the message and the port to answer on.
    ThreadMessage(u64, Message, u64),
    /// IPC channel `id` (modules/child_process_ipc.rs) received these bytes, and these
    /// descriptors (SCM_RIGHTS) with them.
    IpcData(u64, Vec<u8>, Vec<std::os::fd::OwnedFd>),
    /// IPC channel `id` reached end of file (the other side closed it or exited).
    IpcEnd(u64),
    /// DNS request `id` (modules/dns.rs) finished.
    Dns(u64, crate::modules::dns::Outcome),
    /// A watched signal arrived (modules/signals.rs holds which): the loop's poll takes them.
    SignalArrived,
}

/// The cross-thread face of one JS thread.
pub struct Agent {
    inbox: Mutex<VecDeque<Event>>,
    wake: Condvar,
    terminated: AtomicBool,
    /// Wakes the thread from `Atomics.wait` when it is terminated.
    wait_interrupt: WaitInterrupt,
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Agent>>> = const { RefCell::new(None) };
}

impl Agent {
    /// A new agent with an empty inbox.
    pub fn new() -> Arc<Agent> {
        Arc::new(Agent {
            inbox: Mutex::new(VecDeque::new()),
            wake: Condvar::new(),
            terminated: AtomicBool::new(false),
            wait_interrupt: WaitInterrupt::new(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<Event>> {
        // Pushes and pops are single operations: a poisoned queue is still consistent.
        self.inbox.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues `event` and wakes the agent's loop if it sleeps.
    pub fn push(&self, event: Event) {
        self.lock().push_back(event);
        self.wake.notify_all();
    }

    /// Takes every queued event, oldest first.
    pub fn take(&self) -> Vec<Event> {
        self.lock().drain(..).collect()
    }

    /// Sleeps until an event is queued, the agent is terminated, or `timeout` (None: forever)
    /// passes.
    pub fn wait(&self, timeout: Option<Duration>) {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        let mut inbox = self.lock();
        while inbox.is_empty() && !self.is_terminated() {
            match deadline {
                None => inbox = self.wake.wait(inbox).unwrap_or_else(|p| p.into_inner()),
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        return;
                    }
                    inbox = self
                        .wake
                        .wait_timeout(inbox, deadline - now)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
            }
        }
    }

    /// Asks the agent's thread to stop running JS as soon as possible (`worker.terminate()`).
    pub fn terminate(&self) {
        self.terminated.store(true, Ordering::SeqCst);
        self.wait_interrupt.interrupt();
        // Take the lock so a loop between its check and its sleep cannot miss the wake-up.
        drop(self.lock());
        self.wake.notify_all();
    }

    /// What this thread's `Atomics.wait` sleeps with: fired by [`Agent::terminate`].
    pub fn wait_interrupt(&self) -> &WaitInterrupt {
        &self.wait_interrupt
    }

    /// True once [`Agent::terminate`] was called.
    pub fn is_terminated(&self) -> bool {
        self.terminated.load(Ordering::SeqCst)
    }

    /// Makes `agent` the agent of the calling thread.
    pub fn set_current(agent: Arc<Agent>) {
        CURRENT.with(|slot| *slot.borrow_mut() = Some(agent));
    }

    /// The agent of the calling thread (created on first use).
    pub fn current() -> Arc<Agent> {
        CURRENT.with(|slot| slot.borrow_mut().get_or_insert_with(Agent::new).clone())
    }
}
