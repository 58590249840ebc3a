//! Per-context state of an installed Buffer, kept in the runtime's userdata: the constructors the
//! natives need to make Buffers, the JS ArrayBuffer of the current pool slab, the options, and
//! the host's `util.inspect` (for error messages that show objects).
//!
//! The state holds JS values; rquickjs drops userdata before it frees the runtime, so they are
//! released in time. Each state is boxed and never dropped before the runtime (a later install
//! on the same context adds a new one), so the raw natives (`direct.rs`) can hold a plain
//! pointer to it instead of looking it up on every call.

use std::cell::RefCell;
use std::ffi::c_void;

use nodebuf_core::memory::EngineSource;
use nodebuf_core::Buffer as CoreBuffer;
use rquickjs::{qjs, ArrayBuffer, Ctx, Function, JsLifetime, Object, Value};

/// The engine's release callback of an ArrayBuffer made over a core store (see
/// `nodebuf_core::memory::EngineSource`): `opaque` is the source's raw pointer, and a call
/// with `size` 0 (the engine's "free") releases the store. Any other size asks to resize or
/// move the bytes (`ArrayBuffer.prototype.transfer` to another length), which a store cannot:
/// NULL refuses it and the engine throws, leaving the buffer as it was.
unsafe extern "C" fn release_store(
    _rt: *mut qjs::JSRuntime,
    opaque: *mut c_void,
    _data: *mut c_void,
    size: qjs::size_t,
) -> *mut c_void {
    if size != 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `opaque` was given out by `EngineSource::into_raw` in `new_store_array_buffer`,
    // and the engine frees each ArrayBuffer's data once, on the store's thread.
    let source = unsafe { EngineSource::from_raw(opaque) };
    // The retention sampler must not take a later store at the same addresses for this one.
    crate::retention::store_released(source.as_ptr());
    drop(source);
    std::ptr::null_mut()
}

/// Whether `value` is the JS ArrayBuffer of a pool slab (many Buffers' shared memory, which
/// Node marks untransferable: `postMessage` copies it rather than detach it). Answered from the
/// engine's record of the buffer (made over a core store by `new_store_array_buffer`, of the
/// pool's kind); runs no JS.
pub fn is_pool_slab(value: &Value<'_>) -> bool {
    // SAFETY: a live value; the engine only reads its class and ArrayBuffer record.
    let opaque = unsafe { JS_GetArrayBufferOpaque(value.as_raw(), Some(release_store)) };
    // SAFETY: an opaque of an attached ArrayBuffer made with `release_store` is a source from
    // `EngineSource::into_raw` the engine has not released yet (it releases it when the buffer
    // is freed or detached); JS runs on one thread.
    !opaque.is_null()
        && unsafe { EngineSource::kind_of_raw(opaque) } == nodebuf_core::memory::StoreKind::Pool
}

/// A new JS ArrayBuffer owning `source` (its bytes, no copy), as a raw owned value or
/// `JS_EXCEPTION` with the exception pending (the source is then released). The engine holds
/// the source as one pointer (no box, no closure): `release_store` takes it back.
fn new_store_array_buffer(ctx: *mut qjs::JSContext, source: EngineSource) -> qjs::JSValue {
    let data = source.as_ptr();
    let len = source.len();
    let opaque = source.into_raw();
    // SAFETY: `data` holds `len` bytes, valid for reads and writes until the engine calls
    // `release_store` (the source keeps the store alive). The engine writes them only while
    // JS runs; this crate never runs JS while a slice of store bytes it made is alive, and it
    // never uses the core's borrow-tracked accessors across JS calls. A max length of 0 makes a
    // fixed-length ArrayBuffer.
    let made = unsafe {
        qjs::JS_NewArrayBuffer(ctx, data, len as _, 0, Some(release_store), opaque, false)
    };
    // SAFETY: the tag check of the engine's result; on failure the engine did not take the
    // source, so it is taken back once, here.
    if unsafe { qjs::JS_IsException(made) } {
        drop(unsafe { EngineSource::from_raw(opaque) });
    }
    made
}

