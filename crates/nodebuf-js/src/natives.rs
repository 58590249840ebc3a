//! The native half of Buffer: one Rust function per operation, each converting its JS arguments
//! to core [`Arg`]s, calling `nodebuf_core::api` and turning the result (or Node's error) back
//! into JS. The JS half (`buffer.js`) decides which native an overload goes to and keeps the
//! cheap common cases in JS.

use nodebuf_core::api;
use nodebuf_core::args::{Arg, ObjectKind};
use nodebuf_core::encoding::{self, Encoding, JsString};
use nodebuf_core::{inspect, Buffer as CoreBuffer, NodeError};
use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

use crate::args::{run, run_mut_with, run_ref_with, Prepared, ThisRule};
use crate::methods::alloc::Fresh;
use crate::raw::{self, RegionKind};
use crate::{state, throw_node_error};

use crate::order::{N, O};

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

/// `binding.fromArrayLike(obj, length, pooled)`: the copy `Buffer.from(arrayLike)` makes once
/// its JS half made Node's reads of `obj.length`.
///
/// `pooled`: Node's copy into a pooled Buffer of the `length` those reads answered (a
/// fractional one keeps its fraction in the pool arithmetic) with `%TypedArray%.prototype.set`:
/// a typed array by its slots (a real length past `length` is set's RangeError, a BigInt array
/// its mixing TypeError), anything else by set's own reads (`obj.length` once more, then each
/// element, `+element` running user code); bytes the source does not cover stay zero.
///
/// Not `pooled`: Node's `new FastBuffer(obj)` above the pool threshold. A typed array is
/// copied here from its slots (its real contents); for anything else this answers `undefined`
/// and the JS half calls the engine's own typed-array constructor.
fn from_array_like<'js>(
    ctx: Ctx<'js>,
    obj: Value<'js>,
    length: f64,
    pooled: bool,
) -> Result<Value<'js>> {
    // A typed array whose buffer is detached (or that lies out of bounds of a shrunk one) has
    // no bytes to copy: `set` (pooled) and the constructor refuse it with V8's TypeErrors.
    if matches!(
        raw::view_geometry(&ctx, &obj),
        Some(raw::ViewGeometry::Detached(_) | raw::ViewGeometry::OutOfBounds(_))
    ) && !raw::is_gone_data_view(&ctx, &obj)
    {
        if !pooled {
            return Err(rquickjs::Exception::throw_type(
                &ctx,
                "Cannot perform Construct on a detached ArrayBuffer",
            ));
        }
        if nodebuf_core::memory::pool::is_poolable(length.max(0.0) as usize) {
            nodebuf_core::memory::pool::make_room(length.max(0.0) as usize)
                .map_err(|e| throw(&ctx, e))?;
        }
        return Err(raw::throw_detached_builtin(&ctx, "set"));
    }
    let typed = raw::region(&ctx, &obj).and_then(|region| match region.kind {
        RegionKind::Uint8Array => Some((region, 1)),
        RegionKind::TypedArray(size) => Some((region, size)),
        _ => None,
    });
    let (len, extra) = if pooled {
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
        (len, extra)
    } else {
        match &typed {
            Some((region, size)) => (region.len / size, 0.0),
            None => return Ok(Value::new_undefined(ctx)),
        }
    };
    if len > nodebuf_core::memory::max_length() {
        return Err(throw(
            &ctx,
            NodeError::invalid_typed_array_length(&len.to_string()),
        ));
    }
    // Node makes room in the pool for the copy before `set` can refuse it.
    let make_room = |ctx: &Ctx<'js>| {
        if pooled && nodebuf_core::memory::pool::is_poolable(len) {
            nodebuf_core::memory::pool::make_room(len).map_err(|e| throw(ctx, e))?;
        }
        Ok::<(), rquickjs::Error>(())
    };
    if let Some((region, size)) = typed {
        let (float, big) = typed_array_kind(&obj);
        if big {
            make_room(&ctx)?;
            return Err(throw(&ctx, NodeError::cannot_mix_bigint()));
        }
        let real = region.len / size;
        if real > len {
            make_room(&ctx)?;
            return Err(rquickjs::Exception::throw_range(
                &ctx,
                "offset is out of bounds",
            ));
        }
        if len == 0 {
            return js_buffer(&ctx, CoreBuffer::alloc(0));
        }
        let count = real;
        let buf = if size == 1 {
            alloc_filled(len, |dst| {
                // SAFETY: `count <= region.len` bytes are readable at `region.ptr` (located
                // with no JS since); `dst` has `len >= count` writable bytes; `copy` allows
                // overlap (a view of the whole pool slab may cover the destination). The bytes
                // past `count` are zeroed (the source does not cover them).
                unsafe {
                    std::ptr::copy(region.ptr, dst, count);
                    std::ptr::write_bytes(dst.add(count), 0, len - count);
                }
            })
        } else {
            // SAFETY: the region is live (no JS since it was located) and only read here;
            // it cannot overlap the new Buffer's bytes, which are pool bytes never handed
            // out or a new store, unless a view of the whole slab was passed — so copy the
            // converted bytes out first.
            let src = unsafe { std::slice::from_raw_parts(region.ptr, region.len) };
            let mut bytes: Vec<u8> = (0..count)
                .map(|i| element_byte(src, size, float, i))
                .collect();
            bytes.resize(len, 0);
            alloc_filled(len, |dst| {
                // SAFETY: `dst` has `len == bytes.len()` writable bytes; `bytes` is ours.
                unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) }
            })
        };
        return js_buffer(&ctx, buf);
    }
    if len == 0 && extra == 0.0 {
        return js_buffer(&ctx, CoreBuffer::alloc(0));
    }
    // Arrays and array-likes, as `set` reads them: `length` (ToLength), then element by
    // element (`+element`, which may run user code).
    let o = obj
        .as_object()
        .ok_or_else(|| throw(&ctx, api::alloc::from_invalid(&Arg::Undefined)))?;
    let count: Value = o.get("length")?;
    let count = crate::args::to_number(&ctx, &count)?;
    let count = if count.is_nan() || count <= 0.0 {
        0usize
    } else {
        count.min(9_007_199_254_740_991.0).trunc() as usize
    };
    if count > len {
        make_room(&ctx)?;
        return Err(rquickjs::Exception::throw_range(
            &ctx,
            "offset is out of bounds",
        ));
    }
    let mut bytes = Vec::with_capacity(len.min(1 << 20));
    for i in 0..count {
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
    bytes.resize(len, 0);
    let buf = CoreBuffer::alloc_unsafe_js(len, extra).inspect(|buf| {
        if len > 0 {
            // SAFETY: the new Buffer has `len == bytes.len()` writable bytes; `bytes` is ours.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.as_ptr(), bytes.len()) }
        }
    });
    js_buffer(&ctx, buf)
}

