//! Node's ordered coercions: the steps where Node converts one argument, checks it, and only
//! then looks at the next, or decides from one argument whether another is coerced at all.
//! These run in a method's coercion phase (they may run JS), before anything is resolved.

use nodebuf_core::api::NumType;
use nodebuf_core::NodeError;
use rquickjs::{Ctx, Result, Value};

use crate::args::coerce;
use crate::throw_node_error;

/// `+value` for every object (Node converts views too: `+buf` is `Number(buf.toString())`).
pub const N: u8 = coerce::NUMBER | coerce::VIEWS;
/// `+value` for objects that are not views (fill values, where views are bytes to repeat).
pub const NV: u8 = coerce::NUMBER;
/// `String(value)`: the position names an encoding.
pub const S: u8 = coerce::STRING;
/// Nothing runs for objects here.
pub const O: u8 = coerce::NONE;

fn throw(ctx: &Ctx<'_>, e: NodeError) -> rquickjs::Error {
    throw_node_error(ctx, &e)
}

/// Whether Node's encoding normalizer would stringify `enc` (`buf.fill`, `Buffer.alloc`,
/// `transcode`): it reads `${enc}` only when `enc.length` is that of some encoding name, which
/// for objects means String objects (others are rejected as not strings, untouched).
pub fn names_encoding(enc: &Value<'_>) -> bool {
    enc.as_object().is_none_or(is_string_object)
}

/// Whether `o` is a String object (`new String('hex')`), by its engine class: no user code
/// runs and a replaced global `String` changes nothing.
pub fn is_string_object(o: &rquickjs::Object<'_>) -> bool {
    crate::raw::is_string_object(o.as_value())
}

/// Coercions of a numeric read's `(offset, byteLength)`: a variable-width `byteLength` goes
/// through `Math.floor` (an object's valueOf runs) before its type check, after Node's check
/// for a missing offset.
pub fn read_flags(ty: NumType, offset: &Value<'_>) -> [u8; 2] {
    if ty.width == 0 && !offset.is_undefined() {
        [O, N]
    } else {
        [O, O]
    }
}

/// Coercions of a numeric write's `(value, offset, byteLength)`: `+value`, and for the
/// variable-width methods `Math.floor(byteLength)` — which Node checks first, so an object
/// value is only coerced once `byteLength` is a valid 1..=6.
pub fn write_flags(ty: NumType, value: &Value<'_>, byte_length: &Value<'_>) -> [u8; 3] {
    if ty.width != 0 {
        return [N, O, O];
    }
    let valid = byte_length
        .as_number()
        .is_some_and(|n| (1.0..=6.0).contains(&n) && n.fract() == 0.0);
    [if value.is_object() && !valid { O } else { N }, O, N]
}

/// The value of a BigInt write: Node compares it with BigInt bounds and masks it (`value &
/// 0xffffffffn`), which take an object through ToPrimitive (a BigInt result works), not `+value`.
pub fn bigint_write_value<'js>(ctx: &Ctx<'js>, ty: NumType, v: Value<'js>) -> Result<Value<'js>> {
    use nodebuf_core::api::NumKind;
    if v.is_object() && matches!(ty.kind, NumKind::BigInt | NumKind::BigUint) {
        to_primitive_number(ctx, &v)
    } else {
        Ok(v)
    }
}

/// ECMAScript `ToPrimitive(value, number)` for an object: `value[Symbol.toPrimitive]('number')`,
/// else `valueOf()`, else `toString()`, whichever first gives a primitive.
pub fn to_primitive_number<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Value<'js>> {
    let Some(o) = v.as_object() else {
        return Ok(v.clone());
    };
    let no_primitive = || Err(throw(ctx, NodeError::object_to_primitive()));
    let key = rquickjs::Symbol::to_primitive(ctx.clone());
    let exotic: Value = o.get(key)?;
    if !(exotic.is_undefined() || exotic.is_null()) {
        let Some(f) = exotic.as_function() else {
            return no_primitive();
        };
        let r: Value = f.call((rquickjs::function::This(v.clone()), "number"))?;
        return if r.is_object() { no_primitive() } else { Ok(r) };
    }
    for name in ["valueOf", "toString"] {
        let method: Value = o.get(name)?;
        if let Some(f) = method.as_function() {
            let r: Value = f.call((rquickjs::function::This(v.clone()),))?;
            if !r.is_object() {
                return Ok(r);
            }
        }
    }
    no_primitive()
}

/// What `buf.toString`'s ordered range check decided.
pub enum StringRange {
    /// Leave the arguments to the core.
    Keep,
    /// The result is `''`.
    Empty,
    /// The coerced `start` and `end`.
    Range(f64, f64),
}

/// `buf.toString`'s range in Node's order when an argument is an object: `start` is coerced
/// first and a start at or past the end returns `''` before `end` is looked at; an empty range
/// returns `''` before the encoding is named. A BigInt compares as a number (Node's `<=`/`>=`)
/// and throws only where Node truncates it; a Symbol throws at its first comparison.
pub fn to_string_range<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    start: &Value<'js>,
    end: &Value<'js>,
) -> Result<StringRange> {
    let Some((_, len)) = crate::raw::uint8_array(ctx, this) else {
        return Ok(StringRange::Keep);
    };
    to_string_range_within(ctx, len as f64, start, end)
}

