//! The native half of Buffer: one Rust function per operation, each converting its JS arguments
//! to core [`Arg`]s, calling `nodebuf_core::api` and turning the result (or Node's error) back
//! into JS. The JS half (`buffer.js`) decides which native an overload goes to and keeps the
//! cheap common cases in JS.

use std::sync::OnceLock;

use nodebuf_core::api::{self, NumMethod, NumType, NumValue};
use nodebuf_core::args::{Arg, ObjectKind};
use nodebuf_core::encoding::{self, Encoding, JsString};
use nodebuf_core::{inspect, Buffer as CoreBuffer, NodeError};
use rquickjs::{qjs, Array, Ctx, Function, Object, Result, Value};

use crate::args::{coerce, run, run_mut, run_ref, Prepared};
use crate::raw::{self, RegionKind};
use crate::{state, throw_node_error};

/// `+value` for every object (Node converts views too: `+buf` is `Number(buf.toString())`).
const N: u8 = coerce::NUMBER | coerce::VIEWS;
/// `+value` for objects that are not views (fill values, where views are bytes to repeat).
const NV: u8 = coerce::NUMBER;
const S: u8 = coerce::STRING;
const O: u8 = coerce::NONE;

fn throw(ctx: &Ctx<'_>, e: NodeError) -> rquickjs::Error {
    throw_node_error(ctx, &e)
}

fn js_buffer<'js>(
    ctx: &Ctx<'js>,
    r: std::result::Result<CoreBuffer, NodeError>,
) -> Result<Value<'js>> {
    let buf = r.map_err(|e| throw(ctx, e))?;
    state::to_js(ctx, &buf)
}

fn js_string<'js>(ctx: &Ctx<'js>, s: &JsString) -> Result<Value<'js>> {
    raw::new_string(ctx, s)
}

/// The numeric accessors by id (the JS half installs one function per name).
pub(crate) fn num_methods() -> &'static [(String, NumMethod)] {
    static TABLE: OnceLock<Vec<(String, NumMethod)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        api::numeric::num_method_names()
            .into_iter()
            .filter_map(|name| api::num_method(&name).map(|m| (name, m)))
            .collect()
    })
}

/// A new Buffer of `len` bytes allocated by the `allocUnsafe` rule (pooled when small), filled by
/// `fill` through a raw pointer (sources may be any JS memory, even the pool slab itself).
fn alloc_filled(
    len: usize,
    fill: impl FnOnce(*mut u8),
) -> std::result::Result<CoreBuffer, NodeError> {
    let buf = CoreBuffer::alloc_unsafe(len)?;
    if len > 0 {
        fill(buf.as_ptr());
    }
    Ok(buf)
}

/// `ToUint8` of a number (what storing it into a Uint8Array does).
fn to_uint8(n: f64) -> u8 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(256.0) as u8
}

/// Element `i` of a typed array's bytes as a byte (`ToUint8` of the element).
fn element_byte(bytes: &[u8], size: usize, float: bool, i: usize) -> u8 {
    let at = i * size;
    match (size, float) {
        (1, _) => bytes[at],
        (2, false) => bytes[at],
        (4, false) => bytes[at],
        (8, false) => bytes[at],
        (4, true) => to_uint8(f64::from(f32::from_ne_bytes([
            bytes[at],
            bytes[at + 1],
            bytes[at + 2],
            bytes[at + 3],
        ]))),
        (8, true) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[at..at + 8]);
            to_uint8(f64::from_ne_bytes(b))
        }
        (2, true) => {
            // Float16: decode to f64 first.
            let h = u16::from_ne_bytes([bytes[at], bytes[at + 1]]);
            to_uint8(f16_to_f64(h))
        }
        _ => 0,
    }
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (h >> 10) & 0x1f;
    let frac = f64::from(h & 0x3ff);
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        0x1f if frac == 0.0 => sign * f64::INFINITY,
        0x1f => f64::NAN,
        e => sign * (1.0 + frac / 1024.0) * 2f64.powi(i32::from(e) - 15),
    }
}

/// Whether a typed array's elements are floats (by constructor name; only reached for
/// non-Uint8 arrays).
fn typed_array_kind(value: &Value<'_>) -> (bool, bool) {
    // SAFETY: only the class id is read.
    let t = unsafe { qjs::JS_GetTypedArrayType(value.as_raw()) };
    let float = t == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT32 as i32
        || t == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT64 as i32
        || t == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT16 as i32;
    let big = t == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_INT64 as i32
        || t == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_UINT64 as i32;
    (float, big)
}

