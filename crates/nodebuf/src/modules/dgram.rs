//! Native half of `dgram`: non-blocking UDP sockets registered with `net`'s poller thread (see
//! modules/net.rs), so their readiness reaches `dgram.js` through the same inbox events and
//! nothing on the JS thread ever blocks on a socket.
//!
//! The calls mirror what libuv's `uv_udp_*` functions do for Node's UDP handle, returning the
//! positive OS error number where libuv returns its negative one: the socket is made by the
//! first bind (or a membership call's implicit bind), option setters check their ranges before
//! looking at the socket (so an unbound socket reports EINVAL before EBADF, as libuv does), and
//! the option's level (IPv4 or IPv6) follows the socket's own address family.

use std::io::{ErrorKind, IoSlice};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6};

use mio::net::UdpSocket;
use rquickjs::{Array, Ctx, Function, Object, Result, Value};
use socket2::{Domain, SockAddr, SockRef, Socket as RawSocket, Type};

use crate::bytes::{with_view_bytes, wrap_bytes};
use crate::modules::net;

/// libuv's UV_UDP_IPV6ONLY bind flag.
const FLAG_IPV6ONLY: i32 = 1;
/// libuv's UV_UDP_REUSEADDR bind flag.
const FLAG_REUSEADDR: i32 = 4;

/// Bytes one receive takes at most (libuv hands Node 64 KiB buffers too).
const RECV_SIZE: usize = 65536;

fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EINVAL)
}

fn result_code(r: std::io::Result<()>) -> i32 {
    r.err().map_or(0, |e| errno_of(&e))
}

/// An IPv6 address with an optional `%zone` (an interface name or number), as libuv's
/// `uv_ip6_addr` reads it: an unknown interface name gives scope 0.
fn parse_v6(text: &str) -> Option<(Ipv6Addr, u32)> {
    let (addr, zone) = match text.split_once('%') {
        Some((addr, zone)) => (addr, Some(zone)),
        None => (text, None),
    };
    let ip = addr.parse::<Ipv6Addr>().ok()?;
    let scope = match zone {
        None => 0,
        Some(zone) => match zone.parse::<u32>() {
            Ok(n) => n,
            Err(_) => interface_index(zone),
        },
    };
    Some((ip, scope))
}

/// The index of the network interface called `name`, 0 when there is none.
fn interface_index(name: &str) -> u32 {
    let Ok(name) = std::ffi::CString::new(name) else {
        return 0;
    };
    // SAFETY: `name` is a NUL-terminated string that outlives the call, which only reads it.
    unsafe { libc::if_nametoindex(name.as_ptr()) }
}

/// `address:port` for a socket of `family` (4 or 6), or None when `address` is not one.
fn socket_addr(family: i32, address: &str, port: f64) -> Option<SocketAddr> {
    // The port arrives as Node's C++ reads it: a uint32 kept to its low 16 bits.
    let port = (port as i64 as u32) as u16;
    if family == 6 {
        let (ip, scope) = parse_v6(address)?;
        Some(SocketAddr::V6(SocketAddrV6::new(ip, port, 0, scope)))
    } else {
        let ip = address.parse::<Ipv4Addr>().ok()?;
        Some(SocketAddr::new(IpAddr::V4(ip), port))
    }
}

/// Whether the socket is an IPv6 one (libuv's UV_HANDLE_IPV6: the family it was bound with).
fn is_v6(socket: &UdpSocket) -> bool {
    SockRef::from(socket)
        .local_addr()
        .map(|a| a.is_ipv6())
        .unwrap_or(false)
}

/// A new non-blocking UDP socket of `addr`'s family, registered with the poller.
fn open(addr: &SocketAddr) -> std::result::Result<usize, i32> {
    let socket =
        RawSocket::new(Domain::for_address(*addr), Type::DGRAM, None).map_err(|e| errno_of(&e))?;
    socket.set_nonblocking(true).map_err(|e| errno_of(&e))?;
    socket.set_cloexec(true).map_err(|e| errno_of(&e))?;
    let std_socket: std::net::UdpSocket = socket.into();
    net::register_udp(UdpSocket::from_std(std_socket))
}

