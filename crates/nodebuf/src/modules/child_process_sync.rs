//! `spawnSync`'s wait, as libuv's synchronous spawn runs it: the input is written and both
//! outputs are read at once (one `poll` over the three pipes, so a child that writes while it
//! is still being fed cannot deadlock against a full pipe), the child is killed with the given
//! signal when an output passes `maxBuffer` bytes (`ENOBUFS`) or the `timeout` passes
//! (`ETIMEDOUT`), and the call returns once the child has exited and its pipes are drained.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::Child;
use std::time::{Duration, Instant};

/// libuv's read size for a child's output.
const READ_SIZE: usize = 64 * 1024;

/// What stops a synchronous run early.
pub struct Limits {
    /// Kill the child when this much time has passed (Node's `timeout`, 0 = none).
    pub timeout: Option<Duration>,
    /// Kill the child when one output holds more than this many bytes (`maxBuffer`).
    pub max_buffer: Option<f64>,
    /// The signal to kill it with (`killSignal`).
    pub kill_signal: i32,
}

/// How a synchronous run ended: the outputs read (`None` for an output not piped), the exit
/// status, and the errno when the run was cut short (`ETIMEDOUT`, `ENOBUFS`) or its input could
/// not all be written (`EPIPE`).
pub struct Outcome {
    pub stdout: Option<Vec<u8>>,
    pub stderr: Option<Vec<u8>>,
    pub status: std::process::ExitStatus,
    pub errno: Option<i32>,
}

fn set_non_blocking(fd: i32) {
    // SAFETY: reads and sets the status flags of a descriptor we own; no memory is involved.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
    }
}

/// A descriptor that becomes readable when process `pid` exits (Linux 5.3+), or `None`.
fn exit_watch(pid: u32) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    // SAFETY: a new descriptor owned by nobody else.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// One output pipe being read.
struct Output {
    pipe: Option<std::fs::File>,
    bytes: Vec<u8>,
}

impl Output {
    /// Reads what is there now through `chunk` (one buffer for the whole run, not a new 64 KiB
    /// one per poll); false once the pipe is closed (end of file or an error).
    fn read_available(&mut self, chunk: &mut [u8]) -> bool {
        let Some(pipe) = self.pipe.as_mut() else {
            return false;
        };
        loop {
            match pipe.read(chunk) {
                Ok(0) => {
                    self.pipe = None;
                    return false;
                }
                Ok(n) => {
                    self.bytes.extend_from_slice(&chunk[..n]);
                    return true;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == ErrorKind::WouldBlock => return true,
                Err(_) => {
                    self.pipe = None;
                    return false;
                }
            }
        }
    }
}

/// Feeds `input` to the child's stdin, reads its piped outputs and waits for it, within
/// `limits`.
pub fn run(mut child: Child, input: Option<Vec<u8>>, limits: &Limits) -> std::io::Result<Outcome> {
    let deadline = limits.timeout.map(|t| Instant::now() + t);
    let mut stdin = child.stdin.take();
    let input = input.unwrap_or_default();
    let mut written = 0;
    if input.is_empty() {
        stdin = None; // (Closed: the child sees the end of its input at once.)
    }
    let mut stdout = Output {
        pipe: child.stdout.take().map(|p| OwnedFd::from(p).into()),
        bytes: Vec::new(),
    };
    let mut stderr = Output {
        pipe: child.stderr.take().map(|p| OwnedFd::from(p).into()),
        bytes: Vec::new(),
    };
    let (captured_out, captured_err) = (stdout.pipe.is_some(), stderr.pipe.is_some());
    for fd in [
        stdin.as_ref().map(|p| p.as_raw_fd()),
        stdout.pipe.as_ref().map(|p| p.as_raw_fd()),
        stderr.pipe.as_ref().map(|p| p.as_raw_fd()),
    ]
    .into_iter()
    .flatten()
    {
        set_non_blocking(fd);
    }
    let exit_fd = exit_watch(child.id());
    let mut errno = None;
    let mut status = None;
    let mut chunk = vec![0u8; READ_SIZE];
    let kill = |child: &Child| {
        // SAFETY: signals our own child, which has not been reaped yet.
        unsafe { libc::kill(child.id() as libc::pid_t, limits.kill_signal) };
    };
    loop {
        if status.is_none() {
            status = child.try_wait()?;
        }
        let pipes_open = stdout.pipe.is_some() || stderr.pipe.is_some();
        if status.is_some() && !pipes_open {
            break;
        }
        let mut fds: Vec<libc::pollfd> = Vec::with_capacity(4);
        let watch = |fds: &mut Vec<libc::pollfd>, fd: i32, events: i16| {
            fds.push(libc::pollfd {
                fd,
                events,
                revents: 0,
            })
        };
        if let Some(pipe) = &stdin {
            watch(&mut fds, pipe.as_raw_fd(), libc::POLLOUT);
        }
        if let Some(pipe) = &stdout.pipe {
            watch(&mut fds, pipe.as_raw_fd(), libc::POLLIN);
        }
        if let Some(pipe) = &stderr.pipe {
            watch(&mut fds, pipe.as_raw_fd(), libc::POLLIN);
        }
        if status.is_none() {
            if let Some(fd) = &exit_fd {
                watch(&mut fds, fd.as_raw_fd(), libc::POLLIN);
            }
        }
        // Without an exit watch, an exited child with no open pipe is seen by try_wait: poll
        // in short slices meanwhile.
        let slice = if exit_fd.is_none() && status.is_none() {
            Some(Duration::from_millis(10))
        } else {
            None
        };
        let wait = match (deadline.filter(|_| errno.is_none()), slice) {
            (Some(d), s) => {
                let left = d.saturating_duration_since(Instant::now());
                Some(s.map_or(left, |s| s.min(left)))
            }
            (None, s) => s,
        };
        let timeout_ms = wait.map_or(-1, |w| w.as_millis().min(i32::MAX as u128) as i32);
        // SAFETY: `fds` is a live array of `fds.len()` pollfd structs we own.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
        if ready < 0 && std::io::Error::last_os_error().kind() != ErrorKind::Interrupted {
            return Err(std::io::Error::last_os_error());
        }
        if errno.is_none() && deadline.is_some_and(|d| Instant::now() >= d) && status.is_none() {
            kill(&child);
            errno = Some(libc::ETIMEDOUT);
            stdin = None;
        }
        if let Some(pipe) = stdin.as_mut() {
            match pipe.write(&input[written..]) {
                Ok(n) => written += n,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {}
                Err(e) => {
                    // (The child closed its input: libuv reports the failed write, EPIPE.)
                    written = input.len();
                    if errno.is_none() {
                        errno = e.raw_os_error();
                    }
                }
            }
            if written >= input.len() {
                stdin = None;
            }
        }
        for output in [&mut stdout, &mut stderr] {
            output.read_available(&mut chunk);
            if errno.is_none()
                && limits
                    .max_buffer
                    .is_some_and(|max| output.bytes.len() as f64 > max)
            {
                kill(&child);
                errno = Some(libc::ENOBUFS);
                stdin = None;
            }
        }
        if errno == Some(libc::ENOBUFS) {
            // As libuv: nothing more is read once an output has overflowed.
            stdout.pipe = None;
            stderr.pipe = None;
        }
    }
    let status = match status {
        Some(status) => status,
        None => child.wait()?,
    };
    Ok(Outcome {
        stdout: captured_out.then_some(stdout.bytes),
        stderr: captured_err.then_some(stderr.bytes),
        status,
        errno,
    })
}