/// `Buffer.from(arrayLike)` / `from(typedArray)` / `from(buffer)`: a pooled copy of the elements,
/// each stored as a Uint8Array stores it. `length` is `obj.length` as JS computed it.
fn from_array_like<'js>(ctx: Ctx<'js>, obj: Value<'js>, length: f64) -> Result<Value<'js>> {
    let len = if length.is_nan() || length <= 0.0 {
        0usize
    } else {
        length.min(9_007_199_254_740_991.0).trunc() as usize
    };
    // Node's pool arithmetic keeps a fractional length (0.5 is an empty view in the pool).
    let extra = if length.is_finite() && length > 0.0 {
        length - length.trunc()
    } else {
        0.0
    };
    if len == 0 && extra == 0.0 {
        return js_buffer(&ctx, CoreBuffer::alloc(0));
    }
    if len > nodebuf_core::memory::K_MAX_LENGTH {
        return Err(throw(
            &ctx,
            NodeError::invalid_typed_array_length(&len.to_string()),
        ));
    }
    // Typed arrays: straight from their bytes.
    if let Some(region) = raw::region(&ctx, &obj) {
        if let RegionKind::Uint8Array | RegionKind::TypedArray(_) = region.kind {
            let size = match region.kind {
                RegionKind::TypedArray(s) => s,
                _ => 1,
            };
            let (float, big) = typed_array_kind(&obj);
            if big {
                // Node copies with `TypedArray.prototype.set`, whose BigInt/Number mismatch is
                // V8's mixing error, after making room in the pool for the copy.
                if nodebuf_core::memory::pool::is_poolable(len) {
                    nodebuf_core::memory::pool::make_room(len).map_err(|e| throw(&ctx, e))?;
                }
                return Err(throw(&ctx, NodeError::cannot_mix_bigint()));
            }
            let real = region.len / size;
            // Node copies into a pooled Buffer of the claimed length (a claimed length shorter
            // than the real one overflows the copy), or above the pool threshold makes a
            // Buffer of the array's real contents.
            let len = if (len as u64) < nodebuf_core::memory::pool::threshold() {
                if real > len {
                    return Err(rquickjs::Exception::throw_range(
                        &ctx,
                        "offset is out of bounds",
                    ));
                }
                len
            } else {
                real
            };
            if len == 0 {
                return js_buffer(&ctx, CoreBuffer::alloc(0));
            }
            let count = len.min(real);
            let buf = if size == 1 {
                alloc_filled(len, |dst| {
                    // SAFETY: `count <= region.len` bytes are readable at `region.ptr` (located
                    // with no JS since); `dst` has `len >= count` writable bytes; `copy` allows
                    // overlap (a view of the whole pool slab may cover the destination).
                    unsafe { std::ptr::copy(region.ptr, dst, count) }
                })
            } else {
                // SAFETY: the region is live (no JS since it was located) and only read here;
                // it cannot overlap the new Buffer's bytes, which are pool bytes never handed
                // out or a new store, unless a view of the whole slab was passed — so copy the
                // converted bytes out first.
                let src = unsafe { std::slice::from_raw_parts(region.ptr, region.len) };
                let bytes: Vec<u8> = (0..count)
                    .map(|i| element_byte(src, size, float, i))
                    .collect();
                alloc_filled(len, |dst| {
                    // SAFETY: `dst` has `len >= bytes.len()` writable bytes; `bytes` is ours.
                    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) }
                })
            };
            return js_buffer(&ctx, buf);
        }
    }
    // Arrays and array-likes: element by element (`+element`, which may run user code).
    let o = obj
        .as_object()
        .ok_or_else(|| throw(&ctx, api::alloc::from_invalid(&Arg::Undefined)))?;
    let mut bytes = Vec::with_capacity(len.min(1 << 20));
    for i in 0..len {
        let v: Value = o.get(i as u32)?;
        let b = if let Some(n) = v.as_int() {
            n as u8
        } else if let Some(f) = v.as_float() {
            to_uint8(f)
        } else if v.is_undefined() {
            0
        } else {
            to_uint8(crate::args::to_number(&ctx, &v)?)
        };
        bytes.push(b);
    }
    let buf = CoreBuffer::alloc_unsafe_js(len, extra).inspect(|buf| {
        if len > 0 {
            // SAFETY: the new Buffer has `len == bytes.len()` writable bytes; `bytes` is ours.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.as_ptr(), bytes.len()) }
        }
    });
    js_buffer(&ctx, buf)
}

pub(crate) fn alloc<'js>(
    ctx: Ctx<'js>,
    size: Value<'js>,
    fill: Value<'js>,
    enc: Value<'js>,
) -> Result<Value<'js>> {
    // Node fills (converting an object fill with valueOf, naming a string fill's encoding)
    // only after `size` passed its check and is not 0.
    let fills = size
        .as_number()
        .is_some_and(|n| n > 0.0 && n <= nodebuf_core::memory::K_MAX_LENGTH as f64);
    let flags = match (fills, fill.is_string() && fill_names_encoding(&ctx, &enc)) {
        (false, _) => [O, O, O],
        (true, false) => [O, NV, O],
        (true, true) => [O, NV, S],
    };
    let r = run(&ctx, &[size, fill, enc], &flags, |a| {
        api::statics::alloc(&a[0], &a[1], &a[2])
    })?;
    state::to_js(&ctx, &r)
}

pub(crate) fn alloc_unsafe<'js>(ctx: Ctx<'js>, size: Value<'js>) -> Result<Value<'js>> {
    if let Some(n) = size.as_int() {
        if n >= 0 {
            return js_buffer(&ctx, CoreBuffer::alloc_unsafe(n as usize));
        }
    }
    let r = run(&ctx, &[size], &[O], |a| api::statics::alloc_unsafe(&a[0]))?;
    state::to_js(&ctx, &r)
}

fn alloc_unsafe_slow<'js>(ctx: Ctx<'js>, size: Value<'js>) -> Result<Value<'js>> {
    let r = run(&ctx, &[size], &[O], |a| {
        api::statics::alloc_unsafe_slow(&a[0])
    })?;
    state::to_js(&ctx, &r)
}

fn from_string<'js>(ctx: Ctx<'js>, s: Value<'js>, enc: Value<'js>) -> Result<Value<'js>> {
    let r = run(&ctx, &[s, enc], &[O, O], |a| match a[0] {
        Arg::String(s) => api::statics::from_string(s, &a[1]),
        _ => Err(api::alloc::from_invalid(&a[0])),
    })?;
    state::to_js(&ctx, &r)
}

