//! The few raw QuickJS calls the binding needs, each wrapped once with its safety argument:
//! reaching the bytes behind typed arrays and ArrayBuffers without copying, borrowing a JS
//! string's units, and making JS strings from decoded text (pure ASCII is a memcpy).
//!
//! Every byte pointer returned here is valid only until JS runs again (JS may detach or drop the
//! buffer). Callers turn them into slices only inside one native call that runs no JS while
//! the slices live.

use nodebuf_core::encoding::{JsStr, JsString};
use rquickjs::{qjs, Ctx, Value};

/// What kind of byte-holding object a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    /// A `Uint8Array` (Buffers included; `Uint8ClampedArray` is [`RegionKind::TypedArray`]).
    Uint8Array,
    /// Any other typed array, with its element size.
    TypedArray(usize),
    /// A `DataView`.
    DataView,
    /// An `ArrayBuffer`.
    ArrayBuffer,
    /// A `SharedArrayBuffer`.
    SharedArrayBuffer,
}

/// Bytes behind a view or buffer: valid until JS runs again.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// First byte (dangling but non-null for empty or detached regions).
    pub ptr: *mut u8,
    /// Length in bytes.
    pub len: usize,
    /// What the value is.
    pub kind: RegionKind,
}

impl Region {
    fn empty(kind: RegionKind) -> Region {
        Region {
            ptr: std::ptr::NonNull::dangling().as_ptr(),
            len: 0,
            kind,
        }
    }

    /// Whether two regions share any byte.
    pub fn overlaps(&self, other: &Region) -> bool {
        let (a, b) = (self.ptr as usize, other.ptr as usize);
        self.len > 0 && other.len > 0 && a < b + other.len && b < a + self.len
    }
}

/// Element size of a `JSTypedArrayEnum` value.
fn element_size(kind: i32) -> usize {
    match kind {
        x if x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT16 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT16 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT16 as i32 =>
        {
            2
        }
        x if x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT32 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT32 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT32 as i32 =>
        {
            4
        }
        x if x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_INT64 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_UINT64 as i32
            || x == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT64 as i32 =>
        {
            8
        }
        _ => 1,
    }
}

/// Whether a typed array or DataView has its ArrayBuffer object (Node's
/// `internalBinding('util').arrayBufferViewHasBuffer`): false while a small typed array keeps its
/// bytes on the engine's heap (engine patch 0029, as V8's on-heap typed arrays), `None` for
/// anything but a view.
pub fn view_has_buffer(value: &Value<'_>) -> Option<bool> {
    // SAFETY: a live value; the engine only reads its class id and buffer slot.
    match unsafe { JS_TypedArrayHasBuffer(value.as_raw()) } {
        1 => Some(true),
        0 => Some(false),
        _ => None,
    }
}

extern "C" {
    /// Engine patch `quickjs-0029-on-heap-typed-arrays` (docs/ENGINE-PATCHES.md).
    fn JS_TypedArrayHasBuffer(obj: qjs::JSValue) -> std::ffi::c_int;
    /// Engine patch `quickjs-0029-on-heap-typed-arrays`: a typed array's bytes, any element
    /// type, without making its ArrayBuffer.
    fn JS_GetTypedArrayBytes(
        ctx: *mut qjs::JSContext,
        psize: *mut qjs::size_t,
        obj: qjs::JSValue,
    ) -> *mut u8;
}

/// The bytes of a `Uint8Array` (or Buffer, or any subclass instance), `None` for anything else.
/// A detached or out-of-bounds array has no bytes.
pub fn uint8_array<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<(*mut u8, usize)> {
    if !is_uint8_array(value) {
        return None;
    }
    // SAFETY: a live context and a value of it; resolving reads slots only (no JS runs).
    let bytes = unsafe { crate::engine::u8_bytes(ctx.as_raw().as_ptr(), value.as_raw()) };
    Some(bytes.unwrap_or((std::ptr::NonNull::dangling().as_ptr(), 0)))
}

/// Whether `value` is a Uint8Array whose bytes cannot be read: its buffer was detached, or it
/// lies out of bounds of a shrunk resizable buffer. Node's typed-array builtins throw for such
/// an array where an empty one would simply be empty.
pub fn is_unreadable_uint8_array<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> bool {
    // SAFETY: a live context and a value of it; resolving reads slots only (no JS runs).
    is_uint8_array(value)
        && unsafe { crate::engine::u8_bytes(ctx.as_raw().as_ptr(), value.as_raw()) }.is_none()
}

/// Whether `value` is a Uint8Array (a Buffer or any subclass instance; not Uint8ClampedArray).
fn is_uint8_array(value: &Value<'_>) -> bool {
    // SAFETY: a live value of this runtime; the call only reads the object's class id.
    let kind = unsafe { qjs::JS_GetTypedArrayType(value.as_raw()) };
    kind == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
}

/// V8's TypeError for a typed-array builtin (`%TypedArray%.prototype.fill`, `.set`) run on an
/// array whose buffer is detached or out of bounds, as Node's Buffer code surfaces it.
pub fn throw_detached_builtin(ctx: &Ctx<'_>, builtin: &str) -> rquickjs::Error {
    rquickjs::Exception::throw_type(
        ctx,
        &format!("Cannot perform %TypedArray%.prototype.{builtin} on a detached ArrayBuffer"),
    )
}

