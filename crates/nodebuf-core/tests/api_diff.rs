//! Differential tests of the Buffer API layer (`nodebuf_core::api`) against `node`.
//!
//! Seeded random calls of every method with valid, edge and invalid arguments are rendered as
//! JS, run in one `node` process, and run through our API; the return value, the bytes of every
//! touched buffer, and the error (class, code, message, `[code]` in its name) must be equal.
//! `NODEBUF_DIFF_CASES` sets the cases per method (default 150), `NODEBUF_SEED` the seed.

mod support;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use nodebuf_core::api::{self, num_method, NumValue};
use nodebuf_core::args::{Arg, ObjectArg, ObjectKind};
use nodebuf_core::encoding::{Encoding, JsStr, JsString};
use nodebuf_core::inspect::json_string;
use nodebuf_core::number;
use nodebuf_core::NodeError;
use support::{case_count, hex, js_number_literal, js_string_literal, run_node, seed, Rng};

/// A JS value a test case passes, renderable both as JS source and as an [`Arg`].
#[derive(Clone, Debug)]
enum V {
    Undef,
    Null,
    Bool(bool),
    Num(f64),
    Big(String),
    Str(Vec<u16>),
    Sym(Option<String>),
    Func(String),
    Buf(Vec<u8>),
    U8(Vec<u8>),
    U16(Vec<u8>),
    DView(Vec<u8>),
    ABuf(Vec<u8>),
    Plain,
    EmptyArray,
    Map,
    List(Vec<V>),
}

impl V {
    fn str(s: &str) -> V {
        V::Str(s.encode_utf16().collect())
    }

    fn js(&self) -> String {
        match self {
            V::Undef => "undefined".into(),
            V::Null => "null".into(),
            V::Bool(b) => b.to_string(),
            V::Num(n) => js_number_literal(*n),
            V::Big(d) => format!("{d}n"),
            V::Str(u) => js_string_literal(u),
            V::Sym(None) => "Symbol()".into(),
            V::Sym(Some(d)) => format!("Symbol({d:?})"),
            V::Func(name) if name.is_empty() => "(()=>{})".into(),
            V::Func(name) => format!("(function {name}(){{}})"),
            V::Buf(b) => format!("Buffer.from(\"{}\",\"hex\")", hex(b)),
            V::U8(b) => format!("new Uint8Array(Buffer.from(\"{}\",\"hex\"))", hex(b)),
            V::U16(b) => format!(
                "new Uint16Array(new Uint8Array(Buffer.from(\"{}\",\"hex\")).buffer)",
                hex(b)
            ),
            V::DView(b) => format!(
                "new DataView(new Uint8Array(Buffer.from(\"{}\",\"hex\")).buffer)",
                hex(b)
            ),
            V::ABuf(b) => format!("new Uint8Array(Buffer.from(\"{}\",\"hex\")).buffer", hex(b)),
            V::Plain => "({})".into(),
            V::EmptyArray => "[]".into(),
            V::Map => "new Map()".into(),
            V::List(items) => format!(
                "[{}]",
                items.iter().map(V::js).collect::<Vec<_>>().join(",")
            ),
        }
    }

    /// `+value` for the objects (what the JS face would compute and pass).
    fn plus_value(&self) -> f64 {
        match self {
            V::Buf(b) => {
                let s = nodebuf_core::encoding::decode(Encoding::Utf8, b);
                nodebuf_core::api::coerce::string_to_number(s.as_js_str())
            }
            V::U8(b) => match b.len() {
                0 => 0.0,
                1 => f64::from(b[0]),
                _ => f64::NAN,
            },
            V::U16(b) => match b.len() {
                0 => 0.0,
                2 => f64::from(u16::from_le_bytes([b[0], b[1]])),
                _ => f64::NAN,
            },
            V::EmptyArray => 0.0,
            _ => f64::NAN,
        }
    }

