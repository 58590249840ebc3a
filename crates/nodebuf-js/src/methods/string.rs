//! Strings in and out: `toString`, `write`, `Buffer.byteLength` and `Buffer.isEncoding`, each
//! declared once as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::encoding::decode_into::{self, Shape};
use nodebuf_core::encoding::{Encoding, JsString};
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::engine::{arg, boolean, number, tag, Raw};
use crate::method::{Call, Method, MAX_ARITY};
use crate::order::{self, StringRange, N, O, S};
use crate::raw::{self, StrRef};
use crate::state::CtxState;

/// `buf.toString(encoding, start, end)`.
pub struct ToString;

impl Method for ToString {
    type This<'a> = &'a [u8];
    type Out = JsString;
    const ARITY: usize = 3;
    /// Node's `toString` reads `this.length` on every call.
    const READS_LENGTH: bool = true;

    #[inline(always)]
    fn op(bytes: &[u8], a: &[Arg<'_>], call: Call) -> Result<JsString, NodeError> {
        api::to_string(bytes, &a[0], &a[1], &a[2], call.argc)
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: JsString) -> Raw {
        // SAFETY: a live context (the caller's contract).
        unsafe { raw::new_string_raw(ctx, &out) }
    }

    fn flags(_: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        [S, N, N, O, O, O]
    }

    /// Node's `toString` calls `this.utf8Slice` (no encoding) or the named encoding's
    /// `buf.{enc}Slice`: a receiver where that read is not this install's helper, or an
    /// encoding not named by a plain string, runs Node's JS.
    #[inline(always)]
    unsafe fn divert(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        this: Raw,
        argc: std::ffi::c_int,
        argv: *mut Raw,
        _: Call,
    ) -> Option<Raw> {
        // `toString()` of a Uint8Array: Node's first step is the read of `this.utf8Slice`, made
        // here as Node makes it (one ordinary read); this install's helper goes on natively,
        // anything else is called as Node calls it, with `this.length` read next.
        // SAFETY: the caller's values; every reference taken is freed or handed on.
        if argc == 0
            && unsafe { qjs::JS_GetTypedArrayType(this) }
                == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
        {
            return unsafe { utf8_slice_read(ctx, st, this) };
        }
        // SAFETY: the caller's values; the checks read own properties only.
        unsafe {
            crate::foreign::divert_with(
                ctx,
                st,
                this,
                argc,
                argv,
                crate::foreign::id::TO_STRING,
                |t| {
                    let enc = if argc == 0 {
                        Some(Encoding::Utf8)
                    } else {
                        named_encoding(ctx, arg(argc, argv, 0))
                    };
                    enc.map(crate::foreign::encoding_id).is_some_and(|id| {
                        crate::foreign::method_reads_native(
                            ctx,
                            this,
                            st.atoms.slices[id],
                            t.slices[id].as_raw(),
                        )
                    })
                },
            )
        }
    }

    /// With an object (or BigInt) among the arguments, Node coerces `start`, compares it, and
    /// only then looks at `end` and the encoding.
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if let Some(len) = visible_length(ctx, this)? {
            return to_string_visible(ctx, this, args, call, len).map(Some);
        }
        let ordered =
            args.iter().any(|v| v.is_object()) || args[1].is_big_int() || args[2].is_big_int();
        if call.argc == 0 || !ordered {
            return Ok(None);
        }
        match order::to_string_range(ctx, this, &args[1], &args[2])? {
            StringRange::Keep => Ok(None),
            StringRange::Range(s, e) => {
                args[1] = Value::new_number(ctx.clone(), s);
                args[2] = Value::new_number(ctx.clone(), e);
                let now = || raw::uint8_array(ctx, this).map_or(0, |(_, n)| n);
                if e <= now() as f64 && !args[0].is_object() {
                    return Ok(None);
                }
                // Node names the encoding now (an object's toString may detach or shrink the
                // receiver too); when the receiver lost the range Node took from the length it
                // read first, its native slice answers '' for an empty receiver and refuses a
                // range past the end.
                if !args[0].is_undefined() {
                    let name = crate::args::to_js_string(ctx, &args[0])?;
                    if Encoding::parse(&name).is_none() {
                        let shown = order::format_percent_s(ctx, &args[0])?;
                        let e = NodeError::unknown_encoding(&shown);
                        return Err(crate::throw_node_error(ctx, &e));
                    }
                    args[0] = rquickjs::String::from_str(ctx.clone(), &name)?.into_value();
                }
                match now() {
                    0 => Ok(Some(
                        rquickjs::String::from_str(ctx.clone(), "")?.into_value(),
                    )),
                    n if e > n as f64 => Err(crate::throw_node_error(
                        ctx,
                        &NodeError::index_out_of_range(),
                    )),
                    _ => Ok(None),
                }
            }
            StringRange::Empty => Ok(Some(
                rquickjs::String::from_str(ctx.clone(), "")?.into_value(),
            )),
        }
    }

