//! Native half of `net`: non-blocking TCP and Unix-domain sockets (mio) whose readiness one
//! process-wide poller thread posts to the owning thread's inbox as [`Event::NetReady`], where
//! the event loop picks it up (`internal/messaging`'s pump hands it to `net.js`).
//!
//! No thread ever blocks on a socket: the JS thread reads, writes and accepts only when the
//! poller said the socket is ready (and stops at `WouldBlock`), so a worker's `terminate()` and
//! the process exit never wait on a socket. The poller is edge-triggered: `net.js` reads until
//! `WouldBlock` (or tries again itself when a paused stream resumes) and keeps unwritten bytes
//! until the next writable edge. Sockets belong to the thread that made them (a thread-local
//! table); a thread that ends closes its sockets when the table is dropped.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use mio::net::{TcpListener, TcpStream, UdpSocket, UnixListener, UnixStream};
use mio::{Events, Interest, Poll, Registry, Token};
use rquickjs::{Array, Ctx, Function, Object, Result, Value};

use crate::bytes::{with_view_bytes, wrap_bytes};
use crate::host::agent::{Agent, Event};

/// Readiness bits of [`Event::NetReady`], as `net.js` reads them.
pub mod ready {
    /// Bytes (or end of file, or a pending connection) can be read.
    pub const READABLE: u8 = 1;
    /// The socket takes more bytes, or a connect finished.
    pub const WRITABLE: u8 = 2;
    /// The socket has a pending error.
    pub const ERROR: u8 = 4;
    /// The peer shut down its writing side.
    pub const READ_CLOSED: u8 = 8;
}

/// The one poller thread and who owns each registered socket.
struct Poller {
    registry: Registry,
    /// Socket id (the mio token) -> the agent whose inbox hears about it.
    owners: Mutex<HashMap<usize, Arc<Agent>>>,
}

impl Poller {
    fn owners(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Arc<Agent>>> {
        // Inserts and removes are single operations: a poisoned map is still consistent.
        self.owners.lock().unwrap_or_else(|p| p.into_inner())
    }
}

static POLLER: OnceLock<std::io::Result<Poller>> = OnceLock::new();

/// The poller, started on first use.
fn poller() -> std::io::Result<&'static Poller> {
    POLLER
        .get_or_init(|| {
            let mut poll = Poll::new()?;
            let registry = poll.registry().try_clone()?;
            std::thread::Builder::new()
                .name("nodebuf-net-poller".into())
                .spawn(move || poll_forever(&mut poll))?;
            Ok(Poller {
                registry,
                owners: Mutex::new(HashMap::new()),
            })
        })
        .as_ref()
        .map_err(|e| std::io::Error::new(e.kind(), e.to_string()))
}

