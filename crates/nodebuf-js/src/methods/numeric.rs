//! The 92 numeric accessors (`readUInt8` ... `writeBigUInt64BE`, with the `Uint` aliases): two
//! declarations, a read and a write, each told which accessor it is by `magic` (an index into
//! [`num_methods`]).

use std::sync::OnceLock;

use nodebuf_core::api::{self, NumMethod, NumType};
use nodebuf_core::args::Arg;
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::engine::{num_raw, number, Raw};
use crate::method::{Call, Method, MAX_ARITY};
use crate::order::{self, O};
use crate::state::CtxState;

/// Node's definition order of the accessors on `Buffer.prototype` (observable through
/// `Object.keys` and `util.inspect` of the prototype): the 64-bit ones, then the integers by
/// spelling (`UInt`, `Uint`, `Int`), then the floats. Names the core lists beyond these follow
/// in its order.
fn node_accessor_order() -> Vec<String> {
    let mut order = Vec::with_capacity(96);
    for rw in ["read", "write"] {
        for t in ["BigUInt64", "BigUint64", "BigInt64"] {
            order.push(format!("{rw}{t}LE"));
            order.push(format!("{rw}{t}BE"));
        }
    }
    for rw in ["read", "write"] {
        for t in ["UInt", "Uint", "Int"] {
            for suffix in ["LE", "32LE", "16LE", "8", "BE", "32BE", "16BE"] {
                order.push(format!("{rw}{t}{suffix}"));
            }
        }
    }
    for rw in ["read", "write"] {
        for t in ["Float", "Double"] {
            order.push(format!("{rw}{t}LE"));
            order.push(format!("{rw}{t}BE"));
        }
    }
    order
}

/// `binding.defineNumericMethods(proto, num)`: puts the accessors (`num[id]`, one raw native
/// per [`num_methods`] id) on `Buffer.prototype` as Node has them, in its order. Each `Uint`
/// spelling is the same function object as its `UInt` one, named by the latter; each is a
/// plain function (a `prototype` made on first access); the float ones are named by direction
/// as Node's are on little-endian machines (`readFloatLE.name === 'readFloatForwards'`).
pub fn define_numeric_methods<'js>(
    ctx: Ctx<'js>,
    proto: rquickjs::Object<'js>,
    num: rquickjs::Array<'js>,
) -> rquickjs::Result<()> {
    let methods = num_methods();
    let order = node_accessor_order();
    let listed = order
        .iter()
        .filter_map(|name| methods.iter().position(|(n, _)| n == name));
    let rest = (0..methods.len()).filter(|&id| !order.contains(&methods[id].0));
    let alias = |name: &str, f: &rquickjs::Function<'js>| {
        proto.prop(
            name,
            rquickjs::object::Property::from(f.clone())
                .writable()
                .enumerable()
                .configurable(),
        )
    };
    let mut defined: Vec<(String, rquickjs::Function<'js>)> = Vec::with_capacity(methods.len());
    for id in listed.chain(rest) {
        let (name, m) = &methods[id];
        let canonical = name.replacen("Uint", "UInt", 1);
        if let Some((_, f)) = defined.iter().find(|(n, _)| *n == canonical) {
            alias(name, f)?;
            continue;
        }
        let f: rquickjs::Function = num.get(id)?;
        let length = Some(f64::from(num_length(m)));
        crate::natives::define_method(&ctx, &proto, &canonical, &f, length, true)?;
        if *name != canonical {
            alias(name, &f)?;
        }
        if let Some(direction) = float_direction(&canonical) {
            f.prop(
                "name",
                rquickjs::object::Property::from(direction).configurable(),
            )?;
        }
        defined.push((canonical, f));
    }
    Ok(())
}

/// Node's name for a float accessor on a little-endian machine: `readFloatLE` reads forwards,
/// `readFloatBE` backwards (`None` for other accessors).
fn float_direction(canonical: &str) -> Option<String> {
    let base = canonical.strip_suffix("LE").map(|b| (b, "Forwards"));
    let base = base.or_else(|| canonical.strip_suffix("BE").map(|b| (b, "Backwards")))?;
    let (stem, direction) = base;
    let is_float = ["readFloat", "writeFloat", "readDouble", "writeDouble"].contains(&stem);
    is_float.then(|| format!("{stem}{direction}"))
}

/// The numeric accessors by id (the JS half installs one function per name).
pub fn num_methods() -> &'static [(String, NumMethod)] {
    static TABLE: OnceLock<Vec<(String, NumMethod)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        api::numeric::num_method_names()
            .into_iter()
            .filter_map(|name| api::num_method(&name).map(|m| (name, m)))
            .collect()
    })
}

/// The accessor `magic` names: its element type (`None` for an unknown id).
fn num_type(magic: i32) -> Option<NumType> {
    let id = usize::try_from(magic).ok()?;
    num_methods().get(id).map(|(_, m)| m.ty)
}

fn unknown_method() -> NodeError {
    NodeError::invalid_arg_type("method", "a numeric accessor", &Arg::Undefined)
}