/// Whether `value` is a DataView whose bytes cannot be read: its buffer was detached, or it lies
/// out of bounds of a shrunk resizable buffer (the engine's own getters then throw). V8 throws
/// from `byteLength` on such a view where Node's JS reads it (formatting an error about it).
pub fn is_gone_data_view<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> bool {
    // SAFETY: a live value; only its class id is read.
    value.is_object()
        && unsafe { qjs::JS_IsDataView(value.as_raw()) }
        && ctx.userdata::<DataViewSlots<'js>>().is_some()
        && data_view_geometry(ctx, value).is_none()
}

/// Node's refusal of a fill value that is a DataView covering no bytes (its buffer detached,
/// or out of bounds of a shrunk one): `ERR_INVALID_ARG_VALUE`, whose message inspects the view
/// (`util.inspect` reads its `byteLength` as a property first, which for the engine's own
/// getter throws V8's TypeError, "Cannot perform DataView.prototype.byteLength on a detached
/// ArrayBuffer", and for a subclass or replaced getter runs that code, as in Node). Returns
/// the error to throw.
pub fn gone_data_view_error<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Error {
    use nodebuf_core::args::{Arg, ObjectArg, ObjectKind};
    let shown = match crate::state::inspect_fn(ctx) {
        // Formatting Node's message inspects the view; what that throws is thrown instead.
        Some(inspect) => match inspect.call::<_, Value>((value.clone(),)) {
            Ok(s) => crate::to_rust_string(ctx, &s).ok(),
            Err(e) => return e,
        },
        None => None,
    };
    let mut view = ObjectArg::new(ObjectKind::DataView, Some("DataView"));
    view.inspect = shown.as_deref();
    crate::throw_node_error(
        ctx,
        &nodebuf_core::NodeError::invalid_arg_value("value", &Arg::Object(&view)),
    )
}

static STRING_CLASS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Whether `value` is a String object, by class id (learned from a real one at install).
pub fn is_string_object(value: &Value<'_>) -> bool {
    let class = STRING_CLASS.load(std::sync::atomic::Ordering::Relaxed);
    // SAFETY: a live value; only its class id is read (0 for non-objects).
    value.is_object() && class != 0 && unsafe { qjs::JS_GetClassID(value.as_raw()) } == class
}

