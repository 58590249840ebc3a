//! Turning JS arguments into the core's [`Arg`]s and running a core method on them.
//!
//! Two phases keep the byte slices sound: first every fact that may run JS is gathered
//! (`+value` of objects whose position Node coerces, `String(value)` for encoding positions);
//! then the bytes of views are located and the core runs, with no JS in between. A core error
//! that shows an object (`an instance of Map`, `util.inspect` output) is rendered by running the
//! method once more with those facts filled in, so the common, successful call pays nothing for
//! them.

use nodebuf_core::args::{Arg, ObjectArg, ObjectKind};
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::raw::{self, Region, RegionKind, StrRef};
use crate::{state, throw_node_error};

/// Coercion flags of one argument position (what Node does to an object there).
pub mod coerce {
    /// Nothing runs for objects here.
    pub const NONE: u8 = 0;
    /// Node applies `+value` here: objects' `valueOf` / `Symbol.toPrimitive` run.
    pub const NUMBER: u8 = 1;
    /// Node may read this as an encoding name: `String(value)` runs for objects.
    pub const STRING: u8 = 2;
    /// With `NUMBER`: views and ArrayBuffers are converted too (`+buf` is
    /// `Number(buf.toString())`), for positions where Node never takes a view as a value.
    pub const VIEWS: u8 = 4;
}

enum Slot<'js> {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    BigInt(String),
    Str(StrRef),
    Symbol(Option<String>),
    Function {
        name: String,
        is_class: bool,
    },
    Object {
        value: Value<'js>,
        kind: ObjectKind,
        number: f64,
        string: Option<String>,
        constructor_name: Option<String>,
        inspect: Option<String>,
        /// Facts that hold a placeholder, not computed yet ([`PENDING_INSPECT`],
        /// [`PENDING_STRING`]): computed only once an error message shows them.
        pending: u8,
        /// Located bytes (phase two), or an owned copy when they overlapped a written buffer.
        bytes: Option<(*const u8, usize)>,
        copy: Option<Vec<u8>>,
    },
}

/// The `util.inspect` rendering of an object slot is a placeholder.
const PENDING_INSPECT: u8 = 1;
/// The `String(value)` of a view slot is a placeholder.
const PENDING_STRING: u8 = 2;

/// The placeholder text of fact `fact` of slot `slot`: no JS value renders so (it starts with
/// U+0001 and names the slot), so a message holding it used that fact.
fn placeholder(slot: usize, fact: u8) -> String {
    format!("\u{1}nodebuf-fact-{slot}-{fact}\u{1}")
}

/// The arguments of one native call, gathered (phase one) and located (phase two).
pub struct Prepared<'js> {
    slots: Vec<Slot<'js>>,
    enriched: bool,
}

/// `String(value)` of a primitive (numbers, BigInts) through the engine; runs no user code.
fn primitive_text(ctx: &Ctx<'_>, value: &Value<'_>) -> String {
    crate::to_rust_string(ctx, value).unwrap_or_default()
}

fn object_kind<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> ObjectKind {
    let raw_value = value.as_raw();
    // SAFETY: a live object; only the class id is read.
    let ta = unsafe { qjs::JS_GetTypedArrayType(raw_value) };
    if ta == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32 {
        let is_buffer = value.as_object().is_some_and(|o| state::is_buffer(ctx, o));
        return if is_buffer {
            ObjectKind::Buffer
        } else {
            ObjectKind::Uint8Array
        };
    }
    if ta >= 0 {
        return ObjectKind::TypedArray;
    }
    // SAFETY: as above.
    if unsafe { qjs::JS_IsDataView(raw_value) } {
        return ObjectKind::DataView;
    }
    match raw::array_buffer_kind(ctx, value) {
        Some(RegionKind::ArrayBuffer) => return ObjectKind::ArrayBuffer,
        Some(RegionKind::SharedArrayBuffer) => return ObjectKind::SharedArrayBuffer,
        _ => {}
    }
    if value.is_array() {
        ObjectKind::Array
    } else {
        ObjectKind::Other
    }
}