    /// `String(value)` for typed arrays (elements joined by commas) and Buffers (utf8 text).
    fn string_value<'a>(&self, current: Option<&'a str>) -> Option<&'a str> {
        let text = match self {
            V::U8(b) => b
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(","),
            V::U16(b) => b
                .chunks(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]).to_string())
                .collect::<Vec<_>>()
                .join(","),
            V::Buf(b) => String::from_utf8_lossy(b).into_owned(),
            _ => return current,
        };
        // Leaked per case: a test-only convenience that keeps the borrow simple.
        Some(Box::leak(text.into_boxed_str()))
    }

    /// `util.inspect(value)` for the objects whose rendering can reach a message.
    fn inspect_text(&self) -> Option<String> {
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "[]".to_string()
            } else {
                format!("[ {} ]", items.join(", "))
            }
        };
        let spaced = |b: &[u8]| {
            b.iter()
                .map(|x| format!("{x:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        Some(match self {
            V::U8(b) => format!(
                "Uint8Array({}) {}",
                b.len(),
                list(b.iter().map(|x| x.to_string()).collect())
            ),
            V::U16(b) => format!(
                "Uint16Array({}) {}",
                b.len() / 2,
                list(b.chunks(2).map(|c| u16::from_le_bytes([c[0], c[1]]).to_string()).collect())
            ),
            V::ABuf(b) => format!(
                "ArrayBuffer {{ [Uint8Contents]: <{}>, byteLength: {} }}",
                spaced(b),
                b.len()
            ),
            V::DView(b) => format!(
                "DataView {{\n  byteLength: {},\n  byteOffset: 0,\n  buffer: ArrayBuffer {{ [Uint8Contents]: <{}>, byteLength: {} }}\n}}",
                b.len(),
                spaced(b),
                b.len()
            ),
            _ => return None,
        })
    }

    /// The object description the JS face would build for this value (None for primitives).
    fn object<'a>(&'a self, inspect: Option<&'a str>) -> Option<ObjectArg<'a>> {
        let mut o = match self {
            V::Buf(b) => ObjectArg::buffer(b),
            V::U8(b) => ObjectArg::uint8_array(b),
            V::U16(b) => ObjectArg {
                bytes: Some(b),
                ..ObjectArg::new(ObjectKind::TypedArray, Some("Uint16Array"))
            },
            V::DView(b) => ObjectArg {
                bytes: Some(b),
                ..ObjectArg::new(ObjectKind::DataView, Some("DataView"))
            },
            V::ABuf(b) => ObjectArg {
                bytes: Some(b),
                ..ObjectArg::new(ObjectKind::ArrayBuffer, Some("ArrayBuffer"))
            },
            V::Plain => ObjectArg {
                inspect: Some("{}"),
                string: Some("[object Object]"),
                ..ObjectArg::new(ObjectKind::Other, Some("Object"))
            },
            V::EmptyArray => ObjectArg {
                inspect: Some("[]"),
                string: Some(""),
                number: 0.0,
                ..ObjectArg::new(ObjectKind::Array, Some("Array"))
            },
            V::List(_) => ObjectArg {
                inspect: Some("[ ... ]"),
                string: Some("[list]"),
                ..ObjectArg::new(ObjectKind::Array, Some("Array"))
            },
            V::Map => ObjectArg {
                inspect: Some("Map(0) {}"),
                string: Some("[object Map]"),
                ..ObjectArg::new(ObjectKind::Other, Some("Map"))
            },
            _ => return None,
        };
        o.number = self.plus_value();
        o.string = self.string_value(o.string);
        if inspect.is_some() {
            o.inspect = inspect;
        }
        Some(o)
    }
}

/// Builds the [`Arg`]s for `vals`: objects first (args borrow them), then the args.
fn with_args<R>(vals: &[V], f: impl FnOnce(&[Arg<'_>]) -> R) -> R {
    let inspects: Vec<Option<String>> = vals.iter().map(V::inspect_text).collect();
    let objs: Vec<Option<ObjectArg<'_>>> = vals
        .iter()
        .zip(&inspects)
        .map(|(v, i)| v.object(i.as_deref()))
        .collect();
    let latin: Vec<Option<Vec<u8>>> = vals
        .iter()
        .map(|v| match v {
            V::Str(u) if u.iter().all(|&c| c < 256) => Some(u.iter().map(|&c| c as u8).collect()),
            _ => None,
        })
        .collect();
    let args: Vec<Arg<'_>> = vals
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            V::Undef => Arg::Undefined,
            V::Null => Arg::Null,
            V::Bool(b) => Arg::Bool(*b),
            V::Num(n) => Arg::Number(*n),
            V::Big(d) => Arg::BigInt(d),
            V::Str(u) => match &latin[i] {
                Some(l) => Arg::String(JsStr::Latin1(l)),
                None => Arg::String(JsStr::Utf16(u)),
            },
            V::Sym(d) => Arg::Symbol(d.as_deref()),
            V::Func(name) => Arg::Function {
                name,
                is_class: false,
            },
            _ => Arg::Object(objs[i].as_ref().expect("object value")),
        })
        .collect();
    f(&args)
}

/// One call: `buf.method(...args)` (or a static when `buf` is None), plus a target buffer for
/// `copy`.
struct Case {
    method: String,
    buf: Option<Vec<u8>>,
    args: Vec<V>,
}

