//! The blocking file-descriptor work of the synchronous `fs` calls, made stoppable: a worker
//! blocked reading a pipe, writing to a full one, or opening a FIFO no one has opened from the
//! other side is ended by `worker.terminate()` (Node stops such a worker's JS only once the
//! system call returns, and its process cannot exit before that; nodebuf's worker ends at once).
//!
//! Regular files never block and take the direct path. Everything else waits in short `poll`
//! slices (or, for opening a FIFO, short retries) that look at the thread's terminate flag in
//! between, so each call still behaves as the blocking call it replaces.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{FileExt, FileTypeExt, OpenOptionsExt};
use std::os::unix::io::AsRawFd;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use crate::host::agent::Agent;

/// How long one wait sleeps before looking at the terminate flag again: the longest
/// `worker.terminate()` waits for a worker blocked in one of these calls.
const SLICE: Duration = Duration::from_millis(20);

/// The calling thread was terminated while it waited; the caller ends its JS.
#[derive(Debug)]
pub struct Terminated;

/// A call's outcome: the system's answer, or the thread's termination.
pub type Stoppable<T> = Result<std::io::Result<T>, Terminated>;

/// Which ends of a file an open asks for (a FIFO's open blocks for one end only).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    /// `r`: waits for a writer when the path is a FIFO.
    Read,
    /// `w`, `a` and their variants: waits for a reader when the path is a FIFO.
    Write,
    /// `r+`, `w+`, `a+`: never waits.
    ReadWrite,
}

fn is_regular(fd: i32) -> bool {
    // SAFETY: fstat writes into the zeroed struct we own; a bad fd just fails.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG
    }
}

/// Waits until `fd` is ready for `events` (`libc::POLLIN` or `libc::POLLOUT`), has hung up or
/// failed (the next call reports it), staying stoppable. Regular files are always ready.
pub fn wait_ready(fd: i32, events: i16) -> Result<(), Terminated> {
    if is_regular(fd) {
        return Ok(());
    }
    poll_ready(fd, events, &Agent::current())
}

/// [`wait_ready`] for a descriptor already known not to be a regular file, on the thread of
/// `agent` (callers that wait again and again take both once).
fn poll_ready(fd: i32, events: i16, agent: &Agent) -> Result<(), Terminated> {
    loop {
        if agent.is_terminated() {
            return Err(Terminated);
        }
        let mut pfd = libc::pollfd {
            fd,
            events,
            revents: 0,
        };
        // SAFETY: one pollfd we own, for the duration of the call.
        let ready = unsafe { libc::poll(&mut pfd, 1, SLICE.as_millis() as i32) };
        // Ready, hung up, failed, or poll itself failed for a reason other than a signal: the
        // real call reports what happened.
        if ready > 0
            || (ready < 0
                && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted)
        {
            return Ok(());
        }
    }
}

/// Reads `file` to its end, waiting for data between reads.
pub fn read_to_end(file: &mut File) -> Stoppable<Vec<u8>> {
    let fd = file.as_raw_fd();
    let waits = (!is_regular(fd)).then(Agent::current);
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if let Some(agent) = &waits {
            poll_ready(fd, libc::POLLIN, agent)?;
        }
        match file.read(&mut chunk) {
            Ok(0) => return Ok(Ok(out)),
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Ok(Err(e)),
        }
    }
}

/// Writes `bytes` as one blocking `write` (or `pwrite` at `position`) would, returning the
/// count. On a pipe, socket or terminal the bytes go out in pieces no larger than the system
/// accepts without blocking once the descriptor is writable (`PIPE_BUF`), so the wait between
/// pieces stays stoppable.
pub fn write(file: &File, bytes: &[u8], position: Option<u64>) -> Stoppable<usize> {
    let fd = file.as_raw_fd();
    if let Some(position) = position {
        return Ok(file.write_at(bytes, position));
    }
    let mut out: &File = file;
    if bytes.is_empty() || is_regular(fd) {
        return Ok(out.write(bytes));
    }
    let agent = Agent::current();
    let mut written = 0;
    while written < bytes.len() {
        poll_ready(fd, libc::POLLOUT, &agent)?;
        let end = bytes.len().min(written + libc::PIPE_BUF);
        match out.write(&bytes[written..end]) {
            Ok(0) => break,
            Ok(n) => written += n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock
                ) => {}
            // A failure after some bytes went out reports their count, as a blocking write
            // that fails midway does.
            Err(_) if written > 0 => break,
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(written))
}

/// Writes all of `bytes` (`fs.writeFileSync`).
pub fn write_all(file: &File, bytes: &[u8]) -> Stoppable<()> {
    let mut rest = bytes;
    while !rest.is_empty() {
        match write(file, rest, None)? {
            Ok(0) => return Ok(Err(std::io::ErrorKind::WriteZero.into())),
            Ok(n) => rest = &rest[n..],
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(()))
}

/// Opens `path` with `options` (asking for `access`). A FIFO's open, which blocks until the
/// other end is opened, waits here in stoppable slices instead.
pub fn open(path: impl AsRef<Path>, options: &OpenOptions, access: Access) -> Stoppable<File> {
    let path = path.as_ref();
    let is_fifo = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo());
    match access {
        _ if !is_fifo => Ok(options.open(path)),
        Access::ReadWrite => Ok(options.open(path)),
        Access::Write => open_fifo_for_writing(path, options),
        Access::Read => open_fifo_for_reading(path, options),
    }
}