/// One installed Buffer (one context). Shared references only: the raw natives reach it
/// through a pointer while Rust code may hold another `&CtxState`, so what changes lives in
/// `RefCell`s that are never borrowed across JS.
pub struct CtxState<'js> {
    ctx: Ctx<'js>,
    /// Whether a later install on the same context replaced this one (kept alive for the
    /// natives of the old install).
    replaced: std::cell::Cell<bool>,
    /// The engine's view epoch at which a Buffer was last found to read `length`, `buffer` and
    /// `byteOffset` through the intrinsic getters only (`subarray`/`slice`); `u64::MAX` before.
    pub view_fields_seen: std::cell::Cell<u64>,
    /// The internal `FastBuffer` class (`FastBuffer.prototype === Buffer.prototype`).
    pub fast_buffer: Value<'js>,
    /// `FastBuffer.prototype` (`Buffer.prototype`), read once: a class's `prototype` is
    /// read-only and non-configurable, so `new FastBuffer(...)` always uses this object.
    pub buffer_prototype: Value<'js>,
    /// `Object.prototype.valueOf` (what `Buffer.from` calls on objects when no one replaced
    /// it, so skipping the call changes nothing).
    pub object_value_of: Value<'js>,
    /// The JS half's general `Buffer.from` (the raw native hands it everything unusual).
    pub from_general: Value<'js>,
    /// The JS half's general `buf.subarray` (Node's algorithm with every coercion).
    pub subarray_general: Value<'js>,
    /// `(receiver, length, start, end)`: the rest of subarray once `length` was read.
    pub subarray_with: Value<'js>,
    /// `(buffer, byteOffset, start, count)`: the FastBuffer subarray makes, with JS's `+`.
    pub subarray_end: Value<'js>,
    /// The JS half's `fromArrayLike(obj)` (Node's array-like copy, its reads of `obj.length`
    /// included), for `Buffer.copyBytesFrom` when those reads are observable.
    pub from_array_like: Value<'js>,
    /// `Uint8Array.prototype`, captured at install (what `new Uint8Array` inherits from).
    pub uint8_array_prototype: Value<'js>,
    /// The JS half's general `buf.copy` (Node's algorithm, its reads of both views'
    /// `length` included; the raw native takes the plain calls).
    pub copy_general: Value<'js>,
    /// The JS half's `swap16/32/64` (Node's algorithm, for a receiver whose `length` a script
    /// defined: its JS reads `this.length` and loops over it below 128).
    pub swap_general: Value<'js>,
    /// The JS half's `formatS(value)`: Node's `%s` of an object (`String(value)` for one with
    /// its own `toString`/`Symbol.toPrimitive`), or undefined where `%s` inspects.
    pub format_s: Value<'js>,
    /// The helper that shapes Node's errors (`error::node_error_maker`).
    pub error_maker: rquickjs::Function<'js>,
    /// The JS half's `numPath(canonicalName)`: the element path of a numeric accessor for
    /// receivers that are not Uint8Arrays, made when such a receiver first comes
    /// ([`CtxState::num_general`]).
    num_path: Value<'js>,
    /// The element paths made so far, by numeric method id.
    num_general: RefCell<Vec<Option<Value<'js>>>>,
    /// Atoms of the properties the natives read.
    pub atoms: Atoms,
    /// This install's raw natives, held so their addresses stay theirs: `this` is one of them
    /// when a native runs as a constructor (`new buf.indexOf()`, as Node's plain-function
    /// methods allow).
    pub natives: RefCell<Vec<Value<'js>>>,
    /// Node's algorithms in the JS half for the receivers the raw natives do not take, and the
    /// functions whose reads those natives may skip ([`crate::foreign`]); set once the JS half
    /// defined them (`binding.setForeign`).
    pub foreign: RefCell<Option<ForeignTable<'js>>>,
    /// This install's `subarray` native (what `slice` calls when `this.subarray` is it).
    pub subarray_native: RefCell<Option<Value<'js>>>,
    /// The current pool slab's id and its JS ArrayBuffer: consecutive pooled Buffers share it.
    pub slab: RefCell<Option<(u64, ArrayBuffer<'js>)>>,
    /// `util.inspect` of the host, if it gave one.
    pub inspect: RefCell<Option<Function<'js>>>,
    /// The retention tracer's hook on `subarray`/`slice` views (`None`: not tracing).
    pub(crate) view_sampler: RefCell<Option<crate::retention::ViewSampler<'js>>>,
    /// Whether `view_sampler` is set (the natives' one test when not tracing).
    pub(crate) view_sampling: std::cell::Cell<bool>,
}