/// The poller thread's loop: waits for readiness and posts it to each socket's owner.
fn poll_forever(poll: &mut Poll) {
    let mut events = Events::with_capacity(256);
    loop {
        if let Err(e) = poll.poll(&mut events, None) {
            if e.kind() == ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        let Ok(poller) = poller() else { return };
        let owners = poller.owners();
        for event in events.iter() {
            let mut bits = 0;
            if event.is_readable() {
                bits |= ready::READABLE;
            }
            if event.is_writable() {
                bits |= ready::WRITABLE;
            }
            if event.is_error() {
                bits |= ready::ERROR;
            }
            if event.is_read_closed() {
                bits |= ready::READ_CLOSED;
            }
            if let Some(agent) = owners.get(&event.token().0) {
                agent.push(Event::NetReady(event.token().0 as u64, bits));
            }
        }
    }
}

/// One socket of this thread.
enum Socket {
    TcpListener(TcpListener),
    TcpStream(TcpStream),
    /// A Unix-domain server and the path it removes when closed (as libuv does).
    UnixListener(UnixListener, String),
    UnixStream(UnixStream),
    /// A UDP socket (`dgram`, see modules/dgram.rs).
    Udp(UdpSocket),
    /// A descriptor that is no socket but whose readability the poller reports the same way
    /// (`fs.watch`'s inotify instance, see [`register_readable`]).
    Readable(ReadableFd),
}

impl Socket {
    fn source(&mut self) -> &mut dyn mio::event::Source {
        match self {
            Socket::TcpListener(s) => s,
            Socket::TcpStream(s) => s,
            Socket::UnixListener(s, _) => s,
            Socket::UnixStream(s) => s,
            Socket::Udp(s) => s,
            Socket::Readable(s) => s,
        }
    }
}

impl Socket {
    fn raw_fd(&self) -> std::os::fd::RawFd {
        use std::os::fd::AsRawFd;
        match self {
            Socket::TcpListener(s) => s.as_raw_fd(),
            Socket::TcpStream(s) => s.as_raw_fd(),
            Socket::UnixListener(s, _) => s.as_raw_fd(),
            Socket::UnixStream(s) => s.as_raw_fd(),
            Socket::Udp(s) => s.as_raw_fd(),
            Socket::Readable(s) => s.0.as_raw_fd(),
        }
    }
}

/// Whether this thread already has a socket registered on descriptor `fd` (libuv refuses to
/// open a descriptor its loop already watches: EEXIST).
pub fn owns_fd(fd: i32) -> bool {
    SOCKETS.with(|s| s.borrow().values().any(|e| e.socket.raw_fd() == fd))
}

/// The descriptor of this thread's socket `id` (to send it to another process).
pub fn raw_fd(id: f64) -> Option<std::os::fd::RawFd> {
    with_socket(id, |socket| socket.raw_fd())
}

/// `adoptFd(fd)`: takes socket descriptor `fd` (received from another process, or given to
/// `listen({ fd })`) into this thread's poller; returns `[id, kind]` with kind one of
/// `'tcp-server'`, `'tcp'`, `'pipe-server'`, `'pipe'`, `'udp'`, or the OS error number
/// (`fd` is then left as it was).
fn adopt_fd<'js>(ctx: Ctx<'js>, fd: i32) -> Result<Value<'js>> {
    use socket2::{Domain, Type};
    use std::os::fd::{FromRawFd, IntoRawFd};
    if fd < 0 || owns_fd(fd) {
        return Ok(Value::new_int(ctx, libc::EINVAL));
    }
    // SAFETY: fstat only writes into the zeroed struct we own and inspects the descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Ok(Value::new_int(ctx, libc::EBADF));
    }
    if st.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return Ok(Value::new_int(ctx, libc::ENOTSOCK));
    }
    // SAFETY: the caller hands `fd` over (a received descriptor, or one the script gave to
    // listen as Node's handle would take it); no socket of this thread wraps it (checked).
    let sock = unsafe { socket2::Socket::from_raw_fd(fd) };
    let probe = (|| -> std::io::Result<(Domain, Type, bool)> {
        sock.set_nonblocking(true)?;
        let ty = sock.r#type()?;
        let listening = ty == Type::STREAM && sock.is_listener()?;
        Ok((sock.domain()?, ty, listening))
    })();
    let (domain, ty, listening) = match probe {
        Ok(found) => found,
        Err(e) => {
            // Not ours after all: give the descriptor back untouched.
            let _ = sock.into_raw_fd();
            return Ok(Value::new_int(ctx, errno_of(&e)));
        }
    };
    let (socket, kind) = if domain == Domain::UNIX {
        if ty != Type::STREAM {
            let _ = sock.into_raw_fd();
            return Ok(Value::new_int(ctx, libc::EINVAL));
        }
        if listening {
            let std: std::os::unix::net::UnixListener = sock.into();
            // No path: the process that bound it removes it, not this one.
            (
                Socket::UnixListener(UnixListener::from_std(std), String::new()),
                "pipe-server",
            )
        } else {
            let std: std::os::unix::net::UnixStream = sock.into();
            (Socket::UnixStream(UnixStream::from_std(std)), "pipe")
        }
    } else if ty == Type::DGRAM {
        let std: std::net::UdpSocket = sock.into();
        (Socket::Udp(UdpSocket::from_std(std)), "udp")
    } else if listening {
        let std: std::net::TcpListener = sock.into();
        (
            Socket::TcpListener(TcpListener::from_std(std)),
            "tcp-server",
        )
    } else {
        let std: std::net::TcpStream = sock.into();
        (Socket::TcpStream(TcpStream::from_std(std)), "tcp")
    };
    match register(socket) {
        Ok(id) => {
            let out = Array::new(ctx.clone())?;
            out.set(0, id as f64)?;
            out.set(1, kind)?;
            Ok(out.into_value())
        }
        Err(errno) => Ok(Value::new_int(ctx, errno)),
    }
}