/// Opening a FIFO's writing end without blocking fails with ENXIO until a reader has it open:
/// retry in slices, then make the descriptor blocking again as the caller asked.
fn open_fifo_for_writing(path: &Path, options: &OpenOptions) -> Stoppable<File> {
    let agent = Agent::current();
    let mut nonblocking = options.clone();
    nonblocking.custom_flags(libc::O_NONBLOCK);
    loop {
        match nonblocking.open(path) {
            Ok(file) => return Ok(clear_nonblocking(file)),
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
                if agent.is_terminated() {
                    return Err(Terminated);
                }
                std::thread::sleep(SLICE);
            }
            Err(e) => return Ok(Err(e)),
        }
    }
}

/// A FIFO's reading end opens without blocking whether or not a writer exists, so the
/// blocking open runs on a helper thread while this one waits for it in slices. When this
/// thread is terminated first, opening the writing end (without blocking: the helper is a
/// reader, so that succeeds) lets the helper's open return, and both ends are closed.
fn open_fifo_for_reading(path: &Path, options: &OpenOptions) -> Stoppable<File> {
    let agent = Agent::current();
    let (tx, rx) = mpsc::channel();
    let (path_owned, options_owned) = (path.to_owned(), options.clone());
    let spawned = std::thread::Builder::new()
        .name("fifo open".into())
        .spawn(move || {
            let _ = tx.send(options_owned.open(&path_owned));
        });
    if let Err(e) = spawned {
        return Ok(Err(e));
    }
    loop {
        match rx.recv_timeout(SLICE) {
            Ok(result) => return Ok(result),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Ok(Err(std::io::Error::other("the open thread ended")))
            }
            Err(mpsc::RecvTimeoutError::Timeout) if agent.is_terminated() => {
                let writer = OpenOptions::new()
                    .write(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(path);
                // The helper's file (if it opened) is dropped, so closed, with the receiver.
                let _ = rx.recv_timeout(Duration::from_secs(1));
                drop(writer);
                return Err(Terminated);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
}

fn clear_nonblocking(file: File) -> std::io::Result<File> {
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this File owns; flags are read, then written back without
    // O_NONBLOCK.
    let ok = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) == 0
    };
    if ok {
        Ok(file)
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fifo(name: &str) -> String {
        let path = std::env::temp_dir().join(format!("nodebuf-{name}-{}", std::process::id()));
        let path = path.to_string_lossy().into_owned();
        let _ = std::fs::remove_file(&path);
        let c = std::ffi::CString::new(path.clone()).unwrap();
        // SAFETY: a NUL-terminated path we own.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        path
    }

    #[test]
    fn a_fifo_opens_for_reading_once_a_writer_comes_and_reads_what_it_wrote() {
        let path = fifo("read-end");
        let writer_path = path.clone();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(60));
            let mut w = OpenOptions::new().write(true).open(&writer_path).unwrap();
            w.write_all(b"hello").unwrap();
        });
        let mut file = open(&path, OpenOptions::new().read(true), Access::Read)
            .unwrap()
            .unwrap();
        writer.join().unwrap();
        assert_eq!(read_to_end(&mut file).unwrap().unwrap(), b"hello");
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_fifo_opens_for_writing_once_a_reader_comes_and_blocks_as_asked() {
        let path = fifo("write-end");
        let reader_path = path.clone();
        let reader = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(60));
            let mut r = File::open(&reader_path).unwrap();
            let mut got = Vec::new();
            r.read_to_end(&mut got).unwrap();
            got
        });
        let file = open(&path, OpenOptions::new().write(true), Access::Write)
            .unwrap()
            .unwrap();
        // SAFETY: F_GETFL on a descriptor the File owns.
        let flags = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETFL) };
        assert_eq!(flags & libc::O_NONBLOCK, 0);
        // More than a pipe holds: the pieces wait for the reader.
        let big = vec![7u8; 300 * 1024];
        write_all(&file, &big).unwrap().unwrap();
        drop(file);
        assert_eq!(reader.join().unwrap(), big);
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn a_missing_path_and_a_regular_file_answer_at_once() {
        let err = open(
            "/nonexistent/nodebuf",
            OpenOptions::new().read(true),
            Access::Read,
        )
        .unwrap()
        .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
        let path = std::env::temp_dir().join(format!("nodebuf-regular-{}", std::process::id()));
        let file = open(
            &path,
            OpenOptions::new().write(true).create(true).truncate(true),
            Access::Write,
        )
        .unwrap()
        .unwrap();
        assert_eq!(write(&file, b"abc", None).unwrap().unwrap(), 3);
        assert_eq!(write(&file, b"Z", Some(1)).unwrap().unwrap(), 1);
        assert_eq!(std::fs::read(&path).unwrap(), b"aZc");
        std::fs::remove_file(&path).unwrap();
    }
}