/// `bind(id, family, address, port, flags)`: binds socket `id` (made now when `id` is 0, as
/// libuv makes the descriptor on the first bind) to `address:port`; `[id, errno]` (errno 0 on
/// success). A socket made here stays open when its bind fails, as libuv's does.
fn bind<'js>(
    ctx: Ctx<'js>,
    id: f64,
    family: i32,
    address: String,
    port: f64,
    flags: i32,
) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    let (id, errno) = bind_socket(id, family, &address, port, flags);
    out.set(0, id)?;
    out.set(1, errno)?;
    Ok(out.into_value())
}

fn bind_socket(id: f64, family: i32, address: &str, port: f64, flags: i32) -> (f64, i32) {
    let Some(addr) = socket_addr(family, address, port) else {
        return (id, libc::EINVAL);
    };
    if flags & FLAG_IPV6ONLY != 0 && !addr.is_ipv6() {
        return (id, libc::EINVAL);
    }
    let id = if id > 0.0 {
        id
    } else {
        match open(&addr) {
            Ok(new_id) => new_id as f64,
            Err(errno) => return (0.0, errno),
        }
    };
    let errno = net::with_udp(id, |socket| {
        let sock = SockRef::from(socket);
        let prepared = (|| {
            if flags & FLAG_REUSEADDR != 0 {
                sock.set_reuse_address(true)?;
            }
            if flags & FLAG_IPV6ONLY != 0 {
                sock.set_only_v6(true)?;
            }
            sock.bind(&addr.into())
        })();
        match prepared {
            // libuv reports a family the socket cannot take as EINVAL.
            Err(e) if e.raw_os_error() == Some(libc::EAFNOSUPPORT) => libc::EINVAL,
            r => result_code(r),
        }
    })
    .unwrap_or(libc::EBADF);
    (id, errno)
}

/// `fdKind(fd)`: what descriptor `fd` is, as Node's guessHandleType names it: 'TCP', 'UDP',
/// 'PIPE' (a FIFO or Unix-domain socket), 'TTY', 'FILE' or 'UNKNOWN'.
fn fd_kind(fd: i32) -> &'static str {
    use std::os::fd::BorrowedFd;
    if fd < 0 {
        return "INVALID";
    }
    // SAFETY: `fd` is only borrowed for the checks below; fstat/isatty on a closed descriptor
    // fail harmlessly (EBADF), which reads as UNKNOWN.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    // SAFETY: an all-zero stat is a valid value of the plain C struct; fstat fills it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a writable stat for the call's duration.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return "UNKNOWN";
    }
    match st.st_mode & libc::S_IFMT {
        libc::S_IFREG | libc::S_IFDIR => "FILE",
        libc::S_IFIFO => "PIPE",
        // SAFETY: isatty only inspects the descriptor.
        libc::S_IFCHR if unsafe { libc::isatty(fd) } == 1 => "TTY",
        libc::S_IFCHR => "FILE",
        libc::S_IFSOCK => {
            let sock = SockRef::from(&borrowed);
            let Ok(kind) = sock.r#type() else {
                return "UNKNOWN";
            };
            let domain = sock.local_addr().map(|a| a.family() as i32).unwrap_or(-1);
            if domain == libc::AF_UNIX {
                return "PIPE";
            }
            if domain != libc::AF_INET && domain != libc::AF_INET6 {
                return "UNKNOWN";
            }
            if kind == Type::STREAM {
                "TCP"
            } else if kind == Type::DGRAM {
                "UDP"
            } else {
                "UNKNOWN"
            }
        }
        _ => "UNKNOWN",
    }
}