impl<'js> Prepared<'js> {
    /// Phase one: describes `values`, running the coercions `flags[i]` asks for (a missing flag
    /// is [`coerce::NONE`]). Fails with the pending JS exception if a coercion throws.
    pub fn new(ctx: &Ctx<'js>, values: &[Value<'js>], flags: &[u8]) -> rquickjs::Result<Self> {
        let mut slots = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            let flag = flags.get(i).copied().unwrap_or(coerce::NONE);
            slots.push(Self::describe(ctx, v, flag)?);
        }
        Ok(Prepared {
            slots,
            enriched: false,
        })
    }

    fn describe(ctx: &Ctx<'js>, v: &Value<'js>, flag: u8) -> rquickjs::Result<Slot<'js>> {
        use rquickjs::Type;
        Ok(match v.type_of() {
            Type::Undefined | Type::Uninitialized => Slot::Undefined,
            Type::Null => Slot::Null,
            Type::Bool => Slot::Bool(v.as_bool().unwrap_or(false)),
            Type::Int => Slot::Number(f64::from(v.as_int().unwrap_or(0))),
            Type::Float => Slot::Number(v.as_float().unwrap_or(f64::NAN)),
            Type::BigInt => Slot::BigInt(primitive_text(ctx, v)),
            Type::String => Slot::Str(StrRef::new(ctx, v)?),
            Type::Symbol => {
                let desc: Option<String> = v
                    .as_symbol()
                    .and_then(|s| s.description().ok())
                    .and_then(|d| d.as_string().and_then(|s| s.to_string().ok()));
                Slot::Symbol(desc)
            }
            Type::Function | Type::Constructor => Slot::Function {
                name: v
                    .as_object()
                    .and_then(|o| o.get::<_, Value>("name").ok())
                    .filter(|n| n.is_string())
                    .map(|n| primitive_text(ctx, &n))
                    .unwrap_or_default(),
                is_class: false,
            },
            _ => {
                let kind = object_kind(ctx, v);
                let plain = matches!(kind, ObjectKind::Other | ObjectKind::Array);
                let mut number = f64::NAN;
                let mut string = None;
                if flag & coerce::NUMBER != 0 && (plain || flag & coerce::VIEWS != 0) {
                    number = to_number(ctx, v)?;
                }
                if flag & coerce::STRING != 0 {
                    string = Some(to_js_string(ctx, v)?);
                }
                Slot::Object {
                    value: v.clone(),
                    kind,
                    number,
                    string,
                    constructor_name: None,
                    inspect: None,
                    pending: 0,
                    bytes: None,
                    copy: None,
                }
            }
        })
    }

    /// Whether an error message could need facts phase one skipped.
    fn needs_enrich(&self) -> bool {
        !self.enriched
            && self
                .slots
                .iter()
                .any(|s| matches!(s, Slot::Object { .. } | Slot::Function { .. }))
    }

    /// Fills in what error messages show: constructor names and whether functions are
    /// classes now; `util.inspect` renderings and `String(view)` as placeholders, computed by
    /// [`Prepared::settle`] only if the message shows them (Node renders only what its message
    /// needs, and both run user code: getters of a view that lies, a replaced `join`). Runs JS.
    fn enrich(&mut self, ctx: &Ctx<'js>) {
        self.enriched = true;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            match slot {
                Slot::Object {
                    value,
                    constructor_name,
                    inspect,
                    string,
                    kind,
                    pending,
                    ..
                } => {
                    *constructor_name = constructor_name_of(ctx, value);
                    *inspect = Some(placeholder(i, PENDING_INSPECT));
                    *pending = PENDING_INSPECT;
                    if string.is_none()
                        && matches!(
                            kind,
                            ObjectKind::Buffer | ObjectKind::Uint8Array | ObjectKind::TypedArray
                        )
                    {
                        *string = Some(placeholder(i, PENDING_STRING));
                        *pending |= PENDING_STRING;
                    }
                }
                Slot::Function { name, is_class } => {
                    let _ = name;
                    *is_class = false;
                }
                _ => {}
            }
        }
        let _ = ctx.catch();
    }

    /// Computes the pending facts `err`'s message shows (runs JS: util.inspect, `String()`);
    /// whether it computed any (the error is then built again with them).
    fn settle(&mut self, ctx: &Ctx<'js>, err: &NodeError) -> bool {
        let mut changed = false;
        // A placeholder cut short (a message that abbreviates what it shows) still starts
        // with U+0001 but lost its closing one: then every pending fact is computed, as if all
        // were shown. (Complete placeholders pair their U+0001s.)
        let all = err.message.matches('\u{1}').count() % 2 == 1;
        let inspect_fn = state::inspect_fn(ctx);
        for (i, slot) in self.slots.iter_mut().enumerate() {
            let Slot::Object {
                value,
                inspect,
                string,
                pending,
                ..
            } = slot
            else {
                continue;
            };
            if *pending & PENDING_INSPECT != 0
                && (all || err.message.contains(&placeholder(i, PENDING_INSPECT)))
            {
                *pending &= !PENDING_INSPECT;
                // ERR_UNKNOWN_ENCODING formats its value with `%s` (a second `String()` of an
                // object with its own toString); other messages inspect it.
                let format_s = (err.code == Some("ERR_UNKNOWN_ENCODING"))
                    .then(|| state::format_s_fn(ctx))
                    .flatten()
                    .and_then(|f| f.call::<_, Value>((value.clone(),)).ok())
                    .filter(|s| s.is_string());
                *inspect = format_s
                    .or_else(|| {
                        inspect_fn
                            .as_ref()
                            .and_then(|f| f.call::<_, Value>((value.clone(),)).ok())
                    })
                    .and_then(|s| crate::to_rust_string(ctx, &s).ok());
                changed = true;
            }
            if *pending & PENDING_STRING != 0
                && (all || err.message.contains(&placeholder(i, PENDING_STRING)))
            {
                *pending &= !PENDING_STRING;
                *string = to_js_string(ctx, value).ok();
                changed = true;
            }
        }
        let _ = ctx.catch();
        changed
    }

    /// Phase two: locates the bytes of every view argument. Bytes that overlap `written` (the
    /// buffer the method writes) are copied so no `&[u8]` aliases the `&mut [u8]`. No JS may
    /// run from here until the Args built from this are dropped.
    fn locate(&mut self, ctx: &Ctx<'js>, written: Option<Region>) {
        for slot in &mut self.slots {
            if let Slot::Object {
                value, bytes, copy, ..
            } = slot
            {
                *copy = None;
                *bytes = raw::region(ctx, value).map(|r| (r.ptr as *const u8, r.len));
                if let (Some(w), Some(r)) = (written, raw::region(ctx, value)) {
                    if w.overlaps(&r) {
                        // SAFETY: the region is live (located just now, no JS since) and no
                        // `&mut` to it exists yet.
                        let owned = unsafe { std::slice::from_raw_parts(r.ptr, r.len) }.to_vec();
                        *copy = Some(owned);
                    }
                }
            }
        }
    }

    /// The [`ObjectArg`]s of the object slots (in order). Valid while no JS runs.
    fn objects(&self) -> Vec<ObjectArg<'_>> {
        let mut out = Vec::new();
        for slot in &self.slots {
            if let Slot::Object {
                kind,
                number,
                string,
                constructor_name,
                inspect,
                bytes,
                copy,
                ..
            } = slot
            {
                let located: Option<&[u8]> = match (copy, bytes) {
                    (Some(c), _) => Some(c.as_slice()),
                    // SAFETY: located in phase two with no JS since (the caller's contract), so
                    // the memory is live; it does not overlap the written buffer (else copied).
                    (None, Some((p, n))) => Some(unsafe { std::slice::from_raw_parts(*p, *n) }),
                    (None, None) => None,
                };
                out.push(ObjectArg {
                    kind: *kind,
                    constructor_name: constructor_name.as_deref(),
                    bytes: located,
                    inspect: inspect.as_deref(),
                    number: *number,
                    string: string.as_deref(),
                });
            }
        }
        out
    }

    /// Builds an error that shows these arguments, with every fact filled in (runs JS first).
    pub fn error_with(&mut self, ctx: &Ctx<'js>, f: impl Fn(&[Arg<'_>]) -> NodeError) -> NodeError {
        self.enrich(ctx);
        loop {
            self.locate(ctx, None);
            let err = {
                let objects = self.objects();
                let args = self.args(&objects);
                f(&args)
            };
            if !self.settle(ctx, &err) {
                return err;
            }
        }
    }

    fn args<'a>(&'a self, objects: &'a [ObjectArg<'a>]) -> Vec<Arg<'a>> {
        let mut next = 0;
        self.slots
            .iter()
            .map(|slot| match slot {
                Slot::Undefined => Arg::Undefined,
                Slot::Null => Arg::Null,
                Slot::Bool(b) => Arg::Bool(*b),
                Slot::Number(n) => Arg::Number(*n),
                Slot::BigInt(d) => Arg::BigInt(d),
                Slot::Str(s) => Arg::String(s.as_js_str()),
                Slot::Symbol(d) => Arg::Symbol(d.as_deref()),
                Slot::Function { name, is_class } => Arg::Function {
                    name,
                    is_class: *is_class,
                },
                Slot::Object { .. } => {
                    let o = &objects[next];
                    next += 1;
                    Arg::Object(o)
                }
            })
            .collect()
    }
}