/// What `binding.setForeign` gave (see [`CtxState::foreign`]).
pub struct ForeignTable<'js> {
    /// Node's JS methods by [`crate::foreign`] id (`toString`, `write`, `equals`...), called
    /// with the receiver and the arguments as given.
    pub calls: Vec<Value<'js>>,
    /// `Buffer.prototype.{enc}Slice` as installed, by encoding id (utf8, ucs2, latin1, ascii,
    /// base64, base64url, hex).
    pub slices: Vec<Value<'js>>,
    /// `Buffer.prototype.{enc}Write` as installed, by encoding id.
    pub writes: Vec<Value<'js>>,
    /// `Buffer.prototype.indexOf` as installed (what `includes` calls).
    pub index_of: Value<'js>,
    /// The numeric accessors' natives by id (what `readUIntLE(offset, 4)` calls as
    /// `this.readUInt32LE`).
    pub num: Vec<Value<'js>>,
    /// `Buffer` as installed (where `Buffer.from(longString)` reads `allocUnsafeSlow`).
    pub buffer: Value<'js>,
    /// `Buffer.allocUnsafeSlow` as installed (what `Buffer.from(longString)` calls).
    pub alloc_unsafe_slow: Value<'js>,
}

/// The encodings' helper prefixes by encoding id (`utf8Slice`, `ucs2Write`...).
pub const HELPER_PREFIXES: [&str; 7] = [
    "utf8",
    "ucs2",
    "latin1",
    "ascii",
    "base64",
    "base64url",
    "hex",
];

/// `binding.setForeign({ calls, slices, writes, indexOf })` (see [`CtxState::foreign`]).
pub fn set_foreign<'js>(ctx: Ctx<'js>, table: Object<'js>) -> rquickjs::Result<()> {
    let list = |key: &str| -> rquickjs::Result<Vec<Value<'js>>> {
        let a: rquickjs::Array = table.get(key)?;
        a.iter().collect()
    };
    let made = ForeignTable {
        calls: list("calls")?,
        slices: list("slices")?,
        writes: list("writes")?,
        index_of: table.get("indexOf")?,
        num: list("num")?,
        buffer: table.get("bufferConstructor")?,
        alloc_unsafe_slow: table.get("allocUnsafeSlow")?,
    };
    with(&ctx, |s| *s.foreign.borrow_mut() = Some(made)).ok_or_else(missing)
}

/// Property names the raw natives look up, interned once.
pub struct Atoms {
    /// `length`
    pub length: qjs::JSAtom,
    /// `buffer`
    pub buffer: qjs::JSAtom,
    /// `byteOffset`
    pub byte_offset: qjs::JSAtom,
    /// `valueOf`
    pub value_of: qjs::JSAtom,
    /// `subarray`
    pub subarray: qjs::JSAtom,
    /// `prototype`
    pub prototype: qjs::JSAtom,
    /// `utf8Slice` ... `hexSlice` by encoding id ([`HELPER_PREFIXES`]).
    pub slices: [qjs::JSAtom; 7],
    /// `utf8Write` ... `hexWrite` by encoding id.
    pub writes: [qjs::JSAtom; 7],
    /// `indexOf`
    pub index_of: qjs::JSAtom,
    /// `allocUnsafeSlow`
    pub alloc_unsafe_slow: qjs::JSAtom,
}

impl<'js> CtxState<'js> {
    /// The JS element path of numeric accessor `id` (`canonical`: its `UInt` spelling), made
    /// on first use and kept. The JS half makes the paths when the first is asked for (making
    /// them at every start-up was 1.6% of an empty script); few scripts ever need one.
    pub fn num_general(&self, id: usize, canonical: &str) -> rquickjs::Result<Value<'js>> {
        if let Some(Some(path)) = self.num_general.borrow().get(id) {
            return Ok(path.clone());
        }
        let maker = self
            .num_path
            .as_function()
            .ok_or_else(|| rquickjs::Error::new_from_js("value", "function"))?;
        // (No borrow is held: the maker is the install's own JS.)
        let path: Value = maker.call((canonical,))?;
        let mut made = self.num_general.borrow_mut();
        if made.len() <= id {
            made.resize(id + 1, None);
        }
        made[id] = Some(path.clone());
        Ok(path)
    }
}