fn from_array_buffer<'js>(
    ctx: Ctx<'js>,
    ab: Value<'js>,
    offset: Value<'js>,
    length: Value<'js>,
) -> Result<Value<'js>> {
    let ab_len = raw::region(&ctx, &ab).map_or(0, |r| r.len);
    let mut offset = offset;
    if length.is_object() {
        // Node converts byteOffset and throws for one past the end before it converts length
        // (other offset errors come later, when the view is made).
        if offset.is_symbol() {
            return Err(throw(&ctx, NodeError::symbol_to_number()));
        }
        if !offset.is_undefined() {
            let n = crate::args::to_number(&ctx, &offset)?;
            offset = Value::new_number(ctx.clone(), n);
        }
        let past_end = offset
            .as_number()
            .is_some_and(|n| !n.is_nan() && (ab_len as f64) - n < 0.0);
        if past_end {
            let undefined = Value::new_undefined(ctx.clone());
            run(&ctx, &[offset.clone(), undefined], &[N, O], |a| {
                api::alloc::from_array_buffer_range(ab_len, &a[0], &a[1]).map(drop)
            })?;
        }
    }
    let range = run(&ctx, &[offset, length], &[N, N], |a| {
        api::alloc::from_array_buffer_range(ab_len, &a[0], &a[1])
    })?;
    state::view_of(&ctx, &ab, range.start, range.end - range.start)
}

fn of<'js>(ctx: Ctx<'js>, items: rquickjs::function::Rest<Value<'js>>) -> Result<Value<'js>> {
    let flags = vec![N; items.0.len()];
    let r = run(&ctx, &items.0, &flags, |a| api::statics::of(a))?;
    state::to_js(&ctx, &r)
}

/// `Buffer.concat(list, length)` for a non-empty list. Node allocates first and checks the
/// items while copying, so a bad item still takes its slot from the pool: `length` is either
/// the caller's `totalLength` (`summed` false; checked as Node's `length` offset) or the sum of
/// the items' `length`s the JS half computed (`summed` true; checked as `allocUnsafe`'s size).
fn concat<'js>(
    ctx: Ctx<'js>,
    list: Array<'js>,
    total: Value<'js>,
    summed: rquickjs::function::Opt<bool>,
) -> Result<Value<'js>> {
    let mut values: Vec<Value> = Vec::with_capacity(list.len() + 1);
    for item in list.iter::<Value>() {
        values.push(item?);
    }
    let n = values.len();
    if n == 0 {
        // Node returns an empty Buffer for an empty list before looking at `totalLength`.
        return js_buffer(&ctx, CoreBuffer::alloc(0));
    }
    // Two steps: `run` may call its closure twice to render an error, and the allocation must
    // happen once.
    let buf = if summed.0.unwrap_or(false) {
        run(&ctx, &[total], &[], |a| api::statics::alloc_unsafe(&a[0]))?
    } else {
        run(&ctx, &[total], &[], |a| {
            CoreBuffer::alloc_unsafe(api::alloc::concat_length(&a[0], 0)?)
        })?
    };
    run(&ctx, &values, &[], |a| {
        a.iter()
            .enumerate()
            .try_for_each(|(i, item)| api::alloc::concat_item(i, item).map(drop))
    })?;
    // Node copies each item (clamped to what is left); the rest stays zero.
    let len = buf.len();
    let regions: Vec<_> = values[..n]
        .iter()
        .filter_map(|v| raw::uint8_array(&ctx, v))
        .collect();
    if len > 0 {
        let dst = buf.as_ptr();
        let mut pos = 0usize;
        for (ptr, count) in &regions {
            let take = (*count).min(len - pos);
            // SAFETY: each region was located just now (no JS since) and has `count` readable
            // bytes; `dst + pos` has `len - pos >= take` writable bytes of the new Buffer;
            // `copy` allows overlap (an item may view the pool slab the result came from).
            unsafe { std::ptr::copy(*ptr, dst.add(pos), take) };
            pos += take;
            if pos == len {
                break;
            }
        }
    }
    state::to_js(&ctx, &buf)
}

fn copy_bytes_from<'js>(
    ctx: Ctx<'js>,
    view: Value<'js>,
    offset: Value<'js>,
    length: Value<'js>,
) -> Result<Value<'js>> {
    let (count, size) = match raw::region(&ctx, &view) {
        Some(r) => match r.kind {
            RegionKind::Uint8Array => (r.len, 1),
            RegionKind::TypedArray(s) => (r.len / s, s),
            _ => (0, 1),
        },
        None => (0, 1),
    };
    let range = run(&ctx, &[view.clone(), offset, length], &[O, O, O], |a| {
        api::alloc::copy_bytes_from_range(&a[0], count, size, &a[1], &a[2])
    })?;
    let Some(region) = raw::region(&ctx, &view) else {
        return js_buffer(&ctx, CoreBuffer::alloc(0));
    };
    let len = range.end - range.start;
    if len == 0 || range.end > region.len {
        return js_buffer(&ctx, CoreBuffer::alloc(0));
    }
    let buf = alloc_filled(len, |dst| {
        // SAFETY: `range` lies within the region (checked), located with no JS since; `dst`
        // has `len` writable bytes; `copy` allows overlap.
        unsafe { std::ptr::copy(region.ptr.add(range.start), dst, len) }
    });
    js_buffer(&ctx, buf)
}

pub(crate) fn byte_length<'js>(ctx: Ctx<'js>, value: Value<'js>, enc: Value<'js>) -> Result<f64> {
    // Node names the encoding (`encoding + ''`, running an object's toString) only for a
    // non-empty string.
    let names_encoding = enc.is_object()
        && value
            .as_string()
            .is_some_and(|s| !s.to_string().is_ok_and(|t| t.is_empty()));
    let enc_flag = if names_encoding { S } else { O };
    run(&ctx, &[value, enc], &[O, enc_flag], |a| {
        api::string::byte_length(&a[0], &a[1]).map(|n| n as f64)
    })
}