/// For a receiver that is not a Uint8Array, Node's JS reads elements (`this[offset]`) before
/// its checks: the JS half's element path for accessor `id` (buffer.js `makeElementPaths`,
/// all 92 accessors) runs the whole call.
fn element_path<'js>(
    ctx: &Ctx<'js>,
    st: &CtxState<'_>,
    this: &Value<'js>,
    args: &[Value<'js>],
    id: i32,
) -> rquickjs::Result<Option<Value<'js>>> {
    if crate::raw::uint8_array(ctx, this).is_some() {
        return Ok(None);
    }
    run_element_path(ctx, st, this, args, id).map(Some)
}

/// Runs the JS half's element path of accessor `id` on `this` (Node's JS algorithm).
fn run_element_path<'js>(
    ctx: &Ctx<'js>,
    st: &CtxState<'_>,
    this: &Value<'js>,
    args: &[Value<'js>],
    id: i32,
) -> rquickjs::Result<Value<'js>> {
    let Some((name, _)) = usize::try_from(id).ok().and_then(|i| num_methods().get(i)) else {
        return Err(rquickjs::Error::new_from_js("id", "numeric accessor"));
    };
    let path = st.num_general(id as usize, &name.replacen("Uint", "UInt", 1))?;
    if !path.is_function() {
        return Err(rquickjs::Error::new_from_js("value", "element path"));
    }
    let mut raw_args: Vec<Raw> = args.iter().map(|a| a.as_raw()).collect();
    // SAFETY: live values of this runtime (the element path is a function of the same install);
    // the result is a new reference or JS_EXCEPTION, owned by the Value from here.
    let out = unsafe {
        Value::from_raw(
            ctx.clone(),
            qjs::JS_Call(
                ctx.as_raw().as_ptr(),
                path.as_raw(),
                this.as_raw(),
                raw_args.len() as i32,
                raw_args.as_mut_ptr(),
            ),
        )
    };
    if out.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(out)
}

/// For each accessor id, the ids of the accessors a variable-width read calls as methods
/// (Node's `readUIntLE(offset, 4)` is `this.readUInt32LE(offset)`): for byteLength 1, 2
/// and 4; `None` for every other accessor.
fn by_length_targets() -> &'static [Option<[usize; 3]>] {
    static TABLE: OnceLock<Vec<Option<[usize; 3]>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let methods = num_methods();
        let id_of = |name: &str| methods.iter().position(|(n, _)| n == name);
        methods
            .iter()
            .map(|(name, m)| {
                if m.write || m.ty.width != 0 {
                    return None;
                }
                let stem = if name.starts_with("readU") {
                    "readUInt"
                } else {
                    "readInt"
                };
                let end = if name.ends_with("LE") { "LE" } else { "BE" };
                Some([
                    id_of(&format!("{stem}8"))?,
                    id_of(&format!("{stem}16{end}"))?,
                    id_of(&format!("{stem}32{end}"))?,
                ])
            })
            .collect()
    })
}

/// Whether `this.{name}` reaches accessor native `target` (see
/// [`crate::foreign::method_reads_native`]).
///
/// # Safety
/// `ctx` live, `this` its value.
unsafe fn accessor_read_is_native(
    ctx: *mut qjs::JSContext,
    this: Raw,
    table: &crate::state::ForeignTable<'_>,
    target: usize,
) -> bool {
    let (Some((name, _)), Some(expected)) = (num_methods().get(target), table.num.get(target))
    else {
        return false;
    };
    // SAFETY: the caller's values; the atom is made and freed here.
    unsafe {
        let atom = qjs::JS_NewAtomLen(ctx, name.as_ptr().cast(), name.len() as _);
        let native = crate::foreign::method_reads_native(ctx, this, atom, expected.as_raw());
        qjs::JS_FreeAtom(ctx, atom);
        native
    }
}

/// How many bytes accessor `ty` touches: its width, or a valid `byteLength` (1..=6).
fn access_width(ty: NumType, byte_length: &Arg<'_>) -> Option<usize> {
    if ty.width != 0 {
        return Some(ty.width);
    }
    match *byte_length {
        Arg::Number(n) if (1.0..=6.0).contains(&n) && n.fract() == 0.0 => Some(n as usize),
        _ => None,
    }
}

/// `buf.read*(offset[, byteLength])`.
pub struct ReadNum;

impl Method for ReadNum {
    type This<'a> = &'a [u8];
    type Out = api::NumValue;
    const ARITY: usize = 2;