/// `Buffer.allocUnsafeSlow(size)`: on V8's heap up to 64 bytes (zeroed), as Node's, else a
/// store of its own.
fn alloc_unsafe_slow<'js>(ctx: Ctx<'js>, size: Value<'js>) -> Result<Value<'js>> {
    let r = run(
        &ctx,
        &[size],
        &[O],
        |a| match api::statics::alloc_unsafe_slow_on_heap(&a[0])? {
            Some(bytes) => Ok(Fresh::OnHeap(bytes)),
            None => api::statics::alloc_unsafe_slow(&a[0]).map(Fresh::Store),
        },
    )?;
    state::fresh_to_js(&ctx, &r)
}

/// `binding.fromString(string, encoding)`: Node's `Buffer.from(string, encoding)`, or
/// `undefined` when a script replaced a function Node's JS reads on the way (`buf.utf8Write`,
/// `Buffer.allocUnsafeSlow`): the JS half then makes those calls.
fn from_string<'js>(ctx: Ctx<'js>, s: Value<'js>, enc: Value<'js>) -> Result<Value<'js>> {
    let r = run(&ctx, &[s, enc], &[O, O], |a| match a[0] {
        // Node answers an empty string with `new FastBuffer()` (after checking the encoding):
        // no pool view, no ArrayBuffer.
        Arg::String(s) if s.is_empty() => api::statics::from_string(s, &a[1])
            .map(|_| Some(Fresh::OnHeap(api::statics::OnHeapBytes::EMPTY))),
        Arg::String(s) => {
            let enc = api::statics::from_string_encoding(&a[1])?;
            let plain = state::with(&ctx, |st| {
                crate::foreign::from_string_reads_native(st, enc, s.len())
            })
            .unwrap_or(true);
            if !plain {
                return Ok(None);
            }
            CoreBuffer::from_js_str(s, enc).map(|b| Some(Fresh::Store(b)))
        }
        _ => Err(api::alloc::from_invalid(&a[0])),
    })?;
    match r {
        Some(fresh) => state::fresh_to_js(&ctx, &fresh),
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `binding.poolWriteTarget(length)`: Node's `fromStringFast` up to its write (the room check
/// for `length` bytes, a new slab when they do not fit): `[allocBuffer, poolOffset]`, a Buffer
/// over the whole current slab and the offset the write starts at.
fn pool_write_target<'js>(ctx: Ctx<'js>, length: f64) -> Result<rquickjs::Array<'js>> {
    let size = if length.is_finite() && length > 0.0 {
        length as usize
    } else {
        0
    };
    let (whole, offset) = CoreBuffer::pool_write_target(size).map_err(|e| throw(&ctx, e))?;
    let out = rquickjs::Array::new(ctx.clone())?;
    out.set(0, state::to_js(&ctx, &whole)?)?;
    out.set(1, offset)?;
    Ok(out)
}

/// `binding.poolViewWritten(actual)`: Node's `new FastBuffer(allocPool, poolOffset, actual)`
/// after its write (`actual` converted as the typed-array constructor converts a length).
fn pool_view_written<'js>(ctx: Ctx<'js>, actual: Value<'js>) -> Result<Value<'js>> {
    let n = if actual.is_undefined() {
        None
    } else if let Some(n) = actual.as_number() {
        Some(n)
    } else {
        Some(crate::args::to_number(&ctx, &actual)?)
    };
    js_buffer(&ctx, CoreBuffer::pool_view_written(n))
}

/// `binding.poolAdvanceWritten(step)`: Node's `poolOffset += actual; alignPool()`.
fn pool_advance_written(step: f64) {
    CoreBuffer::pool_advance_written(step);
}