pub(crate) fn compare_static<'js>(ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>) -> Result<i32> {
    run(&ctx, &[a, b], &[O, O], |x| {
        api::buffer_compare(&x[0], &x[1])
    })
}

pub(crate) fn is_encoding<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<bool> {
    run(&ctx, &[value], &[O], |a| Ok(api::is_encoding(&a[0])))
}

pub(crate) fn to_string<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    enc: Value<'js>,
    start: Value<'js>,
    end: Value<'js>,
    argc: u32,
) -> Result<Value<'js>> {
    let (mut start, mut end) = (start, end);
    let ordered = [&enc, &start, &end].iter().any(|v| v.is_object())
        || start.is_big_int()
        || end.is_big_int();
    if argc > 0 && ordered {
        match to_string_range(&ctx, &this, &start, &end)? {
            StringRange::Keep => {}
            StringRange::Range(s, e) => {
                start = Value::new_number(ctx.clone(), s);
                end = Value::new_number(ctx.clone(), e);
            }
            StringRange::Empty => return Ok(rquickjs::String::from_str(ctx, "")?.into_value()),
        }
    }
    let s = run_ref(&ctx, &this, &[enc, start, end], &[S, N, N], |buf, a| {
        api::to_string(buf, &a[0], &a[1], &a[2], argc as usize)
    })?;
    js_string(&ctx, &s)
}

enum StringRange {
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
fn to_string_range<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    start: &Value<'js>,
    end: &Value<'js>,
) -> Result<StringRange> {
    let Some((_, len)) = raw::uint8_array(ctx, this) else {
        return Ok(StringRange::Keep);
    };
    let len = len as f64;
    let throw_now = |e: NodeError| Err(throw(ctx, e));
    let big = |v: &Value<'js>| -> Result<f64> {
        Ok(crate::to_rust_string(ctx, v)?
            .parse::<f64>()
            .unwrap_or(f64::NAN))
    };
    let trunc_or_zero = |n: f64| if n.is_nan() { 0.0 } else { n.trunc() };
    // Node compares first (`start <= 0`), which takes an object through ToPrimitive: a BigInt
    // result is compared as one.
    let start = &to_primitive_number(ctx, start)?;
    // start: `start <= 0`, `start >= len`, then Math.trunc.
    let s = if start.is_symbol() {
        return throw_now(NodeError::symbol_to_number());
    } else if start.is_big_int() {
        let b = big(start)?;
        if b <= 0.0 {
            0.0
        } else if b >= len {
            return Ok(StringRange::Empty);
        } else {
            return throw_now(NodeError::bigint_to_number());
        }
    } else {
        let n = if start.is_undefined() {
            f64::NAN
        } else {
            crate::args::to_number(ctx, start)?
        };
        if n <= 0.0 {
            0.0
        } else if n >= len {
            return Ok(StringRange::Empty);
        } else {
            trunc_or_zero(n)
        }
    };
    // end: `end > len`, then Math.trunc.
    let end = &to_primitive_number(ctx, end)?;
    let e = if end.is_undefined() {
        len
    } else if end.is_symbol() {
        return throw_now(NodeError::symbol_to_number());
    } else if end.is_big_int() {
        if big(end)? > len {
            len
        } else {
            return throw_now(NodeError::bigint_to_number());
        }
    } else {
        let n = crate::args::to_number(ctx, end)?;
        if n > len {
            len
        } else {
            trunc_or_zero(n)
        }
    };
    Ok(if e <= s {
        StringRange::Empty
    } else {
        StringRange::Range(s, e)
    })
}

pub(crate) fn write<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    s: Value<'js>,
    off: Value<'js>,
    len: Value<'js>,
    enc: Value<'js>,
) -> Result<f64> {
    run_mut(&ctx, &this, &[s, off, len, enc], &[O, O, O, S], |buf, a| {
        api::write_string(buf, &a[0], &a[1], &a[2], &a[3]).map(|n| n as f64)
    })
}

pub(crate) fn fill<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    v: Value<'js>,
    off: Value<'js>,
    end: Value<'js>,
    enc: Value<'js>,
) -> Result<()> {
    // Node checks offset and end (and returns for an empty range) before it converts an
    // object value with valueOf.
    if v.is_object() && raw::region(&ctx, &v).is_none() {
        if let Some((_, len)) = raw::uint8_array(&ctx, &this) {
            let args = [off.clone(), end.clone(), enc.clone()];
            let range = run(&ctx, &args, &[O, O, O], |a| {
                api::fill::fill_range(len, &Arg::Undefined, &a[0], &a[1], &a[2])
            })?;
            if range.is_none() {
                return Ok(());
            }
        }
    }
    // The encoding is named only for a string value, when no string offset/end stands in.
    let names_encoding = v.is_string()
        && !(off.is_undefined() || off.is_string())
        && !end.is_string()
        && fill_names_encoding(&ctx, &enc);
    let enc_flag = if names_encoding { S } else { O };
    run_mut(
        &ctx,
        &this,
        &[v, off, end, enc],
        &[NV, O, O, enc_flag],
        |buf, a| api::fill(buf, &a[0], &a[1], &a[2], &a[3]),
    )
}