/// `adopt(fd)`: takes over UDP socket `fd` (made non-blocking and registered with the poller,
/// closed when the socket is, as libuv's `uv_udp_open` does); its id, or the negative OS error.
/// A descriptor this thread already has as a socket (one `dgram.js` found idle) is duplicated
/// rather than registered twice.
fn adopt(fd: i32) -> f64 {
    use std::os::fd::{BorrowedFd, FromRawFd, OwnedFd};
    if fd_kind(fd) != "UDP" {
        return -f64::from(libc::EINVAL);
    }
    let owned = if net::owns_fd(fd) {
        // SAFETY: `fd` is open (fd_kind saw it) and stays open while it is duplicated.
        match unsafe { BorrowedFd::borrow_raw(fd) }.try_clone_to_owned() {
            Ok(owned) => owned,
            Err(e) => return -f64::from(errno_of(&e)),
        }
    } else {
        // SAFETY: `fd` is an open UDP socket (checked above) that the caller hands over, as
        // `socket.bind({ fd })` documents: from here on this socket owns and closes it.
        unsafe { OwnedFd::from_raw_fd(fd) }
    };
    let socket = std::net::UdpSocket::from(owned);
    if let Err(e) = socket.set_nonblocking(true) {
        return -f64::from(errno_of(&e));
    }
    match net::register_udp(UdpSocket::from_std(socket)) {
        Ok(id) => id as f64,
        Err(errno) => -f64::from(errno),
    }
}

/// `fd(id)`: the descriptor of socket `id`, -1 without one.
fn fd(id: f64) -> i32 {
    use std::os::fd::AsRawFd;
    net::with_udp(id, |socket| socket.as_raw_fd()).unwrap_or(-1)
}

/// `checkAddress(family, address)`: 0 when `address` is one of `family` (4 or 6), else EINVAL.
fn check_address(family: i32, address: String) -> i32 {
    if socket_addr(family, &address, 0.0).is_some() {
        0
    } else {
        libc::EINVAL
    }
}

/// `connect(id, family, address, port)`: fixes the peer; 0 or the OS error.
fn connect(id: f64, family: i32, address: String, port: f64) -> i32 {
    let Some(addr) = socket_addr(family, &address, port) else {
        return libc::EINVAL;
    };
    net::with_udp(id, |socket| result_code(socket.connect(addr))).unwrap_or(libc::EBADF)
}

/// `disconnect(id)`: forgets the peer (a connect to AF_UNSPEC); 0 or the OS error.
fn disconnect(id: f64) -> i32 {
    net::with_udp(id, |socket| {
        use std::os::fd::AsRawFd;
        // SAFETY: an all-zero sockaddr is a valid value of the plain C struct.
        let mut unspec: libc::sockaddr = unsafe { std::mem::zeroed() };
        unspec.sa_family = libc::AF_UNSPEC as libc::sa_family_t;
        // SAFETY: the descriptor is the live socket borrowed for this call, and `unspec` is a
        // sockaddr of the length passed, read only during the call.
        let r = unsafe {
            libc::connect(
                socket.as_raw_fd(),
                &unspec,
                std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
            )
        };
        if r == 0 {
            return 0;
        }
        let errno = errno_of(&std::io::Error::last_os_error());
        // As libuv: some systems answer a disconnect of this kind with these, yet disconnect.
        if errno == libc::EAFNOSUPPORT || errno == libc::EINVAL {
            0
        } else {
            errno
        }
    })
    .unwrap_or(libc::EBADF)
}

/// `send(id, family, list, address, port)`: sends the views in `list` as one datagram, to
/// `address:port` or (when `address` is null) to the connected peer; the bytes sent, or the
/// negative OS error number (-EAGAIN when the kernel cannot take it now).
fn send<'js>(
    ctx: Ctx<'js>,
    id: f64,
    family: i32,
    list: Array<'js>,
    address: Option<String>,
    port: f64,
) -> Result<f64> {
    let target = match &address {
        Some(address) => match socket_addr(family, address, port) {
            Some(addr) => Some(SockAddr::from(addr)),
            None => return Ok(-f64::from(libc::EINVAL)),
        },
        None => None,
    };
    // Copies of the parts: the views can be any typed array, and a copy is what the kernel
    // gets anyway.
    let mut parts: Vec<Vec<u8>> = Vec::with_capacity(list.len());
    for value in list.iter::<Value>() {
        let value = value?;
        match with_view_bytes(&ctx, &value, |bytes| bytes.to_vec()) {
            Some(bytes) => parts.push(bytes),
            None => return Ok(-f64::from(libc::EINVAL)),
        }
    }
    let slices: Vec<IoSlice> = parts.iter().map(|p| IoSlice::new(p)).collect();
    let sent = net::with_udp(id, |socket| {
        let sock = SockRef::from(socket);
        loop {
            let r = match &target {
                Some(addr) => sock.send_to_vectored(&slices, addr),
                None => sock.send_vectored(&slices),
            };
            match r {
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Ok(n) => break n as f64,
                Err(e) if e.kind() == ErrorKind::WouldBlock => break -f64::from(libc::EAGAIN),
                Err(e) => break -f64::from(errno_of(&e)),
            }
        }
    });
    Ok(sent.unwrap_or(-f64::from(libc::EBADF)))
}

