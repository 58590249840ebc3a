//! The DNS wire format (RFC 1035 and the record types Node's resolver reports): building a
//! one-question query and reading the records of a reply. Hand-written rather than a crate
//! because the subset `dns.Resolver` needs (one question, a dozen record types, name
//! compression) is small and a full DNS library would bring its own async runtime or types
//! we would only translate back.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Record type numbers of the queries `dns.Resolver` makes.
pub mod rtype {
    /// IPv4 address.
    pub const A: u16 = 1;
    /// Name server.
    pub const NS: u16 = 2;
    /// Canonical name.
    pub const CNAME: u16 = 5;
    /// Start of authority.
    pub const SOA: u16 = 6;
    /// Pointer (reverse lookups).
    pub const PTR: u16 = 12;
    /// Mail exchange.
    pub const MX: u16 = 15;
    /// Text strings.
    pub const TXT: u16 = 16;
    /// IPv6 address.
    pub const AAAA: u16 = 28;
    /// Service location.
    pub const SRV: u16 = 33;
    /// Naming authority pointer.
    pub const NAPTR: u16 = 35;
    /// Any record (`resolveAny`).
    pub const ANY: u16 = 255;
    /// Certification authority authorization.
    pub const CAA: u16 = 257;
}

/// The query message for `name` and `qtype` with id `id`, recursion desired.
pub fn build_query(id: u16, name: &str, qtype: u16) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(name.len() + 18);
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if !trimmed.is_empty() {
        for label in trimmed.split('.') {
            if label.is_empty() || label.len() > 63 {
                return None;
            }
            out.push(label.len() as u8);
            out.extend_from_slice(label.as_bytes());
        }
    }
    out.push(0);
    out.extend_from_slice(&qtype.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    Some(out)
}

/// One resource record of a reply's answer section.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// IPv4 address and TTL.
    A(Ipv4Addr, u32),
    /// IPv6 address and TTL.
    Aaaa(Ipv6Addr, u32),
    /// CNAME target.
    Cname(String),
    /// Name server.
    Ns(String),
    /// Pointer target.
    Ptr(String),
    /// Priority, exchange.
    Mx(u16, String),
    /// The character strings of one TXT record.
    Txt(Vec<String>),
    /// Priority, weight, port, target.
    Srv(u16, u16, u16, String),
    /// nsname, hostmaster, serial, refresh, retry, expire, minttl.
    Soa(String, String, u32, u32, u32, u32, u32),
    /// order, preference, flags, service, regexp, replacement.
    Naptr(u16, u16, String, String, String, String),
    /// flags byte, tag, value.
    Caa(u8, String, String),
}

/// What a reply says.
#[derive(Debug)]
pub struct Reply {
    /// The message id.
    pub id: u16,
    /// The TC bit: the answer did not fit in the datagram.
    pub truncated: bool,
    /// The response code (0 no error, 2 SERVFAIL, 3 NXDOMAIN, ...).
    pub rcode: u8,
    /// The question's name (lower case, no trailing dot) and type.
    pub question: Option<(String, u16)>,
    /// The answer section's records of the types above (others skipped).
    pub answers: Vec<Record>,
    /// The SOA record of the authority section (c-ares falls back to it for SOA queries).
    pub authority_soa: Option<Record>,
}

/// Bytes read as Latin-1 (c-ares hands Node bytes; Node makes one-byte strings of them).
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

struct Reader<'a> {
    msg: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.msg.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_be_bytes([self.u8()?, self.u8()?]))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_be_bytes([
            self.u8()?,
            self.u8()?,
            self.u8()?,
            self.u8()?,
        ]))
    }
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let out = self.msg.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(out)
    }
    /// A possibly compressed domain name, its labels joined with dots.
    fn name(&mut self) -> Option<String> {
        let mut labels: Vec<String> = Vec::new();
        let mut pos = self.pos;
        let mut jumped = false;
        // Each pointer must go backwards, so a loop cannot run forever; the cap is a second
        // guard against pathological messages.
        for _ in 0..256 {
            let len = *self.msg.get(pos)?;
            match len & 0xc0 {
                0x00 => {
                    if len == 0 {
                        if !jumped {
                            self.pos = pos + 1;
                        }
                        return Some(labels.join("."));
                    }
                    let label = self.msg.get(pos + 1..pos + 1 + len as usize)?;
                    labels.push(escape_label(label));
                    pos += 1 + len as usize;
                }
                0xc0 => {
                    let target =
                        (usize::from(len & 0x3f) << 8) | usize::from(*self.msg.get(pos + 1)?);
                    if target >= pos {
                        return None;
                    }
                    if !jumped {
                        self.pos = pos + 2;
                        jumped = true;
                    }
                    pos = target;
                }
                _ => return None,
            }
        }
        None
    }
}

/// A label as c-ares prints it: dots and backslashes escaped, other bytes as they are.
fn escape_label(label: &[u8]) -> String {
    let mut out = String::with_capacity(label.len());
    for &b in label {
        if b == b'.' || b == b'\\' {
            out.push('\\');
        }
        out.push(char::from(b));
    }
    out
}

/// The character-strings filling `data`.
fn character_strings(data: &[u8]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut r = Reader { msg: data, pos: 0 };
    while r.pos < data.len() {
        let n = r.u8()? as usize;
        out.push(latin1(r.bytes(n)?));
    }
    Some(out)
}