/// Whether `buf.fill`'s encoding normalizer would stringify `enc`: it reads `${enc}` only
/// when `enc.length` is that of some encoding name, which for objects means String objects
/// (others are rejected as not strings, untouched).
fn fill_names_encoding<'js>(ctx: &Ctx<'js>, enc: &Value<'js>) -> bool {
    match enc.as_object() {
        None => true,
        Some(o) => ctx
            .globals()
            .get::<_, Value>("String")
            .is_ok_and(|string| o.is_instance_of(&string)),
    }
}

pub(crate) fn index_of<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    v: Value<'js>,
    off: Value<'js>,
    enc: Value<'js>,
    dir: i32,
) -> Result<Value<'js>> {
    // Node names the encoding (`encoding + ''`) only for a non-number needle, and a string
    // `byteOffset` stands in for it.
    let enc_flag = if v.is_number() || off.is_string() {
        O
    } else {
        S
    };
    let r = run_ref(
        &ctx,
        &this,
        &[v, off, enc],
        &[O, N, enc_flag],
        |buf, a| match dir {
            0 => api::index_of(buf, &a[0], &a[1], &a[2]),
            1 => api::last_index_of(buf, &a[0], &a[1], &a[2]),
            _ => api::includes(buf, &a[0], &a[1], &a[2]).map(i64::from),
        },
    )?;
    Ok(if dir == 2 {
        Value::new_bool(ctx, r != 0)
    } else {
        Value::new_number(ctx, r as f64)
    })
}

pub(crate) fn equals<'js>(ctx: Ctx<'js>, this: Value<'js>, other: Value<'js>) -> Result<bool> {
    run_ref(&ctx, &this, &[other], &[O], |buf, a| {
        api::equals(buf, &a[0])
    })
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn compare<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    target: Value<'js>,
    ts: Value<'js>,
    te: Value<'js>,
    ss: Value<'js>,
    se: Value<'js>,
) -> Result<i32> {
    run_ref(&ctx, &this, &[target, ts, te, ss, se], &[], |buf, a| {
        api::compare(buf, &a[0], &a[1], &a[2], &a[3], &a[4])
    })
}

pub(crate) fn copy<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    target: Value<'js>,
    ts: Value<'js>,
    ss: Value<'js>,
    se: Value<'js>,
) -> Result<f64> {
    let mut positions = [ts, ss, se];
    if positions.iter().any(Value::is_object) {
        // The source and target are checked before any position.
        let undefined = Value::new_undefined(ctx.clone());
        let first = [
            target.clone(),
            undefined.clone(),
            undefined.clone(),
            undefined,
        ];
        run_ref(&ctx, &this, &first, &[O, O, O, O], |buf, a| {
            api::copy_plan(buf.len(), &a[0], &a[1], &a[2], &a[3]).map(drop)
        })?;
        // Node converts targetStart, sourceStart, sourceEnd one at a time (`+value`), checking
        // each before it converts the next: convert an object, then let the core check the
        // positions so far (later ones missing).
        for i in 0..positions.len() {
            if positions[i].is_object() {
                let n = crate::args::to_number(&ctx, &positions[i])?;
                positions[i] = Value::new_number(ctx.clone(), n);
            }
            let mut so_far = [
                target.clone(),
                positions[0].clone(),
                positions[1].clone(),
                positions[2].clone(),
            ];
            for later in so_far.iter_mut().skip(i + 2) {
                *later = Value::new_undefined(ctx.clone());
            }
            run_ref(&ctx, &this, &so_far, &[O, O, O, O], |buf, a| {
                api::copy_plan(buf.len(), &a[0], &a[1], &a[2], &a[3]).map(drop)
            })?;
        }
    }
    let [ts, ss, se] = positions;
    let plan = run_ref(
        &ctx,
        &this,
        &[target.clone(), ts, ss, se],
        &[O, N, N, N],
        |buf, a| api::copy_plan(buf.len(), &a[0], &a[1], &a[2], &a[3]),
    )?;
    if plan.len == 0 {
        return Ok(0.0);
    }
    let (Some((src, src_len)), Some((dst, dst_len))) = (
        raw::uint8_array(&ctx, &this),
        raw::uint8_array(&ctx, &target),
    ) else {
        return Ok(0.0);
    };
    if plan.source_start + plan.len > src_len || plan.target_start + plan.len > dst_len {
        return Ok(0.0);
    }
    // SAFETY: both ranges are in bounds (checked) of views located with no JS since; `copy` is
    // a memmove, so source and target may be the same memory.
    unsafe {
        std::ptr::copy(
            src.add(plan.source_start),
            dst.add(plan.target_start),
            plan.len,
        )
    };
    Ok(plan.len as f64)
}

pub(crate) fn swap<'js>(ctx: Ctx<'js>, this: Value<'js>, bits: u32) -> Result<Value<'js>> {
    run_mut(&ctx, &this, &[], &[], |buf, _| match bits {
        16 => api::swap16(buf),
        32 => api::swap32(buf),
        _ => api::swap64(buf),
    })?;
    Ok(this)
}

fn num_value<'js>(ctx: &Ctx<'js>, v: NumValue) -> Result<Value<'js>> {
    match v {
        // -0 must stay a float (new_number would store it as the integer 0).
        NumValue::Number(n) if n == 0.0 && n.is_sign_negative() => {
            Ok(Value::new_float(ctx.clone(), n))
        }
        NumValue::Number(n) => Ok(Value::new_number(ctx.clone(), n)),
        NumValue::BigInt(i) => {
            // SAFETY: creates a new BigInt value owned by the returned `Value`.
            let raw = unsafe {
                if i < 0 {
                    qjs::JS_NewBigInt64(ctx.as_raw().as_ptr(), i as i64)
                } else {
                    qjs::JS_NewBigUint64(ctx.as_raw().as_ptr(), i as u64)
                }
            };
            // SAFETY: a new reference from the engine.
            let value = unsafe { Value::from_raw(ctx.clone(), raw) };
            if value.is_exception() {
                return Err(rquickjs::Error::Exception);
            }
            Ok(value)
        }
    }
}