/// `fd(id)`: the descriptor of socket `id`, or -1 (Node's `handle.fd`).
fn js_fd(id: f64) -> i32 {
    raw_fd(id).unwrap_or(-1)
}

/// An owned descriptor registered with the poller through mio's raw-descriptor source.
pub struct ReadableFd(std::os::fd::OwnedFd);

impl ReadableFd {
    /// One `read(2)` into `buf` (stdin's descriptor, see modules/stdin.rs: non-blocking, so
    /// `WouldBlock` when nothing is there yet).
    fn read(&self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::os::fd::AsRawFd;
        // SAFETY: `buf` is ours and writable for its length; the descriptor is owned by self.
        let n = unsafe { libc::read(self.0.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(n as usize)
        }
    }
}

impl mio::event::Source for ReadableFd {
    fn register(
        &mut self,
        registry: &Registry,
        token: Token,
        interest: Interest,
    ) -> std::io::Result<()> {
        use std::os::fd::AsRawFd;
        mio::unix::SourceFd(&self.0.as_raw_fd()).register(registry, token, interest)
    }

    fn reregister(
        &mut self,
        registry: &Registry,
        token: Token,
        interest: Interest,
    ) -> std::io::Result<()> {
        use std::os::fd::AsRawFd;
        mio::unix::SourceFd(&self.0.as_raw_fd()).reregister(registry, token, interest)
    }