/// `recv(id)`: the next waiting datagram as `[bytes, address, family, port]`, or a number: 0
/// when none is waiting, else the OS error number.
fn recv<'js>(ctx: Ctx<'js>, id: f64) -> Result<Value<'js>> {
    let mut buf = vec![0u8; RECV_SIZE];
    let got = net::with_udp(id, |socket| loop {
        match socket.recv_from(&mut buf) {
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            r => break r,
        }
    });
    match got {
        None => Ok(Value::new_int(ctx, libc::EBADF)),
        Some(Ok((n, from))) => {
            buf.truncate(n);
            let out = Array::new(ctx.clone())?;
            out.set(0, wrap_bytes(&ctx, buf)?)?;
            out.set(1, from.ip().to_string())?;
            out.set(2, if from.is_ipv4() { "IPv4" } else { "IPv6" })?;
            out.set(3, from.port())?;
            Ok(out.into_value())
        }
        Some(Err(e)) if e.kind() == ErrorKind::WouldBlock => Ok(Value::new_int(ctx, 0)),
        Some(Err(e)) => Ok(Value::new_int(ctx, errno_of(&e))),
    }
}

/// Runs a socket option setter on socket `id`; 0 or the OS error (EBADF without a socket).
fn set_option(id: f64, f: impl FnOnce(&SockRef, bool) -> std::io::Result<()>) -> i32 {
    net::with_udp(id, |socket| {
        let v6 = is_v6(socket);
        result_code(f(&SockRef::from(socket), v6))
    })
    .unwrap_or(libc::EBADF)
}

/// `setBroadcast(id, on)`: SO_BROADCAST.
fn set_broadcast(id: f64, on: bool) -> i32 {
    set_option(id, |sock, _| sock.set_broadcast(on))
}

/// The socket option a TTL call sets: the IPv4 one, or the IPv6 hop limit.
type HopOption = fn(&SockRef, u32) -> std::io::Result<()>;

/// A TTL within `lowest..=255` (EINVAL otherwise, as libuv checks) set through `v4` or `v6`
/// by the socket's family.
fn set_hops(id: f64, ttl: i32, lowest: i32, v4: HopOption, v6: HopOption) -> i32 {
    if !(lowest..=255).contains(&ttl) {
        return libc::EINVAL;
    }
    set_option(id, |sock, is_v6| {
        (if is_v6 { v6 } else { v4 })(sock, ttl as u32)
    })
}

/// `setTTL(id, ttl)`: the unicast TTL (hop limit for IPv6), 1 to 255.
fn set_ttl(id: f64, ttl: i32) -> i32 {
    set_hops(
        id,
        ttl,
        1,
        |s, v| s.set_ttl(v),
        |s, v| s.set_unicast_hops_v6(v),
    )
}

/// `setMulticastTTL(id, ttl)`: the multicast TTL (hop limit for IPv6), 0 to 255.
fn set_multicast_ttl(id: f64, ttl: i32) -> i32 {
    set_hops(
        id,
        ttl,
        0,
        |s, v| s.set_multicast_ttl_v4(v),
        |s, v| s.set_multicast_hops_v6(v),
    )
}

/// `setMulticastLoopback(id, on)`: whether multicast sent is looped back to this host.
fn set_multicast_loopback(id: f64, on: bool) -> i32 {
    set_option(id, |sock, v6| {
        if v6 {
            sock.set_multicast_loop_v6(on)
        } else {
            sock.set_multicast_loop_v4(on)
        }
    })
}