/// [`to_string_range`] against the `len` Node's JS read (`this.length`, which a script may
/// have redefined).
pub fn to_string_range_within<'js>(
    ctx: &Ctx<'js>,
    len: f64,
    start: &Value<'js>,
    end: &Value<'js>,
) -> Result<StringRange> {
    // Each of Node's steps converts the argument afresh, so an object's valueOf runs once per
    // step that reaches it: `start <= 0`, `start >= len`, `MathTrunc(start)`; then
    // `end > len`, `MathTrunc(end)`.
    let trunc_or_zero = |n: f64| if n.is_nan() { 0.0 } else { n.trunc() };
    let s = if start.is_undefined() || relational(ctx, start)? <= 0.0 {
        0.0
    } else if relational(ctx, start)? >= len {
        return Ok(StringRange::Empty);
    } else {
        trunc_or_zero(math_trunc_input(ctx, start)?)
    };
    let e = if end.is_undefined() || relational(ctx, end)? > len {
        len
    } else {
        trunc_or_zero(math_trunc_input(ctx, end)?)
    };
    Ok(if e <= s {
        StringRange::Empty
    } else {
        StringRange::Range(s, e)
    })
}

/// The number a JS relational comparison (`value <= 0`, `value > len`) compares `value` as:
/// ToPrimitive (an object's valueOf / `Symbol.toPrimitive` runs), a BigInt compared by its
/// value, a Symbol refused with V8's TypeError. NaN compares false both ways.
pub fn relational<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<f64> {
    let p = to_primitive_number(ctx, value)?;
    if p.is_symbol() {
        return Err(throw(ctx, NodeError::symbol_to_number()));
    }
    if p.is_big_int() {
        return Ok(crate::to_rust_string(ctx, &p)?
            .parse::<f64>()
            .unwrap_or(f64::NAN));
    }
    if p.is_undefined() {
        return Ok(f64::NAN);
    }
    crate::args::to_number(ctx, &p)
}

/// `Math.trunc(value)`'s ToNumber of `value` (runs an object's conversion again; a BigInt or
/// Symbol is V8's TypeError).
fn math_trunc_input<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<f64> {
    if value.is_symbol() {
        return Err(throw(ctx, NodeError::symbol_to_number()));
    }
    if value.is_undefined() {
        return Ok(f64::NAN);
    }
    crate::args::to_number(ctx, value)
}

/// The `byteLength` property of a view or ArrayBuffer read as Node's own JS reads it
/// (`Buffer.byteLength(view)`, `Buffer.from(arrayBuffer)`): an ordinary property get, so a
/// subclass getter or an own property runs and answers exactly as it does in Node. This is a
/// coercion step: its result is a number to validate, never memory geometry (which comes from
/// the engine's slots in `raw`).
pub fn byte_length_as_node_js_reads_it<'js>(obj: &rquickjs::Object<'js>) -> Result<Value<'js>> {
    const NODE_JS_PROPERTY: &str = "byteLength";
    obj.get(NODE_JS_PROPERTY)
}

/// The error of a failed numeric access whose bounds check Node's JS formats from the
/// receiver's `length` property (`boundsError(offset, this.length - width)`): when reading it
/// runs only the engine's getter, `real_error` as it is; otherwise `this.length` is read once,
/// as an ordinary property get (own properties, subclass getters and replaced prototype getters
/// run, as in Node), converted with `ToNumber`, and the message formatted from it. The answer
/// is a message only: the failure itself was decided on the real bytes.
pub fn visible_bounds_error<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    real_len: usize,
    offset: f64,
    width: usize,
    real_error: NodeError,
) -> Result<NodeError> {
    let offset = nodebuf_core::args::Arg::Number(offset);
    let is_bounds = nodebuf_core::api::numeric::visible_bounds_error(
        real_len,
        &offset,
        width,
        &real_error,
        real_len as f64,
    )
    .is_some();
    if !is_bounds || crate::raw::length_is_intrinsic(ctx, this) {
        return Ok(real_error);
    }
    let Some(obj) = this.as_object() else {
        return Ok(real_error);
    };
    const NODE_JS_PROPERTY: &str = "length";
    let visible: Value = obj.get(NODE_JS_PROPERTY)?;
    let visible = crate::args::to_number(ctx, &visible)?;
    Ok(nodebuf_core::api::numeric::visible_bounds_error(
        real_len,
        &offset,
        width,
        &real_error,
        visible,
    )
    .unwrap_or(real_error))
}

/// Node's `%s` rendering of `value` in a message (`util.format`): `String(value)` for an object
/// with its own `toString`/`Symbol.toPrimitive` (which runs it again), `util.inspect` for other
/// objects, `String(value)` for primitives.
pub fn format_percent_s<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<String> {
    if !value.is_object() {
        return crate::args::to_js_string(ctx, value);
    }
    if let Some(f) = crate::state::format_s_fn(ctx) {
        let shown: Value = f.call((value.clone(),))?;
        if shown.is_string() {
            return crate::to_rust_string(ctx, &shown);
        }
    }
    let Some(inspect) = crate::state::inspect_fn(ctx) else {
        return Ok("[object Object]".into());
    };
    let shown: Value = inspect.call((value.clone(),))?;
    crate::to_rust_string(ctx, &shown)
}