    fn deregister(&mut self, registry: &Registry) -> std::io::Result<()> {
        use std::os::fd::AsRawFd;
        mio::unix::SourceFd(&self.0.as_raw_fd()).deregister(registry)
    }
}

/// Hands `fd` to the poller for this thread: its readiness arrives as [`Event::NetReady`] under
/// the returned id (so `internal/messaging`'s pump delivers it to whatever `registerNet`
/// registered under that id) until [`release`] closes it. An OS error number on failure.
pub fn register_readable(fd: std::os::fd::OwnedFd) -> std::result::Result<usize, i32> {
    register(Socket::Readable(ReadableFd(fd)))
}

/// Hands a UDP socket to the poller for this thread, as [`register_readable`] does; its id, or
/// an OS error number.
pub fn register_udp(socket: UdpSocket) -> std::result::Result<usize, i32> {
    register(Socket::Udp(socket))
}

/// Hands one end of a Unix socket pair to the poller for this thread (a child's extra `'pipe'`
/// stdio entry); its id, or an OS error number.
pub fn register_unix_stream(
    stream: std::os::unix::net::UnixStream,
) -> std::result::Result<usize, i32> {
    stream.set_nonblocking(true).map_err(|e| errno_of(&e))?;
    register(Socket::UnixStream(UnixStream::from_std(stream)))
}

/// Runs `f` on UDP socket `id` of this thread; `None` when there is no such socket.
pub fn with_udp<T>(id: f64, f: impl FnOnce(&UdpSocket) -> T) -> Option<T> {
    with_socket(id, |socket| match socket {
        Socket::Udp(s) => Some(f(s)),
        _ => None,
    })
    .flatten()
}

/// `rearm(id)`: asks the poller to report socket `id` again if it is ready now. Readiness is
/// reported on changes (edge-triggered); a reader that stopped before it drained the
/// descriptor (stdin's stream, full) gets the data left there delivered by the next poll, as
/// libuv's read restarts do. False when there is no such socket or the poller refused.
fn rearm(id: f64) -> bool {
    let Ok(poller) = poller() else { return false };
    with_socket(id, |socket| {
        poller
            .registry
            .reregister(
                socket.source(),
                Token(id as usize),
                Interest::READABLE | Interest::WRITABLE,
            )
            .is_ok()
    })
    .unwrap_or(false)
}

/// Closes what [`register_readable`] registered under `id`.
pub fn release(id: usize) {
    close(id as f64);
}

/// A registered socket: deregistered (and its owner forgotten) when dropped.
struct Entry {
    id: usize,
    socket: Socket,
}

impl Drop for Entry {
    fn drop(&mut self) {
        if let Ok(poller) = poller() {
            poller.owners().remove(&self.id);
            let _ = poller.registry.deregister(self.socket.source());
        }
        if let Socket::UnixListener(_, path) = &self.socket {
            if !path.is_empty() {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

thread_local! {
    static SOCKETS: RefCell<HashMap<usize, Entry>> = RefCell::new(HashMap::new());
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EINVAL)
}

/// Registers `socket` with the poller for this thread; returns its id, or an OS error number.
fn register(mut socket: Socket) -> std::result::Result<usize, i32> {
    let poller = poller().map_err(|e| errno_of(&e))?;
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed) as usize;
    poller.owners().insert(id, Agent::current());
    if let Err(e) = poller.registry.register(
        socket.source(),
        Token(id),
        Interest::READABLE | Interest::WRITABLE,
    ) {
        poller.owners().remove(&id);
        return Err(errno_of(&e));
    }
    SOCKETS.with(|s| s.borrow_mut().insert(id, Entry { id, socket }));
    Ok(id)
}

fn with_socket<T>(id: f64, f: impl FnOnce(&mut Socket) -> T) -> Option<T> {
    SOCKETS.with(|s| {
        s.borrow_mut()
            .get_mut(&(id as usize))
            .map(|e| f(&mut e.socket))
    })
}

/// `[address, port, family]` of a socket address (`family` 'IPv4' or 'IPv6').
fn address_to_js<'js>(ctx: &Ctx<'js>, addr: &SocketAddr) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    out.set(0, addr.ip().to_string())?;
    out.set(1, addr.port())?;
    out.set(2, if addr.is_ipv4() { "IPv4" } else { "IPv6" })?;
    Ok(out.into_value())
}

/// `listenTcp(address, port, backlog)`: a listening TCP socket (SO_REUSEADDR, dual-stack on
/// `::`, as libuv binds); returns its id, or the negative OS error number.
fn listen_tcp(address: String, port: i32, backlog: i32) -> f64 {
    let Ok(ip) = address.parse::<IpAddr>() else {
        return -f64::from(libc::EINVAL);
    };
    let addr = SocketAddr::new(ip, port as u16);
    let bound = (|| -> std::io::Result<std::net::TcpListener> {
        use socket2::{Domain, Socket as RawSocket, Type};
        let socket = RawSocket::new(Domain::for_address(addr), Type::STREAM, None)?;
        socket.set_reuse_address(true)?;
        if addr.is_ipv6() {
            socket.set_only_v6(false)?;
        }
        socket.bind(&addr.into())?;
        socket.listen(backlog)?;
        socket.set_nonblocking(true)?;
        Ok(socket.into())
    })();
    match bound {
        Ok(listener) => result_id(register(Socket::TcpListener(TcpListener::from_std(
            listener,
        )))),
        Err(e) => -f64::from(errno_of(&e)),
    }
}

/// `listenUnix(path)`: a listening Unix-domain socket at `path`; id or negative OS error.
fn listen_unix(path: String) -> f64 {
    match UnixListener::bind(&path) {
        Ok(listener) => result_id(register(Socket::UnixListener(listener, path))),
        Err(e) => -f64::from(errno_of(&e)),
    }
}

fn result_id(r: std::result::Result<usize, i32>) -> f64 {
    match r {
        Ok(id) => id as f64,
        Err(errno) => -f64::from(errno),
    }
}

/// `accept(id)`: every connection waiting on listener `id`, as `[id, address, port, family]`
/// (address `''` for a Unix socket); a number (OS error) if accepting failed before any.
fn accept<'js>(ctx: Ctx<'js>, id: f64) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    let mut count = 0;
    loop {
        let accepted = with_socket(id, |socket| match socket {
            Socket::TcpListener(l) => l.accept().map(|(s, a)| (Socket::TcpStream(s), Some(a))),
            Socket::UnixListener(l, _) => l.accept().map(|(s, _)| (Socket::UnixStream(s), None)),
            _ => Err(std::io::Error::from_raw_os_error(libc::EINVAL)),
        });
        match accepted {
            None => break,
            Some(Ok((socket, addr))) => {
                let new_id = match register(socket) {
                    Ok(new_id) => new_id,
                    Err(_) => continue,
                };
                let entry = Array::new(ctx.clone())?;
                entry.set(0, new_id as f64)?;
                match addr {
                    Some(addr) => {
                        entry.set(1, addr.ip().to_string())?;
                        entry.set(2, addr.port())?;
                        entry.set(3, if addr.is_ipv4() { "IPv4" } else { "IPv6" })?;
                    }
                    None => entry.set(1, "")?,
                }
                out.set(count, entry)?;
                count += 1;
            }
            Some(Err(e)) if e.kind() == ErrorKind::WouldBlock => break,
            Some(Err(e)) if e.kind() == ErrorKind::Interrupted => continue,
            // A connection that failed between its arrival and accept: libuv skips it too.
            Some(Err(e)) if e.raw_os_error() == Some(libc::ECONNABORTED) => continue,
            Some(Err(e)) => {
                if count == 0 {
                    return Ok(Value::new_int(ctx, errno_of(&e)));
                }
                break;
            }
        }
    }
    Ok(out.into_value())
}

