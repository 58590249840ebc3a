//! Reading plain data out of the engine without running any JS: an object's own keys, its own
//! data properties (an accessor is reported, never called), and object identity. Shared by
//! the native walks over plain values (`structured_clone`, `inspect_plain`), which give up on
//! anything these cannot read exactly.

use rquickjs::{qjs, Ctx, Result, Value};

/// The engine's class id of ordinary objects (its class enum's first entry; not in the
/// generated bindings).
pub const JS_CLASS_OBJECT: qjs::JSClassID = 1;

/// An object's address: its identity within a walk.
pub fn address(value: &Value<'_>) -> usize {
    // SAFETY: an object value: its pointer is read, not followed.
    unsafe { qjs::JS_VALUE_GET_PTR(value.as_raw()) as usize }
}

/// Takes over a new reference the engine returned, or reports its exception.
///
/// # Safety
/// `raw` must be a new reference of `ctx` (or `JS_EXCEPTION`).
pub unsafe fn owned<'js>(ctx: &Ctx<'js>, raw: qjs::JSValue) -> Result<Value<'js>> {
    // SAFETY: the caller's contract.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// A key table `JS_GetOwnPropertyNames` filled, freed (atoms included) when dropped.
pub struct PropertyTable {
    ctx: *mut qjs::JSContext,
    tab: *mut qjs::JSPropertyEnum,
    len: u32,
}

impl PropertyTable {
    /// The own keys of `value` that `flags` (`JS_GPN_*`) select.
    ///
    /// # Safety
    /// `value` must not be a Proxy (whose `ownKeys` trap would run).
    pub unsafe fn of(ctx: &Ctx<'_>, value: &Value<'_>, flags: i32) -> Result<Self> {
        let ctx = ctx.as_raw().as_ptr();
        let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
        let mut len: u32 = 0;
        // SAFETY: not a Proxy (the caller's contract): listing own keys runs no JS. On success
        // the engine hands over `len` entries, freed on drop.
        if unsafe { qjs::JS_GetOwnPropertyNames(ctx, &mut tab, &mut len, value.as_raw(), flags) }
            < 0
        {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Self { ctx, tab, len })
    }

    /// How many keys were listed.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether no key was listed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Key `i` (< [`Self::len`]) and whether it is enumerable; the atom stays the table's.
    pub fn key(&self, i: usize) -> (qjs::JSAtom, bool) {
        assert!(i < self.len());
        // SAFETY: `i < len` entries the engine filled.
        let entry = unsafe { &*self.tab.add(i) };
        (entry.atom, entry.is_enumerable)
    }
}

impl Drop for PropertyTable {
    fn drop(&mut self) {
        // SAFETY: the table and its `len` atoms, as the engine returned them, freed once.
        unsafe { qjs::JS_FreePropertyEnum(self.ctx, self.tab, self.len) };
    }
}

/// The value of `value`'s own data property `atom`: `Ok(None)` for an accessor (its getter
/// is not called) or a missing key.
///
/// # Safety
/// `value` must be an object that is not a Proxy (whose `getOwnPropertyDescriptor` trap would
/// run).
pub unsafe fn own_data_property<'js>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    atom: qjs::JSAtom,
) -> Result<Option<Value<'js>>> {
    let mut desc = std::mem::MaybeUninit::<qjs::JSPropertyDescriptor>::uninit();
    // SAFETY: not a Proxy (the caller's contract): the own-property lookup runs no JS. On 1
    // the descriptor's three values are new references, taken over just below.
    let found = unsafe {
        qjs::JS_GetOwnProperty(
            ctx.as_raw().as_ptr(),
            desc.as_mut_ptr(),
            value.as_raw(),
            atom,
        )
    };
    if found < 0 {
        return Err(rquickjs::Error::Exception);
    }
    if found == 0 {
        return Ok(None);
    }
    // SAFETY: initialized by the engine (found == 1).
    let desc = unsafe { desc.assume_init() };
    // SAFETY: the descriptor's references, each owned by one `Value` from here.
    let (field, getter, setter) = unsafe {
        (
            Value::from_raw(ctx.clone(), desc.value),
            Value::from_raw(ctx.clone(), desc.getter),
            Value::from_raw(ctx.clone(), desc.setter),
        )
    };
    drop((getter, setter));
    Ok((desc.flags & qjs::JS_PROP_GETSET as i32 == 0).then_some(field))
}

/// A readable view's buffer, byte offset and byte length; `None` for anything else (a detached
/// or out-of-bounds view, not a view).
pub fn live_view<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<(Value<'js>, usize, usize)> {
    match nodebuf_js::view_geometry(ctx, value)? {
        nodebuf_js::ViewGeometry::Live {
            buffer,
            byte_offset,
            byte_length,
        } => Some((buffer, byte_offset, byte_length)),
        _ => None,
    }
}