    /// `toString()` (or `toString(enc)` of the whole buffer) without the declared path's
    /// intermediate string: of ASCII bytes in utf8, latin1 or ascii, and `toString('latin1')`
    /// of any bytes, is the bytes themselves (one memcpy into an 8-bit engine string);
    /// ascii, hex, base64, base64url and utf16le are decoded straight into a new engine
    /// string of the length and width they will have (`decode_into`); utf8 of other bytes
    /// takes the declared path.
    #[inline(always)]
    unsafe fn shortcut(
        ctx: *mut qjs::JSContext,
        _: &CtxState<'_>,
        this: Raw,
        argc: std::ffi::c_int,
        argv: *mut Raw,
        _: Call,
    ) -> Option<Raw> {
        // SAFETY: the engine's live values (the caller's contract); the bytes are read before
        // any JS runs and the engine copies them.
        unsafe {
            let (ptr, len) = crate::engine::u8_bytes(ctx, this)?;
            // Longer results are Node's ERR_STRING_TOO_LONG: the declared path reports it.
            if len > api::string::max_string_length() {
                return None;
            }
            let name = if argc == 0 {
                Some(Encoding::Utf8)
            } else if argc <= 3
                && tag(arg(argc, argv, 1)) == qjs::JS_TAG_UNDEFINED
                && tag(arg(argc, argv, 2)) == qjs::JS_TAG_UNDEFINED
            {
                named_encoding(ctx, arg(argc, argv, 0))
            } else {
                None
            };
            // Node reads `this.length`: only the engine's own getter may be skipped.
            if !raw::length_is_intrinsic_raw(ctx, this) {
                return None;
            }
            // Latin-1 decoding is the identity on any bytes; utf8 and ascii only on ASCII.
            // Other encodings whose result's length follows from the bytes are decoded
            // straight into the new engine string (no intermediate copy).
            let bytes = std::slice::from_raw_parts(ptr, len);
            let enc = name?;
            match enc {
                Encoding::Latin1 => return Some(raw::new_latin1_raw(ctx, bytes)),
                Encoding::Utf8 | Encoding::Ascii if bytes.is_ascii() => {
                    return Some(raw::new_latin1_raw(ctx, bytes))
                }
                _ => {}
            }
            let shape = decode_into::shape(enc, bytes)?;
            if shape.len() > api::string::max_string_length() {
                return None;
            }
            Some(match shape {
                Shape::Narrow(n) => raw::new_latin1_written_raw(ctx, n, |units| {
                    decode_into::decode_narrow_uninit(enc, bytes, units)
                }),
                Shape::Wide(n) => raw::new_utf16_written_raw(ctx, n, |units| {
                    decode_into::decode_wide_uninit(bytes, units)
                }),
            })
        }
    }
}

