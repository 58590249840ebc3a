//! Rendering values the way Node prints them: `<Buffer 68 65 6c 6c 6f>` (Buffer's
//! `util.inspect` form, with `buffer.INSPECT_MAX_BYTES`), and the pieces of `util.inspect` that
//! Node's error messages embed (the `Received ...` forms, quoted strings, `JSON.stringify`).
//! Numbers are printed by [`crate::number::to_string`].

use std::sync::atomic::{AtomicU64, Ordering};

use crate::args::Arg;
use crate::encoding::JsStr;
use crate::error::NodeError;
use crate::number::{self, add_numeric_separator};

/// `buffer.INSPECT_MAX_BYTES` as f64 bits (Node stores any number >= 0, even 1.5 or Infinity).
static INSPECT_MAX_BYTES_BITS: AtomicU64 = AtomicU64::new(0x4049_0000_0000_0000); // 50.0

/// The current `buffer.INSPECT_MAX_BYTES` (default 50).
pub fn inspect_max_bytes() -> f64 {
    f64::from_bits(INSPECT_MAX_BYTES_BITS.load(Ordering::Relaxed))
}

/// Sets `buffer.INSPECT_MAX_BYTES` with Node's checks: the value must be a number
/// (`ERR_INVALID_ARG_TYPE`) and `>= 0` (`ERR_OUT_OF_RANGE`, NaN included).
pub fn set_inspect_max_bytes(value: &Arg<'_>) -> Result<(), NodeError> {
    let Arg::Number(n) = *value else {
        return Err(NodeError::invalid_arg_type(
            "INSPECT_MAX_BYTES",
            "of type number",
            value,
        ));
    };
    if n.is_nan() || n < 0.0 {
        return Err(NodeError::out_of_range("INSPECT_MAX_BYTES", ">= 0", value));
    }
    INSPECT_MAX_BYTES_BITS.store(n.to_bits(), Ordering::Relaxed);
    Ok(())
}

/// `util.inspect(buf)` for a Buffer: `<Buffer 68 69>`, `<Buffer >` when empty,
/// `<Buffer 00 ... 1 more byte>` past `max_bytes`, and `extra` (pre-rendered own properties
/// such as `foo: 1`) appended after a comma. `name` is `buf.constructor.name`.
pub fn inspect_buffer(name: &str, bytes: &[u8], max_bytes: f64, extra: &[&str]) -> String {
    let len = bytes.len() as f64;
    let shown = if max_bytes < len { max_bytes } else { len };
    let shown_bytes = &bytes[..(shown as usize).min(bytes.len())];
    // (`buf.hexSlice`'s own encoder)
    let hex = js_str_lossy(crate::encoding::hex::decode(shown_bytes).as_js_str());
    let extra = extra.join(", ");
    inspect_buffer_text(name, &hex, len - max_bytes, len != 0.0, &extra)
}

/// The text of `util.inspect(buf)` from the parts Node's JS computes with ordinary property
/// reads: `hex` (`buf.hexSlice(0, min(max, buf.length))`, spaced in pairs), `remaining`
/// (`buf.length - max`, shown when positive as `... N more bytes`), and `extra` (own
/// properties, after `, ` when `comma`, i.e. when `buf.length !== 0` at that read).
pub fn inspect_buffer_text(
    name: &str,
    hex: &str,
    remaining: f64,
    comma: bool,
    extra: &str,
) -> String {
    let mut body = String::with_capacity(hex.len() * 3 / 2 + extra.len() + 32);
    for (i, pair) in hex.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            body.push(' ');
        }
        body.push_str(std::str::from_utf8(pair).unwrap_or(""));
    }
    if remaining > 0.0 {
        body.push_str(" ... ");
        body.push_str(&number::to_string(remaining));
        body.push_str(if remaining > 1.0 {
            " more bytes"
        } else {
            " more byte"
        });
    }
    if !extra.is_empty() {
        if comma {
            body.push_str(", ");
        }
        body.push_str(extra);
    }
    format!("<{name} {body}>")
}

/// `util.inspect` of a number: like [`number::to_string`] but `-0` prints `-0`.
pub fn inspect_number(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0".into()
    } else {
        number::to_string(x)
    }
}