impl Drop for CtxState<'_> {
    fn drop(&mut self) {
        let raw = self.ctx.as_raw().as_ptr();
        let a = &self.atoms;
        let named = [
            a.length,
            a.buffer,
            a.byte_offset,
            a.value_of,
            a.subarray,
            a.prototype,
            a.index_of,
            a.alloc_unsafe_slow,
        ];
        for atom in named.into_iter().chain(a.slices).chain(a.writes) {
            // SAFETY: each atom was made by JS_NewAtom on this context (kept alive by `self.ctx`)
            // and is released once, here.
            unsafe { qjs::JS_FreeAtom(raw, atom) };
        }
    }
}

/// All installs of this runtime.
#[derive(Default)]
pub struct States<'js> {
    // Boxed so each state keeps its address when the list grows (the natives point at it).
    #[allow(clippy::vec_box)]
    list: RefCell<Vec<Box<CtxState<'js>>>>,
}

// SAFETY: every `'js` value in `States` is tied to the runtime whose userdata holds it, and
// `Changed` only renames that lifetime.
unsafe impl<'js> JsLifetime<'js> for States<'js> {
    type Changed<'to> = States<'to>;
}

/// The atoms of the seven `{enc}{suffix}` helper names, by encoding id.
fn helper_atoms(ctx: &Ctx<'_>, suffix: &str) -> [qjs::JSAtom; 7] {
    HELPER_PREFIXES.map(|prefix| {
        let name = format!("{prefix}{suffix}");
        // SAFETY: `name` is `name.len()` bytes; the atom is freed in CtxState's drop.
        unsafe { qjs::JS_NewAtomLen(ctx.as_raw().as_ptr(), name.as_ptr().cast(), name.len() as _) }
    })
}

fn atom(ctx: &Ctx<'_>, name: &std::ffi::CStr) -> qjs::JSAtom {
    // SAFETY: a NUL-terminated name; the atom is freed in CtxState's drop.
    unsafe { qjs::JS_NewAtom(ctx.as_raw().as_ptr(), name.as_ptr()) }
}

/// Registers the state of a new install on `ctx` (`helpers`: the JS half's general `from`,
/// `subarray`, `subarrayWith`, `subarrayEnd`, `fill` and the numeric element paths `num`) (an earlier install on the same context stays
/// alive but is no longer found) and returns a pointer to it that stays valid until the runtime
/// drops its userdata.
pub fn register<'js>(
    ctx: &Ctx<'js>,
    fast_buffer: Value<'js>,
    helpers: &Object<'js>,
) -> rquickjs::Result<*const CtxState<'js>> {
    let buffer_prototype: Value = match fast_buffer.as_object() {
        Some(class) => class.get("prototype")?,
        None => return Err(rquickjs::Error::new_from_js("value", "FastBuffer class")),
    };
    let object_value_of: Value = ctx
        .globals()
        .get::<_, rquickjs::Object>("Object")?
        .get::<_, rquickjs::Object>("prototype")?
        .get("valueOf")?;
    let uint8_array_prototype: Value = helpers.get("uint8ArrayPrototype")?;
    if ctx.userdata::<States<'js>>().is_none() {
        let _ = ctx.store_userdata(States::<'js>::default());
    }
    let states = ctx
        .userdata::<States<'js>>()
        .ok_or_else(|| rquickjs::Error::new_from_js("userdata", "Buffer state"))?;
    let ctx_ptr = ctx.as_raw().as_ptr();
    let mut list = states
        .list
        .try_borrow_mut()
        .map_err(|_| rquickjs::Error::new_from_js("userdata", "Buffer state (in use)"))?;
    for old in list.iter() {
        if old.ctx.as_raw().as_ptr() == ctx_ptr {
            old.replaced.set(true);
        }
    }
    let state = Box::new(CtxState {
        ctx: ctx.clone(),
        replaced: std::cell::Cell::new(false),
        view_fields_seen: std::cell::Cell::new(u64::MAX),
        fast_buffer,
        buffer_prototype,
        object_value_of,
        from_general: helpers.get("from")?,
        subarray_general: helpers.get("subarray")?,
        subarray_with: helpers.get("subarrayWith")?,
        subarray_end: helpers.get("subarrayEnd")?,
        swap_general: helpers.get("swap")?,
        copy_general: helpers.get("copy")?,
        from_array_like: helpers.get("fromArrayLike")?,
        uint8_array_prototype,
        format_s: helpers.get("formatS")?,
        error_maker: crate::error::make_node_error_maker(ctx)?,
        num_path: helpers.get("numPath")?,
        num_general: RefCell::new(Vec::new()),
        atoms: Atoms {
            length: atom(ctx, c"length"),
            buffer: atom(ctx, c"buffer"),
            byte_offset: atom(ctx, c"byteOffset"),
            value_of: atom(ctx, c"valueOf"),
            subarray: atom(ctx, c"subarray"),
            prototype: atom(ctx, c"prototype"),
            slices: helper_atoms(ctx, "Slice"),
            writes: helper_atoms(ctx, "Write"),
            index_of: atom(ctx, c"indexOf"),
            alloc_unsafe_slow: atom(ctx, c"allocUnsafeSlow"),
        },
        natives: RefCell::new(Vec::new()),
        foreign: RefCell::new(None),
        subarray_native: RefCell::new(None),
        slab: RefCell::new(None),
        inspect: RefCell::new(None),
        view_sampler: RefCell::new(None),
        view_sampling: std::cell::Cell::new(false),
    });
    // SAFETY: the runtime of a live context; the atoms stay alive with the state (the runtime
    // only compares property names with them).
    unsafe {
        JS_SetViewFieldAtoms(
            qjs::JS_GetRuntime(ctx_ptr),
            state.atoms.buffer,
            state.atoms.byte_offset,
        )
    };
    // SAFETY: the runtime of a live context; the hook is a plain function that only updates
    // process-wide atomic counters (no engine calls), valid for the life of the process.
    unsafe {
        JS_SetArrayBufferAccountingHook(
            qjs::JS_GetRuntime(ctx_ptr),
            Some(engine_array_buffers_changed),
            std::ptr::null_mut(),
        )
    };
    let ptr: *const CtxState<'js> = &*state;
    list.push(state);
    Ok(ptr)
}