    fn op(bytes: &[u8], a: &[Arg<'_>], call: Call) -> Result<api::NumValue, NodeError> {
        let ty = num_type(call.magic).ok_or_else(unknown_method)?;
        api::read(bytes, ty, &a[0], &a[1])
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: api::NumValue) -> Raw {
        // SAFETY: a live context (the caller's contract).
        unsafe { num_raw(ctx, out) }
    }

    /// `this.length - width` in Node's bounds error (`offset` is argument 0).
    fn bounds_read(a: &[Arg<'_>], call: Call) -> Option<(usize, usize)> {
        let ty = num_type(call.magic)?;
        Some((0, access_width(ty, &a[1])?))
    }

    fn flags(args: &[Value<'_>], call: Call) -> [u8; MAX_ARITY] {
        let [a, b] = num_type(call.magic).map_or([O, O], |ty| order::read_flags(ty, &args[0]));
        [a, b, O, O, O, O]
    }

    fn before<'js>(
        ctx: &Ctx<'js>,
        st: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        element_path(ctx, st, this, args, call.magic)
    }

    /// Node's `read{U,}Int{LE,BE}(offset, 1 | 2 | 4)` calls `this.readUInt8(offset)` & co.: a
    /// Uint8Array where that read is not this install's accessor takes the element path,
    /// which makes it.
    #[inline(always)]
    unsafe fn divert(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        this: Raw,
        argc: std::ffi::c_int,
        argv: *mut Raw,
        call: Call,
    ) -> Option<Raw> {
        let targets = (*by_length_targets().get(usize::try_from(call.magic).ok()?)?)?;
        // SAFETY: the caller's values.
        let byte_length = unsafe { crate::engine::arg(argc, argv, 1) };
        if crate::engine::tag(byte_length) != qjs::JS_TAG_INT {
            return None;
        }
        let target = match qjs::JS_VALUE_GET_INT(byte_length) {
            1 => targets[0],
            2 => targets[1],
            4 => targets[2],
            _ => return None,
        };
        // SAFETY: only the class id is read; then own-property lookups (no JS).
        let native = unsafe {
            qjs::JS_GetTypedArrayType(this) != qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
                || st
                    .foreign
                    .borrow()
                    .as_ref()
                    .is_none_or(|t| accessor_read_is_native(ctx, this, t, target))
        };
        if native {
            return None;
        }
        // SAFETY: the engine is running this native: the context is live and locked; each
        // value is duplicated for its handle.
        unsafe {
            let c = Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx));
            let v = |raw: Raw| Value::from_raw(c.clone(), qjs::JS_DupValue(ctx, raw));
            let args: Vec<Value<'_>> = (0..argc.max(0) as usize).map(|i| v(*argv.add(i))).collect();
            Some(
                match run_element_path(&c, st, &v(this), &args, call.magic) {
                    Ok(out) => qjs::JS_DupValue(ctx, out.as_raw()),
                    Err(e) => crate::engine::throw_error(&c, e),
                },
            )
        }
    }
}

/// `buf.write*(value, offset[, byteLength])`: the offset after the written bytes.
pub struct WriteNum;

impl Method for WriteNum {
    type This<'a> = &'a mut [u8];
    type Out = usize;
    const ARITY: usize = 3;

    fn op(bytes: &mut [u8], a: &[Arg<'_>], call: Call) -> Result<usize, NodeError> {
        let ty = num_type(call.magic).ok_or_else(unknown_method)?;
        api::write(bytes, ty, &a[0], &a[1], &a[2])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: usize) -> Raw {
        number(out as f64)
    }

    /// `this.length - width` in Node's bounds error (`offset` is argument 1).
    fn bounds_read(a: &[Arg<'_>], call: Call) -> Option<(usize, usize)> {
        let ty = num_type(call.magic)?;
        Some((1, access_width(ty, &a[2])?))
    }

    fn flags(args: &[Value<'_>], call: Call) -> [u8; MAX_ARITY] {
        let [a, b, c] =
            num_type(call.magic).map_or([O, O, O], |ty| order::write_flags(ty, &args[0], &args[2]));
        [a, b, c, O, O, O]
    }

    /// Element paths for other receivers; a BigInt write takes an object value through
    /// ToPrimitive (a BigInt result works), not `+value`.
    fn before<'js>(
        ctx: &Ctx<'js>,
        st: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if let Some(done) = element_path(ctx, st, this, args, call.magic)? {
            return Ok(Some(done));
        }
        // An object value of a BigInt write is converted where Node's JS compares and shifts
        // it (three or four times): the element path makes those conversions.
        if args[0].is_object()
            && num_type(call.magic).is_some_and(|ty| {
                matches!(
                    ty.kind,
                    nodebuf_core::api::NumKind::BigInt | nodebuf_core::api::NumKind::BigUint
                )
            })
        {
            return run_element_path(ctx, st, this, args, call.magic).map(Some);
        }
        if let Some(ty) = num_type(call.magic) {
            args[0] = order::bigint_write_value(ctx, ty, args[0].clone())?;
        }
        Ok(None)
    }
}

/// The JS length of accessor `m` (Node's: reads take `offset`, variable-width ones also
/// `byteLength`; writes add `value`).
pub fn num_length(m: &NumMethod) -> i32 {
    match (m.ty.width, m.write) {
        (0, true) => 3,
        (0, false) => 2,
        (_, true) => 1,
        (_, false) => 0,
    }
}