impl Case {
    fn js(&self) -> String {
        let args: Vec<String> = self.args.iter().map(V::js).collect();
        // The copy target is a separate Buffer whose bytes are recorded too.
        let (target_decl, call_args) =
            if self.method == "copy" && matches!(self.args.first(), Some(V::Buf(_))) {
                let mut rest = args.clone();
                rest[0] = "t".into();
                (format!("const t={};", args[0]), rest.join(","))
            } else {
                ("const t=null;".into(), args.join(","))
            };
        let call = match &self.buf {
            Some(_) => format!("b.{}({call_args})", self.method),
            // allocUnsafe's bytes are unspecified in Node: compare the length only.
            None if self.method.starts_with("Buffer.allocUnsafe") => {
                format!("{}({call_args}).length", self.method)
            }
            None => format!("{}({call_args})", self.method),
        };
        let buf = match &self.buf {
            Some(b) => format!("Buffer.from(\"{}\",\"hex\")", hex(b)),
            None => "null".into(),
        };
        format!("C(()=>{{const b={buf};{target_decl}return [b,t,()=>{call}];}});\n")
    }
}

const NODE_PRELUDE: &str = r#"
const out = [];
function ret(r, b) {
  if (r === b && b !== null) return 'this';
  switch (typeof r) {
    case 'number': return 'n:' + (Object.is(r, -0) ? '-0' : String(r));
    case 'bigint': return 'b:' + String(r);
    case 'string': return 's:' + Buffer.from(r, 'utf16le').toString('hex');
    case 'boolean': return r ? 't' : 'f';
    case 'undefined': return 'u';
    default: return 'j:' + JSON.stringify(r);
  }
}
function C(mk) {
  const [b, t, f] = mk();
  let line;
  try {
    const r = f();
    line = 'R|' + ret(r, b);
  } catch (e) {
    const code = e.code === undefined ? '-' : e.code;
    const bracket = String(e).startsWith(e.name + ' [') ? 'y' : 'n';
    line = 'E|' + e.name + '|' + code + '|' + JSON.stringify(String(e.message).toWellFormed()) + '|' + bracket;
  }
  line += '|B|' + (b ? b.toString('hex') : '') + '|T|' + (t ? t.toString('hex') : '');
  out.push(line);
}
"#;

fn render_err(e: &NodeError) -> String {
    let msg: Vec<u16> = e.message.encode_utf16().collect();
    format!(
        "E|{}|{}|{}|{}",
        e.class.name(),
        e.code.unwrap_or("-"),
        json_string(JsStr::Utf16(&msg)),
        if e.code_in_name { "y" } else { "n" }
    )
}

fn render_num(n: f64) -> String {
    if n == 0.0 && n.is_sign_negative() {
        "n:-0".into()
    } else {
        format!("n:{}", number::to_string(n))
    }
}

fn render_str(s: &JsString) -> String {
    let units = s.to_utf16();
    let mut out = String::from("s:");
    for u in units {
        let _ = write!(out, "{:02x}{:02x}", u & 0xff, u >> 8);
    }
    out
}

/// What our API returned, rendered like the node side.
enum Ret {
    This,
    Num(f64),
    Big(i128),
    Str(JsString),
    Bool(bool),
    Json(String),
}

fn render_ret(r: Ret) -> String {
    match r {
        Ret::This => "this".into(),
        Ret::Num(n) => render_num(n),
        Ret::Big(b) => format!("b:{b}"),
        Ret::Str(s) => render_str(&s),
        Ret::Bool(b) => if b { "t" } else { "f" }.into(),
        Ret::Json(j) => format!("j:{j}"),
    }
}

fn buffer_json(b: nodebuf_core::Buffer) -> Ret {
    Ret::Json(api::to_json(&b.to_vec().expect("fresh buffer")))
}

fn slice_encoding(method: &str) -> Option<Encoding> {
    let name = method
        .strip_suffix("Slice")
        .or_else(|| method.strip_suffix("Write"))?;
    Encoding::parse(name)
}

