//! The `native` binding object with its rarely used groups installed on first use.
//!
//! Every builtin reads its natives as properties of one object (`native.cryptoHashNew`,
//! `native.tlsConnect`...). Making all of them at start-up (a function object, a name atom
//! and a property each, about 1,500 instructions apiece through rquickjs) was 5% of an empty
//! script's instructions, most of it for modules the script never loads. Node binds its
//! natives per module as each loads (`internalBinding`); here the object is an engine class
//! whose only exotic behaviour is a property miss: the first read of a name it does not hold
//! installs the deferred groups, in the order given, until one defines that name. Reads of
//! names it holds never reach the hook (the engine finds own properties first), so a native
//! call costs what it did.
//!
//! Assignments (`native.moduleLoadList = ...` from the bootstrap, every `native.set` from Rust)
//! define a plain data property on the object without consulting the hook, as an ordinary
//! [[Set]] on an extensible object with `Object.prototype` above it does; the hook runs only
//! for reads, `in` and descriptors of absent names.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ffi::c_int;
use std::ptr::NonNull;

use rquickjs::{qjs, Ctx, Object, Value};

/// A group of natives: defines its functions and values on `native`.
pub type Install = Box<dyn for<'js> FnOnce(&Ctx<'js>, &Object<'js>) -> rquickjs::Result<()>>;

thread_local! {
    /// The runtime this thread registered the namespace class with, and the class's id there.
    static CLASS: Cell<(*mut qjs::JSRuntime, qjs::JSClassID)> =
        const { Cell::new((std::ptr::null_mut(), 0)) };
    /// The groups not installed yet, in the order a miss tries them.
    static DEFERRED: RefCell<VecDeque<Install>> = const { RefCell::new(VecDeque::new()) };
    /// Set while a group installs (or before [`arm`]): a miss then is just a miss.
    static QUIET: Cell<bool> = const { Cell::new(true) };
}

/// The engine hooks: a miss on read installs deferred groups; a [[Set]] of an absent name
/// defines it plainly. (The struct is only read by the engine.)
static NAMESPACE_METHODS: qjs::JSClassExoticMethods = qjs::JSClassExoticMethods {
    get_own_property: Some(on_missing_property),
    get_own_property_names: None,
    delete_property: None,
    define_own_property: None,
    has_property: None,
    get_property: None,
    set_property: Some(on_set_absent_property),
};

/// Makes the (not yet armed) namespace object: `Object.prototype` above it, the engine class
/// registered with this thread's runtime on first use. Groups added with [`defer`] are tried
/// only after [`arm`], so the eager installs that fill it first never trigger them.
pub fn new_namespace<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: `raw_ctx` is the live context `ctx` wraps. JS_NewClassID/JS_NewClass register a
    // class on its runtime (once per thread: one runtime per thread); the class definition is
    // copied by the engine except `exotic`, which points at a 'static. JS_NewObjectProtoClass
    // returns an owned value (or JS_EXCEPTION), wrapped here once.
    unsafe {
        let rt = qjs::JS_GetRuntime(raw_ctx);
        let (registered_with, mut id) = CLASS.with(Cell::get);
        if registered_with != rt {
            id = 0;
            qjs::JS_NewClassID(rt, &mut id);
            let def = qjs::JSClassDef {
                class_name: c"Object".as_ptr(),
                finalizer: None,
                gc_mark: None,
                call: None,
                exotic: std::ptr::addr_of!(NAMESPACE_METHODS).cast_mut(),
            };
            if qjs::JS_NewClass(rt, id, &def) != 0 {
                return Err(rquickjs::Error::Allocation);
            }
            CLASS.with(|slot| slot.set((rt, id)));
        }
        let proto = ctx
            .globals()
            .get::<_, Object>("Object")?
            .get::<_, Object>("prototype")?;
        let raw = qjs::JS_NewObjectProtoClass(raw_ctx, proto.as_raw(), id);
        if qjs::JS_IsException(raw) {
            return Err(rquickjs::Error::Exception);
        }
        let value = Value::from_raw(ctx.clone(), raw);
        value.into_object().ok_or(rquickjs::Error::Exception)
    }
}

/// Adds a group to be installed when a read first misses (groups are tried in the order
/// deferred).
pub fn defer(install: Install) {
    DEFERRED.with(|groups| groups.borrow_mut().push_back(install));
}

/// Lets misses install the deferred groups from now on.
pub fn arm() {
    QUIET.with(|quiet| quiet.set(false));
}

/// Drops the groups never installed (the thread's runtime is going away).
pub fn clear() {
    DEFERRED.with(|groups| groups.borrow_mut().clear());
    QUIET.with(|quiet| quiet.set(true));
}

/// Installs deferred groups until `prop` is an own property of `obj`; fills `desc` (when not
/// null) as the engine's own lookup would. 1 when found, 0 when no group defines it, -1 with
/// an exception pending when a group failed.
unsafe extern "C" fn on_missing_property(
    ctx: *mut qjs::JSContext,
    desc: *mut qjs::JSPropertyDescriptor,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
) -> c_int {
    if QUIET.with(Cell::get) {
        return 0;
    }
    let Some(raw_ctx) = NonNull::new(ctx) else {
        return 0;
    };
    // A panic must not unwind into C; a group that panics is reported as an exception.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: the engine calls this hook with its live context and a borrowed `obj` (an
        // object of this class); both are duplicated into owned rquickjs handles for the
        // duration of the call.
        let ctx = unsafe { Ctx::from_raw(raw_ctx) };
        let target =
            unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx.as_ptr(), obj)) };
        let Some(target) = target.into_object() else {
            return 0;
        };
        loop {
            let Some(group) = DEFERRED.with(|groups| groups.borrow_mut().pop_front()) else {
                return 0;
            };
            QUIET.with(|quiet| quiet.set(true));
            let installed = group(&ctx, &target);
            // SAFETY: the engine's own-property lookup on a live object; with QUIET set it
            // does not re-enter this hook. `desc` is the caller's (possibly null) out-pointer.
            let found = installed.map(|()| unsafe {
                qjs::JS_GetOwnProperty(raw_ctx.as_ptr(), desc, target.as_raw(), prop)
            });
            QUIET.with(|quiet| quiet.set(false));
            match found {
                Ok(0) => continue,
                Ok(status) => return status,
                Err(e) => {
                    if !matches!(e, rquickjs::Error::Exception) {
                        let _ = rquickjs::Exception::throw_internal(&ctx, &e.to_string());
                    }
                    return -1;
                }
            }
        }
    }));
    outcome.unwrap_or_else(|_| {
        // SAFETY: a live context; the message has no format conversions.
        unsafe { qjs::JS_ThrowInternalError(ctx, c"nodebuf: internal error".as_ptr()) };
        -1
    })
}

/// [[Set]] of a name the object does not hold: a writable, enumerable, configurable data
/// property on the receiver, as an ordinary object's [[Set]] makes one.
unsafe extern "C" fn on_set_absent_property(
    ctx: *mut qjs::JSContext,
    _obj: qjs::JSValue,
    prop: qjs::JSAtom,
    value: qjs::JSValue,
    receiver: qjs::JSValue,
    flags: c_int,
) -> c_int {
    // SAFETY: the engine passes its live context and borrowed values; JS_DefinePropertyValue
    // takes ownership of the duplicate of `value` it is given.
    unsafe {
        qjs::JS_DefinePropertyValue(
            ctx,
            receiver,
            prop,
            qjs::JS_DupValue(ctx, value),
            (qjs::JS_PROP_C_W_E as c_int) | (flags & qjs::JS_PROP_THROW as c_int),
        )
    }
}