/// Reads the record at the reader's position and its TTL, `None` when malformed, `Some(None, _)`
/// for a type not reported.
fn record(r: &mut Reader<'_>) -> Option<(Option<Record>, u32)> {
    r.name()?;
    let rtype = r.u16()?;
    let _class = r.u16()?;
    let ttl = r.u32()?;
    let len = r.u16()? as usize;
    let start = r.pos;
    let end = start.checked_add(len)?;
    if end > r.msg.len() {
        return None;
    }
    let data = &r.msg[start..end];
    let rec = match rtype {
        rtype::A if len == 4 => Some(Record::A(
            Ipv4Addr::new(data[0], data[1], data[2], data[3]),
            ttl,
        )),
        rtype::AAAA if len == 16 => {
            let mut octets = [0u8; 16];
            octets.copy_from_slice(data);
            Some(Record::Aaaa(Ipv6Addr::from(octets), ttl))
        }
        rtype::A | rtype::AAAA => return None,
        rtype::CNAME => Some(Record::Cname(r.name()?)),
        rtype::NS => Some(Record::Ns(r.name()?)),
        rtype::PTR => Some(Record::Ptr(r.name()?)),
        rtype::MX => {
            let pref = r.u16()?;
            Some(Record::Mx(pref, r.name()?))
        }
        rtype::TXT => Some(Record::Txt(character_strings(data)?)),
        rtype::SRV => {
            let (p, w, port) = (r.u16()?, r.u16()?, r.u16()?);
            Some(Record::Srv(p, w, port, r.name()?))
        }
        rtype::SOA => {
            let ns = r.name()?;
            let host = r.name()?;
            Some(Record::Soa(
                ns,
                host,
                r.u32()?,
                r.u32()?,
                r.u32()?,
                r.u32()?,
                r.u32()?,
            ))
        }
        rtype::NAPTR => {
            let (order, pref) = (r.u16()?, r.u16()?);
            let mut strings = Vec::new();
            for _ in 0..3 {
                let n = r.u8()? as usize;
                strings.push(latin1(r.bytes(n)?));
            }
            let replacement = r.name()?;
            let regexp = strings.pop()?;
            let service = strings.pop()?;
            let flags = strings.pop()?;
            Some(Record::Naptr(
                order,
                pref,
                flags,
                service,
                regexp,
                replacement,
            ))
        }
        rtype::CAA => {
            let flags = r.u8()?;
            let n = r.u8()? as usize;
            let tag = latin1(r.bytes(n)?);
            let value = latin1(data.get(2 + n..)?);
            Some(Record::Caa(flags, tag, value))
        }
        _ => None,
    };
    if r.pos > end {
        return None;
    }
    r.pos = end;
    Some((rec, ttl))
}

/// Parses a reply; `None` when it is malformed (Node's EBADRESP).
pub fn parse_reply(msg: &[u8]) -> Option<Reply> {
    let mut r = Reader { msg, pos: 0 };
    let id = r.u16()?;
    let flags = r.u16()?;
    let (qd, an, ns) = (r.u16()?, r.u16()?, r.u16()?);
    let _ar = r.u16()?;
    let mut question = None;
    for i in 0..qd {
        let name = r.name()?.to_ascii_lowercase();
        let qtype = r.u16()?;
        r.u16()?;
        if i == 0 {
            question = Some((name, qtype));
        }
    }
    let mut answers = Vec::new();
    let truncated = flags & 0x0200 != 0;
    let mut cname_ttls = Vec::new();
    for _ in 0..an {
        match record(&mut r) {
            Some((Some(rec), ttl)) => {
                if matches!(rec, Record::Cname(_)) {
                    cname_ttls.push(ttl);
                }
                answers.push(rec)
            }
            Some((None, _)) => {}
            // A truncated datagram may end mid-record: keep what came whole.
            None if truncated => break,
            None => return None,
        }
    }
    // An address's TTL is capped by the TTL of the CNAMEs leading to it, as c-ares reports it.
    if let Some(cap) = cname_ttls.into_iter().min() {
        for rec in &mut answers {
            if let Record::A(_, ttl) | Record::Aaaa(_, ttl) = rec {
                *ttl = (*ttl).min(cap);
            }
        }
    }
    let mut authority_soa = None;
    for _ in 0..ns {
        match record(&mut r) {
            Some((Some(rec @ Record::Soa(..)), _)) => authority_soa = Some(rec),
            Some(_) => {}
            None => break,
        }
    }
    Some(Reply {
        id,
        truncated,
        rcode: (flags & 0x000f) as u8,
        question,
        answers,
        authority_soa,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_through_the_parser() {
        let q = build_query(0x1234, "Example.com", rtype::MX).unwrap();
        let reply = parse_reply(&q).unwrap();
        assert_eq!(reply.id, 0x1234);
        assert_eq!(reply.question, Some(("example.com".into(), rtype::MX)));
        assert!(reply.answers.is_empty());
    }

    #[test]
    fn compressed_names_and_records_decode() {
        let mut msg = build_query(7, "a.b", rtype::MX).unwrap();
        msg[2] = 0x81;
        msg[7] = 1;
        // name: pointer to offset 12, type MX, class IN, ttl 60, rdlength 7, pref 10, "m" + ptr.
        msg.extend_from_slice(&[
            0xc0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 6, 0, 10, 1, b'm', 0xc0, 12,
        ]);
        let reply = parse_reply(&msg).unwrap();
        assert_eq!(reply.answers, vec![Record::Mx(10, "m.a.b".into())]);
    }

    #[test]
    fn forward_pointers_are_malformed() {
        let mut msg = build_query(7, "a", rtype::A).unwrap();
        msg[7] = 1;
        msg.extend_from_slice(&[0xc0, 200, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4]);
        assert!(parse_reply(&msg).is_none());
    }
}