/// Runs one case through our API; returns the line node would print.
fn run_rust(case: &Case) -> String {
    let mut buf = case.buf.clone().unwrap_or_default();
    let mut target: Option<Vec<u8>> = match (case.method.as_str(), case.args.first()) {
        ("copy", Some(V::Buf(t))) => Some(t.clone()),
        _ => None,
    };
    let result: Result<Ret, NodeError> = with_args(&case.args, |args| {
        let a = |i: usize| Arg::nth(args, i);
        let m = case.method.as_str();
        if let Some(nm) = num_method(m) {
            return if nm.write {
                api::write(&mut buf, nm.ty, &a(0), &a(1), &a(2)).map(|n| Ret::Num(n as f64))
            } else {
                api::read(&buf, nm.ty, &a(0), &a(1)).map(|v| match v {
                    NumValue::Number(n) => Ret::Num(n),
                    NumValue::BigInt(b) => Ret::Big(b),
                })
            };
        }
        if let Some(enc) = slice_encoding(m) {
            return if m.ends_with("Slice") {
                api::slice_helper(&buf, enc, &a(0), &a(1)).map(Ret::Str)
            } else {
                api::write_helper(&mut buf, enc, &a(0), &a(1), &a(2)).map(|n| Ret::Num(n as f64))
            };
        }
        match m {
            "fill" => api::fill(&mut buf, &a(0), &a(1), &a(2), &a(3)).map(|_| Ret::This),
            "indexOf" => api::index_of(&buf, &a(0), &a(1), &a(2)).map(|n| Ret::Num(n as f64)),
            "lastIndexOf" => {
                api::last_index_of(&buf, &a(0), &a(1), &a(2)).map(|n| Ret::Num(n as f64))
            }
            "includes" => api::includes(&buf, &a(0), &a(1), &a(2)).map(Ret::Bool),
            "compare" => api::compare(&buf, &a(0), &a(1), &a(2), &a(3), &a(4))
                .map(|n| Ret::Num(f64::from(n))),
            "equals" => api::equals(&buf, &a(0)).map(Ret::Bool),
            "copy" => api::copy_plan(buf.len(), &a(0), &a(1), &a(2), &a(3)).map(|plan| {
                if let Some(t) = target.as_mut() {
                    let src = &buf[plan.source_start..plan.source_start + plan.len];
                    t[plan.target_start..plan.target_start + plan.len].copy_from_slice(src);
                }
                Ret::Num(plan.len as f64)
            }),
            "write" => {
                api::write_string(&mut buf, &a(0), &a(1), &a(2), &a(3)).map(|n| Ret::Num(n as f64))
            }
            "toString" => api::to_string(&buf, &a(0), &a(1), &a(2), args.len()).map(Ret::Str),
            "swap16" => api::swap16(&mut buf).map(|_| Ret::This),
            "swap32" => api::swap32(&mut buf).map(|_| Ret::This),
            "swap64" => api::swap64(&mut buf).map(|_| Ret::This),
            "toJSON" => Ok(Ret::Json(api::to_json(&buf))),
            "Buffer.compare" => api::buffer_compare(&a(0), &a(1)).map(|n| Ret::Num(f64::from(n))),
            "Buffer.byteLength" => api::byte_length(&a(0), &a(1)).map(|n| Ret::Num(n as f64)),
            "Buffer.isEncoding" => Ok(Ret::Bool(api::is_encoding(&a(0)))),
            "Buffer.alloc" => {
                let n = api::alloc::validate_size(&a(0));
                n.and_then(|n| {
                    let mut fresh = vec![0u8; n];
                    api::alloc::alloc_fill(&mut fresh, &a(1), &a(2))?;
                    Ok(Ret::Json(api::to_json(&fresh)))
                })
            }
            "Buffer.allocUnsafe" => {
                api::statics::alloc_unsafe(&a(0)).map(|b| Ret::Num(b.len() as f64))
            }
            "Buffer.allocUnsafeSlow" => {
                api::statics::alloc_unsafe_slow(&a(0)).map(|b| Ret::Num(b.len() as f64))
            }
            "Buffer.from" => match a(0) {
                Arg::String(s) => api::statics::from_string(s, &a(1)).map(buffer_json),
                other => Err(api::alloc::from_invalid(&other)),
            },
            "Buffer.of" => api::statics::of(args).map(buffer_json),
            "Buffer.copyBytesFrom" => {
                let (count, size) = match case.args.first() {
                    Some(V::U8(b)) => (b.len(), 1),
                    Some(V::U16(b)) => (b.len() / 2, 2),
                    _ => (0, 1),
                };
                api::alloc::copy_bytes_from_range(&a(0), count, size, &a(1), &a(2)).and_then(|r| {
                    let bytes = a(0).view_bytes().unwrap_or(&[]);
                    nodebuf_core::Buffer::from_bytes(&bytes[r]).map(buffer_json)
                })
            }
            "Buffer.concat" => match case.args.first() {
                Some(V::List(items)) => with_args(items, |item_args| {
                    let len = api::statics::concat_validate(item_args, &a(1))?;
                    let bufs: Vec<nodebuf_core::Buffer> = item_args
                        .iter()
                        .map(|x| {
                            nodebuf_core::Buffer::from_bytes(x.uint8_array_bytes().unwrap_or(&[]))
                        })
                        .collect::<Result<_, _>>()?;
                    nodebuf_core::Buffer::concat(&bufs, Some(len)).map(buffer_json)
                }),
                Some(V::EmptyArray) => Ok(buffer_json(nodebuf_core::Buffer::alloc(0)?)),
                _ => Err(api::alloc::concat_list_invalid(&a(0))),
            },
            other => panic!("no runner for {other}"),
        }
    });
    let head = match result {
        Ok(r) => format!("R|{}", render_ret(r)),
        Err(e) => render_err(&e),
    };
    let b = if case.buf.is_some() {
        hex(&buf)
    } else {
        String::new()
    };
    let t = target.as_deref().map(hex).unwrap_or_default();
    format!("{head}|B|{b}|T|{t}")
}