/// Node's `this.utf8Slice(0, this.length)` for `toString()` of a Uint8Array: `None` when the
/// read gives this install's helper (the native goes on, having made Node's one read), else
/// the call Node makes of what it read (`this.utf8Slice is not a function` for a non-function,
/// after the `length` read).
///
/// # Safety
/// `ctx` live, `this` its value.
unsafe fn utf8_slice_read(ctx: *mut qjs::JSContext, st: &CtxState<'_>, this: Raw) -> Option<Raw> {
    let expected = st.foreign.borrow().as_ref().map(|t| t.slices[0].as_raw())?;
    // A plain Buffer (or a subclass's) reads the helper off `Buffer.prototype`: nothing can
    // observe that read, so it need not be made.
    // SAFETY: the caller's values; fields are read only.
    if unsafe { raw::chain_holds_data_raw(ctx, this, st.atoms.slices[0], expected) } {
        return None;
    }
    // SAFETY: the caller's values; `f` and `len` are owned here and freed once.
    unsafe {
        let f = qjs::JS_GetProperty(ctx, this, st.atoms.slices[0]);
        if qjs::JS_IsException(f) {
            return Some(f);
        }
        if tag(f) == qjs::JS_TAG_OBJECT
            && qjs::JS_VALUE_GET_PTR(f) == qjs::JS_VALUE_GET_PTR(expected)
        {
            qjs::JS_FreeValue(ctx, f);
            return None;
        }
        let len = qjs::JS_GetProperty(ctx, this, st.atoms.length);
        if qjs::JS_IsException(len) {
            qjs::JS_FreeValue(ctx, f);
            return Some(len);
        }
        if !qjs::JS_IsFunction(ctx, f) {
            qjs::JS_FreeValue(ctx, f);
            qjs::JS_FreeValue(ctx, len);
            let c = Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx));
            return Some(crate::engine::throw_error(
                &c,
                crate::foreign::not_a_function(&c, "this.utf8Slice"),
            ));
        }
        let mut args = [qjs::JS_MKVAL(qjs::JS_TAG_INT, 0), len];
        let out = qjs::JS_Call(ctx, f, this, 2, args.as_mut_ptr());
        qjs::JS_FreeValue(ctx, f);
        qjs::JS_FreeValue(ctx, len);
        Some(out)
    }
}

/// `this.length` read as Node's JS reads it (an ordinary property get: own properties,
/// subclass getters and replaced prototype getters run), for a Uint8Array receiver whose
/// `length` is not the engine's own getter; `None` otherwise (nothing is read). A bound only:
/// the bytes come from the engine's slots.
fn visible_length<'js>(ctx: &Ctx<'js>, this: &Value<'js>) -> rquickjs::Result<Option<f64>> {
    // SAFETY: a live value; only its class id is read.
    let is_u8 = unsafe { qjs::JS_GetTypedArrayType(this.as_raw()) }
        == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32;
    let Some(obj) = this.as_object().filter(|_| is_u8) else {
        return Ok(None);
    };
    if raw::length_is_intrinsic(ctx, this) {
        return Ok(None);
    }
    const NODE_JS_PROPERTY: &str = "length";
    let v: Value = obj.get(NODE_JS_PROPERTY)?;
    Ok(Some(v.as_number().unwrap_or(f64::NAN)))
}