static ARRAY_BUFFER_CLASS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Whether `v` is an ArrayBuffer or SharedArrayBuffer, by class id (false until some
/// [`array_buffer_kind`] call learned the classes, which every install makes). Runs no JS.
pub fn is_any_array_buffer_raw(v: qjs::JSValue) -> bool {
    let plain = ARRAY_BUFFER_CLASS.load(std::sync::atomic::Ordering::Relaxed);
    // SAFETY: reads the class id of a value (0 for non-objects).
    let class = unsafe { qjs::JS_GetClassID(v) };
    plain != 0 && (class == plain || class == plain + 1)
}

/// Whether `value` is an ArrayBuffer or a SharedArrayBuffer (QuickJS numbers the shared class
/// right after the plain one; the plain id is learned from a real ArrayBuffer once).
pub fn array_buffer_kind<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<RegionKind> {
    use std::sync::atomic::Ordering;
    if !value.is_object() {
        return None;
    }
    let mut plain = ARRAY_BUFFER_CLASS.load(Ordering::Relaxed);
    if plain == 0 {
        let probe = rquickjs::ArrayBuffer::new(ctx.clone(), Vec::<u8>::new()).ok()?;
        // SAFETY: a live ArrayBuffer; only its class id is read.
        plain = unsafe { qjs::JS_GetClassID(probe.as_value().as_raw()) };
        ARRAY_BUFFER_CLASS.store(plain, Ordering::Relaxed);
    }
    // SAFETY: a live object; only its class id is read.
    let class = unsafe { qjs::JS_GetClassID(value.as_raw()) };
    if class == plain {
        Some(RegionKind::ArrayBuffer)
    } else if class == plain + 1 {
        Some(RegionKind::SharedArrayBuffer)
    } else {
        None
    }
}

/// The region an engine query answered: `ptr`/`len` as given, or an empty region when the engine
/// answered null (a detached buffer), with the TypeError it left pending dropped.
fn answered_region(ctx: &Ctx<'_>, ptr: *mut u8, len: qjs::size_t, kind: RegionKind) -> Region {
    if ptr.is_null() {
        let _ = ctx.catch();
        return Region::empty(kind);
    }
    Region {
        ptr,
        len: len as usize,
        kind,
    }
}

/// The bytes behind any typed array, DataView, ArrayBuffer or SharedArrayBuffer.
pub fn region<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Region> {
    if !value.is_object() {
        return None;
    }
    let raw = value.as_raw();
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: `raw` is a live object; these only read its class id.
    let ta = unsafe { qjs::JS_GetTypedArrayType(raw) };
    if ta == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32 {
        let (ptr, len) = uint8_array(ctx, value)?;
        return Some(Region {
            ptr,
            len,
            kind: RegionKind::Uint8Array,
        });
    }
    if let Some(kind) = array_buffer_kind(ctx, value) {
        let mut len: qjs::size_t = 0;
        // SAFETY: an (Shared)ArrayBuffer; returns its data pointer and size, or null (with a
        // pending TypeError) when detached. No JS runs.
        let ptr = unsafe { qjs::JS_GetArrayBuffer(raw_ctx, &mut len, raw) };
        return Some(answered_region(ctx, ptr, len, kind));
    }
    // SAFETY: as above.
    let is_view = unsafe { qjs::JS_IsDataView(raw) };
    if ta < 0 && !is_view {
        return None;
    }
    let kind = if ta >= 0 {
        RegionKind::TypedArray(element_size(ta))
    } else {
        RegionKind::DataView
    };
    if ta >= 0 && view_has_buffer(value) == Some(false) {
        // An on-heap typed array (engine patch 0029): its bytes without making its ArrayBuffer
        // (Node's natives read such arrays in place too).
        let mut len: qjs::size_t = 0;
        // SAFETY: a typed array of this context; the engine reads its slots (no JS runs) and
        // returns its first byte and byte length, or null with a pending TypeError when it
        // cannot be read (an on-heap array never can be detached, but the answer is honoured).
        let ptr = unsafe { JS_GetTypedArrayBytes(raw_ctx, &mut len, raw) };
        return Some(answered_region(ctx, ptr, len, kind));
    }
    let (buffer, offset, length) = if ta >= 0 {
        let (mut offset, mut length, mut per): (qjs::size_t, qjs::size_t, qjs::size_t) = (0, 0, 0);
        // SAFETY: a typed array; the engine reads its internal slots (no JS runs) and returns a
        // new reference to its buffer (owned by `Value`), or JS_EXCEPTION when out of bounds.
        let buffer = unsafe {
            Value::from_raw(
                ctx.clone(),
                qjs::JS_GetTypedArrayBuffer(raw_ctx, raw, &mut offset, &mut length, &mut per),
            )
        };
        let length = if buffers_resized() && !buffer.is_exception() {
            // SAFETY: a typed array of this context, in bounds (its buffer came back).
            unsafe { exact_byte_length(raw_ctx, raw) }
        } else {
            length as usize
        };
        (buffer, offset as usize, length)
    } else {
        match data_view_geometry(ctx, value) {
            Some(g) => g,
            None => return Some(Region::empty(kind)),
        }
    };
    if buffer.is_exception() {
        let _ = ctx.catch();
        return Some(Region::empty(kind));
    }
    let base = region(ctx, &buffer)?;
    if offset.checked_add(length)? > base.len {
        return Some(Region::empty(kind));
    }
    Some(Region {
        // SAFETY: offset + length <= the buffer's length (checked above).
        ptr: unsafe { base.ptr.add(offset) },
        len: length,
        kind,
    })
}

// The engine's own string representation, reached through nodebuf's engine patch
// (vendor/patches/quickjs-0001-raw-strings.patch; docs/ENGINE-PATCHES.md).
extern "C" {
    fn JS_GetStringRaw(
        val: qjs::JSValue,
        is_wide: *mut std::ffi::c_int,
        plen: *mut qjs::size_t,
    ) -> *const std::ffi::c_void;
    fn JS_NewStringRaw(
        ctx: *mut qjs::JSContext,
        len: qjs::size_t,
        is_wide: std::ffi::c_int,
        units: *mut *mut std::ffi::c_void,
    ) -> qjs::JSValue;
}

/// A borrowed JS string: the engine's own units (Latin-1 bytes or UTF-16 units, as QuickJS
/// stores the string), no copy, until dropped. A rope (a lazily concatenated string) is
/// flattened once by the engine.
pub struct StrRef {
    ctx: *mut qjs::JSContext,
    /// A reference of our own to the flat string, keeping `ptr` valid (strings are immutable).
    value: qjs::JSValue,
    ptr: *const u8,
    len: usize,
    wide: bool,
}

impl StrRef {
    /// Borrows the string `value` (must be a string: other values would run `toString`).
    pub fn new(ctx: &Ctx<'_>, value: &Value<'_>) -> rquickjs::Result<StrRef> {
        debug_assert!(value.is_string());
        // SAFETY: a live string of this context.
        unsafe { Self::from_raw(ctx.as_raw().as_ptr(), value.as_raw()) }
            .ok_or(rquickjs::Error::Exception)
    }

    /// [`StrRef::new`] on raw handles; `None` (with an exception pending) when the engine is
    /// out of memory flattening a rope.
    ///
    /// # Safety
    /// `value` must be a live string of the context `raw_ctx`, which must outlive the result.
    pub unsafe fn from_raw(raw_ctx: *mut qjs::JSContext, value: qjs::JSValue) -> Option<StrRef> {
        // SAFETY: `value` is a live string: duplicating takes a reference; JS_ToString of a
        // rope flattens it into a new string (no user code runs for a string).
        let flat = unsafe {
            if qjs::JS_VALUE_GET_TAG(value) == qjs::JS_TAG_STRING {
                qjs::JS_DupValue(raw_ctx, value)
            } else {
                qjs::JS_ToString(raw_ctx, value)
            }
        };
        let (mut wide, mut len): (std::ffi::c_int, qjs::size_t) = (0, 0);
        // SAFETY: reads the header of a flat string (or returns NULL for anything else).
        let ptr = unsafe { JS_GetStringRaw(flat, &mut wide, &mut len) };
        if ptr.is_null() {
            // SAFETY: our own reference (an exception value is freed harmlessly).
            unsafe { qjs::JS_FreeValue(raw_ctx, flat) };
            return None;
        }
        Some(StrRef {
            ctx: raw_ctx,
            value: flat,
            ptr: ptr as *const u8,
            len: len as usize,
            wide: wide != 0,
        })
    }

    /// The string's units.
    pub fn as_js_str(&self) -> JsStr<'_> {
        if self.wide {
            // SAFETY: `len` u16 units live at `ptr` (aligned: the engine allocates string
            // storage with malloc's alignment after an 16-byte header) while `value` lives.
            JsStr::Utf16(unsafe { std::slice::from_raw_parts(self.ptr as *const u16, self.len) })
        } else {
            // SAFETY: `len` bytes live at `ptr` while `value` lives.
            JsStr::Latin1(unsafe { std::slice::from_raw_parts(self.ptr, self.len) })
        }
    }
}