// ---------------------------------------------------------------------------------------------
// Generators.

const SPECIAL_NUMS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    1.5,
    -1.5,
    0.5,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    4294967295.0,
    4294967296.0,
    4294967297.0,
    -4294967297.0,
    9007199254740992.0,
    1e21,
    -1e21,
    1.5e300,
    1e-7,
    255.0,
    256.0,
    -128.0,
    -129.0,
    65535.0,
    65536.0,
    2147483648.0,
    -2147483649.0,
    140737488355328.0,
    281474976710656.0,
    9223372036854775808.0,
    18446744073709551616.0,
    123456789012.5,
];

fn gen_buf(rng: &mut Rng, max: u64) -> Vec<u8> {
    let n = rng.below(max + 1) as usize;
    (0..n)
        .map(|_| {
            if rng.one_in(3) {
                rng.below(256) as u8
            } else {
                *rng.pick(&[0x61u8, 0x62, 0x63, 0x00, 0xff, 0x80])
            }
        })
        .collect()
}

fn gen_string(rng: &mut Rng) -> V {
    const PIECES: &[&str] = &[
        "a", "b", "c", "ab", "é", "€", "😀", "'", "\"", "\n", "0", "9", "f", "A", "=", "z", "-",
        "_", "+", "/", " ", "\u{7f}", "\u{85}", "ÿ", "\u{100}", "`",
    ];
    let n = if rng.one_in(10) { 30 } else { rng.below(6) } as usize;
    let mut units: Vec<u16> = Vec::new();
    for _ in 0..n {
        if rng.one_in(25) {
            units.push(0xd800 + rng.below(0x800) as u16);
        } else {
            units.extend(rng.pick(PIECES).encode_utf16());
        }
    }
    V::Str(units)
}

fn gen_encoding(rng: &mut Rng) -> V {
    const NAMES: &[&str] = &[
        "utf8",
        "UTF-8",
        "utf-8",
        "ucs2",
        "ucs-2",
        "utf16le",
        "UTF-16LE",
        "latin1",
        "binary",
        "ascii",
        "base64",
        "base64url",
        "hex",
        "HEX",
        "bad",
        "",
        "utf8 ",
    ];
    match rng.below(12) {
        0 => V::Undef,
        1 => V::Null,
        2 => V::Num(5.0),
        _ => V::str(rng.pick::<&str>(NAMES)),
    }
}

/// A position-like argument for a buffer of `len` bytes: mostly valid integers, then edges.
fn gen_pos(rng: &mut Rng, len: usize) -> V {
    match rng.below(20) {
        0..=9 => V::Num(rng.below(len as u64 + 3) as f64),
        10 => V::Num(-(rng.below(len as u64 + 3) as f64) - 1.0),
        11 | 12 => V::Num(*rng.pick(SPECIAL_NUMS)),
        13 => V::Undef,
        14 => gen_any(rng),
        15 => V::Num(rng.below(len as u64 + 3) as f64 + 0.5),
        16 => V::str(&rng.below(len as u64 + 2).to_string()),
        17 => V::Null,
        18 => V::Bool(rng.one_in(2)),
        _ => V::Num(-(rng.below(len as u64 + 3) as f64) + 0.25),
    }
}