/// `connectTcp(address, port)`: starts a non-blocking connect; returns the id (the
/// socket's first writable or error readiness ends the attempt: see `finishConnect`) or the
/// negative OS error number.
fn connect_tcp(address: String, port: i32) -> f64 {
    let Ok(ip) = address.parse::<IpAddr>() else {
        return -f64::from(libc::EINVAL);
    };
    match TcpStream::connect(SocketAddr::new(ip, port as u16)) {
        Ok(stream) => result_id(register(Socket::TcpStream(stream))),
        Err(e) => -f64::from(errno_of(&e)),
    }
}

/// `connectUnix(path)`: like `connectTcp` for a Unix-domain socket.
fn connect_unix(path: String) -> f64 {
    match UnixStream::connect(&path) {
        Ok(stream) => result_id(register(Socket::UnixStream(stream))),
        Err(e) => -f64::from(errno_of(&e)),
    }
}

/// `finishConnect(id)`: 0 once connected, -1 while still connecting, else the OS error.
fn finish_connect(id: f64) -> i32 {
    with_socket(id, |socket| {
        let (error, peer) = match socket {
            Socket::TcpStream(s) => (s.take_error(), s.peer_addr().map(|_| ())),
            Socket::UnixStream(s) => (s.take_error(), s.peer_addr().map(|_| ())),
            _ => return libc::EINVAL,
        };
        match (error, peer) {
            (Ok(Some(e)) | Err(e), _) => errno_of(&e),
            (Ok(None), Ok(())) => 0,
            (Ok(None), Err(e)) if e.kind() == ErrorKind::NotConnected => -1,
            (Ok(None), Err(e)) => errno_of(&e),
        }
    })
    .unwrap_or(libc::EBADF)
}

/// Bytes one `read` takes at most (libuv reads 64 KiB at a time too).
const READ_SIZE: usize = 65536;

/// `read(id)`: the bytes available now as a Buffer, `null` at end of file, or a number: 0 when
/// nothing is available yet, else the OS error number.
fn read<'js>(ctx: Ctx<'js>, id: f64) -> Result<Value<'js>> {
    let mut buf = vec![0u8; READ_SIZE];
    let got = with_socket(id, |socket| loop {
        let r = match socket {
            Socket::TcpStream(s) => s.read(&mut buf),
            Socket::UnixStream(s) => s.read(&mut buf),
            Socket::Readable(s) => s.read(&mut buf),
            _ => Err(std::io::Error::from_raw_os_error(libc::ENOTCONN)),
        };
        match r {
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            r => break r,
        }
    });
    match got {
        None => Ok(Value::new_int(ctx, libc::EBADF)),
        Some(Ok(0)) => Ok(Value::new_null(ctx)),
        Some(Ok(n)) => {
            buf.truncate(n);
            wrap_bytes(&ctx, buf)
        }
        Some(Err(e)) if e.kind() == ErrorKind::WouldBlock => Ok(Value::new_int(ctx, 0)),
        Some(Err(e)) => Ok(Value::new_int(ctx, errno_of(&e))),
    }
}

