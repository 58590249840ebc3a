//! `process.stdin`'s descriptor on the loop's poller, as Node reads a terminal, pipe or socket
//! stdin: without blocking, its data arriving in the loop's poll phase, so timers, I/O
//! callbacks and other events run while the script waits for input. (Read with blocking
//! `read` calls, a terminal or a quiet pipe held the whole loop until a line came.)
//!
//! As libuv opens such a stdin: a terminal is reopened through its name, so that only the new
//! descriptor is non-blocking and other processes sharing the terminal keep a blocking one; a
//! pipe or socket is duplicated and the duplicate made non-blocking, which (as in Node) makes
//! descriptor 0 non-blocking too, since both share one open file description. A regular file
//! or a device the poller cannot watch is read directly (`watch` answers -1).

use std::ffi::CStr;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

use rquickjs::{Ctx, Function, Object, Result};

use super::net;

/// A new non-blocking, close-on-exec descriptor for the terminal open on descriptor 0, or
/// `None` when its name cannot be had or opened.
fn reopen_terminal() -> Option<RawFd> {
    let mut name = [0 as libc::c_char; 256];
    // SAFETY: `name` is a buffer of the length given; ttyname_r writes a NUL-terminated path.
    if unsafe { libc::ttyname_r(0, name.as_mut_ptr(), name.len()) } != 0 {
        return None;
    }
    // SAFETY: fcntl reads descriptor 0's status flags; no memory is involved.
    let flags = unsafe { libc::fcntl(0, libc::F_GETFL) };
    if flags < 0 {
        return None;
    }
    // The same access as descriptor 0 has (a read-only terminal stays read-only).
    let access = flags & libc::O_ACCMODE;
    // SAFETY: `name` holds the NUL-terminated path ttyname_r wrote.
    let path = unsafe { CStr::from_ptr(name.as_ptr()) };
    // SAFETY: opens a path we hold for the call's duration; returns a new descriptor or -1.
    let fd = unsafe {
        libc::open(
            path.as_ptr(),
            access | libc::O_NOCTTY | libc::O_NONBLOCK | libc::O_CLOEXEC,
        )
    };
    (fd >= 0).then_some(fd)
}

/// A close-on-exec duplicate of descriptor 0, made non-blocking (and so descriptor 0 with it);
/// with the flags descriptor 0 had before, to restore when the poller refuses the duplicate.
fn duplicate_non_blocking() -> Option<(RawFd, i32)> {
    // SAFETY: duplicates descriptor 0; returns a new descriptor or -1.
    let fd = unsafe { libc::fcntl(0, libc::F_DUPFD_CLOEXEC, 3) };
    if fd < 0 {
        return None;
    }
    // SAFETY: status flags of the descriptor we just made.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) } < 0 {
        // SAFETY: `fd` is ours and closed once.
        unsafe { libc::close(fd) };
        return None;
    }
    Some((fd, flags))
}

fn is_regular_file(fd: RawFd) -> bool {
    // SAFETY: fstat writes into the zeroed struct we own; a bad descriptor just fails.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG
    }
}

/// `native.stdin.watch()`: starts watching stdin on this thread's poller and returns the id
/// whose readiness the loop delivers (`registerNet`) and which `native.net.read(id)` reads
/// without blocking; -1 when stdin is to be read directly (a regular file, a device the
/// poller refuses, or no descriptor 0).
fn watch() -> f64 {
    if is_regular_file(0) {
        return -1.0;
    }
    // SAFETY: isatty only inspects the descriptor number.
    let terminal = unsafe { libc::isatty(0) } == 1;
    let (fd, restore) = match terminal.then(reopen_terminal).flatten() {
        Some(fd) => (fd, None),
        None => match duplicate_non_blocking() {
            Some((fd, flags)) => (fd, Some(flags)),
            None => return -1.0,
        },
    };
    // SAFETY: `fd` was just made here and nothing else owns it.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    match net::register_readable(owned) {
        Ok(id) => id as f64,
        Err(_) => {
            // (`owned` was closed by the failed registration.) Leave descriptor 0 as it was.
            if let Some(flags) = restore {
                // SAFETY: sets descriptor 0's status flags back to the values read before.
                unsafe { libc::fcntl(0, libc::F_SETFL, flags) };
            }
            -1.0
        }
    }
}

/// Adds `native.stdin` (`watch`).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let stdin = Object::new(ctx.clone())?;
    stdin.set("watch", Function::new(ctx.clone(), watch)?)?;
    native.set("stdin", stdin)?;
    Ok(())
}