fn gen_any(rng: &mut Rng) -> V {
    match rng.below(16) {
        0 => V::Undef,
        1 => V::Null,
        2 => V::Bool(rng.one_in(2)),
        3 => V::Num(*rng.pick(SPECIAL_NUMS)),
        4 => V::Big(
            rng.pick(&[
                "0",
                "1",
                "-1",
                "5",
                "4294967297",
                "-9223372036854775809",
                "18446744073709551616",
                "9223372036854775807",
            ])
            .to_string(),
        ),
        5 => gen_string(rng),
        6 => V::Sym(if rng.one_in(2) {
            None
        } else {
            Some("q".into())
        }),
        7 => V::Func(rng.pick(&["foo", ""]).to_string()),
        8 => V::Buf(gen_buf(rng, 6)),
        9 => V::U8(gen_buf(rng, 6)),
        10 => {
            let mut b = gen_buf(rng, 6);
            b.truncate(b.len() & !1);
            V::U16(b)
        }
        11 => V::DView(gen_buf(rng, 4)),
        12 => V::ABuf(gen_buf(rng, 4)),
        13 => V::Plain,
        14 => V::EmptyArray,
        _ => V::Map,
    }
}

fn gen_value_for_write(rng: &mut Rng, big: bool) -> V {
    match rng.below(10) {
        0..=3 if big => V::Big(
            rng.pick(&[
                "0",
                "1",
                "-1",
                "255",
                "-9223372036854775808",
                "9223372036854775807",
                "9223372036854775808",
                "18446744073709551615",
                "18446744073709551616",
                "-5",
                "1180591620717411303424",
            ])
            .to_string(),
        ),
        0..=3 => V::Num((rng.next_u64() as i64 >> rng.below(64)) as f64),
        4..=6 => V::Num(*rng.pick(SPECIAL_NUMS)),
        7 => V::Num(rng.below(300) as f64 - 150.0 + if rng.one_in(2) { 0.5 } else { 0.0 }),
        _ => gen_any(rng),
    }
}

/// Trailing `undefined`s are dropped at random so both "missing" and "undefined" are tested.
fn trim_args(rng: &mut Rng, mut args: Vec<V>) -> Vec<V> {
    if rng.one_in(2) {
        while matches!(args.last(), Some(V::Undef)) {
            args.pop();
        }
    }
    if rng.one_in(6) {
        let keep = rng.below(args.len() as u64 + 1) as usize;
        args.truncate(keep);
    }
    args
}