/// `write(id, view)`: writes as much of `view`'s bytes as the socket takes now; returns the
/// count written (possibly 0), or the negative OS error number.
fn write<'js>(ctx: Ctx<'js>, id: f64, data: Value<'js>) -> f64 {
    // The id is a plain number: nothing runs JS between resolving the bytes and the writes.
    let written = with_view_bytes(&ctx, &data, |bytes| {
        with_socket(id, |socket| {
            let mut done = 0;
            while done < bytes.len() {
                let r = match socket {
                    Socket::TcpStream(s) => s.write(&bytes[done..]),
                    Socket::UnixStream(s) => s.write(&bytes[done..]),
                    _ => Err(std::io::Error::from_raw_os_error(libc::ENOTCONN)),
                };
                match r {
                    Ok(n) => done += n,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                    Err(e) => return -f64::from(errno_of(&e)),
                }
            }
            done as f64
        })
        .unwrap_or(-f64::from(libc::EBADF))
    });
    written.unwrap_or(-f64::from(libc::EINVAL))
}

/// `shutdown(id)`: ends the writing side (the peer reads end of file); 0 or the OS error.
fn shutdown(id: f64) -> i32 {
    with_socket(id, |socket| {
        let r = match socket {
            Socket::TcpStream(s) => s.shutdown(Shutdown::Write),
            Socket::UnixStream(s) => s.shutdown(Shutdown::Write),
            _ => Ok(()),
        };
        r.err().map_or(0, |e| match e.raw_os_error() {
            // The peer already went away: nothing left to tell it.
            Some(libc::ENOTCONN) => 0,
            _ => errno_of(&e),
        })
    })
    .unwrap_or(libc::EBADF)
}

/// `close(id)`: closes the socket (a Unix server also removes its path).
fn close(id: f64) {
    let entry = SOCKETS.with(|s| s.borrow_mut().remove(&(id as usize)));
    drop(entry);
}

/// `reset(id)`: closes with a reset (SO_LINGER 0), as `socket.resetAndDestroy()` does.
fn reset(id: f64) {
    with_socket(id, |socket| {
        if let Socket::TcpStream(s) = socket {
            let _ = socket2::SockRef::from(&*s).set_linger(Some(std::time::Duration::ZERO));
        }
    });
    close(id);
}

/// `address(id, peer)`: `[address, port, family]` of the socket's local end (or its peer's),
/// `[path]` for a Unix socket, or the OS error number.
fn address<'js>(ctx: Ctx<'js>, id: f64, peer: bool) -> Result<Value<'js>> {
    enum Found {
        Ip(SocketAddr),
        Path(String),
        Failed(i32),
    }
    let found = with_socket(id, |socket| {
        let ip = match socket {
            Socket::TcpListener(l) => l.local_addr(),
            Socket::TcpStream(s) if peer => s.peer_addr(),
            Socket::TcpStream(s) => s.local_addr(),
            Socket::UnixListener(_, path) => return Found::Path(path.clone()),
            Socket::UnixStream(s) => {
                let a = if peer { s.peer_addr() } else { s.local_addr() };
                let path = a
                    .ok()
                    .and_then(|a| a.as_pathname().map(|p| p.to_string_lossy().into_owned()));
                return Found::Path(path.unwrap_or_default());
            }
            Socket::Udp(s) if peer => s.peer_addr(),
            Socket::Udp(s) => s.local_addr(),
            Socket::Readable(_) => return Found::Failed(libc::ENOTSOCK),
        };
        match ip {
            Ok(a) => Found::Ip(a),
            Err(e) => Found::Failed(errno_of(&e)),
        }
    })
    .unwrap_or(Found::Failed(libc::EBADF));
    match found {
        Found::Ip(a) => address_to_js(&ctx, &a),
        Found::Path(p) => {
            let out = Array::new(ctx.clone())?;
            out.set(0, p)?;
            Ok(out.into_value())
        }
        Found::Failed(errno) => Ok(Value::new_int(ctx, errno)),
    }
}

