//! Native support for the retention tracer (`nodebuf --trace-retention`): the live views of an
//! ArrayBuffer read from the engine's own per-buffer list, and a sampling hook on the views
//! `Buffer#subarray` and `Buffer#slice` make.
//!
//! Why: recording every view from JS (a wrapper plus a `FinalizationRegistry` entry per view)
//! made a kept `slice(0, 10)` 3.8x dearer. QuickJS already keeps, for each ArrayBuffer, a list of
//! the typed arrays and DataViews over it (in creation order, a view leaves it when collected),
//! so counts and bytes can be read exactly when a report is asked for, at no cost per view; only
//! creation sites need work when a view is made, and those are sampled.
//!
//! The list is private to QuickJS. This module mirrors the few fields it reads ([`ObjectHead`],
//! [`ArrayBufferHead`], [`TypedArrayHead`]) and trusts the mirror only after [`layout_ok`] has
//! checked it against the engine's public API on a probe buffer (and the engine version is the
//! one the mirror was written for); otherwise [`array_buffer_views`] returns `None` and the
//! tracer records views from JS as before.

use std::cell::Cell;
use std::ffi::{c_int, c_void, CStr};
use std::sync::OnceLock;

use rquickjs::{qjs, Ctx, Function, Value};

use crate::engine::{tag, Raw, EXCEPTION, UNDEFINED};
use crate::state::CtxState;

/// The engine version whose private layout the mirror below was written for (`JS_GetVersion`).
const VERIFIED_ENGINE_VERSION: &str = "0.16.2";

/// QuickJS's `struct list_head`.
#[repr(C)]
struct ListHead {
    prev: *mut ListHead,
    next: *mut ListHead,
}

/// The first fields of QuickJS's `JSObject`: the GC link, flag bits, the class id, shape,
/// properties, weak-ref list, then the class's union (`u.array_buffer` / `u.typed_array`, the
/// first word of the union for ArrayBuffers, typed arrays and DataViews alike).
#[repr(C)]
struct ObjectHead {
    gc_link: ListHead,
    flags: [u8; 2],
    class_id: u16,
    shape: *mut c_void,
    prop: *mut c_void,
    first_weak_ref: *mut c_void,
    u: *mut c_void,
}

/// The first fields of QuickJS's `JSArrayBuffer`.
#[repr(C)]
struct ArrayBufferHead {
    byte_length: c_int,
    max_byte_length: c_int,
    detached: u8,
    immutable: u8,
    shared: u8,
    data: *mut u8,
    array_list: ListHead,
}

/// The first fields of QuickJS's `JSTypedArray` (typed arrays and DataViews): its link in the
/// buffer's `array_list` comes first, so a list entry's address is the record's. `buffer` is
/// null while a small typed array keeps its bytes on the engine's heap (engine patch 0029); it
/// is then in no ArrayBuffer's list.
#[repr(C)]
struct TypedArrayHead {
    link: ListHead,
    obj: *mut ObjectHead,
    buffer: *mut ObjectHead,
    offset: u32,
    length: u32,
}

/// Whether the mirror matches this engine: the version is the verified one, and on a probe
/// ArrayBuffer of 16 bytes with a `Uint8Array(ab, 3, 5)` and a `Uint16Array(ab, 4, 2)` made
/// through the public API, the mirrored fields read the class ids, data pointer, length and
/// both views (objects, offsets, lengths, back pointers) in creation order. Checked once per
/// process (the layout is fixed at build time).
pub fn layout_ok(ctx: &Ctx<'_>) -> bool {
    classes(ctx).is_some()
}

/// The engine's class ids are private too: they are taken relative to the ArrayBuffer class
/// (read from the probe), in the engine's order: SharedArrayBuffer, then the typed arrays from
/// Uint8ClampedArray to Float64Array, then DataView.
#[derive(Clone, Copy)]
struct Classes {
    array_buffer: u32,
}

impl Classes {
    const SHARED_ARRAY_BUFFER: u32 = 1;
    const FIRST_VIEW: u32 = 2;
    const UINT8_ARRAY: u32 = 4;
    const UINT16_ARRAY: u32 = 6;
    const DATA_VIEW: u32 = 14;

    fn is_store(self, class: u32) -> bool {
        class == self.array_buffer || class == self.array_buffer + Self::SHARED_ARRAY_BUFFER
    }