/// Coercions of a numeric read's `(offset, byteLength)`: a variable-width `byteLength` goes
/// through `Math.floor` (an object's valueOf runs) before its type check, after Node's check
/// for a missing offset.
fn read_flags(ty: NumType, offset: &Value<'_>) -> [u8; 2] {
    if ty.width == 0 && !offset.is_undefined() {
        [O, N]
    } else {
        [O, O]
    }
}

/// Coercions of a numeric write's `(value, offset, byteLength)`: `+value`, and for the
/// variable-width methods `Math.floor(byteLength)` — which Node checks first, so an object
/// value is only coerced once `byteLength` is a valid 1..=6.
fn write_flags(ty: NumType, value: &Value<'_>, byte_length: &Value<'_>) -> [u8; 3] {
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
fn bigint_write_value<'js>(ctx: &Ctx<'js>, ty: NumType, v: Value<'js>) -> Result<Value<'js>> {
    use nodebuf_core::api::NumKind;
    if v.is_object() && matches!(ty.kind, NumKind::BigInt | NumKind::BigUint) {
        to_primitive_number(ctx, &v)
    } else {
        Ok(v)
    }
}

/// ECMAScript `ToPrimitive(value, number)` for an object: `value[Symbol.toPrimitive]('number')`,
/// else `valueOf()`, else `toString()`, whichever first gives a primitive.
fn to_primitive_number<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Value<'js>> {
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

pub(crate) fn read_num<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    id: u32,
    off: Value<'js>,
    bl: Value<'js>,
) -> Result<Value<'js>> {
    let Some((_, m)) = num_methods().get(id as usize) else {
        return Ok(Value::new_undefined(ctx));
    };
    let ty = m.ty;
    let flags = read_flags(ty, &off);
    let v = run_ref(&ctx, &this, &[off, bl], &flags, |buf, a| {
        api::read(buf, ty, &a[0], &a[1])
    })?;
    num_value(&ctx, v)
}

pub(crate) fn write_num<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    id: u32,
    v: Value<'js>,
    off: Value<'js>,
    bl: Value<'js>,
) -> Result<f64> {
    let Some((_, m)) = num_methods().get(id as usize) else {
        return Ok(0.0);
    };
    let ty = m.ty;
    let v = bigint_write_value(&ctx, ty, v)?;
    let flags = write_flags(ty, &v, &bl);
    run_mut(&ctx, &this, &[v, off, bl], &flags, |buf, a| {
        api::write(buf, ty, &a[0], &a[1], &a[2]).map(|n| n as f64)
    })
}

/// The numeric accessor `id` as a native method for `Buffer.prototype` (no JS frame in between):
/// reads take `(offset[, byteLength])`, writes `(value, offset[, byteLength])`.
fn num_function<'js>(ctx: Ctx<'js>, id: u32) -> Result<Function<'js>> {
    use rquickjs::function::{Opt, This};
    let Some((_, m)) = num_methods().get(id as usize) else {
        return Err(rquickjs::Error::new_from_js("id", "numeric method"));
    };
    let (write, ty) = (m.write, m.ty);
    let undef = |ctx: &Ctx<'js>, v: Opt<Value<'js>>| {
        v.0.unwrap_or_else(|| Value::new_undefined(ctx.clone()))
    };
    if write {
        Function::new(
            ctx,
            move |ctx: Ctx<'js>,
                  this: This<Value<'js>>,
                  v: Opt<Value<'js>>,
                  off: Opt<Value<'js>>,
                  bl: Opt<Value<'js>>|
                  -> Result<f64> {
                let value = bigint_write_value(&ctx, ty, undef(&ctx, v))?;
                let args = [value, undef(&ctx, off), undef(&ctx, bl)];
                let flags = write_flags(ty, &args[0], &args[2]);
                run_mut(&ctx, &this.0, &args, &flags, |buf, a| {
                    api::write(buf, ty, &a[0], &a[1], &a[2]).map(|n| n as f64)
                })
            },
        )
    } else {
        Function::new(
            ctx,
            move |ctx: Ctx<'js>,
                  this: This<Value<'js>>,
                  off: Opt<Value<'js>>,
                  bl: Opt<Value<'js>>|
                  -> Result<Value<'js>> {
                let args = [undef(&ctx, off), undef(&ctx, bl)];
                let v = run_ref(&ctx, &this.0, &args, &read_flags(ty, &args[0]), |buf, a| {
                    api::read(buf, ty, &a[0], &a[1])
                })?;
                num_value(&ctx, v)
            },
        )
    }
}

fn encoding_by_id(id: u32) -> Encoding {
    match id {
        0 => Encoding::Utf8,
        1 => Encoding::Utf16le,
        2 => Encoding::Latin1,
        3 => Encoding::Ascii,
        4 => Encoding::Base64,
        5 => Encoding::Base64url,
        _ => Encoding::Hex,
    }
}

