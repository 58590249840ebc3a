//! Signal delivery for `process.on('SIGINT', ...)` (Node's signal wraps over libuv's
//! `uv_signal_t`): while a signal is watched, its handler records the signal number and the main
//! thread's event loop emits it in its poll phase, in arrival order; when the last listener goes,
//! the signal's earlier disposition (the default, or SIG_IGN for SIGPIPE) comes back, so Ctrl-C
//! kills the process again as in Node.
//!
//! The handler only writes one byte (the signal number) to a non-blocking pipe: write(2) is
//! async-signal-safe, nothing else is needed in signal context. Two readers take from the pipe,
//! always under one lock so the order of arrival is kept: the loop's poll (so a signal a script
//! sends itself with `process.kill(process.pid, ...)` is seen in the next poll phase, as libuv's
//! signal pipe is), and a relay thread that waits for the pipe and wakes the loop's inbox when
//! it sleeps.
//!
//! Hand-written over `sigaction` rather than through `signal-hook`: that crate never restores a
//! signal's disposition once a handler was registered, and Node's does when the last listener
//! is removed.

use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use rquickjs::{Array, Ctx, Function, Object, Result};

use crate::host::agent::{Agent, Event};

/// The pipe's write end, read by the handler (-1 until the pipe exists).
static PIPE_WRITE: AtomicI32 = AtomicI32::new(-1);

/// Signal numbers the kernel knows on Linux (1..=64); the handler stores them in one byte.
const SIGNAL_LIMIT: usize = 65;

/// What one watched signal replaced, to put back when it stops being watched.
struct Watch {
    previous: libc::sigaction,
}

/// The delivery state: the pipe's read end, the signals taken from it and not yet emitted,
/// and the watched signals' earlier dispositions.
struct Delivery {
    read: RawFd,
    arrived: Vec<u8>,
    watches: Vec<Option<Watch>>,
}

// SAFETY: `libc::sigaction` is plain data (a function address, a mask, flags); moving it
// between threads is sound. The struct is only reached through the Mutex below.
unsafe impl Send for Delivery {}

static DELIVERY: OnceLock<Mutex<Delivery>> = OnceLock::new();

fn delivery() -> std::io::Result<MutexGuard<'static, Delivery>> {
    if let Some(state) = DELIVERY.get() {
        return Ok(state.lock().unwrap_or_else(|p| p.into_inner()));
    }
    let mut fds = [0 as RawFd; 2];
    // SAFETY: `fds` is a valid array of two descriptors for pipe2 to fill.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let state = Delivery {
        read: fds[0],
        arrived: Vec::new(),
        watches: (0..SIGNAL_LIMIT).map(|_| None).collect(),
    };
    if DELIVERY.set(Mutex::new(state)).is_err() {
        // Another thread made the pipe first (only the main thread watches signals, so this
        // does not happen; closing ours keeps it tidy if it ever does).
        // SAFETY: both descriptors were just created here and are owned by nobody else.
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    } else {
        PIPE_WRITE.store(fds[1], Ordering::SeqCst);
        start_relay(Agent::current());
    }
    Ok(DELIVERY
        .get()
        .expect("set above")
        .lock()
        .unwrap_or_else(|p| p.into_inner()))
}

/// How many `vm` runs with `breakOnSigint` are under way (SIGINT then stops the run instead of
/// being delivered).
static SIGINT_ARMED: AtomicU32 = AtomicU32::new(0);
/// Set by the handler when SIGINT arrived while armed; read by the interrupt handler.
static SIGINT_ARRIVED: AtomicBool = AtomicBool::new(false);
/// What SIGINT's disposition was before the first armed run installed the handler for it
/// (None while no run installed it).
static SIGINT_BEFORE_ARM: Mutex<Option<Watch>> = Mutex::new(None);

/// The signal handler: the signal number into the pipe, errno left as it was.
extern "C" fn on_signal(signo: libc::c_int) {
    if signo == libc::SIGINT && SIGINT_ARMED.load(Ordering::SeqCst) > 0 {
        // A run with breakOnSigint is under way: the signal is its (Node's SigintWatchdog
        // takes it from the process listeners).
        SIGINT_ARRIVED.store(true, Ordering::SeqCst);
        return;
    }
    let fd = PIPE_WRITE.load(Ordering::Relaxed);
    if fd < 0 {
        return;
    }
    let byte = signo as u8;
    // SAFETY: __errno_location and write are async-signal-safe; `byte` lives for the call. A
    // full pipe (thousands of signals unread) drops the byte, as the kernel merges a pending
    // signal.
    unsafe {
        let errno = *libc::__errno_location();
        libc::write(fd, (&byte as *const u8).cast(), 1);
        *libc::__errno_location() = errno;
    }
}