/// `binding.byteLengthOf(string, id)`: Node's `ops.byteLength(string)` for encoding `id`
/// ([`crate::foreign::encoding_id`] order).
fn byte_length_of<'js>(ctx: Ctx<'js>, s: Value<'js>, id: u32) -> Result<f64> {
    // `Encoding::ALL` is in encoding-id order.
    let enc = Encoding::ALL
        .get(id as usize)
        .copied()
        .unwrap_or(Encoding::Utf8);
    let s = raw::StrRef::new(&ctx, &s)?;
    Ok(encoding::byte_length(enc, s.as_js_str()) as f64)
}

fn from_array_buffer<'js>(
    ctx: Ctx<'js>,
    ab: Value<'js>,
    offset: Value<'js>,
    length: Value<'js>,
) -> Result<Value<'js>> {
    // Node converts byteOffset first (`+byteOffset`), then reads `obj.byteLength` in JS (so a
    // valueOf that detaches or resizes the buffer is seen), then checks and converts length.
    let mut offset = offset;
    if offset.is_symbol() {
        return Err(throw(&ctx, NodeError::symbol_to_number()));
    }
    // Every offset but undefined is a number from here (a string too: '0x10' is 16 when the
    // past-the-end check below runs, before length is converted).
    if !offset.is_undefined() && !offset.is_number() {
        let n = crate::args::to_number(&ctx, &offset)?;
        offset = Value::new_number(ctx.clone(), n);
    }
    let ab_len = array_buffer_byte_length(&ctx, &ab)?;
    if length.is_object() {
        // An offset past the end throws before length is converted (other offset errors come
        // later, when the view is made).
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

/// `obj.byteLength` as Node's `Buffer.from(arrayBuffer)` reads it (a JS property read: a
/// getter or own property is what Node sees), as a byte count (`NaN` and negatives count 0).
fn array_buffer_byte_length<'js>(ctx: &Ctx<'js>, ab: &Value<'js>) -> Result<usize> {
    let Some(obj) = ab.as_object() else {
        return Ok(0);
    };
    let value = crate::order::byte_length_as_node_js_reads_it(obj)?;
    let n = crate::args::to_number(ctx, &value)?;
    Ok(if n.is_nan() || n <= 0.0 {
        0
    } else {
        n.min(9_007_199_254_740_991.0) as usize
    })
}

fn of<'js>(ctx: Ctx<'js>, items: rquickjs::function::Rest<Value<'js>>) -> Result<Value<'js>> {
    let flags = vec![N; items.0.len()];
    let r = run(&ctx, &items.0, &flags, |a| api::statics::of(a))?;
    state::to_js(&ctx, &r)
}

/// `binding.concatAlloc(length, summed)`: the Buffer `Buffer.concat` copies into, made before
/// any item is checked. `length` is either the caller's `totalLength` (`summed` false;
/// checked as Node's `length` offset: a number, an integer, within the engine's maximum) or
/// the sum of the items' `length`s the JS half computed (`summed` true; checked as
/// `Buffer.allocUnsafe`'s size, which Node calls with it).
fn concat_alloc<'js>(ctx: Ctx<'js>, length: Value<'js>, summed: bool) -> Result<Value<'js>> {
    // Two steps: `run` may call its closure twice to render an error, and the allocation must
    // happen once.
    let buf = if summed {
        run(&ctx, &[length], &[], |a| api::statics::alloc_unsafe(&a[0]))?
    } else {
        run(&ctx, &[length], &[], |a| {
            CoreBuffer::alloc_unsafe(api::alloc::concat_length(&a[0], 0)?)
        })?
    };
    state::to_js(&ctx, &buf)
}

/// `binding.setBytes(target, source, offset)`: `%TypedArray%.prototype.set(source, offset)`
/// for two Uint8Arrays, as Node's `Buffer.concat` and `buf.copy` end: `offset` as an integer
/// (negative: RangeError), each view refused with V8's TypeError when its buffer is detached
/// or it lies out of bounds, the whole source past the target's end a RangeError, else a
/// memmove. Both are resolved from their slots here, after every JS step of the caller.
fn set_bytes<'js>(
    ctx: Ctx<'js>,
    target: Value<'js>,
    source: Value<'js>,
    offset: f64,
) -> Result<()> {
    let offset = if offset.is_nan() { 0.0 } else { offset.trunc() };
    if offset < 0.0 {
        return Err(rquickjs::Exception::throw_range(
            &ctx,
            "offset is out of bounds",
        ));
    }
    if raw::is_unreadable_uint8_array(&ctx, &target)
        || raw::is_unreadable_uint8_array(&ctx, &source)
    {
        return Err(raw::throw_detached_builtin(&ctx, "set"));
    }
    let (Some((dst, dst_len)), Some((src, src_len))) = (
        raw::uint8_array(&ctx, &target),
        raw::uint8_array(&ctx, &source),
    ) else {
        return Err(raw::throw_detached_builtin(&ctx, "set"));
    };
    if src_len as f64 + offset > dst_len as f64 {
        return Err(rquickjs::Exception::throw_range(
            &ctx,
            "offset is out of bounds",
        ));
    }
    let at = offset as usize;
    if src_len > 0 {
        // SAFETY: both located just now with no JS since; `at + src_len <= dst_len` (checked);
        // `copy` allows overlap (the views may share a store).
        unsafe { std::ptr::copy(src, dst.add(at), src_len) };
    }
    Ok(())
}