/// The constructor name Node's error messages show (`an instance of X`), read as Node's
/// `value.constructor && value.constructor.name` test and then `value.constructor.name` for
/// the text read it (a getter or Proxy sees each read).
fn constructor_name_of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<String> {
    let obj = value.as_object()?;
    // SAFETY: a live value; ToBoolean runs no JS.
    let truthy = |v: &Value<'js>| unsafe { qjs::JS_ToBool(ctx.as_raw().as_ptr(), v.as_raw()) } > 0;
    let name_of = || -> Option<Value<'js>> {
        let ctor: Value = obj.get("constructor").ok()?;
        match ctor.as_object() {
            Some(c) => c.get("name").ok(),
            // (A primitive's `name`: strings have none Node could show.)
            None => Some(Value::new_undefined(ctx.clone())),
        }
    };
    let ctor: Value = obj.get("constructor").ok()?;
    if !truthy(&ctor) || !truthy(&name_of()?) {
        return None;
    }
    let name = name_of()?;
    if !name.is_string() {
        return None;
    }
    let s = crate::to_rust_string(ctx, &name).ok()?;
    (!s.is_empty()).then_some(s)
}

/// `+value` (runs `valueOf` / `Symbol.toPrimitive`).
pub fn to_number<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> rquickjs::Result<f64> {
    if v.is_big_int() {
        return Err(throw_node_error(ctx, &NodeError::bigint_to_number()));
    }
    let mut out = 0f64;
    // SAFETY: a live value of this context; JS_ToFloat64 may run user code (allowed in phase
    // one) and reports an exception with -1.
    let rc = unsafe { qjs::JS_ToFloat64(ctx.as_raw().as_ptr(), &mut out, v.as_raw()) };
    if rc < 0 {
        // An object whose valueOf gives a BigInt: V8 says `Cannot convert a BigInt value to a
        // number` for ToNumber; QuickJS uses one text for this and for mixing (`1n + 1`).
        let exception = ctx.catch();
        let message = exception
            .as_object()
            .and_then(|o| o.get::<_, String>("message").ok());
        if matches!(
            message.as_deref(),
            Some("cannot convert BigInt to number")
                | Some("Cannot mix BigInt and other types, use explicit conversions")
        ) {
            return Err(throw_node_error(ctx, &NodeError::bigint_to_number()));
        }
        return Err(ctx.throw(exception));
    }
    Ok(out)
}