/// Moves what the pipe holds into `arrived` (the caller holds the lock).
fn drain_pipe(state: &mut Delivery) {
    let mut chunk = [0u8; 64];
    loop {
        // SAFETY: `chunk` is a writable buffer of the given length; the descriptor is the
        // pipe's read end, open for the life of the process.
        let n = unsafe { libc::read(state.read, chunk.as_mut_ptr().cast(), chunk.len()) };
        if n <= 0 {
            return;
        }
        state.arrived.extend_from_slice(&chunk[..n as usize]);
    }
}

/// A thread that sleeps until the pipe is readable, then takes what it holds and wakes the
/// loop of `agent` (the main thread's), which may be asleep on its inbox.
fn start_relay(agent: Arc<Agent>) {
    let spawned = std::thread::Builder::new()
        .name("nodebuf-signals".into())
        .spawn(move || loop {
            let Some(state) = DELIVERY.get() else { return };
            let read = state.lock().unwrap_or_else(|p| p.into_inner()).read;
            let mut poll = libc::pollfd {
                fd: read,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd, count 1, no timeout.
            if unsafe { libc::poll(&mut poll, 1, -1) } < 0 {
                continue;
            }
            let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
            let before = state.arrived.len();
            drain_pipe(&mut state);
            let got = state.arrived.len() > before;
            drop(state);
            if got {
                agent.push(Event::SignalArrived);
            }
        });
    // Without the relay, signals still arrive at each poll phase; a sleeping loop sees them
    // when something else wakes it.
    drop(spawned);
}

/// `signals.start(signo)`: starts delivering `signo` to the loop; 0, or a negative errno as
/// `uv_signal_start` returns (EINVAL for SIGKILL, SIGSTOP and numbers that are no signal).
fn start(signo: i32) -> i32 {
    if signo <= 0 || signo as usize >= SIGNAL_LIMIT {
        return -libc::EINVAL;
    }
    let mut state = match delivery() {
        Ok(state) => state,
        Err(err) => return -err.raw_os_error().unwrap_or(libc::EIO),
    };
    if state.watches[signo as usize].is_some() {
        return 0;
    }
    // SAFETY: sigaction structs are plain data; zeroed is a valid starting value (empty mask,
    // no flags), filled in before use.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    let mut previous: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
    action.sa_flags = libc::SA_RESTART;
    // SAFETY: `action.sa_mask` is a valid sigset for sigfillset; while the handler runs every
    // other signal waits, so two handlers never interleave their writes.
    unsafe { libc::sigfillset(&mut action.sa_mask) };
    // SAFETY: both pointers are to live sigaction structs; the kernel checks `signo`.
    if unsafe { libc::sigaction(signo, &action, &mut previous) } != 0 {
        return -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL);
    }
    state.watches[signo as usize] = Some(Watch { previous });
    0
}

/// `signals.stop(signo)`: stops delivering `signo`; its earlier disposition comes back.
fn stop(signo: i32) {
    if signo <= 0 || signo as usize >= SIGNAL_LIMIT {
        return;
    }
    let Ok(mut state) = delivery() else { return };
    if let Some(watch) = state.watches[signo as usize].take() {
        // SAFETY: `watch.previous` is what sigaction returned for this signal, a valid action.
        unsafe { libc::sigaction(signo, &watch.previous, std::ptr::null_mut()) };
    }
}

/// Gives signals 1-31 their default action, as Node does when it starts: what the parent left
/// ignored (a shell's background job ignores SIGINT, `nohup` SIGHUP) acts again, so Ctrl-C or
/// `kill -INT` stops the process as it stops node. SIGPIPE and SIGXFSZ are ignored (a write to
/// a closed pipe or past the file size limit is an error, not death); SIGKILL and SIGSTOP
/// cannot be changed; real-time signals keep what they inherited.
pub fn reset_inherited_dispositions() {
    for signo in 1..32 {
        if signo == libc::SIGKILL || signo == libc::SIGSTOP {
            continue;
        }
        // SAFETY: a zeroed sigaction is a valid action (empty mask, no flags); the handler
        // field is set to one of the two dispositions the kernel defines.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = if signo == libc::SIGPIPE || signo == libc::SIGXFSZ {
            libc::SIG_IGN
        } else {
            libc::SIG_DFL
        };
        // SAFETY: a live action for a valid signal number; the old action is not wanted.
        unsafe { libc::sigaction(signo, &action, std::ptr::null_mut()) };
    }
}

/// While alive, SIGINT interrupts the running `vm` code instead of being delivered (see
/// [`arm_sigint_break`]).
pub struct SigintArm(());