/// `binding.outOfRange(name, range, value)`: Node's ERR_OUT_OF_RANGE for a value the JS half
/// checked (`buf.copy`'s positions, the numeric accessors' element paths).
fn out_of_range<'js>(
    ctx: Ctx<'js>,
    name: String,
    range: String,
    value: Value<'js>,
) -> Result<Value<'js>> {
    error_about(&ctx, value, |v| NodeError::out_of_range(&name, &range, v))
}

/// Node's error `make` builds around one JS value, described as Node describes it
/// (`Received ...`).
fn error_about<'js>(
    ctx: &Ctx<'js>,
    value: Value<'js>,
    make: impl Fn(&Arg<'_>) -> NodeError,
) -> Result<Value<'js>> {
    let mut prepared = Prepared::new(ctx, &[value], &[O])?;
    let err = prepared.error_with(ctx, |a| make(&a[0]));
    crate::node_error_to_js(ctx, &err)
}

/// `Buffer.copyBytesFrom(view, offset, length)`: Node takes the elements `[offset, offset +
/// length)` of a typed array (its geometry read from the slots, as Node's primordials read
/// it), then hands a new Uint8Array over those bytes to its array-like copy, which reads that
/// array's `length` through `Uint8Array.prototype`'s chain. When that read reaches only the
/// intrinsic getter (nothing a script wrote there) the copy is made here; otherwise the new
/// Uint8Array goes to the JS half's `fromArrayLike`, which makes Node's reads.
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
    let redefined = state::with(&ctx, |st| {
        // SAFETY: a live value of this context; the engine only looks up properties.
        let plain = unsafe {
            raw::inherited_length_is_intrinsic_raw(
                ctx.as_raw().as_ptr(),
                st.uint8_array_prototype.as_raw(),
                st.atoms.length,
            )
        };
        (!plain).then(|| st.from_array_like.clone())
    })
    .flatten();
    if let Some(from_array_like) = redefined {
        // SAFETY: `range` lies within the region (checked), located with no JS since; the
        // bytes are copied out before anything else runs.
        let bytes =
            unsafe { std::slice::from_raw_parts(region.ptr.add(range.start), len) }.to_vec();
        let copy = rquickjs::TypedArray::<u8>::new(ctx, bytes)?;
        let from_array_like: Function = from_array_like.get()?;
        return from_array_like.call((copy,));
    }
    let buf = alloc_filled(len, |dst| {
        // SAFETY: `range` lies within the region (checked), located with no JS since; `dst`
        // has `len` writable bytes; `copy` allows overlap.
        unsafe { std::ptr::copy(region.ptr.add(range.start), dst, len) }
    });
    js_buffer(&ctx, buf)
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

/// Where a receiver of Node's C++ `{enc}Slice`/`{enc}Write` natives (any ArrayBufferView)
/// has its bytes now; `None` for any other value (which those natives refuse).
fn view_located<'js>(ctx: &Ctx<'js>, this: &Value<'js>) -> Option<(*mut u8, usize)> {
    raw::region(ctx, this)
        .filter(|r| {
            matches!(
                r.kind,
                RegionKind::Uint8Array | RegionKind::TypedArray(_) | RegionKind::DataView
            )
        })
        .map(|r| (r.ptr, r.len))
}