impl Drop for StrRef {
    fn drop(&mut self) {
        // SAFETY: our own reference, released once; the context outlives every native call
        // that made a StrRef.
        unsafe { qjs::JS_FreeValue(self.ctx, self.value) };
    }
}

/// Makes a JS string from decoded text in its cheapest form: one-byte text (ASCII or
/// Latin-1) as an 8-bit engine string, UTF-16 as given (lone surrogates kept); one memcpy.
pub fn new_string<'js>(ctx: &Ctx<'js>, s: &JsString) -> rquickjs::Result<Value<'js>> {
    // SAFETY: the context is live.
    let raw = unsafe { new_string_raw(ctx.as_raw().as_ptr(), s) };
    // SAFETY: a new reference (or JS_EXCEPTION) returned by the engine, owned from here.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// [`new_string`] on a raw context: a new reference, or `JS_EXCEPTION` with the exception
/// pending.
///
/// # Safety
/// `raw_ctx` must be a live context.
pub unsafe fn new_string_raw(raw_ctx: *mut qjs::JSContext, s: &JsString) -> qjs::JSValue {
    match s {
        // SAFETY: a live context (the caller's contract).
        JsString::Ascii(b) | JsString::Latin1(b) => unsafe { new_latin1_raw(raw_ctx, b) },
        // SAFETY: as above.
        JsString::Utf16(u) => unsafe { new_utf16_raw(raw_ctx, u) },
    }
}

/// A new 8-bit engine string holding the Latin-1 units `bytes` (one memcpy): a new reference,
/// or `JS_EXCEPTION` with the exception pending.
///
/// # Safety
/// `raw_ctx` must be a live context.
pub unsafe fn new_latin1_raw(raw_ctx: *mut qjs::JSContext, bytes: &[u8]) -> qjs::JSValue {
    // SAFETY: a live context (the caller's contract).
    unsafe {
        new_latin1_written_raw(raw_ctx, bytes.len(), |units| {
            // SAFETY: `units` has room for `bytes.len()` bytes and is a new allocation.
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), units.as_mut_ptr().cast(), bytes.len())
        })
    }
}

/// A new 8-bit engine string of `len` Latin-1 units written by `fill`, which gets them
/// uninitialized and must write every one: a new reference, or `JS_EXCEPTION` with the
/// exception pending (then `fill` is not called).
///
/// # Safety
/// `raw_ctx` must be a live context; `fill` must initialize all `len` units.
pub unsafe fn new_latin1_written_raw(
    raw_ctx: *mut qjs::JSContext,
    len: usize,
    fill: impl FnOnce(&mut [std::mem::MaybeUninit<u8>]),
) -> qjs::JSValue {
    let mut units: *mut std::ffi::c_void = std::ptr::null_mut();
    // SAFETY: a live context; the engine returns a string of `len` uninitialised 8-bit units at
    // `units` (NULL for the empty string or on failure), written in full by `fill` (the
    // caller's contract) before the value is returned to anyone.
    unsafe {
        let v = JS_NewStringRaw(raw_ctx, len as _, 0, &mut units);
        if !units.is_null() {
            fill(std::slice::from_raw_parts_mut(units.cast(), len));
        }
        v
    }
}

/// A new 16-bit engine string holding the UTF-16 units `units16` (one memcpy): a new
/// reference, or `JS_EXCEPTION` with the exception pending.
///
/// # Safety
/// `raw_ctx` must be a live context.
pub unsafe fn new_utf16_raw(raw_ctx: *mut qjs::JSContext, units16: &[u16]) -> qjs::JSValue {
    // SAFETY: a live context (the caller's contract).
    unsafe {
        new_utf16_written_raw(raw_ctx, units16.len(), |units| {
            // SAFETY: `units` has room for `units16.len()` units and is a new allocation.
            std::ptr::copy_nonoverlapping(
                units16.as_ptr(),
                units.as_mut_ptr().cast(),
                units16.len(),
            )
        })
    }
}

/// A new 16-bit engine string of `len` UTF-16 units written by `fill`, which gets them
/// uninitialized and must write every one: a new reference, or `JS_EXCEPTION` with the
/// exception pending (then `fill` is not called). A string whose units all fit in 8 bits
/// should be made with [`new_latin1_written_raw`] (QuickJS keeps such strings narrow).
///
/// # Safety
/// `raw_ctx` must be a live context; `fill` must initialize all `len` units.
pub unsafe fn new_utf16_written_raw(
    raw_ctx: *mut qjs::JSContext,
    len: usize,
    fill: impl FnOnce(&mut [std::mem::MaybeUninit<u16>]),
) -> qjs::JSValue {
    let mut units: *mut std::ffi::c_void = std::ptr::null_mut();
    // SAFETY: as in `new_latin1_written_raw`, with `len` 16-bit units (the engine aligns a
    // string's storage for them).
    unsafe {
        let v = JS_NewStringRaw(raw_ctx, len as _, 1, &mut units);
        if !units.is_null() {
            fill(std::slice::from_raw_parts_mut(units.cast(), len));
        }
        v
    }
}

/// The engine's own `DataView.prototype` getters for `buffer`, `byteOffset` and `byteLength`,
/// captured when Buffer is installed (before any script runs). QuickJS offers no C accessor for
/// a DataView's slots; these native getters read them (they run no user code), and holding the
/// originals means neither own properties, subclasses nor a replaced prototype getter can
/// change what a DataView is said to cover — as V8 reads the slots for Node.
pub struct DataViewSlots<'js> {
    buffer: Value<'js>,
    byte_offset: Value<'js>,
    byte_length: Value<'js>,
    /// `%TypedArray%.prototype.byteLength`'s getter (see [`exact_byte_length`]).
    typed_byte_length: Value<'js>,
    /// `%TypedArray%.prototype.buffer`'s and `byteOffset`'s getters (see [`view_geometry`]).
    typed_buffer: Value<'js>,
    typed_byte_offset: Value<'js>,
    /// `%TypedArray%.prototype.length`'s getter (see [`length_is_intrinsic`]).
    typed_length: Value<'js>,
}