/// Runs `f` on this context's state (`None` if Buffer was not installed here).
pub fn with<'js, R>(ctx: &Ctx<'js>, f: impl FnOnce(&CtxState<'js>) -> R) -> Option<R> {
    let states = ctx.userdata::<States<'js>>()?;
    let ctx_ptr = ctx.as_raw().as_ptr();
    let list = states.list.try_borrow().ok()?;
    let state = list
        .iter()
        .rev()
        .find(|s| !s.replaced.get() && s.ctx.as_raw().as_ptr() == ctx_ptr)?;
    Some(f(state))
}

fn missing() -> rquickjs::Error {
    rquickjs::Error::new_from_js("context", "Buffer (not installed in this context)")
}

/// The JS half's `%s` formatter (see [`CtxState::format_s`]).
pub fn format_s_fn<'js>(ctx: &Ctx<'js>) -> Option<Function<'js>> {
    with(ctx, |s| s.format_s.as_function().cloned()).flatten()
}

/// The host's `util.inspect`, if any.
pub fn inspect_fn<'js>(ctx: &Ctx<'js>) -> Option<Function<'js>> {
    with(ctx, |s| s.inspect.borrow().clone()).flatten()
}

impl<'js> CtxState<'js> {
    /// The JS ArrayBuffer over `buf`'s store, as a raw owned value (or `JS_EXCEPTION` with the
    /// exception pending): a new reference to the cached one for the current pool slab, else a
    /// new ArrayBuffer owning an [`EngineSource`] (no copy). A new pool slab's ArrayBuffer
    /// becomes the cached one.
    #[inline]
    fn array_buffer_raw(&self, buf: &CoreBuffer) -> qjs::JSValue {
        let raw_ctx = self.ctx.as_raw().as_ptr();
        let id = buf.store_id();
        if let Some((slab_id, ab)) = &*self.slab.borrow() {
            if *slab_id == id {
                // SAFETY: a live ArrayBuffer; the new reference is the caller's.
                return unsafe { qjs::JS_DupValue(raw_ctx, ab.as_value().as_raw()) };
            }
        }
        self.new_array_buffer_raw(buf)
    }

