//! Native half of `dns`: the system resolver (`getaddrinfo`/`getnameinfo`, what `dns.lookup`
//! and `dns.lookupService` use) and a DNS client over UDP (TCP when a reply is truncated) for
//! `dns.Resolver`, as c-ares is Node's. Each request runs on a thread of its own (the system
//! calls block) and posts its outcome to the requesting thread's inbox as [`Event::Dns`];
//! the event pump (`internal/messaging`) hands it to `dns.js`, which keeps the loop alive
//! while a request is pending, as libuv's request and c-ares's sockets do.

use std::ffi::{CStr, CString};
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rquickjs::{Array, Ctx, Function, Object, Result, Value};

use super::dns_wire::{build_query, parse_reply, rtype, Record, Reply};
use crate::host::agent::{Agent, Event};

/// How a request ended, carried from its thread to the JS thread.
#[derive(Debug)]
pub enum Outcome {
    /// `getaddrinfo`: the addresses and families in the system's order, or libuv's error
    /// number for the `EAI_*` code.
    Addrinfo(std::result::Result<Vec<(String, u8)>, i32>),
    /// `getnameinfo`: host and service, or libuv's error number.
    Nameinfo(std::result::Result<(String, String), i32>),
    /// A resolver query: the answer's records, or c-ares's error as Node names it.
    Query(std::result::Result<Vec<Record>, &'static str>),
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Runs `work` on a thread and posts its outcome under a new request id, which it returns.
fn spawn(work: impl FnOnce() -> Outcome + Send + 'static) -> f64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let agent = Agent::current();
    let run = move || agent.push(Event::Dns(id, work()));
    if std::thread::Builder::new()
        .name("nodebuf-dns".into())
        .spawn(run)
        .is_err()
    {
        // No thread to be had: the request fails as getaddrinfo does when out of memory.
        Agent::current().push(Event::Dns(id, Outcome::Addrinfo(Err(UV_EAI_MEMORY))));
    }
    id as f64
}

const UV_EAI_MEMORY: i32 = -3006;

/// libuv's error number for a `getaddrinfo`/`getnameinfo` return value.
fn uv_eai(code: i32) -> i32 {
    match code {
        // glibc's EAI_ADDRFAMILY, which the libc crate does not name.
        -9 => -3000,
        libc::EAI_AGAIN => -3001,
        libc::EAI_BADFLAGS => -3002,
        libc::EAI_FAIL => -3004,
        libc::EAI_FAMILY => -3005,
        libc::EAI_MEMORY => UV_EAI_MEMORY,
        libc::EAI_NODATA => -3007,
        libc::EAI_NONAME => -3008,
        libc::EAI_OVERFLOW => -3009,
        libc::EAI_SERVICE => -3010,
        libc::EAI_SOCKTYPE => -3011,
        libc::EAI_SYSTEM => -std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EIO),
        _ => -3004,
    }
}

/// The address in a `sockaddr` of family `AF_INET`/`AF_INET6`.
///
/// # Safety
/// `addr` must point to a valid sockaddr of the family it names.
unsafe fn sockaddr_ip(addr: *const libc::sockaddr) -> Option<IpAddr> {
    // SAFETY: the caller guarantees `addr` is valid; the family says which struct it is.
    unsafe {
        match i32::from((*addr).sa_family) {
            libc::AF_INET => {
                let v4 = &*(addr as *const libc::sockaddr_in);
                Some(IpAddr::from(u32::from_be(v4.sin_addr.s_addr).to_be_bytes()))
            }
            libc::AF_INET6 => {
                let v6 = &*(addr as *const libc::sockaddr_in6);
                Some(IpAddr::from(v6.sin6_addr.s6_addr))
            }
            _ => None,
        }
    }
}

/// The system resolver's answer for `host`: family 0/4/6, `hints` the `AI_*` flags.
fn system_getaddrinfo(
    host: &str,
    family: i32,
    hints: i32,
) -> std::result::Result<Vec<(String, u8)>, i32> {
    let Ok(c_host) = CString::new(host) else {
        return Err(uv_eai(libc::EAI_NONAME));
    };
    // SAFETY: an all-zero addrinfo is the documented way to start hints.
    let mut req: libc::addrinfo = unsafe { std::mem::zeroed() };
    req.ai_family = match family {
        4 => libc::AF_INET,
        6 => libc::AF_INET6,
        _ => libc::AF_UNSPEC,
    };
    // libuv asks for stream sockets, so each address comes once.
    req.ai_socktype = libc::SOCK_STREAM;
    req.ai_flags = hints;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: c_host is NUL-terminated, req initialised, list an out pointer.
    let rc = unsafe { libc::getaddrinfo(c_host.as_ptr(), std::ptr::null(), &req, &mut list) };
    if rc != 0 {
        return Err(uv_eai(rc));
    }
    let mut out = Vec::new();
    let mut cur = list;
    while !cur.is_null() {
        // SAFETY: cur walks the list getaddrinfo returned, freed only below.
        let entry = unsafe { &*cur };
        if !entry.ai_addr.is_null() {
            // SAFETY: ai_addr points to a sockaddr of entry's family.
            if let Some(ip) = unsafe { sockaddr_ip(entry.ai_addr) } {
                out.push((ip.to_string(), if ip.is_ipv4() { 4 } else { 6 }));
            }
        }
        cur = entry.ai_next;
    }
    // SAFETY: list came from a successful getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(out)
}

/// `getaddrinfo(host, family, hints)`: starts a lookup; its outcome arrives as a `dns` event.
fn getaddrinfo(host: String, family: i32, hints: i32) -> f64 {
    spawn(move || Outcome::Addrinfo(system_getaddrinfo(&host, family, hints)))
}

/// The host and service names for `ip` and `port` from the system resolver.
fn system_getnameinfo(ip: IpAddr, port: u16) -> std::result::Result<(String, String), i32> {
    let addr = socket2::SockAddr::from(SocketAddr::new(ip, port));
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    // SAFETY: addr is a valid sockaddr of its length; the buffers' lengths are passed.
    let rc = unsafe {
        libc::getnameinfo(
            addr.as_ptr(),
            addr.len(),
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            // As Node asks: a name is required (no numeric host in its place).
            libc::NI_NAMEREQD,
        )
    };
    if rc != 0 {
        return Err(uv_eai(rc));
    }
    // SAFETY: getnameinfo NUL-terminates both buffers on success.
    let (h, s) = unsafe { (CStr::from_ptr(host.as_ptr()), CStr::from_ptr(serv.as_ptr())) };
    Ok((
        h.to_string_lossy().into_owned(),
        s.to_string_lossy().into_owned(),
    ))
}

/// `getnameinfo(ip, port)`: starts a reverse lookup of the address (already validated).
fn getnameinfo(ip: String, port: i32) -> f64 {
    let Ok(addr) = ip.parse::<IpAddr>() else {
        return spawn(|| Outcome::Nameinfo(Err(uv_eai(libc::EAI_NONAME))));
    };
    spawn(move || Outcome::Nameinfo(system_getnameinfo(addr, port as u16)))
}

/// Why one exchange with a server failed.
enum Failure {
    Timeout,
    Refused,
    BadReply,
}

/// Whether `reply` answers `query` (same id and question), as c-ares checks before accepting.
fn answers(reply: &Reply, id: u16, name: &str, qtype: u16) -> bool {
    reply.id == id
        && reply
            .question
            .as_ref()
            .is_some_and(|(n, t)| *t == qtype && n.eq_ignore_ascii_case(name.trim_end_matches('.')))
}

/// One query to `server` over UDP, waiting at most `wait` for a matching reply.
fn udp_exchange(
    sent: std::result::Result<UdpSocket, Failure>,
    msg: &[u8],
    wait: Duration,
    check: &dyn Fn(&Reply) -> bool,
) -> std::result::Result<Reply, Failure> {
    let socket = sent?;
    let deadline = Instant::now() + wait;
    let mut buf = vec![0u8; 65535];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(Failure::Timeout);
        }
        socket
            .set_read_timeout(Some(left))
            .map_err(|_| Failure::Refused)?;
        match socket.recv(&mut buf) {
            Ok(n) => match parse_reply(&buf[..n]) {
                // Replies to another question (or someone else's) are ignored, as c-ares does.
                Some(reply) if check(&reply) => return Ok(reply),
                Some(_) => {}
                None if n >= 2 && buf[..2] == msg[..2] => return Err(Failure::BadReply),
                None => {}
            },
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(Failure::Timeout)
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(Failure::Refused),
        }
    }
}