fn gen_case(rng: &mut Rng, method: &str) -> Case {
    let buf = gen_buf(rng, 12);
    let len = buf.len();
    let r = rng;
    let args: Vec<V> = if let Some(nm) = num_method(method) {
        let big = matches!(nm.ty.kind, api::NumKind::BigInt | api::NumKind::BigUint);
        let mut v = Vec::new();
        if nm.write {
            v.push(gen_value_for_write(r, big));
        }
        v.push(gen_pos(r, len));
        if nm.ty.width == 0 {
            v.push(if r.one_in(4) {
                gen_pos(r, 7)
            } else {
                V::Num(r.below(6) as f64 + 1.0)
            });
        }
        v
    } else if let Some(_enc) = slice_encoding(method) {
        if method.ends_with("Slice") {
            vec![gen_pos(r, len), gen_pos(r, len)]
        } else {
            let s = if r.one_in(8) {
                gen_any(r)
            } else {
                gen_string(r)
            };
            vec![s, gen_pos(r, len), gen_pos(r, len)]
        }
    } else {
        match method {
            "fill" => {
                let value = match r.below(5) {
                    0 => gen_string(r),
                    1 => V::Num(r.below(600) as f64 - 300.0),
                    2 => V::Buf(gen_buf(r, 3)),
                    _ => gen_any(r),
                };
                let mut v = vec![value, gen_pos(r, len), gen_pos(r, len), gen_encoding(r)];
                if r.one_in(4) {
                    v[1] = gen_encoding(r);
                } else if r.one_in(4) {
                    v[2] = gen_encoding(r);
                }
                v
            }
            "indexOf" | "lastIndexOf" | "includes" => {
                let value = match r.below(5) {
                    0 => gen_string(r),
                    1 => V::Num(r.below(600) as f64 - 300.0),
                    2 => V::Buf(gen_buf(r, 3)),
                    3 => V::str(rng_pick_str(
                        r,
                        &["a", "b", "ab", "bc", "", "c", "6162", "YWI="],
                    )),
                    _ => gen_any(r),
                };
                let off = if r.one_in(5) {
                    gen_encoding(r)
                } else {
                    gen_pos(r, len)
                };
                let enc = if r.one_in(2) {
                    gen_encoding(r)
                } else {
                    V::str(rng_pick_str(r, &["latin1", "ucs2", "hex", "base64"]))
                };
                vec![value, off, enc]
            }
            "compare" => {
                let t = if r.one_in(8) {
                    gen_any(r)
                } else {
                    V::Buf(gen_buf(r, 12))
                };
                vec![
                    t,
                    gen_pos(r, 12),
                    gen_pos(r, 12),
                    gen_pos(r, len),
                    gen_pos(r, len),
                ]
            }
            "equals" | "Buffer.compare" => {
                let one = |r: &mut Rng| {
                    if r.one_in(6) {
                        gen_any(r)
                    } else {
                        V::Buf(gen_buf(r, 4))
                    }
                };
                let a = one(r);
                let b = one(r);
                if method == "equals" {
                    vec![a]
                } else {
                    vec![a, b]
                }
            }
            "copy" => {
                let t = if r.one_in(8) {
                    gen_any(r)
                } else {
                    V::Buf(gen_buf(r, 12))
                };
                vec![t, gen_pos(r, 12), gen_pos(r, len), gen_pos(r, len)]
            }
            "write" => {
                let s = if r.one_in(10) {
                    gen_any(r)
                } else {
                    gen_string(r)
                };
                let mut v = vec![s, gen_pos(r, len), gen_pos(r, len), gen_encoding(r)];
                if r.one_in(4) {
                    v[1] = gen_encoding(r);
                } else if r.one_in(4) {
                    v[2] = gen_encoding(r);
                }
                v
            }
            "toString" => {
                let enc = if r.one_in(4) {
                    gen_any(r)
                } else {
                    gen_encoding(r)
                };
                // util.format prints functions as their source and DataViews at depth 0; both are
                // renderings the JS face supplies, not modelled here.
                let enc = if matches!(enc, V::Func(_) | V::DView(_)) {
                    V::Undef
                } else {
                    enc
                };
                let enc = if matches!(enc, V::Str(_) | V::Undef) || r.one_in(3) {
                    enc
                } else {
                    V::Undef
                };
                vec![enc, gen_pos(r, len), gen_pos(r, len)]
            }
            "swap16" | "swap32" | "swap64" | "toJSON" => vec![],
            "Buffer.byteLength" => {
                let v = if r.one_in(3) {
                    gen_any(r)
                } else {
                    gen_string(r)
                };
                vec![v, gen_encoding(r)]
            }
            "Buffer.isEncoding" => vec![if r.one_in(2) {
                gen_encoding(r)
            } else {
                gen_any(r)
            }],
            "Buffer.alloc" => {
                let size = match r.below(4) {
                    0 => gen_any(r),
                    1 => V::Num(*r.pick(&[-1.0, f64::NAN, 4294967297.0, f64::INFINITY, 1.5, -0.0])),
                    _ => V::Num(r.below(9) as f64),
                };
                // Valid but large sizes would make node allocate gigabytes: keep them invalid.
                let size = match size {
                    V::Num(n) if (64.0..=4294967296.0).contains(&n) => V::Num(4294967297.0),
                    other => other,
                };
                let fill = match r.below(4) {
                    0 => V::Undef,
                    1 => gen_string(r),
                    2 => V::Num(r.below(300) as f64),
                    _ => gen_any(r),
                };
                vec![size, fill, gen_encoding(r)]
            }
            "Buffer.allocUnsafe" | "Buffer.allocUnsafeSlow" => {
                let size = match r.below(3) {
                    0 => gen_any(r),
                    _ => V::Num(r.below(5000) as f64),
                };
                let size = match size {
                    V::Num(n) if (8192.0..=4294967296.0).contains(&n) => V::Num(-1.0),
                    other => other,
                };
                vec![size]
            }
            "Buffer.from" => {
                let first = match r.below(4) {
                    0 => match gen_any(r) {
                        // Objects take other overloads; only primitives are modelled here.
                        V::Buf(_)
                        | V::U8(_)
                        | V::U16(_)
                        | V::DView(_)
                        | V::ABuf(_)
                        | V::Plain
                        | V::EmptyArray
                        | V::Map
                        | V::List(_) => V::Num(1.0),
                        v => v,
                    },
                    _ => gen_string(r),
                };
                let enc = if r.one_in(5) {
                    gen_any(r)
                } else {
                    gen_encoding(r)
                };
                let enc = if matches!(enc, V::Sym(_)) {
                    V::Undef
                } else {
                    enc
                };
                vec![first, enc]
            }
            "Buffer.of" => (0..r.below(5))
                .map(|_| gen_value_for_write(r, false))
                .filter(|v| !matches!(v, V::Sym(_) | V::Big(_)))
                .collect(),
            "Buffer.copyBytesFrom" => {
                let view = match r.below(5) {
                    0 => gen_any(r),
                    1 | 2 => V::U8(gen_buf(r, 8)),
                    _ => {
                        let mut b = gen_buf(r, 8);
                        b.truncate(b.len() & !1);
                        V::U16(b)
                    }
                };
                let view = if matches!(view, V::Buf(_)) {
                    V::U8(vec![1, 2])
                } else {
                    view
                };
                vec![view, gen_pos(r, 6), gen_pos(r, 6)]
            }
            "Buffer.concat" => {
                let list = if r.one_in(8) {
                    gen_any(r)
                } else {
                    V::List(
                        (0..r.below(4))
                            .map(|_| match r.below(8) {
                                0 => gen_any(r),
                                1 | 2 => V::U8(gen_buf(r, 4)),
                                _ => V::Buf(gen_buf(r, 4)),
                            })
                            .collect(),
                    )
                };
                let total = match r.below(3) {
                    0 => gen_pos(r, 10),
                    _ => V::Undef,
                };
                let total = match total {
                    V::Num(n) if (64.0..=4294967296.0).contains(&n) => V::Num(-1.0),
                    other => other,
                };
                vec![list, total]
            }
            other => panic!("no generator for {other}"),
        }
    };
    let args = trim_args(r, args);
    let is_static = method.starts_with("Buffer.");
    // Node loops forever on some UTF-16 searches in odd-length... keep haystacks even for ucs2.
    let mut buf = buf;
    if matches!(method, "indexOf" | "lastIndexOf" | "includes") && buf.len() % 2 == 1 {
        buf.pop();
    }
    Case {
        method: method.to_string(),
        buf: (!is_static).then_some(buf),
        args,
    }
}