    /// [`CtxState::array_buffer_raw`] for a store without a cached ArrayBuffer (out of line:
    /// pooled Buffers make one per slab).
    #[inline(never)]
    fn new_array_buffer_raw(&self, buf: &CoreBuffer) -> qjs::JSValue {
        let raw_ctx = self.ctx.as_raw().as_ptr();
        let id = buf.store_id();
        let made = new_store_array_buffer(raw_ctx, buf.engine_source());
        // SAFETY: the tag check of the engine's result.
        if buf.buffer().kind() != nodebuf_core::memory::StoreKind::Pool
            || unsafe { qjs::JS_IsException(made) }
        {
            return made;
        }
        // Holding the newest slab's ArrayBuffer keeps it alive while it is the pool's current
        // slab; the previous one is released as Node's is once no Buffer uses it.
        let cached = self.owned(made).and_then(|value| {
            let ab = ArrayBuffer::from_value(value).ok_or(rquickjs::Error::Unknown)?;
            *self.slab.borrow_mut() = Some((id, ab.clone()));
            Ok(ab)
        });
        match cached {
            // SAFETY: a live ArrayBuffer; the new reference is the caller's.
            Ok(ab) => unsafe { qjs::JS_DupValue(raw_ctx, ab.as_value().as_raw()) },
            Err(e) => crate::engine::throw_error(&self.ctx, e),
        }
    }

    /// The JS Buffer (a `FastBuffer`) viewing the same bytes as the core Buffer `buf`, as a raw
    /// owned value (or `JS_EXCEPTION` with the exception pending).
    #[inline]
    pub fn to_js_raw(&self, buf: &CoreBuffer) -> qjs::JSValue {
        let raw_ctx = self.ctx.as_raw().as_ptr();
        let ab = self.array_buffer_raw(buf);
        // SAFETY: the tag check of a raw value.
        if unsafe { qjs::JS_IsException(ab) } {
            return ab;
        }
        let made = self.construct_raw(ab, buf.byte_offset(), buf.len());
        // SAFETY: the reference `array_buffer_raw` gave; the new Buffer holds its own.
        unsafe { qjs::JS_FreeValue(raw_ctx, ab) };
        made
    }

    /// `new FastBuffer(ab, offset, len)` as a raw owned value (or `JS_EXCEPTION`): a Uint8Array
    /// with `Buffer.prototype`, made by the engine patch's `JS_NewUint8ArrayWithProto` (the
    /// typed array constructor's checks and errors without the constructor call, the number
    /// conversions and the `FastBuffer.prototype` lookup, none of which can run JS here).
    #[inline]
    pub fn construct_raw(&self, ab: qjs::JSValue, offset: usize, len: usize) -> qjs::JSValue {
        let raw_ctx = self.ctx.as_raw().as_ptr();
        // SAFETY: `ab` is the caller's live value and the prototype is held by this state; the
        // result is a new reference (or JS_EXCEPTION) owned by the caller. The function checks
        // that `ab` is an (unshared or shared) ArrayBuffer that is attached and holds the range.
        let made = unsafe {
            JS_NewUint8ArrayWithProto(
                raw_ctx,
                self.buffer_prototype.as_raw(),
                ab,
                offset as u64,
                len as u64,
            )
        };
        // SAFETY: `made` is the engine's result; on failure the context has the constructor's
        // exception pending and `ab` is live.
        unsafe {
            if qjs::JS_IsException(made) {
                reword_construct_error(raw_ctx, ab, offset, len);
            }
        }
        made
    }

    /// A new `FastBuffer` holding `bytes` (at most 64) inside the engine's typed array, as V8
    /// keeps a small Buffer on its heap: no ArrayBuffer until something asks for one (engine
    /// patch `quickjs-0029-on-heap-typed-arrays`). A raw owned value, or `JS_EXCEPTION`.
    pub fn on_heap_raw(&self, bytes: &[u8]) -> qjs::JSValue {
        debug_assert!(bytes.len() <= nodebuf_core::api::statics::ON_HEAP_MAX);
        let raw_ctx = self.ctx.as_raw().as_ptr();
        // SAFETY: a live context and the prototype this state holds; the result is a new
        // reference (or JS_EXCEPTION) owned by the caller. No JS runs.
        let made = unsafe {
            JS_NewUint8ArrayFreshWithProto(
                raw_ctx,
                self.buffer_prototype.as_raw(),
                bytes.len() as u64,
            )
        };
        // SAFETY: the tag check of a raw value.
        if bytes.is_empty() || unsafe { qjs::JS_IsException(made) } {
            return made;
        }
        let mut len: qjs::size_t = 0;
        // SAFETY: `made` is a new, attached Uint8Array of `bytes.len()` zeroed bytes; no JS ran
        // since it was made, so its first byte and length are these.
        unsafe {
            let ptr = qjs::JS_GetUint8Array(raw_ctx, &mut len, made);
            debug_assert_eq!(len as usize, bytes.len());
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len());
        }
        made
    }

    fn owned(&self, raw: qjs::JSValue) -> rquickjs::Result<Value<'js>> {
        // SAFETY: `raw` is a new reference (or JS_EXCEPTION) made on this context.
        let value = unsafe { Value::from_raw(self.ctx.clone(), raw) };
        if value.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(value)
    }
}