fn slice_helper<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    enc: u32,
    start: Value<'js>,
    end: Value<'js>,
) -> Result<Value<'js>> {
    let enc = encoding_by_id(enc);
    let (mut start, mut end) = (start, end);
    if start.is_object() || end.is_object() {
        // Node's native slice returns '' for an empty buffer before it reads any argument, and
        // reads `end` only after `start` proved a valid (non-negative) index.
        if let Some((_, len)) = raw::uint8_array(&ctx, &this) {
            if len == 0 {
                return Ok(rquickjs::String::from_str(ctx, "")?.into_value());
            }
            if start.is_big_int() {
                return Err(throw(&ctx, NodeError::bigint_to_number()));
            }
            if start.is_symbol() {
                return Err(throw(&ctx, NodeError::symbol_to_number()));
            }
            if !start.is_undefined() {
                let n = crate::args::to_number(&ctx, &start)?;
                start = Value::new_number(ctx.clone(), n);
                if n.trunc() < 0.0 {
                    end = Value::new_undefined(ctx.clone());
                }
            }
        }
    }
    let s = run_ref(&ctx, &this, &[start, end], &[N, N], |buf, a| {
        api::slice_helper(buf, enc, &a[0], &a[1])
    })?;
    js_string(&ctx, &s)
}

fn write_helper<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    enc: u32,
    s: Value<'js>,
    off: Value<'js>,
    len: Value<'js>,
) -> Result<f64> {
    let enc = encoding_by_id(enc);
    let (mut off, mut len) = (off, len);
    if len.is_object() {
        // Node's native write checks the string, then converts and checks offset (negative:
        // out of range; past the end: out of bounds), and only then converts length.
        let size = raw::uint8_array(&ctx, &this).map(|(_, n)| n as f64);
        if off.is_object() {
            let n = crate::args::to_number(&ctx, &off)?;
            off = Value::new_number(ctx.clone(), n);
        }
        let start = if off.is_undefined() {
            Some(0.0)
        } else if off.is_big_int() || off.is_symbol() {
            None
        } else {
            Some(crate::args::to_number(&ctx, &off)?.trunc())
        };
        let offset_fails = match (start, size) {
            (Some(n), Some(size)) => n < 0.0 || n > size,
            _ => true,
        };
        if !s.is_string() || offset_fails {
            // The core reports the string or offset error before it writes anything.
            len = Value::new_undefined(ctx.clone());
        }
    }
    run_mut(&ctx, &this, &[s, off, len], &[O, N, N], |buf, a| {
        api::write_helper(buf, enc, &a[0], &a[1], &a[2]).map(|n| n as f64)
    })
}

fn inspect_bytes<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    name: String,
    extra: String,
) -> Result<String> {
    let extras: Vec<&str> = if extra.is_empty() {
        vec![]
    } else {
        vec![extra.as_str()]
    };
    let max = inspect::inspect_max_bytes();
    run_ref(&ctx, &this, &[], &[], |buf, _| {
        Ok(inspect::inspect_buffer(&name, buf, max, &extras))
    })
}

fn get_inspect_max_bytes() -> f64 {
    inspect::inspect_max_bytes()
}

fn set_inspect_max_bytes<'js>(ctx: Ctx<'js>, v: Value<'js>) -> Result<()> {
    run(&ctx, &[v], &[O], |a| inspect::set_inspect_max_bytes(&a[0]))
}

fn transcode<'js>(
    ctx: Ctx<'js>,
    source: Value<'js>,
    from: Value<'js>,
    to: Value<'js>,
) -> Result<Value<'js>> {
    // Node checks the source, returns an empty Buffer for an empty one, and only then names
    // the encodings: strings by their text, String objects by `${enc}`, and anything else is
    // passed on as is and refused by the native layer (U_ILLEGAL_ARGUMENT_ERROR).
    match raw::uint8_array(&ctx, &source) {
        None => {
            return run(&ctx, &[source], &[O], |a| {
                api::compare::expect_uint8_array(&a[0], "source").map(drop)
            })
            .map(|()| Value::new_undefined(ctx.clone()));
        }
        Some((_, 0)) => return js_buffer(&ctx, CoreBuffer::alloc(0)),
        Some(_) => {}
    }
    let name = |v: &Value<'js>| -> Result<Option<String>> {
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else if v.is_string() || (v.is_object() && fill_names_encoding(&ctx, v)) {
            crate::to_rust_string(&ctx, v).map(Some)
        } else {
            Ok(Some(String::from("\0not an encoding")))
        }
    };
    let (from, to) = (name(&from)?, name(&to)?);
    let mut failure = None;
    let out = run(&ctx, &[source], &[O], |a| {
        let bytes = api::compare::expect_uint8_array(&a[0], "source")?;
        match encoding::transcode(bytes, from.as_deref(), to.as_deref()) {
            Err(e) if e.code.is_some_and(|c| c.starts_with("U_")) => {
                failure = Some(e);
                Ok(Vec::new())
            }
            other => other,
        }
    })?;
    if let Some(mut e) = failure {
        // ICU failures come from Node's C++ layer: a plain Error with `code` and `errno`.
        e.code_in_name = false;
        let value = crate::node_error_to_js(&ctx, &e)?;
        if let (Some(obj), Some(code)) = (value.as_object(), e.code) {
            if let Some(errno) = encoding::transcode::transcode_errno(code) {
                obj.set("errno", errno)?;
            }
        }
        return Err(ctx.throw(value));
    }
    // Node's transcode result comes from its C++ layer: a Buffer with a store of its own.
    js_buffer(&ctx, CoreBuffer::of(&out))
}