/// Arms SIGINT for a `vm` run with `breakOnSigint`: the handler is installed if SIGINT is not
/// watched (so the signal does not kill the process) and a SIGINT arriving sets the flag
/// [`sigint_break_pending`] reads. Runs nest; the last one dropped restores the disposition.
pub fn arm_sigint_break() -> SigintArm {
    if SIGINT_ARMED.fetch_add(1, Ordering::SeqCst) == 0 {
        SIGINT_ARRIVED.store(false, Ordering::SeqCst);
        // SAFETY: sigaction structs are plain data; zeroed is a valid starting value.
        let mut current: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: reads SIGINT's disposition into a live struct.
        unsafe { libc::sigaction(libc::SIGINT, std::ptr::null(), &mut current) };
        if current.sa_sigaction != on_signal as extern "C" fn(libc::c_int) as usize {
            // SAFETY: as in `start`: plain data, filled before use.
            let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
            action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
            action.sa_flags = libc::SA_RESTART;
            // SAFETY: a valid sigset for sigfillset; then two live sigaction structs.
            let installed = unsafe {
                libc::sigfillset(&mut action.sa_mask);
                libc::sigaction(libc::SIGINT, &action, &mut current)
            } == 0;
            if installed {
                *SIGINT_BEFORE_ARM.lock().unwrap_or_else(|p| p.into_inner()) =
                    Some(Watch { previous: current });
            }
        }
    }
    SigintArm(())
}

impl Drop for SigintArm {
    fn drop(&mut self) {
        if SIGINT_ARMED.fetch_sub(1, Ordering::SeqCst) == 1 {
            let saved = SIGINT_BEFORE_ARM
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            if let Some(watch) = saved {
                // SAFETY: `watch.previous` is what sigaction returned for SIGINT.
                unsafe { libc::sigaction(libc::SIGINT, &watch.previous, std::ptr::null_mut()) };
            }
        }
    }
}

/// Whether SIGINT arrived during an armed run and was not yet taken.
pub fn sigint_break_pending() -> bool {
    SIGINT_ARRIVED.load(Ordering::SeqCst)
}

/// Takes the SIGINT that arrived during an armed run: true once per arrival.
pub fn take_sigint_break() -> bool {
    SIGINT_ARRIVED.swap(false, Ordering::SeqCst)
}

/// `signals.take()`: the signal numbers that arrived since the last call, oldest first (an
/// empty array when none did).
fn take<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let out = Array::new(ctx)?;
    let Some(state) = DELIVERY.get() else {
        return Ok(out);
    };
    let mut state = state.lock().unwrap_or_else(|p| p.into_inner());
    drain_pipe(&mut state);
    let arrived = std::mem::take(&mut state.arrived);
    drop(state);
    for (i, signo) in arrived.into_iter().enumerate() {
        out.set(i, signo as i32)?;
    }
    Ok(out)
}

/// Installs `native.signals` (start, stop, take).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let signals = Object::new(ctx.clone())?;
    signals.set("start", Function::new(ctx.clone(), start)?)?;
    signals.set("stop", Function::new(ctx.clone(), stop)?)?;
    signals.set("take", Function::new(ctx.clone(), take)?)?;
    native.set("signals", signals)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watched_signal_arrives_in_order_and_its_disposition_comes_back() {
        assert_eq!(start(libc::SIGUSR2), 0);
        assert_eq!(start(libc::SIGWINCH), 0);
        assert_eq!(start(libc::SIGKILL), -libc::EINVAL);
        assert_eq!(start(0), -libc::EINVAL);
        assert_eq!(start(200), -libc::EINVAL);
        // SAFETY: signals to this process, both handled by `on_signal` now.
        unsafe {
            libc::raise(libc::SIGUSR2);
            libc::raise(libc::SIGWINCH);
            libc::raise(libc::SIGUSR2);
        }
        let mut state = delivery().unwrap();
        drain_pipe(&mut state);
        let arrived = std::mem::take(&mut state.arrived);
        drop(state);
        assert_eq!(
            arrived,
            vec![
                libc::SIGUSR2 as u8,
                libc::SIGWINCH as u8,
                libc::SIGUSR2 as u8
            ]
        );
        stop(libc::SIGUSR2);
        stop(libc::SIGWINCH);
        // SAFETY: reading the current disposition only.
        let mut now: libc::sigaction = unsafe { std::mem::zeroed() };
        unsafe { libc::sigaction(libc::SIGUSR2, std::ptr::null(), &mut now) };
        assert_eq!(now.sa_sigaction, libc::SIG_DFL);
    }
}