// SAFETY: the values are tied to the runtime whose userdata holds them; `Changed` only renames
// the lifetime.
unsafe impl<'js> rquickjs::JsLifetime<'js> for DataViewSlots<'js> {
    type Changed<'to> = DataViewSlots<'to>;
}

/// The own property `key` of `obj` as (value, getter), undefined for the parts it lacks;
/// `None` when `obj` has no such own property. Reads the engine's slots: runs no JS (`obj` is
/// one of the engine's own prototypes here, never a Proxy).
fn own_property<'js>(
    ctx: &Ctx<'js>,
    obj: &rquickjs::Object<'js>,
    key: &str,
) -> rquickjs::Result<Option<(Value<'js>, Value<'js>)>> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `key` is `key.len()` bytes; the atom is freed below.
    let atom = unsafe { qjs::JS_NewAtomLen(raw, key.as_ptr().cast(), key.len() as _) };
    let mut desc = std::mem::MaybeUninit::<qjs::JSPropertyDescriptor>::uninit();
    // SAFETY: a live object that is not a Proxy; on 1 the descriptor holds three new references.
    let found = unsafe { qjs::JS_GetOwnProperty(raw, desc.as_mut_ptr(), obj.as_raw(), atom) };
    // SAFETY: made above, freed once.
    unsafe { qjs::JS_FreeAtom(raw, atom) };
    match found {
        1 => {}
        0 => return Ok(None),
        _ => return Err(rquickjs::Error::Exception),
    }
    // SAFETY: initialized by the engine (1); each reference is owned by one Value (the setter,
    // unused, is released at once).
    unsafe {
        let desc = desc.assume_init();
        qjs::JS_FreeValue(raw, desc.setter);
        Ok(Some((
            Value::from_raw(ctx.clone(), desc.value),
            Value::from_raw(ctx.clone(), desc.getter),
        )))
    }
}

/// The getter of `obj`'s own accessor `key` (undefined when there is none).
fn own_getter<'js>(
    ctx: &Ctx<'js>,
    obj: &rquickjs::Object<'js>,
    key: &str,
) -> rquickjs::Result<Value<'js>> {
    Ok(own_property(ctx, obj, key)?
        .map(|(_, getter)| getter)
        .unwrap_or_else(|| Value::new_undefined(ctx.clone())))
}

/// Captures the intrinsic DataView getters into the runtime's userdata, once per runtime (any
/// realm's getters read any DataView of the runtime: they check only the object's class).
/// Straight from the engine's prototypes, before any script ran (evaluating the same reads as
/// JS source was 2.5% of start-up).
pub fn capture_intrinsics(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    if ctx.userdata::<DataViewSlots<'_>>().is_some() {
        return Ok(());
    }
    let globals = ctx.globals();
    let string_ctor: rquickjs::Constructor = globals.get("String")?;
    let string_object: Value = string_ctor.construct(("",))?;
    // SAFETY: a live object; only its class id is read.
    let class = unsafe { qjs::JS_GetClassID(string_object.as_raw()) };
    STRING_CLASS.store(class, std::sync::atomic::Ordering::Relaxed);
    let prototype_of = |name: &str| -> rquickjs::Result<rquickjs::Object> {
        globals.get::<_, rquickjs::Object>(name)?.get("prototype")
    };
    let data_view = prototype_of("DataView")?;
    let typed_array = prototype_of("Uint8Array")?
        .get_prototype()
        .ok_or_else(|| rquickjs::Error::new_from_js("value", "%TypedArray%.prototype"))?;
    let slots = DataViewSlots {
        buffer: own_getter(ctx, &data_view, "buffer")?,
        byte_offset: own_getter(ctx, &data_view, "byteOffset")?,
        byte_length: own_getter(ctx, &data_view, "byteLength")?,
        typed_byte_length: own_getter(ctx, &typed_array, "byteLength")?,
        typed_buffer: own_getter(ctx, &typed_array, "buffer")?,
        typed_byte_offset: own_getter(ctx, &typed_array, "byteOffset")?,
        typed_length: own_getter(ctx, &typed_array, "length")?,
    };
    let _ = ctx.store_userdata(slots);
    watch_resizes(ctx)
}

/// Whether reading `obj.length` runs only the engine's own `%TypedArray%.prototype.length`
/// getter (no own `length`, no subclass getter, no replaced prototype getter, no Proxy on the
/// way): then Node's JS reads of `this.length` observe nothing and answer the real length, so
/// a method may skip them. Runs no JS.
pub fn length_is_intrinsic<'js>(ctx: &Ctx<'js>, obj: &Value<'js>) -> bool {
    let Some(slots) = ctx.userdata::<DataViewSlots<'js>>() else {
        return false;
    };
    crate::natives::length_is(ctx, obj, &slots.typed_length)
}

/// Set once any resizable ArrayBuffer or growable SharedArrayBuffer of the process changed size.
static RESIZED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether some buffer was resized since start-up. Until then the engine's recorded length of
/// every typed array is its real one; afterwards a length-tracking view's record may be stale
/// (too long after a shrink, too short after a growth), so resolving asks
/// [`exact_byte_length`] instead.
#[inline(always)]
pub fn buffers_resized() -> bool {
    RESIZED.load(std::sync::atomic::Ordering::Relaxed)
}