extern "C" {
    /// Engine patch `quickjs-0017-view-fields-epoch` (docs/ENGINE-PATCHES.md): the names
    /// (besides `length`) whose changes end a cached answer of
    /// `JS_GetTypedArrayViewFieldsSince`.
    fn JS_SetViewFieldAtoms(rt: *mut qjs::JSRuntime, buffer: qjs::JSAtom, offset: qjs::JSAtom);
    /// Engine patch `quickjs-0029-on-heap-typed-arrays` (docs/ENGINE-PATCHES.md): `new C(len)`
    /// for a Uint8Array subclass whose prototype is `proto`, zeroed, on the heap up to 64 bytes.
    fn JS_NewUint8ArrayFreshWithProto(
        ctx: *mut qjs::JSContext,
        proto: qjs::JSValue,
        len: u64,
    ) -> qjs::JSValue;
    /// Engine patch `quickjs-0042-array-buffer-opaque`: the opaque an attached ArrayBuffer
    /// was made with when it was made with `realloc_func`, else NULL.
    fn JS_GetArrayBufferOpaque(
        obj: qjs::JSValue,
        realloc_func: Option<
            unsafe extern "C" fn(
                *mut qjs::JSRuntime,
                *mut c_void,
                *mut c_void,
                qjs::size_t,
            ) -> *mut c_void,
        >,
    ) -> *mut c_void;
    /// Engine patch `quickjs-0029-on-heap-typed-arrays`: the runtime's hook told the change in
    /// bytes of the ArrayBuffers the engine allocates itself.
    fn JS_SetArrayBufferAccountingHook(
        rt: *mut qjs::JSRuntime,
        func: Option<unsafe extern "C" fn(opaque: *mut std::ffi::c_void, delta: i64)>,
        opaque: *mut std::ffi::c_void,
    );
    /// Engine patch `quickjs-0003-uint8array-with-proto` (docs/ENGINE-PATCHES.md).
    fn JS_NewUint8ArrayWithProto(
        ctx: *mut qjs::JSContext,
        proto: qjs::JSValue,
        buffer: qjs::JSValue,
        offset: u64,
        len: u64,
    ) -> qjs::JSValue;
}

/// The JS Buffer (a `FastBuffer`) viewing the same bytes as the core Buffer `buf`.
pub fn to_js<'js>(ctx: &Ctx<'js>, buf: &CoreBuffer) -> rquickjs::Result<Value<'js>> {
    let raw = with(ctx, |s| s.to_js_raw(buf)).ok_or_else(missing)?;
    // SAFETY: a new reference (or JS_EXCEPTION) made on this context.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// The JS Buffer of a new [`Fresh`](crate::methods::alloc::Fresh) Buffer (on the heap or over
/// its store).
pub fn fresh_to_js<'js>(
    ctx: &Ctx<'js>,
    fresh: &crate::methods::alloc::Fresh,
) -> rquickjs::Result<Value<'js>> {
    with(ctx, |s| s.owned(fresh.to_js_raw(s))).ok_or_else(missing)?
}

/// The engine's accounting hook: ArrayBuffers QuickJS allocates itself enter and leave Node's
/// `arrayBuffers` count (`nodebuf_core::memory::accounting`) as V8's do.
unsafe extern "C" fn engine_array_buffers_changed(_: *mut std::ffi::c_void, delta: i64) {
    nodebuf_core::memory::accounting::engine_array_buffers_changed(delta);
}