    fn is_view(self, class: u32) -> bool {
        (self.array_buffer + Self::FIRST_VIEW..=self.array_buffer + Self::DATA_VIEW)
            .contains(&class)
    }
}

/// The verified class ids, or `None` when the mirror does not match this engine.
fn classes(ctx: &Ctx<'_>) -> Option<Classes> {
    static LAYOUT: OnceLock<Option<Classes>> = OnceLock::new();
    *LAYOUT.get_or_init(|| {
        // SAFETY: JS_GetVersion returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(qjs::JS_GetVersion()) };
        if version.to_str() != Ok(VERIFIED_ENGINE_VERSION) {
            return None;
        }
        probe(ctx.as_raw().as_ptr())
    })
}

/// Makes the probe buffer and views with the public API and compares what the mirror reads.
fn probe(ctx: *mut qjs::JSContext) -> Option<Classes> {
    // SAFETY: a live context; every value made here is freed before returning. The mirrored
    // reads happen only once the engine version is the one the mirror was written for, and
    // each pointer is compared with what the public API reports before the next is followed.
    unsafe {
        let bytes = [0u8; 16];
        let ab = qjs::JS_NewArrayBufferCopy(ctx, bytes.as_ptr(), bytes.len() as _);
        if qjs::JS_IsException(ab) {
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
            return None;
        }
        let classes = Classes {
            array_buffer: qjs::JS_GetClassID(ab),
        };
        let make = |kind, offset: i32, length: i32| {
            let mut args = [
                ab,
                qjs::JS_MKVAL(qjs::JS_TAG_INT, offset),
                qjs::JS_MKVAL(qjs::JS_TAG_INT, length),
            ];
            qjs::JS_NewTypedArray(ctx, 3, args.as_mut_ptr(), kind)
        };
        let first = make(qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8, 3, 5);
        let second = make(qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT16, 4, 2);
        let ok = !qjs::JS_IsException(first)
            && !qjs::JS_IsException(second)
            && qjs::JS_GetClassID(first) == classes.array_buffer + Classes::UINT8_ARRAY
            && qjs::JS_GetClassID(second) == classes.array_buffer + Classes::UINT16_ARRAY
            && probe_reads(ctx, ab, &[(first, 3, 5), (second, 4, 4)]);
        for v in [first, second, ab] {
            if qjs::JS_IsException(v) {
                qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
            } else {
                qjs::JS_FreeValue(ctx, v);
            }
        }
        ok.then_some(classes)
    }
}

/// # Safety
/// `ab` is a live ArrayBuffer of `ctx` with exactly the `views` (value, byte offset, byte
/// length) over it, made in that order.
unsafe fn probe_reads(ctx: *mut qjs::JSContext, ab: Raw, views: &[(Raw, u32, u32)]) -> bool {
    // SAFETY: (the caller's contract) the pointers are the engine's live objects; each field
    // read is checked against the public API before a pointer read from it is followed.
    unsafe {
        let head = qjs::JS_VALUE_GET_PTR(ab) as *const ObjectHead;
        if u32::from((*head).class_id) != qjs::JS_GetClassID(ab) {
            return false;
        }
        let mut size = 0;
        let data = qjs::JS_GetArrayBuffer(ctx, &mut size, ab);
        let abuf = (*head).u as *const ArrayBufferHead;
        if abuf.is_null() || (*abuf).data != data || (*abuf).byte_length as usize != size as usize {
            return false;
        }
        let list = &(*abuf).array_list as *const ListHead as *mut ListHead;
        let mut entry = (*list).next;
        for &(view, offset, length) in views {
            if entry == list || entry.is_null() {
                return false;
            }
            let ta = entry as *const TypedArrayHead;
            let obj = qjs::JS_VALUE_GET_PTR(view) as *mut ObjectHead;
            if (*ta).obj != obj
                || !std::ptr::eq((*ta).buffer, head)
                || (*ta).offset != offset
                || (*ta).length != length
                || (*obj).u != ta as *mut c_void
                || u32::from((*obj).class_id) != qjs::JS_GetClassID(view)
            {
                return false;
            }
            entry = (*entry).next;
        }
        entry == list
    }
}