/// `String(value)` as Rust text (runs `toString` for objects; lone surrogates become U+FFFD).
pub fn to_js_string<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> rquickjs::Result<String> {
    crate::to_rust_string(ctx, v)
}

/// The bytes of `this` for a Buffer method: a Uint8Array (Buffers included), else the TypeError
/// Node's native layer throws for a receiver that is not a view.
pub fn this_bytes<'js>(ctx: &Ctx<'js>, this: &Value<'js>) -> rquickjs::Result<Region> {
    match raw::uint8_array(ctx, this) {
        Some((ptr, len)) => Ok(Region {
            ptr,
            len,
            kind: RegionKind::Uint8Array,
        }),
        None => {
            let mut prepared = Prepared::new(ctx, std::slice::from_ref(this), &[])?;
            let err = prepared.error_with(ctx, |a| {
                NodeError::invalid_arg_type(
                    "buffer",
                    "an instance of Buffer, TypedArray, or DataView",
                    &a[0],
                )
            });
            Err(throw_node_error(ctx, &err))
        }
    }
}

/// Which receivers a native takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThisRule {
    /// A Uint8Array (Buffers included): the methods Node implements in JS, whose callers
    /// hand every other receiver to Node's algorithm in the JS half.
    Uint8Array,
    /// Any ArrayBufferView (typed array of any kind, DataView), by its bytes: Node's C++
    /// natives (`latin1Slice`, `utf8Write`, `_compare`...), which refuse anything else with
    /// `ERR_INVALID_ARG_TYPE: argument must be a buffer`.
    View,
}