/// A UDP socket (on `local` when given) connected to `server` that has sent `msg`.
fn udp_send(
    server: SocketAddr,
    msg: &[u8],
    local: Option<IpAddr>,
) -> std::result::Result<UdpSocket, Failure> {
    let bind_ip = local.unwrap_or(if server.is_ipv4() {
        IpAddr::from([0u8; 4])
    } else {
        IpAddr::from([0u16; 8])
    });
    let socket = UdpSocket::bind(SocketAddr::new(bind_ip, 0)).map_err(|_| Failure::Refused)?;
    socket.connect(server).map_err(|_| Failure::Refused)?;
    socket.send(msg).map_err(|_| Failure::Refused)?;
    Ok(socket)
}

/// The query again over TCP (after a truncated UDP reply), length-prefixed.
fn tcp_exchange(
    server: SocketAddr,
    msg: &[u8],
    wait: Duration,
    check: &dyn Fn(&Reply) -> bool,
) -> std::result::Result<Reply, Failure> {
    let mut stream = TcpStream::connect_timeout(&server, wait).map_err(|e| match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => Failure::Timeout,
        _ => Failure::Refused,
    })?;
    let io = |e: std::io::Error| match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => Failure::Timeout,
        _ => Failure::Refused,
    };
    stream.set_read_timeout(Some(wait)).map_err(io)?;
    let mut framed = (msg.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(msg);
    stream.write_all(&framed).map_err(io)?;
    let mut len = [0u8; 2];
    stream.read_exact(&mut len).map_err(io)?;
    let mut body = vec![0u8; usize::from(u16::from_be_bytes(len))];
    stream.read_exact(&mut body).map_err(io)?;
    match parse_reply(&body) {
        Some(reply) if check(&reply) => Ok(reply),
        _ => Err(Failure::BadReply),
    }
}