/// The live typed arrays and DataViews over `buffer` (an ArrayBuffer or SharedArrayBuffer of
/// this thread), in the order they were made, read from the engine's own list: exact, and free
/// for the views themselves. `None` when `buffer` is not an ArrayBuffer or the engine's layout
/// is not the verified one (see [`layout_ok`]).
pub fn array_buffer_views<'js>(ctx: &Ctx<'js>, buffer: &Value<'js>) -> Option<Vec<Value<'js>>> {
    let classes = classes(ctx)?;
    let raw = buffer.as_raw();
    let head = store_head(classes, raw)?;
    let mut out = Vec::new();
    // SAFETY: the layout was verified for this engine; `buffer` is a live ArrayBuffer (its
    // class id says so), so its list holds live views; no JS runs during the walk, so the
    // list cannot change; each view is taken as a new reference.
    unsafe {
        let list = &(*head).array_list as *const ListHead as *mut ListHead;
        let mut entry = (*list).next;
        while entry != list {
            let ta = entry as *const TypedArrayHead;
            let view = qjs::JS_MKPTR(qjs::JS_TAG_OBJECT, (*ta).obj as *mut c_void);
            let view = qjs::JS_DupValue(ctx.as_raw().as_ptr(), view);
            out.push(Value::from_raw(ctx.clone(), view));
            entry = (*entry).next;
        }
    }
    Some(out)
}

/// The mirrored `JSArrayBuffer` of `raw` when it is an ArrayBuffer or SharedArrayBuffer (its
/// class id says so), once [`layout_ok`] held.
fn store_head(classes: Classes, raw: Raw) -> Option<*const ArrayBufferHead> {
    if tag(raw) != qjs::JS_TAG_OBJECT {
        return None;
    }
    // SAFETY: an object value; the class id is read through the public API.
    let class = unsafe { qjs::JS_GetClassID(raw) };
    if !classes.is_store(class) {
        return None;
    }
    // SAFETY: an ArrayBuffer object; the verified layout puts its JSArrayBuffer in `u`.
    let abuf =
        unsafe { (*(qjs::JS_VALUE_GET_PTR(raw) as *const ObjectHead)).u } as *const ArrayBufferHead;
    (!abuf.is_null()).then_some(abuf)
}

thread_local! {
    /// The data address of the store the samplers last compared with.
    static WATCHED_DATA: Cell<usize> = const { Cell::new(0) };
    /// How many times the watched store was released: part of the samplers' comparison, so a
    /// new store the allocator places at a released store's addresses is still new.
    static WATCHED_RELEASED: Cell<u64> = const { Cell::new(0) };
}

/// Told when a store made by this crate is released by the engine (its data address).
pub(crate) fn store_released(data: *mut u8) {
    WATCHED_DATA.with(|watched| {
        if watched.get() == data as usize {
            watched.set(0);
            WATCHED_RELEASED.with(|n| n.set(n.get() + 1));
        }
    });
}

/// Which Buffer method made a view (the sampler's second argument).
#[derive(Clone, Copy)]
pub(crate) enum ViewApi {
    /// `buf.subarray(start, end)`
    Subarray = 0,
    /// `buf.slice(start, end)`
    Slice = 1,
    /// `Buffer.allocUnsafe(size)` (a pool slice is a view of the pool's slab; a larger Buffer
    /// owns a new store, whose first Buffer always reaches the sampler)
    AllocUnsafe = 2,
}

/// Views made by each API before sampling starts: each of these gets its own site.
const EXACT_VIEWS: u64 = 32;
/// Past [`EXACT_VIEWS`], one view in this many is handed to the sampler.
const SAMPLE_EVERY: u64 = 1024;

/// The tracer's hook on `Buffer#subarray`/`Buffer#slice` views and `Buffer.allocUnsafe`'s
/// Buffers: `sampler(view, api)` is called
/// for the first [`EXACT_VIEWS`] views of each API, one in [`SAMPLE_EVERY`] after that, and
/// every view whose store differs from the previous view's (so every store's first traced
/// view is seen). The other views cost a counter and a comparison.
pub(crate) struct ViewSampler<'js> {
    sampler: Function<'js>,
    classes: Classes,
    counts: [Cell<u64>; 3],
    /// The previous view's store: its object and data addresses, its length, and the count
    /// of releases of the watched store (so a store made at a released one's addresses is
    /// not taken for it: that holds for this crate's stores, which tell [`store_released`];
    /// an engine-made ArrayBuffer at a collected one's addresses, first seen through these
    /// natives, reaches the tracer at its next sampled view).
    last_store: Cell<(usize, usize, c_int, u64)>,
}