fn slice_helper<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    enc: u32,
    start: Value<'js>,
    end: Value<'js>,
) -> Result<Value<'js>> {
    let enc = encoding_by_id(enc);
    let located = view_located(&ctx, &this);
    let (mut start, mut end) = (start, end);
    if start.is_object() || end.is_object() {
        // Node's native slice returns '' for an empty buffer before it reads any argument, and
        // reads `end` only after `start` proved a valid (non-negative) index.
        if let Some((_, len)) = located {
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
    let s = run_ref_with(
        &ctx,
        ThisRule::View,
        &this,
        &[start, end],
        &[N, N],
        |buf, a| {
            let range = api::string::slice_range(located_len(located, buf), &a[0], &a[1])?;
            match range {
                None => Ok(nodebuf_core::encoding::JsString::Ascii(Vec::new())),
                Some(r) => {
                    let r = still_owned(buf, r, enc, "Slice")?;
                    api::slice_helper(&buf[r], enc, &Arg::Undefined, &Arg::Undefined)
                }
            }
        },
    )?;
    js_string(&ctx, &s)
}

/// The receiver's length Node's `{enc}Slice`/`{enc}Write` natives work with: the one they
/// located before converting their arguments (the current one for a receiver that was none).
fn located_len(located: Option<(*mut u8, usize)>, now: &[u8]) -> usize {
    located.map_or(now.len(), |(_, n)| n)
}

/// The bytes `range` (checked against the length Node located before converting the
/// arguments) of the receiver as it is now. Node reads or writes them through the pointer it
/// took before the conversions; when a conversion detached or shrank the receiver below
/// `range`, that is memory the buffer no longer owns (Node answers from freed memory or
/// crashes): nodebuf refuses with [`NodeError::memory_changed_during_call`]. A grown receiver
/// still holds them.
fn still_owned<T: AsRef<[u8]> + ?Sized>(
    buf: &T,
    range: std::ops::Range<usize>,
    enc: Encoding,
    kind: &str,
) -> std::result::Result<std::ops::Range<usize>, NodeError> {
    if range.end <= buf.as_ref().len() {
        Ok(range)
    } else {
        Err(NodeError::memory_changed_during_call(&format!(
            "{}{kind}",
            helper_prefix(enc)
        )))
    }
}

/// The method-name prefix of an encoding's helpers (`latin1Write`, `ucs2Slice`).
fn helper_prefix(enc: Encoding) -> &'static str {
    match enc {
        Encoding::Utf8 => "utf8",
        Encoding::Utf16le => "ucs2",
        Encoding::Latin1 => "latin1",
        Encoding::Ascii => "ascii",
        Encoding::Base64 => "base64",
        Encoding::Base64url => "base64url",
        Encoding::Hex => "hex",
    }
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
    let located = view_located(&ctx, &this);
    let (mut off, mut len) = (off, len);
    if !s.is_string() {
        // Node's native write rejects a non-string before it converts either offset: none of
        // their user code runs.
        off = Value::new_undefined(ctx.clone());
        len = Value::new_undefined(ctx.clone());
    }
    if len.is_object() {
        // Node's native write checks the string, then converts and checks offset (negative:
        // out of range; past the end: out of bounds), and only then converts length.
        // Against the length located before any conversion, as Node's native checks it.
        let size = located.map(|(_, n)| n as f64);
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
    run_mut_with(
        &ctx,
        ThisRule::View,
        &this,
        &[s, off, len],
        &[O, N, N],
        |buf, a| {
            let (string, range) =
                api::string::write_range(located_len(located, buf), &a[0], &a[1], &a[2])?;
            if range.is_empty() {
                return Ok(0.0);
            }
            let range = still_owned(buf, range, enc, "Write")?;
            Ok(nodebuf_core::encoding::write(enc, string, &mut buf[range]) as f64)
        },
    )
}

/// `binding.inspect(name, hex, remaining, comma, extra)`: Buffer's inspect text from the parts
/// its JS half read (see [`inspect::inspect_buffer_text`]).
fn inspect_bytes(name: String, hex: String, remaining: f64, comma: bool, extra: String) -> String {
    inspect::inspect_buffer_text(&name, &hex, remaining, comma, &extra)
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
    // Node checks the source (its JS half has answered an empty Buffer for a `length` of 0),
    // and only then names the encodings: strings by their text, String objects by `${enc}`,
    // and anything else is passed on as is and refused by the native layer
    // (U_ILLEGAL_ARGUMENT_ERROR).
    if raw::uint8_array(&ctx, &source).is_none() {
        return run(&ctx, &[source], &[O], |a| {
            api::compare::expect_uint8_array(&a[0], "source").map(drop)
        })
        .map(|()| Value::new_undefined(ctx.clone()));
    }
    let name = |v: &Value<'js>| -> Result<Option<String>> {
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else if v.is_string() || (v.is_object() && crate::order::names_encoding(v)) {
            crate::to_rust_string(&ctx, v).map(Some)
        } else {
            Ok(Some(String::from("\0not an encoding")))
        }
    };
    let (from, to) = (name(&from)?, name(&to)?);
    let mut failure = None;
    // A detached (or out-of-bounds) source has no data at all.
    let no_data = raw::is_unreadable_uint8_array(&ctx, &source);
    let out = run(&ctx, &[source], &[O], |a| {
        let bytes = api::compare::expect_uint8_array(&a[0], "source")?;
        // The JS half calls this only once Node's `source.length` read was not 0: a source
        // without bytes now is one a getter detached, or one whose `length` lies. Node's
        // native answers a detached one (no data) as its conversions answer a null input, and
        // aborts on an empty one (a `MaybeStackBuffer` assertion), which nodebuf refuses.
        let converted = if bytes.is_empty() && no_data {
            encoding::transcode::transcode_without_data(from.as_deref(), to.as_deref())
        } else if bytes.is_empty() {
            Err(NodeError::new(
                nodebuf_core::ErrorClass::Error,
                encoding::transcode::U_ILLEGAL_ARGUMENT_ERROR,
                format!(
                    "Unable to transcode Buffer [{}]",
                    encoding::transcode::U_ILLEGAL_ARGUMENT_ERROR
                ),
            ))
        } else {
            encoding::transcode(bytes, from.as_deref(), to.as_deref())
        };
        match converted {
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

/// `binding.argValueError(name, value)`: Node's ERR_INVALID_ARG_VALUE for `value` (the Blob
/// constructor's `options.endings`).
fn arg_value_error<'js>(ctx: Ctx<'js>, name: String, value: Value<'js>) -> Result<Value<'js>> {
    let mut prepared = Prepared::new(&ctx, &[value], &[O])?;
    let err = prepared.error_with(&ctx, |a| NodeError::invalid_arg_value(&name, &a[0]));
    crate::node_error_to_js(&ctx, &err)
}

/// Builds the JS error `Node` throws for `ERR_INVALID_ARG_TYPE` (for checks the JS half makes).
fn arg_type_error<'js>(
    ctx: Ctx<'js>,
    name: String,
    expected: String,
    value: Value<'js>,
) -> Result<Value<'js>> {
    error_about(&ctx, value, |v| {
        NodeError::invalid_arg_type(&name, &expected, v)
    })
}

/// `ERR_MISSING_ARGS` naming `a` and `b` (`new File()` without its two arguments).
fn missing_args(ctx: Ctx<'_>, a: String, b: String) -> Result<Value<'_>> {
    crate::node_error_to_js(&ctx, &NodeError::missing_args(&[a.as_str(), b.as_str()]))
}

/// `Buffer.from`'s error for an unusable first argument.
fn from_error<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    error_about(&ctx, value, api::alloc::from_invalid)
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

/// `ERR_INVALID_BUFFER_SIZE` for a swap of `bits` (the JS half's Node-algorithm swaps).
fn invalid_buffer_size(ctx: Ctx<'_>, bits: u32) -> Result<Value<'_>> {
    crate::node_error_to_js(&ctx, &NodeError::invalid_buffer_size(bits))
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

/// `buf.toJSON()`'s `data` array, made by the engine's bulk constructor in one call, when
/// Node's element loop (`this.length` and `this[i]` read for each index) could run no JS:
/// `this` is a Uint8Array and its `length` resolves to `intrinsic_length`, the engine's
/// `%TypedArray%.prototype.length` getter. `undefined` otherwise (the JS half loops).
fn json_data<'js>(
    ctx: Ctx<'js>,
    this: Value<'js>,
    intrinsic_length: Value<'js>,
) -> Result<Value<'js>> {
    let undefined = Value::new_undefined(ctx.clone());
    if raw::uint8_array(&ctx, &this).is_none() || !length_is(&ctx, &this, &intrinsic_length) {
        return Ok(undefined);
    }
    // The intrinsic getter answers with the current length (0 when detached).
    let Some((ptr, len)) = raw::uint8_array(&ctx, &this) else {
        return Ok(undefined);
    };
    if len > i32::MAX as usize {
        return Ok(undefined);
    }
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: `len` bytes readable at `ptr`, located just now; no JS runs until the array is
    // made (ints need no references; the engine takes the values).
    let array = unsafe {
        let bytes = std::slice::from_raw_parts(ptr as *const u8, len);
        let values: Vec<qjs::JSValue> = bytes
            .iter()
            .map(|&b| qjs::JS_MKVAL(qjs::JS_TAG_INT, i32::from(b)))
            .collect();
        qjs::JS_NewArrayFrom(raw_ctx, len as _, values.as_ptr())
    };
    // SAFETY: a new reference (or JS_EXCEPTION), owned from here.
    let array = unsafe { Value::from_raw(ctx.clone(), array) };
    if array.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(array)
}

/// `Buffer.concat(list, totalLength)` in one native pass when none of Node's reads could
/// observe anything: `list` is a dense Array (its `length` and elements read without JS), every
/// item is a readable Uint8Array sharing the first item's prototype, whose `length` reaches
/// only the intrinsic getter (`raw::length_is_intrinsic_raw`) with no own `length`, the
/// result's `length` does too, and `totalLength` is undefined or a valid length; an item
/// `totalLength` cuts (Node then views part of it through its `buffer` and `byteOffset`) also
/// reads those two through the intrinsic getters.
/// `undefined` otherwise: the JS half runs Node's algorithm (`concatGeneral`).
fn concat_plain<'js>(ctx: Ctx<'js>, list: Value<'js>, total: Value<'js>) -> Result<Value<'js>> {
    let undefined = Value::new_undefined(ctx.clone());
    let total = if total.is_undefined() {
        None
    } else {
        match total.as_number() {
            Some(n)
                if n.fract() == 0.0
                    && n >= 0.0
                    && n <= nodebuf_core::memory::max_length() as f64 =>
            {
                Some(n as usize)
            }
            _ => return Ok(undefined),
        }
    };
    let raw_ctx = ctx.as_raw().as_ptr();
    let Some((atom, proto_of_buffers)) =
        state::with(&ctx, |st| (st.atoms.length, st.buffer_prototype.as_raw()))
    else {
        return Ok(undefined);
    };
    // A first look (no JS) for a dense Array: a Proxy's `length` trap must not run here.
    // SAFETY: a live value; the slice is not used.
    if unsafe { crate::methods::fast_array_elements(list.as_raw()) }.is_none() {
        return Ok(undefined);
    }
    // An Array's `length` is a plain own property: reading it runs no JS.
    // SAFETY: a live value; the result is an int (or freed).
    let length = unsafe { qjs::JS_GetProperty(raw_ctx, list.as_raw(), atom) };
    if length.tag != qjs::JS_TAG_INT as i64 {
        // SAFETY: owned above.
        unsafe { qjs::JS_FreeValue(raw_ctx, length) };
        let _ = ctx.catch();
        return Ok(undefined);
    }
    // SAFETY: an int.
    let count = unsafe { qjs::JS_VALUE_GET_INT(length) } as usize;
    // SAFETY: no JS runs from here until the Buffer is made (property lookups on objects
    // that are not Proxies, prototype reads, Rust allocation and copies only).
    let Some(items) = (unsafe { crate::methods::fast_array_elements(list.as_raw()) }) else {
        return Ok(undefined);
    };
    if count == 0 || items.len() != count {
        return Ok(undefined);
    }
    let first = items[0];
    // SAFETY: a live element of the array; the engine only looks up properties.
    if !unsafe { crate::raw::length_is_intrinsic_raw(raw_ctx, first) } {
        return Ok(undefined);
    }
    // SAFETY: a typed array (checked above, not a Proxy): reads the shape's prototype, a new
    // reference owned by `proto`.
    let proto = unsafe { Value::from_raw(ctx.clone(), qjs::JS_GetPrototype(raw_ctx, first)) };
    // The result is a Buffer: Node reads its `length` once per item.
    // SAFETY: live values; the engine only looks up properties.
    let result_plain =
        unsafe { qjs::JS_VALUE_GET_PTR(proto.as_raw()) == qjs::JS_VALUE_GET_PTR(proto_of_buffers) }
            || unsafe {
                crate::raw::inherited_length_is_intrinsic_raw(raw_ctx, proto_of_buffers, atom)
            };
    if !result_plain {
        return Ok(undefined);
    }
    let mut parts = Vec::with_capacity(count);
    let mut sum = 0usize;
    for &item in items {
        // SAFETY: a live element; only the class id is read.
        if unsafe { qjs::JS_GetTypedArrayType(item) }
            != qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
        {
            return Ok(undefined);
        }
        // SAFETY: a Uint8Array (not a Proxy): reads the shape's prototype (a new reference,
        // compared by address and freed) and looks up an own property (no JS).
        let plain = unsafe {
            let p = qjs::JS_GetPrototype(raw_ctx, item);
            let same = qjs::JS_VALUE_GET_PTR(p) == qjs::JS_VALUE_GET_PTR(proto.as_raw());
            qjs::JS_FreeValue(raw_ctx, p);
            same && qjs::JS_GetOwnProperty(raw_ctx, std::ptr::null_mut(), item, atom) == 0
        };
        // SAFETY: a live Uint8Array of this context.
        let bytes = unsafe { crate::engine::u8_bytes(raw_ctx, item) };
        let (Some((ptr, len)), true) = (bytes, plain) else {
            // Detached or out of bounds (Node throws copying it), or an own `length`.
            return Ok(undefined);
        };
        // Cut by `totalLength`: Node makes a view of the part that fits.
        let cut = total.is_some_and(|t| len > 0 && sum + len > t);
        // SAFETY: a live Uint8Array of this context; the engine only looks up properties.
        if cut
            && state::with(&ctx, |st| unsafe {
                crate::methods::view_fields_are_intrinsic(raw_ctx, st, item)
            }) != Some(true)
        {
            return Ok(undefined);
        }
        sum += len;
        parts.push((ptr as *const u8, len));
    }
    if sum > nodebuf_core::memory::K_MAX_LENGTH {
        return Ok(undefined);
    }
    // SAFETY: each range was located in the loop above with no JS since; no reference to
    // them is live; the core copies overlap-safely and zeroes the bytes past the items.
    let buf = unsafe { CoreBuffer::concat_raw_into(&parts, total.unwrap_or(sum)) }
        .map_err(|e| throw(&ctx, e))?;
    state::to_js(&ctx, &buf)
}

/// Whether reading `obj.length` calls `getter` and nothing else: the first object on `obj`'s
/// prototype chain with an own `length` has `getter` as its accessor, and no object on the way
/// is a Proxy (whose traps are JS). Runs no JS.
pub(crate) fn length_is<'js>(ctx: &Ctx<'js>, obj: &Value<'js>, getter: &Value<'js>) -> bool {
    let Some(atom) = state::with(ctx, |st| st.atoms.length) else {
        return false;
    };
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut current = obj.clone();
    // Prototype chains of Buffers are four deep; a longer one takes the general path.
    for _ in 0..16 {
        let raw = current.as_raw();
        // SAFETY: JS_IsProxy reads the tag and class id only.
        if !current.is_object() || unsafe { qjs::JS_IsProxy(raw) } {
            return false;
        }
        let mut desc = std::mem::MaybeUninit::<qjs::JSPropertyDescriptor>::uninit();
        // SAFETY: an object that is not a Proxy: its own-property lookup runs no JS. On 1 the
        // descriptor's three values are new references, freed below.
        let found = unsafe { qjs::JS_GetOwnProperty(raw_ctx, desc.as_mut_ptr(), raw, atom) };
        if found < 0 {
            let _ = ctx.catch();
            return false;
        }
        if found == 1 {
            // SAFETY: initialized by the engine (found == 1).
            let desc = unsafe { desc.assume_init() };
            let same = getter.is_object()
                && desc.getter.tag == qjs::JS_TAG_OBJECT as i64
                // SAFETY: both are objects; only their addresses are compared.
                && unsafe { qjs::JS_VALUE_GET_PTR(desc.getter) == qjs::JS_VALUE_GET_PTR(getter.as_raw()) };
            // SAFETY: the descriptor's own references, freed once.
            unsafe {
                qjs::JS_FreeValue(raw_ctx, desc.value);
                qjs::JS_FreeValue(raw_ctx, desc.getter);
                qjs::JS_FreeValue(raw_ctx, desc.setter);
            }
            return same;
        }
        // SAFETY: not a Proxy, so this reads the shape's prototype (a new reference or null).
        let proto = unsafe { qjs::JS_GetPrototype(raw_ctx, raw) };
        // SAFETY: owned from here.
        current = unsafe { Value::from_raw(ctx.clone(), proto) };
    }
    false
}

