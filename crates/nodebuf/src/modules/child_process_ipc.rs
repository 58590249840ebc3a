//! The IPC channel of `child_process.fork` (and of `spawn` with an `'ipc'` stdio entry): a
//! Unix socket pair whose child end becomes the child's descriptor `NODE_CHANNEL_FD`, as
//! Node's is. On each side a thread reads the socket into the JS thread's event inbox
//! (`IpcData`, then `IpcEnd` at end of file); writes are made from the JS thread. The bytes
//! are Node's framing (JSON lines, or length-prefixed V8 serialization), handled in JS.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::Shutdown;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
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
    let mut reader = stream.try_clone()?;
    let id = NEXT_CHANNEL.fetch_add(1, Ordering::Relaxed);
    CHANNELS.with(|c| c.borrow_mut().insert(id, stream));
    let thread = std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => agent.push(Event::IpcData(id, buf[..n].to_vec())),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        agent.push(Event::IpcEnd(id));
    });
    Ok((id, thread))
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

/// `native.ipc.write(id, bytes)`: writes all of `bytes` (blocking until the socket takes
/// them); returns the OS error code, or 0.
fn write<'js>(ctx: Ctx<'js>, id: f64, data: Value<'js>) -> i32 {
    let Some(bytes) = with_view_bytes(&ctx, &data, |b| b.to_vec()) else {
        return libc::EINVAL;
    };
    CHANNELS.with(|c| match c.borrow_mut().get_mut(&(id as u64)) {
        Some(stream) => match stream.write_all(&bytes) {
            Ok(()) => 0,
            Err(e) => e.raw_os_error().unwrap_or(libc::EPIPE),
        },
        None => libc::EPIPE,
    })
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

/// Adds `native.ipc` (adopt, write, close) to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let ipc = Object::new(ctx.clone())?;
    ipc.set("adopt", Function::new(ctx.clone(), adopt)?)?;
    ipc.set("write", Function::new(ctx.clone(), write)?)?;
    ipc.set("close", Function::new(ctx.clone(), close)?)?;
    native.set("ipc", ipc)?;
    Ok(())
}