/// Decodes the units of a JS string to chars, mapping each lone surrogate through `lone`.
fn for_each_char(s: JsStr<'_>, mut visit: impl FnMut(Result<char, u16>)) {
    match s {
        JsStr::Latin1(b) => b.iter().for_each(|&c| visit(Ok(char::from(c)))),
        JsStr::Utf16(u) => {
            for r in char::decode_utf16(u.iter().copied()) {
                visit(r.map_err(|e| e.unpaired_surrogate()));
            }
        }
    }
}

/// The string a Rust `String` can hold for a JS string: lone surrogates become U+FFFD.
pub fn js_str_lossy(s: JsStr<'_>) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_char(s, |r| out.push(r.unwrap_or('\u{FFFD}')));
    out
}

/// Whether `s` holds `${` (Node then does not quote it with backticks).
fn has_template_start(s: JsStr<'_>) -> bool {
    (1..s.len())
        .any(|i| s.unit(i - 1) == Some(u16::from(b'$')) && s.unit(i) == Some(u16::from(b'{')))
}

/// `util.inspect` of a string: quoted with `'` (or `"`, or `` ` `` when the string holds
/// single quotes), control characters as `\n`/`\x1B`, lone surrogates as `\ud800`.
pub fn inspect_string(s: JsStr<'_>) -> String {
    let mut has_single = false;
    let mut has_double = false;
    let mut has_back = false;
    for_each_char(s, |r| match r {
        Ok('\'') => has_single = true,
        Ok('"') => has_double = true,
        Ok('`') => has_back = true,
        _ => {}
    });
    let quote = if !has_single {
        '\''
    } else if !has_double {
        '"'
    } else if !has_back && !has_template_start(s) {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for_each_char(s, |r| match r {
        Err(unit) => out.push_str(&format!("\\u{unit:04x}")),
        Ok(c) if c == quote => {
            out.push('\\');
            out.push(c);
        }
        Ok('\n') => out.push_str("\\n"),
        Ok('\t') => out.push_str("\\t"),
        Ok('\u{8}') => out.push_str("\\b"),
        Ok('\u{c}') => out.push_str("\\f"),
        Ok('\r') => out.push_str("\\r"),
        Ok('\\') => out.push_str("\\\\"),
        Ok(c) if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
            out.push_str(&format!("\\x{:02X}", c as u32));
        }
        Ok(c) => out.push(c),
    });
    out.push(quote);
    out
}

/// `util.inspect(string)` as a top-level value: past 10000 units the rest is summarised
/// (`'...'... 5 more characters`), and strings longer than 76 units that contain line breaks
/// are printed one quoted line at a time joined by ` +\n  ` (each piece choosing its own quotes).
pub fn inspect_string_value(s: JsStr<'_>) -> String {
    crate::inspect_layout::string_at(s, 0)
}

/// `JSON.stringify` of a string (lone surrogates escaped as `\ud800`, as modern JS does).
pub fn json_string(s: JsStr<'_>) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for_each_char(s, |r| match r {
        Err(unit) => out.push_str(&format!("\\u{unit:04x}")),
        Ok('"') => out.push_str("\\\""),
        Ok('\\') => out.push_str("\\\\"),
        Ok('\n') => out.push_str("\\n"),
        Ok('\t') => out.push_str("\\t"),
        Ok('\u{8}') => out.push_str("\\b"),
        Ok('\u{c}') => out.push_str("\\f"),
        Ok('\r') => out.push_str("\\r"),
        Ok(c) if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
        Ok(c) => out.push(c),
    });
    out.push('"');
    out
}

/// The first `n` UTF-16 units of a string (may split a surrogate pair, as `slice` does).
fn js_str_prefix<'a>(s: JsStr<'a>, n: usize) -> JsStr<'a> {
    match s {
        JsStr::Latin1(b) => JsStr::Latin1(&b[..n.min(b.len())]),
        JsStr::Utf16(u) => JsStr::Utf16(&u[..n.min(u.len())]),
    }
}