fn rng_pick_str<'a>(r: &mut Rng, items: &[&'a str]) -> &'a str {
    r.pick::<&str>(items)
}

fn methods() -> Vec<String> {
    let mut m: Vec<String> = api::numeric::num_method_names();
    for enc in [
        "latin1",
        "ascii",
        "utf8",
        "ucs2",
        "hex",
        "base64",
        "base64url",
    ] {
        m.push(format!("{enc}Slice"));
        m.push(format!("{enc}Write"));
    }
    for name in [
        "fill",
        "indexOf",
        "lastIndexOf",
        "includes",
        "compare",
        "equals",
        "copy",
        "write",
        "toString",
        "swap16",
        "swap32",
        "swap64",
        "toJSON",
        "Buffer.compare",
        "Buffer.byteLength",
        "Buffer.isEncoding",
        "Buffer.alloc",
        "Buffer.allocUnsafe",
        "Buffer.allocUnsafeSlow",
        "Buffer.from",
        "Buffer.of",
        "Buffer.copyBytesFrom",
        "Buffer.concat",
    ] {
        m.push(name.into());
    }
    m
}

#[test]
fn buffer_api_matches_node() {
    let per_method = case_count(150);
    let mut rng = Rng::new(seed());
    let mut cases: Vec<Case> = Vec::new();
    for method in methods() {
        // Methods with many argument shapes get more cases.
        let n = if num_method(&method).is_some() {
            per_method
        } else {
            per_method * 6
        };
        for _ in 0..n {
            cases.push(gen_case(&mut rng, &method));
        }
    }
    let mut script = String::from(NODE_PRELUDE);
    for c in &cases {
        script.push_str(&c.js());
    }
    script.push_str("process.stdout.write(out.join('\\n') + '\\n');\n");
    let node_out = run_node(&script);
    let node_lines: Vec<&str> = node_out.lines().collect();
    assert_eq!(
        node_lines.len(),
        cases.len(),
        "node printed one line per case"
    );
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (case, expected) in cases.iter().zip(&node_lines) {
        let got = run_rust(case);
        let entry = per.entry(case.method.as_str()).or_default();
        entry.0 += 1;
        if got != *expected {
            entry.1 += 1;
            let shown = failures
                .iter()
                .filter(|f: &&String| f.starts_with(&format!("{}(", case.method)))
                .count();
            if shown < 2 && failures.len() < 80 {
                let buf = case.buf.as_deref().map(hex).unwrap_or_default();
                failures.push(format!(
                    "{}({}) on <{buf}>\n  node: {expected}\n  ours: {got}",
                    case.method,
                    case.args.iter().map(V::js).collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    let total: usize = per.values().map(|v| v.0).sum();
    let failed: usize = per.values().map(|v| v.1).sum();
    println!("api differential cases per method:");
    for (m, (n, f)) in &per {
        println!("  {m:<22} {n:>6} cases, {f} mismatches");
    }
    println!("total: {total} cases, {failed} mismatches");
    assert!(
        failures.is_empty(),
        "{} mismatches, first ones:\n{}",
        failed,
        failures.join("\n")
    );
}