/// `setMulticastInterface(id, address)`: the interface multicast leaves by, an IPv4 address or
/// an IPv6 `::%zone`; the option's level follows the address given (the kernel refuses one
/// that does not fit the socket, as it does for libuv).
fn set_multicast_interface(id: f64, address: String) -> i32 {
    enum Interface {
        V4(Ipv4Addr),
        V6(u32),
    }
    let interface = if let Ok(ip) = address.parse::<Ipv4Addr>() {
        Interface::V4(ip)
    } else if let Some((_, scope)) = parse_v6(&address) {
        Interface::V6(scope)
    } else {
        return libc::EINVAL;
    };
    set_option(id, |sock, _| match interface {
        Interface::V4(ip) => sock.set_multicast_if_v4(&ip),
        Interface::V6(scope) => sock.set_multicast_if_v6(scope),
    })
}

/// `membership(id, group, interface, join)`: joins (or leaves) multicast `group` on
/// `interface` (any when undefined); 0 or the OS error.
fn membership(id: f64, group: String, interface: Option<String>, join: bool) -> i32 {
    if let Ok(group) = group.parse::<Ipv4Addr>() {
        let interface = match interface.as_deref() {
            None => Ipv4Addr::UNSPECIFIED,
            Some(text) => match text.parse::<Ipv4Addr>() {
                Ok(ip) => ip,
                Err(_) => return libc::EINVAL,
            },
        };
        return set_option(id, |sock, _| {
            if join {
                sock.join_multicast_v4(&group, &interface)
            } else {
                sock.leave_multicast_v4(&group, &interface)
            }
        });
    }
    let Some((group, _)) = parse_v6(&group) else {
        return libc::EINVAL;
    };
    let scope = match interface.as_deref() {
        None => 0,
        Some(text) => match parse_v6(text) {
            Some((_, scope)) => scope,
            None => return libc::EINVAL,
        },
    };
    set_option(id, |sock, _| {
        if join {
            sock.join_multicast_v6(&group, scope)
        } else {
            sock.leave_multicast_v6(&group, scope)
        }
    })
}

/// `sourceMembership(id, source, group, interface, join)`: joins (or leaves) source-specific
/// multicast `group` from `source`; 0 or the OS error.
fn source_membership(
    id: f64,
    source: String,
    group: String,
    interface: Option<String>,
    join: bool,
) -> i32 {
    if let Some((group, _)) = parse_v6(&group) {
        let Some((source, _)) = parse_v6(&source) else {
            return libc::EINVAL;
        };
        let scope = match interface.as_deref() {
            None => 0,
            Some(text) => match parse_v6(text) {
                Some((_, scope)) => scope,
                None => return libc::EINVAL,
            },
        };
        return set_option(id, |sock, _| {
            source_membership_v6(sock, &source, &group, scope, join)
        });
    }
    let (Ok(group), Ok(source)) = (group.parse::<Ipv4Addr>(), source.parse::<Ipv4Addr>()) else {
        return libc::EINVAL;
    };
    let interface = match interface.as_deref() {
        None => Ipv4Addr::UNSPECIFIED,
        Some(text) => match text.parse::<Ipv4Addr>() {
            Ok(ip) => ip,
            Err(_) => return libc::EINVAL,
        },
    };
    set_option(id, |sock, _| {
        if join {
            sock.join_ssm_v4(&source, &group, &interface)
        } else {
            sock.leave_ssm_v4(&source, &group, &interface)
        }
    })
}

/// MCAST_JOIN_SOURCE_GROUP / MCAST_LEAVE_SOURCE_GROUP, which socket2 does not wrap.
fn source_membership_v6(
    sock: &SockRef,
    source: &Ipv6Addr,
    group: &Ipv6Addr,
    scope: u32,
    join: bool,
) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let request = libc::group_source_req {
        gsr_interface: scope,
        gsr_group: SockAddr::from(SocketAddrV6::new(*group, 0, 0, 0)).as_storage(),
        gsr_source: SockAddr::from(SocketAddrV6::new(*source, 0, 0, 0)).as_storage(),
    };
    let option = if join {
        libc::MCAST_JOIN_SOURCE_GROUP
    } else {
        libc::MCAST_LEAVE_SOURCE_GROUP
    };
    // SAFETY: the descriptor is the live socket borrowed for this call; `request` is a valid
    // group_source_req of the length passed, read only during the call.
    let r = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_IPV6,
            option,
            (&request as *const libc::group_source_req).cast(),
            std::mem::size_of::<libc::group_source_req>() as libc::socklen_t,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// `bufferSize(id, size, recv)`: SO_RCVBUF (or SO_SNDBUF) read when `size` is 0, else set;