/// A new `FastBuffer` over `len` bytes at `offset` of the JS ArrayBuffer `ab`.
pub fn view_of<'js>(
    ctx: &Ctx<'js>,
    ab: &Value<'js>,
    offset: usize,
    len: usize,
) -> rquickjs::Result<Value<'js>> {
    with(ctx, |s| s.owned(s.construct_raw(ab.as_raw(), offset, len))).ok_or_else(missing)?
}

/// Sets the host's inspect function.
pub fn set_inspect<'js>(ctx: &Ctx<'js>, f: Function<'js>) {
    with(ctx, |s| *s.inspect.borrow_mut() = Some(f));
}

/// Whether `obj` has this context's Buffer prototype in its chain (`obj instanceof Buffer`).
pub fn is_buffer<'js>(ctx: &Ctx<'js>, obj: &Object<'js>) -> bool {
    let Some(fb) = with(ctx, |s| s.fast_buffer.clone()) else {
        return false;
    };
    // SAFETY: both are live values of this context; `FastBuffer` is an ordinary class, so
    // instanceof runs no user code (no Symbol.hasInstance of its own).
    unsafe { qjs::JS_IsInstanceOf(ctx.as_raw().as_ptr(), obj.as_raw(), fb.as_raw()) == 1 }
}

/// V8's texts for a typed array that cannot be made over `ab` (what Node's `new FastBuffer(ab,
/// offset, length)` throws): `Cannot perform Construct on a detached ArrayBuffer` for a detached
/// buffer, `Invalid typed array length: N` for a range past its end. Replaces the engine's
/// pending exception when it is one of those failures; leaves any other exception alone.
///
/// # Safety
/// `ctx` must be live with an exception pending; `ab` a live value of it.
/// Whether `v` is a SharedArrayBuffer: its class follows the ArrayBuffer's (quickjs.c's class
/// list), learned once per process from a probe ArrayBuffer. Reads class ids only.
///
/// # Safety
/// `ctx` must be live and `v` a value of it.
unsafe fn is_shared_array_buffer(ctx: *mut qjs::JSContext, v: qjs::JSValue) -> bool {
    static PLAIN: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    // SAFETY: reads the class id of a value (0 for non-objects).
    let class = unsafe { qjs::JS_GetClassID(v) };
    let plain = *PLAIN.get_or_init(|| {
        // SAFETY: a live context; the probe is a new reference, freed at once.
        unsafe {
            let ab = qjs::JS_NewArrayBufferCopy(ctx, std::ptr::null(), 0);
            let id = qjs::JS_GetClassID(ab);
            qjs::JS_FreeValue(ctx, ab);
            id
        }
    });
    class != 0 && class == plain + 1
}

#[cold]
unsafe fn reword_construct_error(
    ctx: *mut qjs::JSContext,
    ab: qjs::JSValue,
    offset: usize,
    len: usize,
) {
    let mut size: qjs::size_t = 0;
    // SAFETY: the caller's contract; JS_GetArrayBuffer only reads the object's slots, and its
    // own TypeError for a detached buffer is taken and freed at once.
    let detached = unsafe {
        let pending = qjs::JS_GetException(ctx);
        let ptr = qjs::JS_GetArrayBuffer(ctx, &mut size, ab);
        let detached = ptr.is_null();
        if qjs::JS_HasException(ctx) {
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
        }
        let out_of_range = offset
            .checked_add(len)
            .is_none_or(|end| end > size as usize);
        let any_array_buffer = qjs::JS_IsArrayBuffer(ab) || is_shared_array_buffer(ctx, ab);
        if !qjs::JS_IsError(pending) || !any_array_buffer || !(detached || out_of_range) {
            qjs::JS_Throw(ctx, pending);
            return;
        }
        qjs::JS_FreeValue(ctx, pending);
        detached
    };
    // SAFETY: a live context; the messages contain no format conversions of their own.
    unsafe {
        if detached {
            qjs::JS_ThrowTypeError(
                ctx,
                c"Cannot perform Construct on a detached ArrayBuffer".as_ptr(),
            );
        } else {
            let text = std::ffi::CString::new(format!("Invalid typed array length: {len}"))
                .unwrap_or_default();
            qjs::JS_ThrowRangeError(ctx, c"%s".as_ptr(), text.as_ptr());
        }
    }
}