fn validate_text<'js>(ctx: Ctx<'js>, input: Value<'js>, ascii: bool) -> Result<bool> {
    run(&ctx, &[input], &[O], |a| {
        // Node takes typed arrays and (Shared)ArrayBuffers; a DataView is refused.
        let bytes = match a[0] {
            Arg::Object(o) if o.bytes.is_some() && o.kind != ObjectKind::DataView => {
                o.bytes.unwrap_or(&[])
            }
            _ => {
                return Err(NodeError::invalid_arg_type(
                    "input",
                    "an instance of ArrayBuffer, Buffer, or TypedArray",
                    &a[0],
                ))
            }
        };
        Ok(if ascii {
            encoding::is_ascii(bytes)
        } else {
            encoding::is_utf8(bytes)
        })
    })
}

fn atob_btoa<'js>(ctx: Ctx<'js>, input: Value<'js>, decode: bool) -> Result<Value<'js>> {
    let s = run(&ctx, &[input], &[O], |a| match a[0] {
        Arg::String(s) if decode => encoding::atob(s),
        Arg::String(s) => encoding::btoa(s),
        _ => Err(encoding::web::missing_input()),
    })?;
    js_string(&ctx, &s)
}

/// Builds the JS error `Node` throws for `ERR_INVALID_ARG_TYPE` (for checks the JS half makes).
fn arg_type_error<'js>(
    ctx: Ctx<'js>,
    name: String,
    expected: String,
    value: Value<'js>,
) -> Result<Value<'js>> {
    let mut prepared = Prepared::new(&ctx, &[value], &[O])?;
    let err = prepared.error_with(&ctx, |a| {
        NodeError::invalid_arg_type(&name, &expected, &a[0])
    });
    crate::node_error_to_js(&ctx, &err)
}

/// `ERR_MISSING_ARGS` naming `a` and `b` (`new File()` without its two arguments).
fn missing_args(ctx: Ctx<'_>, a: String, b: String) -> Result<Value<'_>> {
    crate::node_error_to_js(&ctx, &NodeError::missing_args(&[a.as_str(), b.as_str()]))
}

/// `Buffer.from`'s error for an unusable first argument.
fn from_error<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let mut prepared = Prepared::new(&ctx, &[value], &[O])?;
    let err = prepared.error_with(&ctx, |a| api::alloc::from_invalid(&a[0]));
    crate::node_error_to_js(&ctx, &err)
}

/// `Buffer.concat`'s error for a list that is not an Array.
fn concat_list_error<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let mut prepared = Prepared::new(&ctx, &[value], &[O])?;
    let err = prepared.error_with(&ctx, |a| api::alloc::concat_list_invalid(&a[0]));
    crate::node_error_to_js(&ctx, &err)
}

/// `ERR_BUFFER_OUT_OF_BOUNDS` (`Attempt to access memory outside buffer bounds`).
fn out_of_bounds(ctx: Ctx<'_>) -> Result<Value<'_>> {
    crate::node_error_to_js(&ctx, &NodeError::out_of_buffer_bounds(None))
}

/// Whether `value` is an ArrayBuffer or SharedArrayBuffer of any realm.
fn is_any_array_buffer<'js>(ctx: Ctx<'js>, value: Value<'js>) -> bool {
    raw::array_buffer_kind(&ctx, &value).is_some()
}

fn set_inspect<'js>(ctx: Ctx<'js>, f: Function<'js>) {
    state::set_inspect(&ctx, f);
}

fn pool_size() -> f64 {
    nodebuf_core::memory::pool::pool_size()
}

fn set_pool_size(n: f64) {
    nodebuf_core::memory::pool::set_pool_size(n);
}

/// The `binding` object the JS half receives.
pub fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let b = Object::new(ctx.clone())?;
    macro_rules! f {
        ($name:literal, $f:expr) => {
            b.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?;
        };
    }
    f!("alloc", alloc);
    f!("allocUnsafe", alloc_unsafe);
    f!("allocUnsafeSlow", alloc_unsafe_slow);
    f!("fromString", from_string);
    f!("fromArrayBuffer", from_array_buffer);
    f!("fromArrayLike", from_array_like);
    f!("of", of);
    f!("concat", concat);
    f!("copyBytesFrom", copy_bytes_from);
    f!("byteLength", byte_length);
    f!("compare", compare_static);
    f!("isEncoding", is_encoding);
    f!("toString", to_string);
    f!("write", write);
    f!("fill", fill);
    f!("indexOf", index_of);
    f!("equals", equals);
    f!("compareRange", compare);
    f!("copy", copy);
    f!("swap", swap);
    f!("readNum", read_num);
    f!("numFunction", num_function);
    f!("makeFast", crate::direct::make_fast);
    f!("writeNum", write_num);
    f!("sliceHelper", slice_helper);
    f!("writeHelper", write_helper);
    f!("inspect", inspect_bytes);
    f!("getInspectMaxBytes", get_inspect_max_bytes);
    f!("setInspectMaxBytes", set_inspect_max_bytes);
    f!("transcode", transcode);
    f!("isUtf8", |ctx, v| validate_text(ctx, v, false));
    f!("isAscii", |ctx, v| validate_text(ctx, v, true));
    f!("atob", |ctx, v| atob_btoa(ctx, v, true));
    f!("btoa", |ctx, v| atob_btoa(ctx, v, false));
    f!("argTypeError", arg_type_error);
    f!("fromError", from_error);
    f!("missingArgs", missing_args);
    f!("concatListError", concat_list_error);
    f!("setInspect", set_inspect);
    f!("outOfBounds", out_of_bounds);
    f!("isAnyArrayBuffer", is_any_array_buffer);
    f!("getPoolSize", pool_size);
    f!("setPoolSize", set_pool_size);
    let names = Array::new(ctx.clone())?;
    for (i, (name, _)) in num_methods().iter().enumerate() {
        names.set(i, name.as_str())?;
    }
    b.set("numMethods", names)?;
    Ok(b)
}