/// Node's `toString(encoding, start, end)` after its read of `this.length` (`len`): the range
/// clamped to `len` in Node's order (`toString()` is `utf8Slice(0, len)`), `''` for an empty
/// one, the encoding named, then its native slice of the real bytes: `''` for an empty
/// receiver, `ERR_OUT_OF_RANGE` ("Index out of range") for a range past the real bytes.
fn to_string_visible<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    args: &[Value<'js>],
    call: Call,
    len: f64,
) -> rquickjs::Result<Value<'js>> {
    let empty = || Ok(rquickjs::String::from_str(ctx.clone(), "")?.into_value());
    let (start, end) = if call.argc == 0 {
        (0.0, len)
    } else {
        match order::to_string_range_within(ctx, len, &args[1], &args[2])? {
            StringRange::Range(s, e) => (s, e),
            StringRange::Empty | StringRange::Keep => return empty(),
        }
    };
    // A length that is no number (a script answered it) slices nothing in Node's native.
    let (start, end) = (
        if start.is_finite() {
            start.max(0.0)
        } else {
            0.0
        },
        if end.is_finite() { end.max(0.0) } else { 0.0 },
    );
    if call.argc == 0 && end <= start {
        return empty();
    }
    let encoding = if call.argc == 0 || args[0].is_undefined() {
        Value::new_undefined(ctx.clone())
    } else {
        let name = crate::args::to_js_string(ctx, &args[0])?;
        if Encoding::parse(&name).is_none() {
            let shown = order::format_percent_s(ctx, &args[0])?;
            let e = NodeError::unknown_encoding(&shown);
            return Err(crate::throw_node_error(ctx, &e));
        }
        rquickjs::String::from_str(ctx.clone(), &name)?.into_value()
    };
    let real = raw::uint8_array(ctx, this).map_or(0, |(_, n)| n);
    if real == 0 {
        return empty();
    }
    if end > real as f64 {
        return Err(crate::throw_node_error(
            ctx,
            &NodeError::index_out_of_range(),
        ));
    }
    let range = [
        encoding,
        Value::new_number(ctx.clone(), start),
        Value::new_number(ctx.clone(), end),
    ];
    let out = crate::args::run_ref(ctx, this, &range, &[S, O, O], |bytes, a| {
        api::to_string(bytes, &a[0], &a[1], &a[2], 3)
    })?;
    // SAFETY: a live context; the new string is owned by the handle.
    let value = unsafe {
        Value::from_raw(
            ctx.clone(),
            raw::new_string_raw(ctx.as_raw().as_ptr(), &out),
        )
    };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// The encoding `v` names without running JS (`undefined`: utf8; a string naming one by the
/// core's name rules); `None` otherwise (other values take the declared path).
///
/// # Safety
/// `v` must be a live value of `ctx`.
unsafe fn named_encoding(ctx: *mut qjs::JSContext, v: Raw) -> Option<Encoding> {
    match tag(v) {
        qjs::JS_TAG_UNDEFINED => Some(Encoding::Utf8),
        // SAFETY: a string of this context; the StrRef is dropped here.
        qjs::JS_TAG_STRING => {
            unsafe { StrRef::from_raw(ctx, v) }.and_then(|s| Encoding::parse_js(s.as_js_str()))
        }
        _ => None,
    }
}

/// `buf.write(string, offset, length, encoding)`.
pub struct Write;

impl Method for Write {
    type This<'a> = &'a mut [u8];
    type Out = usize;
    const ARITY: usize = 4;
    /// Node's `write` reads `this.length` on every call.
    const READS_LENGTH: bool = true;