extern "C" {
    /// Engine patch `quickjs-0066-lazy-prototype` (docs/ENGINE-PATCHES.md): gives a function an
    /// ordinary function's `prototype` (writable, hidden, fixed; made on first access); 0 when
    /// it already has one.
    fn JS_DefineLazyPrototype(ctx: *mut qjs::JSContext, func: qjs::JSValue) -> std::ffi::c_int;
}

/// Puts `f` on `target` as Node's methods are: `target[name] = f` writable, enumerable and
/// configurable, with `f.name` set to `name` and `f.length` to `length` (kept when `None`).
/// When `plain` (Node defines it as a plain `function`), `f` also gets the `prototype` every
/// such function has, its object (with its `constructor`) made on first access; Node's arrows,
/// methods and C++ helpers have none. Four `Object.defineProperty` calls and a prototype
/// object per method in JS were 10% of start-up.
pub(crate) fn define_method<'js>(
    ctx: &Ctx<'js>,
    target: &Object<'js>,
    name: &str,
    f: &Function<'js>,
    length: Option<f64>,
    plain: bool,
) -> Result<()> {
    // SAFETY: a live function of this context; the engine only adds an own property to it.
    if plain && unsafe { JS_DefineLazyPrototype(ctx.as_raw().as_ptr(), f.as_raw()) } < 0 {
        return Err(rquickjs::Error::Exception);
    }
    if let Some(length) = length {
        f.prop(
            "length",
            rquickjs::object::Property::from(length).configurable(),
        )?;
    }
    f.prop(
        "name",
        rquickjs::object::Property::from(name).configurable(),
    )?;
    target.prop(
        name,
        rquickjs::object::Property::from(f.clone())
            .writable()
            .enumerable()
            .configurable(),
    )
}

