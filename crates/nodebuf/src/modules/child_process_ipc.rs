//! The IPC channel of `child_process.fork` (and of `spawn` with an `'ipc'` stdio entry): a
//! Unix socket pair whose child end becomes the child's descriptor `NODE_CHANNEL_FD`, as
//! Node's is. On each side a thread reads the socket into the JS thread's event inbox
//! (`IpcData`, then `IpcEnd` at end of file); writes are made from the JS thread. The bytes
//! are Node's framing (JSON lines, or length-prefixed V8 serialization), handled in JS.
//!
//! A message may carry a socket (`subprocess.send(message, sendHandle)`): its descriptor rides
//! along the message's first byte as SCM_RIGHTS ancillary data, and the reader hands received
//! descriptors to JS with the bytes they came with, where Node's handle protocol
//! (`NODE_HANDLE`, `NODE_HANDLE_ACK`) pairs them with their messages.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::net::Shutdown;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::bytes::with_view_bytes;
use crate::host::agent::{Agent, Event};

static NEXT_CHANNEL: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The channels this JS thread writes to, by id (the reading half lives in its thread).
    static CHANNELS: RefCell<HashMap<u64, UnixStream>> = RefCell::new(HashMap::new());
}

/// Starts reading `stream` into `agent`'s inbox and keeps it for writes; returns the channel's
/// id and the reading thread (which ends at end of file or on an error).
fn start(agent: Arc<Agent>, stream: UnixStream) -> std::io::Result<(u64, JoinHandle<()>)> {
    let reader = stream.try_clone()?;
    let id = NEXT_CHANNEL.fetch_add(1, Ordering::Relaxed);
    CHANNELS.with(|c| c.borrow_mut().insert(id, stream));
    let thread = std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match receive(reader.as_raw_fd(), &mut buf) {
                Ok((0, _)) => break,
                Ok((n, fds)) => agent.push(Event::IpcData(id, buf[..n].to_vec(), fds)),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        agent.push(Event::IpcEnd(id));
    });
    Ok((id, thread))
}

/// How many descriptors one read takes at most (Node sends one per message).
const MAX_FDS: usize = 16;

/// Control-buffer bytes for `count` descriptors (CMSG_SPACE), in u64s so the buffer has the
/// alignment `cmsghdr` needs.
fn control_words(count: usize) -> usize {
    // SAFETY: CMSG_SPACE is arithmetic on its argument.
    let bytes = unsafe { libc::CMSG_SPACE((count * std::mem::size_of::<libc::c_int>()) as u32) };
    (bytes as usize).div_ceil(8)
}

/// One `recvmsg` on `fd`: the byte count and the descriptors that came with the bytes
/// (close-on-exec, owned by the caller).
fn receive(fd: RawFd, buf: &mut [u8]) -> std::io::Result<(usize, Vec<OwnedFd>)> {
    let mut control = vec![0u64; control_words(MAX_FDS)];
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr().cast(),
        iov_len: buf.len(),
    };
    // SAFETY: msghdr is plain data; all-zero is its empty value.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = (control.len() * 8) as _;
    // SAFETY: `msg` points at `iov` (over `buf`) and `control`, both alive and writable for
    // the call; the kernel writes at most their lengths.
    let n = unsafe { libc::recvmsg(fd, &mut msg, libc::MSG_CMSG_CLOEXEC) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut fds = Vec::new();
    // SAFETY: `msg` was filled by recvmsg; the CMSG macros walk the control buffer it
    // describes, staying within msg_controllen.
    let mut cmsg = unsafe { libc::CMSG_FIRSTHDR(&msg) };
    while !cmsg.is_null() {
        // SAFETY: a non-null header from CMSG_FIRSTHDR/NXTHDR lies inside `control`.
        let header = unsafe { &*cmsg };
        if header.cmsg_level == libc::SOL_SOCKET && header.cmsg_type == libc::SCM_RIGHTS {
            // SAFETY: CMSG_LEN(0) is arithmetic.
            let payload = header.cmsg_len as usize - unsafe { libc::CMSG_LEN(0) } as usize;
            // SAFETY: an SCM_RIGHTS payload is `payload` bytes of ints after the header.
            let data = unsafe { libc::CMSG_DATA(cmsg) }.cast::<libc::c_int>();
            for i in 0..payload / std::mem::size_of::<libc::c_int>() {
                // SAFETY: `i` is within the payload; the int may be unaligned. The kernel
                // just installed this descriptor in this process for us alone.
                fds.push(unsafe { OwnedFd::from_raw_fd(data.add(i).read_unaligned()) });
            }
        }
        // SAFETY: as for CMSG_FIRSTHDR.
        cmsg = unsafe { libc::CMSG_NXTHDR(&msg, cmsg) };
    }
    Ok((n as usize, fds))
}