/// `[size]` (what the kernel reports: Linux doubles what was set) or the OS error number.
fn buffer_size<'js>(ctx: Ctx<'js>, id: f64, size: f64, recv: bool) -> Result<Value<'js>> {
    // Node hands libuv an int: a size past i32 is refused before any system call.
    if size > f64::from(i32::MAX) {
        return Ok(Value::new_int(ctx, libc::EINVAL));
    }
    let got = net::with_udp(id, |socket| {
        let sock = SockRef::from(socket);
        let size = size as usize;
        match (size, recv) {
            (0, true) => sock.recv_buffer_size(),
            (0, false) => sock.send_buffer_size(),
            (n, true) => sock.set_recv_buffer_size(n).map(|_| n),
            (n, false) => sock.set_send_buffer_size(n).map(|_| n),
        }
    });
    match got {
        None => Ok(Value::new_int(ctx, libc::EBADF)),
        Some(Err(e)) => Ok(Value::new_int(ctx, errno_of(&e))),
        Some(Ok(n)) => {
            let out = Array::new(ctx.clone())?;
            out.set(0, n as f64)?;
            Ok(out.into_value())
        }
    }
}

/// Adds `native.dgram` (the UDP calls above) to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let dgram = Object::new(ctx.clone())?;
    dgram.set("bind", Function::new(ctx.clone(), bind)?)?;
    dgram.set("connect", Function::new(ctx.clone(), connect)?)?;
    dgram.set("fdKind", Function::new(ctx.clone(), fd_kind)?)?;
    dgram.set("adopt", Function::new(ctx.clone(), adopt)?)?;
    dgram.set("fd", Function::new(ctx.clone(), fd)?)?;
    dgram.set("checkAddress", Function::new(ctx.clone(), check_address)?)?;
    dgram.set("disconnect", Function::new(ctx.clone(), disconnect)?)?;
    dgram.set("send", Function::new(ctx.clone(), send)?)?;
    dgram.set("recv", Function::new(ctx.clone(), recv)?)?;
    dgram.set("setBroadcast", Function::new(ctx.clone(), set_broadcast)?)?;
    dgram.set("setTTL", Function::new(ctx.clone(), set_ttl)?)?;
    dgram.set(
        "setMulticastTTL",
        Function::new(ctx.clone(), set_multicast_ttl)?,
    )?;
    dgram.set(
        "setMulticastLoopback",
        Function::new(ctx.clone(), set_multicast_loopback)?,
    )?;
    dgram.set(
        "setMulticastInterface",
        Function::new(ctx.clone(), set_multicast_interface)?,
    )?;
    dgram.set("membership", Function::new(ctx.clone(), membership)?)?;
    dgram.set(
        "sourceMembership",
        Function::new(ctx.clone(), source_membership)?,
    )?;
    dgram.set("bufferSize", Function::new(ctx.clone(), buffer_size)?)?;
    native.set("dgram", dgram)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_as_libuv_reads_them() {
        assert!(socket_addr(4, "127.0.0.1", 80.0).is_some());
        assert!(socket_addr(4, "::1", 80.0).is_none());
        assert!(socket_addr(6, "127.0.0.1", 80.0).is_none());
        assert_eq!(socket_addr(4, "1.2.3.4", 70000.0).unwrap().port(), 4464);
        assert_eq!(parse_v6("::1%7"), Some((Ipv6Addr::LOCALHOST, 7)));
        assert_eq!(
            parse_v6("::1%no-such-interface"),
            Some((Ipv6Addr::LOCALHOST, 0))
        );
    }

    #[test]
    fn an_ipv4_socket_refuses_an_ipv6_only_bind() {
        assert_eq!(
            bind_socket(0.0, 4, "0.0.0.0", 0.0, FLAG_IPV6ONLY).1,
            libc::EINVAL
        );
    }
}