/// The bytes of any ArrayBufferView receiver of one of Node's C++ natives, else the TypeError
/// those natives throw (`argument must be a buffer`, code `ERR_INVALID_ARG_TYPE`).
pub fn view_bytes<'js>(ctx: &Ctx<'js>, this: &Value<'js>) -> rquickjs::Result<Region> {
    match raw::region(ctx, this) {
        Some(region)
            if matches!(
                region.kind,
                RegionKind::Uint8Array | RegionKind::TypedArray(_) | RegionKind::DataView
            ) =>
        {
            Ok(region)
        }
        _ => Err(throw_node_error(ctx, &NodeError::argument_must_be_buffer())),
    }
}

/// The receiver's bytes under `rule`.
fn bytes_by_rule<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    rule: ThisRule,
) -> rquickjs::Result<Region> {
    match rule {
        ThisRule::Uint8Array => this_bytes(ctx, this),
        ThisRule::View => view_bytes(ctx, this),
    }
}

/// What the allocation-free path made of a call.
enum Simple<R> {
    /// The core ran and returned this.
    Done(R),
    /// The core returned an error that shows only primitives: throw it.
    Failed(NodeError),
    /// Take the general path (an argument needs JS to describe, or an error may show one).
    General,
}

/// The common case: every argument is a primitive (strings included) or a Uint8Array/Buffer,
/// so no JS runs while the arguments are read and nothing needs a heap allocation. Uint8Array
/// bytes that overlap `written` send the call to the general path (which copies them).
fn with_simple_args<'js, R>(
    ctx: &Ctx<'js>,
    values: &[Value<'js>],
    flags: &[u8],
    written: Option<Region>,
    f: impl FnOnce(&[Arg<'_>]) -> Result<R, NodeError>,
) -> rquickjs::Result<Simple<R>> {
    const MAX: usize = 6;
    if values.len() > MAX {
        return Ok(Simple::General);
    }
    // Primitives only (the common case): one small array, no storage to borrow from (building
    // the string/view arrays measured ~100 ns of stalls per call).
    let mut prims = [Arg::Undefined; MAX];
    let mut rest = false;
    for (slot, v) in prims.iter_mut().zip(values) {
        *slot = if let Some(n) = v.as_int() {
            Arg::Number(f64::from(n))
        } else if let Some(n) = v.as_float() {
            Arg::Number(n)
        } else if let Some(b) = v.as_bool() {
            Arg::Bool(b)
        } else if v.is_null() {
            Arg::Null
        } else if v.is_undefined() {
            Arg::Undefined
        } else {
            rest = true;
            Arg::Undefined
        };
    }
    if !rest {
        return Ok(match f(&prims[..values.len()]) {
            Ok(r) => Simple::Done(r),
            Err(e) => Simple::Failed(e),
        });
    }
    let mut strings: [Option<StrRef>; MAX] = Default::default();
    let mut views: [Option<ObjectArg<'static>>; MAX] = [None; MAX];
    let mut has_view = false;
    for (i, v) in values.iter().enumerate() {
        use rquickjs::Type;
        match v.type_of() {
            Type::Undefined
            | Type::Uninitialized
            | Type::Null
            | Type::Bool
            | Type::Int
            | Type::Float => {}
            Type::String => strings[i] = Some(StrRef::new(ctx, v)?),
            Type::Object => {
                // A view at a position Node converts with `+value` needs phase one.
                let converts = coerce::NUMBER | coerce::VIEWS;
                if flags.get(i).is_some_and(|&f| f & converts == converts) {
                    return Ok(Simple::General);
                }
                let Some((ptr, len)) = raw::uint8_array(ctx, v) else {
                    return Ok(Simple::General);
                };
                let region = Region {
                    ptr,
                    len,
                    kind: RegionKind::Uint8Array,
                };
                if written.is_some_and(|w| w.overlaps(&region)) {
                    return Ok(Simple::General);
                }
                // SAFETY: located just now; no JS runs until the Args built here are dropped
                // (the end of this function), and the bytes do not overlap the written buffer.
                // The 'static lifetime never escapes: `views` dies with this frame.
                let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(ptr, len) };
                views[i] = Some(ObjectArg::uint8_array(bytes));
                has_view = true;
            }
            _ => return Ok(Simple::General),
        }
    }
    let mut args: [Arg<'_>; MAX] = prims;
    for i in 0..values.len() {
        if let Some(s) = &strings[i] {
            args[i] = Arg::String(s.as_js_str());
        } else if let Some(o) = &views[i] {
            args[i] = Arg::Object(o);
        }
    }
    Ok(match f(&args[..values.len()]) {
        Ok(r) => Simple::Done(r),
        // An error naming a view needs its constructor name: render it on the general path.
        Err(_) if has_view => Simple::General,
        Err(e) => Simple::Failed(e),
    })
}

/// Runs a read-only core method on `this`'s bytes and the arguments `values`.
pub fn run_ref<'js, R>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    values: &[Value<'js>],
    flags: &[u8],
    f: impl FnMut(&[u8], &[Arg<'_>]) -> Result<R, NodeError>,
) -> rquickjs::Result<R> {
    run_ref_with(ctx, ThisRule::Uint8Array, this, values, flags, f)
}

/// [`run_ref`] with the receivers `rule` allows.
pub fn run_ref_with<'js, R>(
    ctx: &Ctx<'js>,
    rule: ThisRule,
    this: &Value<'js>,
    values: &[Value<'js>],
    flags: &[u8],
    mut f: impl FnMut(&[u8], &[Arg<'_>]) -> Result<R, NodeError>,
) -> rquickjs::Result<R> {
    let region = bytes_by_rule(ctx, this, rule)?;
    let fast = with_simple_args(ctx, values, flags, None, |args| {
        // SAFETY: located just now; reading the arguments ran no JS, no `&mut` to these bytes
        // exists and none is made while `f` runs (it runs no JS).
        let bytes = unsafe { std::slice::from_raw_parts(region.ptr, region.len) };
        f(bytes, args)
    })?;
    match fast {
        Simple::Done(r) => return Ok(r),
        Simple::Failed(e) => return Err(throw_node_error(ctx, &e)),
        Simple::General => {}
    }
    Prepared::new(ctx, values, flags)?.run_on_with(ctx, rule, this, false, |ptr, len, args| {
        // SAFETY: `run_on` located the bytes with no JS since; no `&mut` to them exists and
        // none is made while `f` runs (it runs no JS).
        f(unsafe { std::slice::from_raw_parts(ptr, len) }, args)
    })
}

/// Runs a core method that writes `this`'s bytes (the receivers `rule` allows); argument
/// bytes overlapping them are copied.
pub fn run_mut_with<'js, R>(
    ctx: &Ctx<'js>,
    rule: ThisRule,
    this: &Value<'js>,
    values: &[Value<'js>],
    flags: &[u8],
    mut f: impl FnMut(&mut [u8], &[Arg<'_>]) -> Result<R, NodeError>,
) -> rquickjs::Result<R> {
    let region = bytes_by_rule(ctx, this, rule)?;
    let fast = with_simple_args(ctx, values, flags, Some(region), |args| {
        // SAFETY: located just now; reading the arguments ran no JS, and view arguments do not
        // overlap these bytes (else the general path copies them), so this is the only
        // reference to them while `f` runs, and `f` runs no JS.
        let bytes = unsafe { std::slice::from_raw_parts_mut(region.ptr, region.len) };
        f(bytes, args)
    })?;
    match fast {
        Simple::Done(r) => return Ok(r),
        Simple::Failed(e) => return Err(throw_node_error(ctx, &e)),
        Simple::General => {}
    }
    Prepared::new(ctx, values, flags)?.run_on_with(ctx, rule, this, true, |ptr, len, args| {
        // SAFETY: `run_on` located the bytes with no JS since and copied argument bytes that
        // overlap them, so this is the only reference to them while `f` runs (no JS).
        f(unsafe { std::slice::from_raw_parts_mut(ptr, len) }, args)
    })
}

/// Runs a core function that has no `this` buffer (statics).
pub fn run<'js, R>(
    ctx: &Ctx<'js>,
    values: &[Value<'js>],
    flags: &[u8],
    mut f: impl FnMut(&[Arg<'_>]) -> Result<R, NodeError>,
) -> rquickjs::Result<R> {
    match with_simple_args(ctx, values, flags, None, &mut f)? {
        Simple::Done(r) => return Ok(r),
        Simple::Failed(e) => return Err(throw_node_error(ctx, &e)),
        Simple::General => {}
    }
    Prepared::new(ctx, values, flags)?.run_static(ctx, f)
}

impl<'js> Prepared<'js> {
    /// Steps two and three after the coercion phase (`self` is its result): resolves `this`'s
    /// bytes (Node's receiver TypeError for anything but a Uint8Array) and the arguments',
    /// copying argument bytes that overlap a receiver the method `writes`, then runs `f` on the
    /// receiver's pointer and length. No JS runs between resolving and `f`'s return; an error
    /// that shows an object is rendered (running JS) and everything is resolved again.
    pub fn run_on<R>(
        &mut self,
        ctx: &Ctx<'js>,
        this: &Value<'js>,
        writes: bool,
        f: impl FnMut(*mut u8, usize, &[Arg<'_>]) -> Result<R, NodeError>,
    ) -> rquickjs::Result<R> {
        self.run_on_with(ctx, ThisRule::Uint8Array, this, writes, f)
    }

    /// [`Prepared::run_on`] with the receivers `rule` allows.
    pub fn run_on_with<R>(
        &mut self,
        ctx: &Ctx<'js>,
        rule: ThisRule,
        this: &Value<'js>,
        writes: bool,
        mut f: impl FnMut(*mut u8, usize, &[Arg<'_>]) -> Result<R, NodeError>,
    ) -> rquickjs::Result<R> {
        loop {
            let region = bytes_by_rule(ctx, this, rule)?;
            self.locate(ctx, writes.then_some(region));
            let result = {
                let objects = self.objects();
                let args = self.args(&objects);
                f(region.ptr, region.len, &args)
            };
            match result {
                Ok(r) => return Ok(r),
                Err(_) if self.needs_enrich() => self.enrich(ctx),
                Err(e) if self.settle(ctx, &e) => {}
                Err(e) => return Err(throw_node_error(ctx, &e)),
            }
        }
    }

    /// [`Prepared::run_on`] for a function with no receiver (statics).
    pub fn run_static<R>(
        &mut self,
        ctx: &Ctx<'js>,
        mut f: impl FnMut(&[Arg<'_>]) -> Result<R, NodeError>,
    ) -> rquickjs::Result<R> {
        loop {
            self.locate(ctx, None);
            let result = {
                let objects = self.objects();
                let args = self.args(&objects);
                f(&args)
            };
            match result {
                Ok(r) => return Ok(r),
                Err(_) if self.needs_enrich() => self.enrich(ctx),
                Err(e) if self.settle(ctx, &e) => {}
                Err(e) => return Err(throw_node_error(ctx, &e)),
            }
        }
    }
}