/// A typed array's byte length as the engine computes it now (`%TypedArray%.prototype.
/// byteLength`'s own getter: it reads the slots and runs no user code), 0 if it cannot say.
///
/// # Safety
/// `ctx` must be live and `v` a typed array of it.
pub unsafe fn exact_byte_length(ctx: *mut qjs::JSContext, v: qjs::JSValue) -> usize {
    // SAFETY: the engine is running a native of this context, so it is live and locked.
    let c = unsafe { Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx)) };
    let Some(slots) = c.userdata::<DataViewSlots<'_>>() else {
        return 0;
    };
    // SAFETY: the intrinsic getter on a live typed array: a new number or JS_EXCEPTION.
    let out = unsafe {
        qjs::JS_Call(
            ctx,
            slots.typed_byte_length.as_raw(),
            v,
            0,
            std::ptr::null_mut(),
        )
    };
    // SAFETY: as above; an exception is taken and dropped; numbers need no freeing.
    unsafe {
        if qjs::JS_IsException(out) {
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
            return 0;
        }
        match qjs::JS_VALUE_GET_TAG(out) {
            qjs::JS_TAG_INT => qjs::JS_VALUE_GET_INT(out).max(0) as usize,
            qjs::JS_TAG_FLOAT64 => qjs::JS_VALUE_GET_FLOAT64(out).max(0.0) as usize,
            _ => {
                qjs::JS_FreeValue(ctx, out);
                0
            }
        }
    }
}

/// Replaces `ArrayBuffer.prototype.resize` and `SharedArrayBuffer.prototype.grow` by native
/// functions of the same name and length that note the resize ([`buffers_resized`]) and call
/// the originals with the same receiver and arguments (same results, same errors). The
/// property keeps its attributes.
fn watch_resizes(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    for (ctor, key) in [("ArrayBuffer", "resize"), ("SharedArrayBuffer", "grow")] {
        let Ok(c) = ctx.globals().get::<_, rquickjs::Object>(ctor) else {
            continue;
        };
        let proto: rquickjs::Object = c.get("prototype")?;
        let Some((original, _)) = own_property(ctx, &proto, key)? else {
            continue;
        };
        let Some(original) = original.into_function() else {
            continue;
        };
        let length: Value = original.get("length")?;
        let watcher = resize_watcher(ctx.clone(), original)?;
        let watcher = watcher
            .into_function()
            .ok_or_else(|| rquickjs::Error::new_from_js("value", "function"))?;
        watcher.prop("name", rquickjs::object::Property::from(key).configurable())?;
        watcher.prop(
            "length",
            rquickjs::object::Property::from(length).configurable(),
        )?;
        // (Only the value changes: [[DefineOwnProperty]] keeps the other attributes.)
        proto.prop(key, watcher)?;
    }
    Ok(())
}

extern "C" {
    /// Engine patch `quickjs-0012-view-record` (docs/ENGINE-PATCHES.md): a typed array's or
    /// DataView's own byte offset, byte length and length-tracking fields, false for other
    /// values. Reads fields only.
    fn JS_GetViewRecord(
        obj: qjs::JSValue,
        byte_offset: *mut u32,
        byte_length: *mut u32,
        track_rab: *mut bool,
    ) -> bool;
}

extern "C" {
    /// Engine patches `quickjs-0012-view-record` and `quickjs-0040-length-check-on-shape`
    /// (docs/ENGINE-PATCHES.md): whether reading `obj.length` of a typed array reaches only
    /// `%TypedArray%.prototype`'s own getter.
    fn JS_TypedArrayLengthIsIntrinsic(ctx: *mut qjs::JSContext, obj: qjs::JSValue) -> bool;
    /// Engine patch `quickjs-0012-view-record`: whether reading `length` from any object
    /// (a prototype) reaches only `%TypedArray%.prototype`'s own getter.
    fn JS_LengthReadsTypedArrayGetter(
        ctx: *mut qjs::JSContext,
        obj: qjs::JSValue,
        length_atom: qjs::JSAtom,
    ) -> bool;
}

extern "C" {
    /// Engine patch `quickjs-0075-chain-data-check`: whether `obj[prop]` is, with nothing
    /// observing the read, the plain data property `expected` of `obj` or of an object on its
    /// prototype chain.
    fn JS_ChainHoldsData(
        ctx: *mut qjs::JSContext,
        obj: qjs::JSValue,
        prop: qjs::JSAtom,
        expected: qjs::JSValue,
    ) -> bool;
    /// The same patch: whether the ordinary object `obj` holds `prop` as a plain data property
    /// whose value is `expected`.
    fn JS_HoldsOwnData(obj: qjs::JSValue, prop: qjs::JSAtom, expected: qjs::JSValue) -> bool;
}

/// Whether reading `obj[prop]` yields the object `expected` with nothing able to observe the
/// read: no object on the way up `obj`'s prototype chain has `prop` before the one that holds
/// it as a plain data property (no getter) whose value is `expected`, and none is a Proxy or
/// another object that could answer the lookup itself (Arrays and typed arrays answer only
/// indices). `false` when that is not so, or not known this way: the caller then makes the
/// read as Node's JS would. Reads shapes only, runs no JS.
///
/// # Safety
/// `ctx` must be live and `obj`, `expected` values of its runtime (any values: others answer
/// false).
#[inline(always)]
pub unsafe fn chain_holds_data_raw(
    ctx: *mut qjs::JSContext,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
    expected: qjs::JSValue,
) -> bool {
    // SAFETY: the caller's contract; the engine reads shapes and properties, runs nothing.
    unsafe { JS_ChainHoldsData(ctx, obj, prop, expected) }
}