/// `util.inspect(value)` for the value an [`Arg`] describes; objects use the rendering the JS
/// face supplied, falling back to a Buffer rendering from its bytes or `{}`-like forms.
pub fn inspect_arg(arg: &Arg<'_>) -> String {
    match *arg {
        Arg::Undefined => "undefined".into(),
        Arg::Null => "null".into(),
        Arg::Bool(b) => b.to_string(),
        Arg::Number(n) => inspect_number(n),
        Arg::BigInt(digits) => format!("{digits}n"),
        Arg::String(s) => inspect_string_value(s),
        Arg::Symbol(desc) => format!("Symbol({})", desc.unwrap_or("")),
        Arg::Function { name, is_class } => match (is_class, name.is_empty()) {
            (true, true) => "[class (anonymous)]".into(),
            (true, false) => format!("[class {name}]"),
            (false, true) => "[Function (anonymous)]".into(),
            (false, false) => format!("[Function: {name}]"),
        },
        Arg::Object(o) => {
            if let Some(text) = o.inspect {
                return text.into();
            }
            use crate::args::ObjectKind;
            match (o.kind, o.bytes) {
                (ObjectKind::Buffer, Some(bytes)) => inspect_buffer(
                    o.constructor_name.unwrap_or("Buffer"),
                    bytes,
                    inspect_max_bytes(),
                    &[],
                ),
                _ => match o.constructor_name {
                    Some("Object") => "{}".into(),
                    Some("Array") => "[]".into(),
                    Some(name) => format!("{name} {{}}"),
                    None => "[Object: null prototype] {}".into(),
                },
            }
        }
    }
}

/// The `Received ...` tail of Node's `ERR_INVALID_ARG_TYPE` messages (without "Received "):
/// `undefined`, `null`, `function foo`, `an instance of Map`, `type string ('x')` (strings past
/// 28 units cut to 25 + `...`, JSON-quoted when they hold `'`), `type number (-0)`, ...
pub fn received_for_type_error(arg: &Arg<'_>) -> String {
    match *arg {
        Arg::Undefined => "undefined".into(),
        Arg::Null => "null".into(),
        Arg::Function { name, .. } => format!("function {name}"),
        Arg::Object(o) => match o.constructor_name {
            Some(name) if !name.is_empty() => format!("an instance of {name}"),
            _ => o
                .inspect
                .map(str::to_owned)
                .unwrap_or_else(|| "[Object: null prototype] {}".into()),
        },
        Arg::String(s) => {
            let (shown, cut) = if s.len() > 28 {
                (js_str_prefix(s, 25), true)
            } else {
                (s, false)
            };
            let mut has_quote = false;
            for_each_char(shown, |r| has_quote |= r == Ok('\''));
            let body = if has_quote {
                let mut owned: Vec<u16> = Vec::with_capacity(shown.len() + 3);
                match shown {
                    JsStr::Latin1(b) => owned.extend(b.iter().map(|&c| u16::from(c))),
                    JsStr::Utf16(u) => owned.extend_from_slice(u),
                }
                if cut {
                    owned.extend_from_slice(&[b'.' as u16; 3]);
                }
                json_string(JsStr::Utf16(&owned))
            } else {
                format!("'{}{}'", js_str_lossy(shown), if cut { "..." } else { "" })
            };
            format!("type string ({body})")
        }
        _ => format!("type {} ({})", arg.type_of(), inspect_arg(arg)),
    }
}

/// The `Received ...` tail of Node's `ERR_OUT_OF_RANGE` messages: integers beyond 2**32 in
/// magnitude and BigInts beyond 2n**32n get `_` grouping, other values are inspected.
pub fn received_for_range_error(arg: &Arg<'_>) -> String {
    match *arg {
        Arg::Number(n) if n.fract() == 0.0 && n.abs() > 4_294_967_296.0 => {
            add_numeric_separator(&number::to_string(n))
        }
        Arg::BigInt(digits) => {
            let magnitude = digits.trim_start_matches('-');
            let big = magnitude.len() > 10 || (magnitude.len() == 10 && magnitude > "4294967296");
            if big {
                format!("{}n", add_numeric_separator(digits))
            } else {
                format!("{digits}n")
            }
        }
        _ => inspect_arg(arg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_inspect_like_node() {
        assert_eq!(inspect_buffer("Buffer", b"", 50.0, &[]), "<Buffer >");
        assert_eq!(inspect_buffer("Buffer", b"ab", 50.0, &[]), "<Buffer 61 62>");
        assert_eq!(
            inspect_buffer("Buffer", b"abc", 2.0, &["foo: 1"]),
            "<Buffer 61 62 ... 1 more byte, foo: 1>"
        );
        assert_eq!(
            inspect_buffer("Buffer", b"", 50.0, &["foo: 1"]),
            "<Buffer foo: 1>"
        );
        assert_eq!(
            inspect_buffer("Buffer", b"abcdef", 0.0, &[]),
            "<Buffer  ... 6 more bytes>"
        );
        assert_eq!(
            inspect_buffer("My", b"abcdef", 1.5, &[]),
            "<My 61 ... 4.5 more bytes>"
        );
    }
}