/// The records of `reply` a query of `qtype` reports, or Node's error for an empty answer.
fn records_for(reply: Reply, qtype: u16) -> std::result::Result<Vec<Record>, &'static str> {
    let wanted = |r: &Record| match r {
        Record::A(..) => qtype == rtype::A,
        Record::Aaaa(..) => qtype == rtype::AAAA,
        Record::Cname(..) => qtype == rtype::CNAME,
        Record::Ns(..) => qtype == rtype::NS,
        Record::Ptr(..) => qtype == rtype::PTR,
        Record::Mx(..) => qtype == rtype::MX,
        Record::Txt(..) => qtype == rtype::TXT,
        Record::Srv(..) => qtype == rtype::SRV,
        Record::Soa(..) => qtype == rtype::SOA,
        Record::Naptr(..) => qtype == rtype::NAPTR,
        Record::Caa(..) => qtype == rtype::CAA,
    };
    let mut out: Vec<Record> = if qtype == rtype::ANY {
        reply.answers
    } else {
        reply.answers.into_iter().filter(wanted).collect()
    };
    if out.is_empty() && qtype == rtype::SOA {
        out.extend(reply.authority_soa);
    }
    if out.is_empty() {
        return Err("ENODATA");
    }
    Ok(out)
}

/// A prepared query: its id and message, and the first datagram already sent (on the JS
/// thread, so the server has it when `query` returns, as c-ares sends at once).
struct Prepared {
    id: u16,
    msg: Vec<u8>,
    first: Option<std::result::Result<UdpSocket, Failure>>,
}

/// Builds the query for `name` and sends it to the first server.
fn prepare(
    servers: &[SocketAddr],
    name: &str,
    qtype: u16,
    local: (Option<IpAddr>, Option<IpAddr>),
) -> std::result::Result<Prepared, &'static str> {
    if servers.is_empty() {
        return Err("ECONNREFUSED");
    }
    let id: u16 = rand::random();
    let Some(msg) = build_query(id, name, qtype) else {
        return Err("EBADNAME");
    };
    let server = servers[0];
    let first = udp_send(
        server,
        &msg,
        if server.is_ipv4() { local.0 } else { local.1 },
    );
    Ok(Prepared {
        id,
        msg,
        first: Some(first),
    })
}