/// `setNoDelay(id, on)`: TCP_NODELAY; 0 or the OS error.
fn set_no_delay(id: f64, on: bool) -> i32 {
    with_socket(id, |socket| match socket {
        Socket::TcpStream(s) => s.set_nodelay(on).err().map_or(0, |e| errno_of(&e)),
        _ => 0,
    })
    .unwrap_or(libc::EBADF)
}

/// `setKeepAlive(id, on, seconds)`: SO_KEEPALIVE with an idle time of `seconds` (when > 0);
/// 0 or the OS error.
fn set_keep_alive(id: f64, on: bool, seconds: f64) -> i32 {
    with_socket(id, |socket| match socket {
        Socket::TcpStream(s) => {
            let sock = socket2::SockRef::from(&*s);
            let r = if on && seconds >= 1.0 {
                let idle = std::time::Duration::from_secs(seconds as u64);
                sock.set_tcp_keepalive(&socket2::TcpKeepalive::new().with_time(idle))
            } else {
                sock.set_keepalive(on)
            };
            r.err().map_or(0, |e| errno_of(&e))
        }
        _ => 0,
    })
    .unwrap_or(libc::EBADF)
}

/// Adds `native.net` (the socket calls above) to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let net = Object::new(ctx.clone())?;
    net.set("listenTcp", Function::new(ctx.clone(), listen_tcp)?)?;
    net.set("listenUnix", Function::new(ctx.clone(), listen_unix)?)?;
    net.set("accept", Function::new(ctx.clone(), accept)?)?;
    net.set("connectTcp", Function::new(ctx.clone(), connect_tcp)?)?;
    net.set("connectUnix", Function::new(ctx.clone(), connect_unix)?)?;
    net.set("finishConnect", Function::new(ctx.clone(), finish_connect)?)?;
    net.set("read", Function::new(ctx.clone(), read)?)?;
    net.set("rearm", Function::new(ctx.clone(), rearm)?)?;
    net.set("write", Function::new(ctx.clone(), write)?)?;
    net.set("shutdown", Function::new(ctx.clone(), shutdown)?)?;
    net.set("close", Function::new(ctx.clone(), close)?)?;
    net.set("reset", Function::new(ctx.clone(), reset)?)?;
    net.set("address", Function::new(ctx.clone(), address)?)?;
    net.set("setNoDelay", Function::new(ctx.clone(), set_no_delay)?)?;
    net.set("setKeepAlive", Function::new(ctx.clone(), set_keep_alive)?)?;
    net.set("adoptFd", Function::new(ctx.clone(), adopt_fd)?)?;
    net.set("fd", Function::new(ctx.clone(), js_fd)?)?;
    native.set("net", net)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listener and a client on loopback: the poller posts readiness to this thread's inbox.
    #[test]
    fn poller_posts_readiness_for_a_loopback_connection() {
        let server = listen_tcp("127.0.0.1".into(), 0, 16);
        assert!(server > 0.0);
        let port = SOCKETS.with(|s| match &s.borrow()[&(server as usize)].socket {
            Socket::TcpListener(l) => l.local_addr().unwrap().port(),
            _ => unreachable!(),
        });
        let client = connect_tcp("127.0.0.1".into(), i32::from(port));
        assert!(client > 0.0);
        let agent = Agent::current();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut saw_server = false;
        let mut saw_client = false;
        while !(saw_server && saw_client) && std::time::Instant::now() < deadline {
            agent.wait(Some(std::time::Duration::from_millis(100)));
            for event in agent.take() {
                if let Event::NetReady(id, _) = event {
                    saw_server |= id as f64 == server;
                    saw_client |= id as f64 == client;
                }
            }
        }
        assert!(saw_server && saw_client);
        assert_eq!(finish_connect(client), 0);
        close(client);
        close(server);
        assert!(SOCKETS.with(|s| s.borrow().is_empty()));
    }
}