    #[inline(always)]
    fn op(bytes: &mut [u8], a: &[Arg<'_>], _: Call) -> Result<usize, NodeError> {
        api::write_string(bytes, &a[0], &a[1], &a[2], &a[3])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: usize) -> Raw {
        number(out as f64)
    }

    /// Node's `write` calls `this.utf8Write` (no or a falsy encoding, or 'utf8'),
    /// `this.asciiWrite` ('ascii') or the named encoding's `buf.{enc}Write`: a receiver where
    /// that read is not this install's helper, or an encoding not named by a plain string,
    /// runs Node's JS.
    #[inline(always)]
    unsafe fn divert(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        this: Raw,
        argc: std::ffi::c_int,
        argv: *mut Raw,
        _: Call,
    ) -> Option<Raw> {
        // SAFETY: the caller's values; the checks read own properties only.
        unsafe {
            crate::foreign::divert_with(ctx, st, this, argc, argv, crate::foreign::id::WRITE, |t| {
                let (offset, length) = (arg(argc, argv, 1), arg(argc, argv, 2));
                let is_string = |v: Raw| tag(v) == qjs::JS_TAG_STRING;
                let encoding = if tag(offset) == qjs::JS_TAG_UNDEFINED {
                    None
                } else if tag(length) == qjs::JS_TAG_UNDEFINED && is_string(offset) {
                    Some(offset)
                } else if is_string(length) {
                    Some(length)
                } else {
                    Some(arg(argc, argv, 3))
                };
                let enc = match encoding {
                    None => Some(Encoding::Utf8),
                    Some(v) => match tag(v) {
                        qjs::JS_TAG_UNDEFINED | qjs::JS_TAG_NULL => Some(Encoding::Utf8),
                        qjs::JS_TAG_BOOL if !qjs::JS_VALUE_GET_BOOL(v) => Some(Encoding::Utf8),
                        qjs::JS_TAG_INT if qjs::JS_VALUE_GET_INT(v) == 0 => Some(Encoding::Utf8),
                        qjs::JS_TAG_STRING => match StrRef::from_raw(ctx, v) {
                            Some(s) if s.as_js_str().is_empty() => Some(Encoding::Utf8),
                            Some(s) => Encoding::parse_js(s.as_js_str()),
                            None => None,
                        },
                        _ => None,
                    },
                };
                enc.map(crate::foreign::encoding_id).is_some_and(|id| {
                    crate::foreign::method_reads_native(
                        ctx,
                        this,
                        st.atoms.writes[id],
                        t.writes[id].as_raw(),
                    )
                })
            })
        }
    }

    /// An object `encoding` is converted by [`Write::before`] (after the offsets), never here.
    fn flags(_: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        [O, O, O, O, O, O]
    }

    /// Node names an object `encoding` (`encoding + ''`, running its toString) only once
    /// `offset` and `length` passed their checks against the length of that moment; an unknown
    /// name is shown with `%s` (a second `String()`). Its native write then takes the range it
    /// computed and clamps it to the bytes the receiver has after the conversion (`offset` past
    /// them is `"offset" is outside of buffer bounds`).
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        _: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if let Some(len) = visible_length(ctx, this)? {
            return write_visible(ctx, this, args, len).map(Some);
        }
        if !args[3].is_object() {
            return Ok(None);
        }
        let Some((_, len)) = raw::uint8_array(ctx, this) else {
            return Ok(None);
        };
        let range = [args[1].clone(), args[2].clone()];
        let mut prepared = crate::args::Prepared::new(ctx, &range, &[O, O])?;
        let plan = prepared.run_static(ctx, |a| {
            api::string::write_plan(len, &a[0], &a[1], &Arg::Undefined)
                .map(|p| (p.start, p.count, p.encoding_is_fourth))
        })?;
        let (start, count, true) = plan else {
            // The encoding is another argument (or none): the declared path, which never
            // converts the fourth.
            return Ok(None);
        };
        let enc = encoding_named(ctx, &args[3])?;
        write_string_at(ctx, this, &args[0], enc, start, count).map(Some)
    }
}

/// Node's `write(string, offset, length, encoding)` for a receiver whose `length` a script
/// redefined, after its first read of `this.length` (`first`): the further reads Node's JS
/// makes (`remaining = this.length - offset`, the bound of a numeric `length`), each after
/// the checks Node makes before it, the range planned against the length read, the encoding
/// named (a falsy one is utf8, unnamed), then the native write on the real bytes, which clamps
/// the count to them and refuses an offset past them.
fn write_visible<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    args: &[Value<'js>],
    first: f64,
) -> rquickjs::Result<Value<'js>> {
    let len = if first.is_finite() && first >= 0.0 {
        first as usize
    } else {
        0
    };
    let undefined = Value::new_undefined(ctx.clone());
    let read_again = || -> rquickjs::Result<()> {
        if let Some(obj) = this.as_object() {
            const NODE_JS_PROPERTY: &str = "length";
            let _: Value = obj.get(NODE_JS_PROPERTY)?;
        }
        Ok(())
    };
    let plan = |offset: &Value<'js>, length: &Value<'js>| -> rquickjs::Result<(usize, usize)> {
        crate::args::run(ctx, &[offset.clone(), length.clone()], &[O, O], |a| {
            api::string::write_plan(len, &a[0], &a[1], &Arg::Undefined).map(|p| (p.start, p.count))
        })
    };
    let (offset, length) = (&args[1], &args[2]);
    let (start, count, encoding) = if offset.is_undefined() {
        (0, len, undefined.clone())
    } else if length.is_undefined() && offset.is_string() {
        (0, len, offset.clone())
    } else {
        // `validateOffset(offset, 'offset', 0, this.length)`, then `this.length - offset`.
        plan(offset, &undefined)?;
        read_again()?;
        if length.is_undefined() {
            let (start, count) = plan(offset, &undefined)?;
            (start, count, args[3].clone())
        } else if length.is_string() {
            let (start, count) = plan(offset, &undefined)?;
            (start, count, length.clone())
        } else {
            // `validateOffset(length, 'length', 0, this.length)`.
            read_again()?;
            let (start, count) = plan(offset, length)?;
            (start, count, args[3].clone())
        }
    };
    let falsy = encoding.is_undefined()
        || encoding.is_null()
        || encoding.as_bool() == Some(false)
        || encoding.as_number().is_some_and(|n| n == 0.0 || n.is_nan())
        || encoding
            .as_string()
            .is_some_and(|s| s.to_string().is_ok_and(|s| s.is_empty()));
    let enc = if falsy {
        Encoding::Utf8
    } else {
        encoding_named(ctx, &encoding)?
    };
    write_string_at(ctx, this, &args[0], enc, start, count)
}