/// A resolver query as c-ares makes it: each server in turn, `tries` rounds, the wait
/// doubling each round; a server failure or refusal moves on to the next server.
fn run_query(
    servers: &[SocketAddr],
    name: &str,
    qtype: u16,
    timeout_ms: u64,
    tries: u32,
    local: (Option<IpAddr>, Option<IpAddr>),
    mut prepared: Prepared,
) -> std::result::Result<Vec<Record>, &'static str> {
    let (id, msg) = (prepared.id, std::mem::take(&mut prepared.msg));
    let check = |reply: &Reply| answers(reply, id, name, qtype);
    let mut last = "ETIMEOUT";
    for round in 0..tries {
        let wait = Duration::from_millis(timeout_ms.saturating_mul(1 << round.min(16)));
        for (index, &server) in servers.iter().enumerate() {
            let local_ip = if server.is_ipv4() { local.0 } else { local.1 };
            let sent = match prepared.first.take() {
                Some(sent) => sent,
                None => udp_send(server, &msg, local_ip),
            };
            let mut result = udp_exchange(sent, &msg, wait, &check);
            if let Ok(reply) = &result {
                if reply.truncated {
                    result = tcp_exchange(server, &msg, wait, &check);
                }
            }
            match result {
                Ok(reply) => match reply.rcode {
                    0 => return records_for(reply, qtype),
                    3 => return Err("ENOTFOUND"),
                    1 => return Err("EFORMERR"),
                    // A server that fails, does not implement or refuses the query passes
                    // it to the next server; the last one's answer is final.
                    2 | 4 | 5 => {
                        let code = match reply.rcode {
                            2 => "ESERVFAIL",
                            4 => "ENOTIMP",
                            _ => "EREFUSED",
                        };
                        if index + 1 == servers.len() {
                            return Err(code);
                        }
                        last = code;
                    }
                    _ => return Err("EBADRESP"),
                },
                Err(Failure::Timeout) => last = "ETIMEOUT",
                Err(Failure::Refused) => last = "ECONNREFUSED",
                // c-ares tries a malformed answer's query again, as a failed server.
                Err(Failure::BadReply) => last = "EBADRESP",
            }
        }
    }
    Err(last)
}

/// `query(servers, name, type, timeoutMs, tries, local4, local6)`: starts a resolver query;
/// `servers` are `ip:port` / `[ip6]:port` strings.
fn query(
    servers: Vec<String>,
    name: String,
    qtype: u16,
    timeout_ms: f64,
    tries: u32,
    local4: Option<String>,
    local6: Option<String>,
) -> f64 {
    let servers: Vec<SocketAddr> = servers.iter().filter_map(|s| s.parse().ok()).collect();
    let local = (
        local4.and_then(|s| s.parse().ok()),
        local6.and_then(|s| s.parse().ok()),
    );
    let timeout_ms = timeout_ms.max(1.0) as u64;
    let prepared = prepare(&servers, &name, qtype, local);
    spawn(move || {
        Outcome::Query(
            prepared.and_then(|p| {
                run_query(&servers, &name, qtype, timeout_ms, tries.max(1), local, p)
            }),
        )
    })
}

/// `systemServers()`: the name servers of /etc/resolv.conf as `[ip, port]` pairs (c-ares
/// falls back to the local host when there are none).
fn system_servers<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let text = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let mut found: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some("nameserver")).then(|| words.next())?
        })
        .filter(|ip| ip.parse::<IpAddr>().is_ok())
        .map(str::to_owned)
        .collect();
    if found.is_empty() {
        found.push("127.0.0.1".into());
    }
    let out = Array::new(ctx.clone())?;
    for (i, ip) in found.into_iter().enumerate() {
        let pair = Array::new(ctx.clone())?;
        pair.set(0, ip)?;
        pair.set(1, 53)?;
        out.set(i, pair)?;
    }
    Ok(out)
}