/// Sends the start of `bytes` on `stream` with descriptor `fd` as SCM_RIGHTS; returns how many
/// bytes went (at least one, so the descriptor went with them).
fn send_with_fd(stream: &UnixStream, bytes: &[u8], fd: RawFd) -> std::io::Result<usize> {
    let mut control = vec![0u64; control_words(1)];
    let mut iov = libc::iovec {
        iov_base: bytes.as_ptr() as *mut libc::c_void,
        iov_len: bytes.len(),
    };
    // SAFETY: msghdr is plain data; all-zero is its empty value.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = (control.len() * 8) as _;
    // SAFETY: the control buffer holds CMSG_SPACE(one int): room for the header and the
    // descriptor, which we write through the CMSG macros.
    unsafe {
        let cmsg = libc::CMSG_FIRSTHDR(&msg);
        (*cmsg).cmsg_level = libc::SOL_SOCKET;
        (*cmsg).cmsg_type = libc::SCM_RIGHTS;
        (*cmsg).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<libc::c_int>() as u32) as _;
        libc::CMSG_DATA(cmsg)
            .cast::<libc::c_int>()
            .write_unaligned(fd);
    }
    loop {
        // SAFETY: `msg` describes `bytes` (only read by sendmsg) and `control`, both alive.
        let n = unsafe { libc::sendmsg(stream.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// The parent's side of a new channel for a child about to be spawned.
pub struct ChildChannel {
    /// The channel's id (for `native.ipc.write`/`close` and the inbox events).
    pub id: u64,
    /// The parent's descriptor (Node shows it as `child.channel.fd`).
    pub fd: i32,
    /// The thread reading the parent's end.
    pub reader: JoinHandle<()>,
    /// The child's end, to be placed at the child's `NODE_CHANNEL_FD`.
    pub child_end: OwnedFd,
}

/// Opens a channel for a child about to be spawned.
pub fn open_for_child(agent: Arc<Agent>) -> std::io::Result<ChildChannel> {
    let (parent, child) = UnixStream::pair()?;
    let fd = parent.as_raw_fd();
    let (id, reader) = start(agent, parent)?;
    Ok(ChildChannel {
        id,
        fd,
        reader,
        child_end: OwnedFd::from(child),
    })
}

/// `native.ipc.adopt(fd)`: the child's side, from the descriptor its parent left at
/// `NODE_CHANNEL_FD`; returns the channel id, or -1 when `fd` is not an open socket.
fn adopt(fd: i32) -> f64 {
    if fd < 0 {
        return -1.0;
    }
    // SAFETY: fstat only writes into the zeroed struct we own and inspects the descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut st) } != 0 || st.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return -1.0;
    }
    // Not passed on to this process's own children (Node's channel is not either).
    // SAFETY: fcntl on a descriptor we checked is open; FD_CLOEXEC touches no memory.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: the parent made this descriptor for this process's channel, and nothing else
    // in the process owns it: the runtime takes it once, at start-up.
    let stream = unsafe { UnixStream::from_raw_fd(fd) };
    match start(Agent::current(), stream) {
        Ok((id, _reader)) => id as f64,
        Err(_) => -1.0,
    }
}

/// `native.ipc.write(id, bytes[, socket])`: writes all of `bytes` (blocking until the socket
/// takes them), with the descriptor of this thread's socket `socket` (modules/net.rs) when
/// given; returns the OS error code, or 0.
fn write<'js>(
    ctx: Ctx<'js>,
    id: f64,
    data: Value<'js>,
    socket: rquickjs::function::Opt<f64>,
) -> i32 {
    let Some(bytes) = with_view_bytes(&ctx, &data, |b| b.to_vec()) else {
        return libc::EINVAL;
    };
    let fd = match socket.0 {
        Some(socket) => match crate::modules::net::raw_fd(socket) {
            Some(fd) => Some(fd),
            None => return libc::EBADF,
        },
        None => None,
    };
    CHANNELS.with(|c| match c.borrow_mut().get_mut(&(id as u64)) {
        Some(stream) => {
            let mut start = 0;
            if let (Some(fd), false) = (fd, bytes.is_empty()) {
                match send_with_fd(stream, &bytes, fd) {
                    Ok(n) => start = n,
                    Err(e) => return e.raw_os_error().unwrap_or(libc::EPIPE),
                }
            }
            match stream.write_all(&bytes[start..]) {
                Ok(()) => 0,
                Err(e) => e.raw_os_error().unwrap_or(libc::EPIPE),
            }
        }
        None => libc::EPIPE,
    })
}

/// `native.ipc.closeFd(fd)`: closes a received descriptor JS did not adopt.
fn close_fd(fd: i32) {
    if fd >= 0 && !crate::modules::net::owns_fd(fd) {
        // SAFETY: the descriptor came from a received message and was handed to JS, which
        // gives it up here; no socket of ours wraps it (checked above).
        drop(unsafe { OwnedFd::from_raw_fd(fd) });
    }
}

/// Closes channel `id` both ways: its reading thread sees end of file (and reports
/// `IpcEnd`), and so does the other side.
pub fn close_channel(id: u64) {
    if let Some(stream) = CHANNELS.with(|c| c.borrow_mut().remove(&id)) {
        let _ = stream.shutdown(Shutdown::Both);
    }
}

/// `native.ipc.close(id)`: [`close_channel`].
fn close(id: f64) {
    close_channel(id as u64);
}

/// Adds `native.ipc` (adopt, write, close, closeFd) to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let ipc = Object::new(ctx.clone())?;
    ipc.set("adopt", Function::new(ctx.clone(), adopt)?)?;
    ipc.set("write", Function::new(ctx.clone(), write)?)?;
    ipc.set("close", Function::new(ctx.clone(), close)?)?;
    ipc.set("closeFd", Function::new(ctx.clone(), close_fd)?)?;
    native.set("ipc", ipc)?;
    Ok(())
}