/// Whether the ordinary object `obj` holds `prop` as a plain data property (no getter) whose
/// value is the object `expected`: reading `obj[prop]` then observes nothing. `false` for an
/// exotic object (a Proxy) or anything else. Reads fields only, runs no JS.
///
/// # Safety
/// `obj` and `expected` must be live values of one runtime.
#[inline(always)]
pub unsafe fn holds_own_data_raw(
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
    expected: qjs::JSValue,
) -> bool {
    // SAFETY: the caller's contract; the engine reads the object's shape and one property.
    unsafe { JS_HoldsOwnData(obj, prop, expected) }
}

/// Whether reading `length` from a new object inheriting from `proto` (with no own
/// properties, like a new Buffer from `Buffer.prototype`) would reach only
/// `%TypedArray%.prototype`'s own getter. Runs no JS.
///
/// # Safety
/// As [`length_is_intrinsic_raw`], for `proto`.
#[inline(always)]
pub unsafe fn inherited_length_is_intrinsic_raw(
    ctx: *mut qjs::JSContext,
    proto: qjs::JSValue,
    length_atom: qjs::JSAtom,
) -> bool {
    // SAFETY: the caller's contract; the engine only looks up properties.
    unsafe { JS_LengthReadsTypedArrayGetter(ctx, proto, length_atom) }
}

/// Whether Node's JS reads of `obj.length` would observe nothing: `obj` is a typed array and
/// the read reaches only `%TypedArray%.prototype`'s own getter (no own `length`, no subclass
/// getter, no replaced prototype getter, no Proxy on the way), which answers the real length.
/// The engine-level twin of [`length_is_intrinsic`] for the hot paths: one own-property lookup
/// and the answer the interpreter's `x.length` keeps on the array's shape (engine patches
/// 0036 and 0040: valid while no `length` property and no prototype changed anywhere; a walk of
/// the prototype chain otherwise). No handles, no JS.
///
/// # Safety
/// `ctx` must be live and `obj` a value of it.
#[inline(always)]
pub unsafe fn length_is_intrinsic_raw(ctx: *mut qjs::JSContext, obj: qjs::JSValue) -> bool {
    // SAFETY: the caller's contract; the engine only looks up properties and updates the
    // shape's remembered answer (this runtime's, on this thread).
    unsafe { JS_TypedArrayLengthIsIntrinsic(ctx, obj) }
}

/// What a typed array or DataView records of its own geometry, whatever its buffer's state
/// since: the byte offset and byte length it was made with (kept when the buffer is detached,
/// as V8 keeps them and its serializer writes them for Node) and whether it tracks a resizable
/// buffer's length. `None` for other values. Runs no JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewRecord {
    /// The byte offset the view was made with.
    pub byte_offset: usize,
    /// Its byte length field (a length-tracking view's as last updated).
    pub byte_length: usize,
    /// Whether it follows the length of a resizable buffer.
    pub length_tracking: bool,
}

/// The [`ViewRecord`] of `value`, or `None` when it is no typed array or DataView.
pub fn view_record(value: &Value<'_>) -> Option<ViewRecord> {
    let (mut byte_offset, mut byte_length, mut length_tracking) = (0u32, 0u32, false);
    // SAFETY: a live value of its context; the engine reads its tag, class id and (for a view)
    // its own fields, and writes the three outputs only when it returns true.
    let is_view = unsafe {
        JS_GetViewRecord(
            value.as_raw(),
            &mut byte_offset,
            &mut byte_length,
            &mut length_tracking,
        )
    };
    is_view.then_some(ViewRecord {
        byte_offset: byte_offset as usize,
        byte_length: byte_length as usize,
        length_tracking,
    })
}