/// `binding.defineMethod(target, name, fn, length, plain)`: [`define_method`] for the JS half
/// (`length` undefined keeps the function's own).
fn js_define_method<'js>(
    ctx: Ctx<'js>,
    target: Object<'js>,
    name: String,
    f: Function<'js>,
    length: Value<'js>,
    plain: bool,
) -> Result<()> {
    define_method(&ctx, &target, &name, &f, length.as_number(), plain)
}

/// The `binding` object the JS half receives.
pub fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let b = Object::new(ctx.clone())?;
    macro_rules! f {
        ($name:literal, $f:expr) => {
            b.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?;
        };
    }
    f!("defineMethod", js_define_method);
    f!(
        "defineNumericMethods",
        crate::methods::define_numeric_methods
    );
    f!("allocUnsafeSlow", alloc_unsafe_slow);
    f!("fromString", from_string);
    f!("poolWriteTarget", pool_write_target);
    f!("poolViewWritten", pool_view_written);
    f!("poolAdvanceWritten", pool_advance_written);
    f!("byteLengthOf", byte_length_of);
    f!("fromArrayBuffer", from_array_buffer);
    f!("fromArrayLike", from_array_like);
    f!("of", of);
    f!("concatAlloc", concat_alloc);
    f!("setBytes", set_bytes);
    f!("outOfRange", out_of_range);
    f!("jsonData", json_data);
    f!("concatPlain", concat_plain);
    f!("copyBytesFrom", copy_bytes_from);
    f!("makeFast", crate::methods::make_fast);
    f!("sliceHelper", slice_helper);
    f!("compareViews", crate::foreign::compare_views);
    f!("compareOffsetViews", crate::foreign::compare_offset_views);
    f!("indexOfView", crate::foreign::index_of_view);
    f!("fillView", crate::foreign::fill_view);
    f!("swapView", crate::foreign::swap_view);
    f!("setForeign", crate::state::set_foreign);
    f!("encodingId", crate::foreign::encoding_id_of);
    f!("unknownEncoding", crate::foreign::unknown_encoding_error);
    f!("writeHelper", write_helper);
    f!("inspect", inspect_bytes);
    f!("getInspectMaxBytes", get_inspect_max_bytes);
    f!("ownNonIndexKeys", crate::own_keys::own_non_index_keys);
    f!("isPoolSlab", |v: Value<'js>| crate::state::is_pool_slab(&v));
    f!("setInspectMaxBytes", set_inspect_max_bytes);
    f!("transcode", transcode);
    f!("isUtf8", |ctx, v| validate_text(ctx, v, false));
    f!("isAscii", |ctx, v| validate_text(ctx, v, true));
    f!("atob", |ctx, v| atob_btoa(ctx, v, true));
    f!("btoa", |ctx, v| atob_btoa(ctx, v, false));
    f!("argTypeError", arg_type_error);
    f!("argValueError", arg_value_error);
    f!("fromError", from_error);
    f!("missingArgs", missing_args);
    f!("concatListError", concat_list_error);
    f!("setInspect", set_inspect);
    f!("outOfBounds", out_of_bounds);
    f!("invalidBufferSize", invalid_buffer_size);
    f!("isAnyArrayBuffer", is_any_array_buffer);
    f!("getPoolSize", pool_size);
    f!("setPoolSize", set_pool_size);
    Ok(b)
}
