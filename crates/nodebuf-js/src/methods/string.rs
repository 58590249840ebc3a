//! Strings in and out: `toString`, `write`, `Buffer.byteLength` and `Buffer.isEncoding`, each
//! declared once as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::args::Arg;
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

    /// With an object (or BigInt) among the arguments, Node coerces `start`, compares it, and
    /// only then looks at `end` and the encoding.
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
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

    /// `toString()` (or `toString(enc)` naming utf8, latin1 or ascii, of the whole buffer) of
    /// ASCII bytes, and `toString('latin1')` of any bytes, is the bytes themselves: one memcpy
    /// into an 8-bit engine string; `toString('ascii')` of other bytes is one masking pass into
    /// it.
    #[inline(always)]
    unsafe fn shortcut(
        ctx: *mut qjs::JSContext,
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
                identity_name(ctx, arg(argc, argv, 0))
            } else {
                None
            };
            // Latin-1 decoding is the identity on any bytes; utf8 and ascii only on ASCII.
            // Other bytes in ascii clear their top bit, written straight into the string.
            let bytes = std::slice::from_raw_parts(ptr, len);
            match name {
                Some(Encoding::Latin1) => {}
                Some(_) if bytes.is_ascii() => {}
                Some(Encoding::Ascii) => {
                    return Some(raw::new_latin1_written_raw(ctx, len, |units| {
                        nodebuf_core::encoding::ascii::decode_uninit(bytes, units)
                    }));
                }
                _ => return None,
            }
            Some(raw::new_latin1_raw(ctx, bytes))
        }
    }
}

/// The encoding `v` names when it decodes ASCII bytes to themselves (`undefined`: utf8; a
/// string naming utf8, latin1 or ascii by the core's name rules); `None` otherwise.
///
/// # Safety
/// `v` must be a live value of `ctx`.
unsafe fn identity_name(ctx: *mut qjs::JSContext, v: Raw) -> Option<Encoding> {
    match tag(v) {
        qjs::JS_TAG_UNDEFINED => Some(Encoding::Utf8),
        // SAFETY: a string of this context; the StrRef is dropped here.
        qjs::JS_TAG_STRING => unsafe { StrRef::from_raw(ctx, v) }
            .and_then(|s| Encoding::parse_js(s.as_js_str()))
            .filter(|e| matches!(e, Encoding::Utf8 | Encoding::Latin1 | Encoding::Ascii)),
        _ => None,
    }
}

/// `buf.write(string, offset, length, encoding)`.
pub struct Write;

impl Method for Write {
    type This<'a> = &'a mut [u8];
    type Out = usize;
    const ARITY: usize = 4;

    #[inline(always)]
    fn op(bytes: &mut [u8], a: &[Arg<'_>], _: Call) -> Result<usize, NodeError> {
        api::write_string(bytes, &a[0], &a[1], &a[2], &a[3])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: usize) -> Raw {
        number(out as f64)
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
        if !args[3].is_object() {
            return Ok(None);
        }
        let Some((_, len)) = raw::uint8_array(ctx, this) else {
            return Ok(None);
        };
        let undefined = Value::new_undefined(ctx.clone());
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
        let name = crate::args::to_js_string(ctx, &args[3])?;
        let Some(enc) = Encoding::parse(&name) else {
            let shown = order::format_percent_s(ctx, &args[3])?;
            return Err(crate::throw_node_error(
                ctx,
                &NodeError::unknown_encoding(&shown),
            ));
        };
        let string = [args[0].clone(), undefined];
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
        Ok(Some(Value::new_number(ctx.clone(), written as f64)))
    }
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