/// Installs (or with `None` removes) the view sampler of this context's Buffer. Returns false
/// (and installs nothing) when Buffer is not installed here or the engine's layout is not the
/// verified one, so the caller keeps recording views from JS.
pub fn set_view_sampler<'js>(ctx: &Ctx<'js>, sampler: Option<Function<'js>>) -> bool {
    let Some(classes) = classes(ctx) else {
        return false;
    };
    crate::state::with(ctx, |st| {
        st.view_sampling.set(sampler.is_some());
        *st.view_sampler.borrow_mut() = sampler.map(|sampler| ViewSampler {
            sampler,
            classes,
            counts: [Cell::new(0), Cell::new(0), Cell::new(0)],
            last_store: Cell::new((0, 0, -1, 0)),
        });
    })
    .is_some()
}

/// Called with each view `subarray`/`slice` made (`view` may be an exception or any value a
/// user's `subarray` returned): hands it to the sampler when due. Returns false when the
/// sampler threw (its exception is pending; the caller frees the view and reports it).
///
/// # Safety
/// `ctx` is the context `st` belongs to and `view` a live value of it.
pub(crate) unsafe fn note_view(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    view: Raw,
    api: ViewApi,
) -> bool {
    let sampler = st.view_sampler.borrow();
    let Some(s) = sampler.as_ref() else {
        return true;
    };
    if tag(view) != qjs::JS_TAG_OBJECT {
        return true;
    }
    // SAFETY: an object value; the class id comes from the public API.
    let class = unsafe { qjs::JS_GetClassID(view) };
    if !s.classes.is_view(class) {
        return true;
    }
    // SAFETY: a typed array or DataView (class id checked) under the verified layout (the
    // sampler is installed only once it held): `u` is its JSTypedArray, whose `buffer` is its
    // live ArrayBuffer, or null for a small typed array whose bytes are still on the engine's
    // heap (engine patch 0029): that one holds no store, so there is nothing to note.
    let store = unsafe {
        let ta = (*(qjs::JS_VALUE_GET_PTR(view) as *const ObjectHead)).u as *const TypedArrayHead;
        let buffer = (*ta).buffer;
        if buffer.is_null() {
            return true;
        }
        let abuf = (*buffer).u as *const ArrayBufferHead;
        (buffer as usize, (*abuf).data as usize, (*abuf).byte_length)
    };
    let store = (store.0, store.1, store.2, WATCHED_RELEASED.with(Cell::get));
    let count = &s.counts[api as usize];
    let n = count.get();
    count.set(n + 1);
    let new_store = s.last_store.replace(store) != store;
    if new_store {
        WATCHED_DATA.with(|watched| watched.set(store.1));
    }
    if !(new_store || n < EXACT_VIEWS || n % SAMPLE_EVERY == 0) {
        return true;
    }
    // SAFETY: live values. The sampler is taken as a new reference and the state's borrow
    // ends before the call, so a sampler that removes itself stays alive until it returns.
    unsafe {
        let f = qjs::JS_DupValue(ctx, s.sampler.as_raw());
        drop(sampler);
        let mut args = [view, qjs::JS_MKVAL(qjs::JS_TAG_INT, api as i32)];
        let r = qjs::JS_Call(ctx, f, UNDEFINED, 2, args.as_mut_ptr());
        qjs::JS_FreeValue(ctx, f);
        let ok = !qjs::JS_IsException(r);
        qjs::JS_FreeValue(ctx, r);
        ok
    }
}

/// `r` after the retention tracer's sampler saw it (if one is installed): `r` itself, or the
/// sampler's exception.
///
/// # Safety
/// `ctx` is `st`'s context and `r` a value of it owned by the caller (given up here).
#[inline(always)]
pub(crate) unsafe fn noted(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    r: Raw,
    api: ViewApi,
) -> Raw {
    // Untraced runs pay one flag test.
    if !st.view_sampling.get() {
        return r;
    }
    // SAFETY: the caller's contract.
    if unsafe { note_view(ctx, st, r, api) } {
        r
    } else {
        // SAFETY: `r` is owned here; the sampler's exception is pending.
        unsafe { qjs::JS_FreeValue(ctx, r) };
        EXCEPTION
    }
}