/// The encoding an `encoding` argument names (converted with `encoding + ''`, which may run
/// its toString), or Node's `Unknown encoding: %s` error (a second conversion, as Node's).
fn encoding_named<'js>(ctx: &Ctx<'js>, encoding: &Value<'js>) -> rquickjs::Result<Encoding> {
    let name = crate::args::to_js_string(ctx, encoding)?;
    match Encoding::parse(&name) {
        Some(enc) => Ok(enc),
        None => {
            let shown = order::format_percent_s(ctx, encoding)?;
            Err(crate::throw_node_error(
                ctx,
                &NodeError::unknown_encoding(&shown),
            ))
        }
    }
}

/// `write`'s last step once every argument is converted: `string` in `enc` into `count` bytes
/// of the receiver from `start`, clamped to the bytes it has now (resolved from the engine's
/// slots); the number of bytes written.
fn write_string_at<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    string: &Value<'js>,
    enc: Encoding,
    start: usize,
    count: usize,
) -> rquickjs::Result<Value<'js>> {
    let string = [string.clone(), Value::new_undefined(ctx.clone())];
    let mut prepared = crate::args::Prepared::new(ctx, &string, &[O, O])?;
    let written = prepared.run_on(ctx, this, true, |ptr, len, a| {
        // SAFETY: `run_on` located these bytes just now with no JS since; the string
        // argument is no view (so nothing overlaps them); no JS runs here.
        let bytes = unsafe { std::slice::from_raw_parts_mut(ptr, len) };
        api::write_helper(
            bytes,
            enc,
            &a[0],
            &Arg::Number(start as f64),
            &Arg::Number(count as f64),
        )
    })?;
    Ok(Value::new_number(ctx.clone(), written as f64))
}

/// `Buffer.byteLength(string, encoding)`.
pub struct ByteLength;

impl Method for ByteLength {
    type This<'a> = ();
    type Out = usize;
    const ARITY: usize = 2;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<usize, NodeError> {
        api::byte_length(&a[0], &a[1])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: usize) -> Raw {
        number(out as f64)
    }

    /// Node names the encoding (`encoding + ''`, running an object's toString) only for a
    /// non-empty string.
    fn flags(args: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        let names_encoding = args[1].is_object()
            && args[0]
                .as_string()
                .is_some_and(|s| !s.to_string().is_ok_and(|t| t.is_empty()));
        [O, if names_encoding { S } else { O }, O, O, O, O]
    }

    /// A view or ArrayBuffer answers with its `byteLength` property, read in JS as Node's
    /// `Buffer.byteLength` does (a subclass getter or own property is what Node returns).
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        _: &Value<'js>,
        args: &mut [Value<'js>],
        _: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if args[0].is_string() || raw::region(ctx, &args[0]).is_none() {
            return Ok(None);
        }
        let obj = args[0].as_object().cloned();
        obj.as_ref()
            .map(crate::order::byte_length_as_node_js_reads_it)
            .transpose()
    }
}

/// `Buffer.isEncoding(encoding)`.
pub struct IsEncoding;

impl Method for IsEncoding {
    type This<'a> = ();
    type Out = bool;
    const ARITY: usize = 1;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<bool, NodeError> {
        Ok(api::is_encoding(&a[0]))
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: bool) -> Raw {
        boolean(out)
    }
}