/// What the engine's slots say a typed array or DataView covers (see [`view_geometry`]).
pub enum ViewGeometry<'js> {
    /// Readable: its buffer, byte offset and byte length.
    Live {
        /// The ArrayBuffer or SharedArrayBuffer in the view's buffer slot.
        buffer: Value<'js>,
        /// The view's first byte within `buffer`.
        byte_offset: usize,
        /// How many bytes the view covers (its current length for a length-tracking view).
        byte_length: usize,
    },
    /// Its buffer (given) is detached.
    Detached(Value<'js>),
    /// It lies out of bounds of its (shrunk) resizable buffer (given).
    OutOfBounds(Value<'js>),
}

/// The geometry of a typed array or DataView from the engine's internal slots, through the
/// intrinsic getters captured at install (no user code runs, own properties and replaced
/// prototype getters are never consulted); `None` for other values or before install.
pub fn view_geometry<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<ViewGeometry<'js>> {
    if !value.is_object() {
        return None;
    }
    // SAFETY: a live object; only its class id is read.
    let (typed, data_view) = unsafe {
        (
            qjs::JS_GetTypedArrayType(value.as_raw()) >= 0,
            qjs::JS_IsDataView(value.as_raw()),
        )
    };
    if !typed && !data_view {
        return None;
    }
    let slots = ctx.userdata::<DataViewSlots<'js>>()?;
    let get = |getter: &Value<'js>| -> Option<Value<'js>> {
        // SAFETY: one of the engine's native getters, called on a view of its own kind; it
        // reads slots only and returns a new reference or JS_EXCEPTION, owned from here.
        let out = unsafe {
            Value::from_raw(
                ctx.clone(),
                qjs::JS_Call(
                    ctx.as_raw().as_ptr(),
                    getter.as_raw(),
                    value.as_raw(),
                    0,
                    std::ptr::null_mut(),
                ),
            )
        };
        if out.is_exception() {
            let _ = ctx.catch();
            return None;
        }
        Some(out)
    };
    let (buffer_getter, offset_getter, length_getter) = if typed {
        (
            &slots.typed_buffer,
            &slots.typed_byte_offset,
            &slots.typed_byte_length,
        )
    } else {
        (&slots.buffer, &slots.byte_offset, &slots.byte_length)
    };
    let buffer = get(buffer_getter)?;
    let detached = array_buffer_kind(ctx, &buffer) == Some(RegionKind::ArrayBuffer) && {
        let mut len: qjs::size_t = 0;
        let raw_ctx = ctx.as_raw().as_ptr();
        // SAFETY: an ArrayBuffer; null with a pending TypeError exactly when it is detached
        // (taken and dropped here). No JS runs.
        unsafe {
            qjs::JS_GetArrayBuffer(raw_ctx, &mut len, buffer.as_raw()).is_null()
                && qjs::JS_HasException(raw_ctx)
                && {
                    let _ = ctx.catch();
                    true
                }
        }
    };
    if detached {
        return Some(ViewGeometry::Detached(buffer));
    }
    // A typed array's getters answer 0 when it is out of bounds; a DataView's throw.
    let offset = get(offset_getter).and_then(|v| v.as_number());
    let length = get(length_getter).and_then(|v| v.as_number());
    let in_bounds = match (offset, length) {
        (Some(o), Some(l)) if typed => {
            // SAFETY: a typed array of this context; only its slots are read, and the
            // exception JS_GetTypedArrayBuffer leaves for an out-of-bounds array is dropped.
            let (mut a, mut b, mut c): (qjs::size_t, qjs::size_t, qjs::size_t) = (0, 0, 0);
            let probe = unsafe {
                Value::from_raw(
                    ctx.clone(),
                    qjs::JS_GetTypedArrayBuffer(
                        ctx.as_raw().as_ptr(),
                        value.as_raw(),
                        &mut a,
                        &mut b,
                        &mut c,
                    ),
                )
            };
            if probe.is_exception() {
                let _ = ctx.catch();
                None
            } else {
                Some((o as usize, l as usize))
            }
        }
        (Some(o), Some(l)) => Some((o as usize, l as usize)),
        _ => None,
    };
    Some(match in_bounds {
        Some((byte_offset, byte_length)) => ViewGeometry::Live {
            buffer,
            byte_offset,
            byte_length,
        },
        None => ViewGeometry::OutOfBounds(buffer),
    })
}

/// A DataView's buffer, byte offset and byte length from its internal slots; `None` when it is
/// out of bounds or its buffer is detached (it then covers no bytes), or when Buffer was never
/// installed in this runtime.
fn data_view_geometry<'js>(
    ctx: &Ctx<'js>,
    view: &Value<'js>,
) -> Option<(Value<'js>, usize, usize)> {
    let slots = ctx.userdata::<DataViewSlots<'js>>()?;
    let raw_ctx = ctx.as_raw().as_ptr();
    let call = |getter: &Value<'_>| -> Option<Value<'js>> {
        // SAFETY: `getter` is one of the engine's native DataView getters and `view` a live
        // DataView of this runtime; the getter only reads the view's slots (no user code runs)
        // and returns a new reference or JS_EXCEPTION, owned by the Value from here.
        let out = unsafe {
            Value::from_raw(
                ctx.clone(),
                qjs::JS_Call(
                    raw_ctx,
                    getter.as_raw(),
                    view.as_raw(),
                    0,
                    std::ptr::null_mut(),
                ),
            )
        };
        if out.is_exception() {
            let _ = ctx.catch();
            return None;
        }
        Some(out)
    };
    let buffer = call(&slots.buffer)?;
    let offset = call(&slots.byte_offset)?.as_number()?;
    let length = call(&slots.byte_length)?.as_number()?;
    Some((buffer, offset as usize, length as usize))
}

/// The native that stands in for `original` (`resize` or `grow`): notes the resize, then runs
/// the original on the same receiver and arguments. The original is the function's data (so
/// the collector sees it), not a Rust capture.
fn resize_watcher<'js>(
    ctx: Ctx<'js>,
    original: rquickjs::Function<'js>,
) -> rquickjs::Result<Value<'js>> {
    let mut data = [original.as_raw()];
    // SAFETY: `data` holds one live value the engine duplicates into the function; the name is
    // NUL-terminated (the JS helper renames it); the result is a new reference or JS_EXCEPTION.
    let raw = unsafe {
        qjs::JS_NewCFunctionData2(
            ctx.as_raw().as_ptr(),
            Some(call_resize),
            c"resize".as_ptr(),
            1,
            0,
            1,
            data.as_mut_ptr(),
        )
    };
    // SAFETY: as above.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// [`resize_watcher`]'s body.
unsafe extern "C" fn call_resize(
    ctx: *mut qjs::JSContext,
    this: qjs::JSValue,
    argc: std::ffi::c_int,
    argv: *mut qjs::JSValue,
    _magic: std::ffi::c_int,
    data: *mut qjs::JSValue,
) -> qjs::JSValue {
    RESIZED.store(true, std::sync::atomic::Ordering::Relaxed);
    // SAFETY: the engine passes this function's data (one value: the original) and its live
    // arguments; JS_Call returns a new reference or JS_EXCEPTION for the engine.
    unsafe { qjs::JS_Call(ctx, *data, this, argc, argv) }
}