/// One record as the array `dns.js` shapes: its type name, then its fields.
fn record_to_js<'js>(ctx: &Ctx<'js>, record: Record) -> Result<Array<'js>> {
    let a = Array::new(ctx.clone())?;
    match record {
        Record::A(ip, ttl) => {
            a.set(0, "A")?;
            a.set(1, ip.to_string())?;
            a.set(2, ttl)?;
        }
        Record::Aaaa(ip, ttl) => {
            a.set(0, "AAAA")?;
            a.set(1, ip.to_string())?;
            a.set(2, ttl)?;
        }
        Record::Cname(n) => {
            a.set(0, "CNAME")?;
            a.set(1, n)?;
        }
        Record::Ns(n) => {
            a.set(0, "NS")?;
            a.set(1, n)?;
        }
        Record::Ptr(n) => {
            a.set(0, "PTR")?;
            a.set(1, n)?;
        }
        Record::Mx(pref, n) => {
            a.set(0, "MX")?;
            a.set(1, n)?;
            a.set(2, pref)?;
        }
        Record::Txt(strings) => {
            a.set(0, "TXT")?;
            a.set(1, strings)?;
        }
        Record::Srv(p, w, port, n) => {
            a.set(0, "SRV")?;
            a.set(1, n)?;
            a.set(2, port)?;
            a.set(3, p)?;
            a.set(4, w)?;
        }
        Record::Soa(ns, host, serial, refresh, retry, expire, minttl) => {
            a.set(0, "SOA")?;
            a.set(1, ns)?;
            a.set(2, host)?;
            a.set(3, f64::from(serial))?;
            a.set(4, f64::from(refresh))?;
            a.set(5, f64::from(retry))?;
            a.set(6, f64::from(expire))?;
            a.set(7, f64::from(minttl))?;
        }
        Record::Naptr(order, pref, flags, service, regexp, replacement) => {
            a.set(0, "NAPTR")?;
            a.set(1, flags)?;
            a.set(2, service)?;
            a.set(3, regexp)?;
            a.set(4, replacement)?;
            a.set(5, order)?;
            a.set(6, pref)?;
        }
        Record::Caa(flags, tag, value) => {
            a.set(0, "CAA")?;
            a.set(1, flags)?;
            a.set(2, tag)?;
            a.set(3, value)?;
        }
    }
    Ok(a)
}

/// An outcome as the `dns` event's payload: `[error, ...results]` (error 0/null when none).
pub fn outcome_to_js<'js>(ctx: &Ctx<'js>, outcome: Outcome) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    match outcome {
        Outcome::Addrinfo(Ok(list)) => {
            out.set(0, 0)?;
            let addrs = Array::new(ctx.clone())?;
            for (i, (ip, family)) in list.into_iter().enumerate() {
                let pair = Array::new(ctx.clone())?;
                pair.set(0, ip)?;
                pair.set(1, family)?;
                addrs.set(i, pair)?;
            }
            out.set(1, addrs)?;
        }
        Outcome::Nameinfo(Ok((host, service))) => {
            out.set(0, 0)?;
            out.set(1, host)?;
            out.set(2, service)?;
        }
        Outcome::Addrinfo(Err(code)) | Outcome::Nameinfo(Err(code)) => out.set(0, code)?,
        Outcome::Query(Ok(records)) => {
            out.set(0, Value::new_null(ctx.clone()))?;
            let list = Array::new(ctx.clone())?;
            for (i, record) in records.into_iter().enumerate() {
                list.set(i, record_to_js(ctx, record)?)?;
            }
            out.set(1, list)?;
        }
        Outcome::Query(Err(code)) => out.set(0, code)?,
    }
    Ok(out.into_value())
}

/// Adds `native.dns` (the calls above) to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let dns = Object::new(ctx.clone())?;
    dns.set("getaddrinfo", Function::new(ctx.clone(), getaddrinfo)?)?;
    dns.set("getnameinfo", Function::new(ctx.clone(), getnameinfo)?)?;
    dns.set("query", Function::new(ctx.clone(), query)?)?;
    dns.set("systemServers", Function::new(ctx.clone(), system_servers)?)?;
    native.set("dns", dns)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localhost_resolves_and_invalid_names_do_not() {
        let found = system_getaddrinfo("localhost", 4, 0).unwrap();
        assert!(found.iter().any(|(ip, f)| ip == "127.0.0.1" && *f == 4));
        // ENOTFOUND (EAI_NONAME), or EAI_AGAIN where no resolver answers at all.
        let missing = system_getaddrinfo("name.invalid", 0, 0);
        assert!(matches!(missing, Err(-3008) | Err(-3001)), "{missing:?}");
    }

    #[test]
    fn a_query_to_a_closed_port_is_refused() {
        let servers: [SocketAddr; 1] = ["127.0.0.1:9".parse().unwrap()];
        let prepared = prepare(&servers, "x.test", rtype::A, (None, None)).unwrap();
        let r = run_query(&servers, "x.test", rtype::A, 200, 1, (None, None), prepared);
        assert!(matches!(r, Err("ECONNREFUSED") | Err("ETIMEOUT")));
    }
}
