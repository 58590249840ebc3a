//! The boundary every Buffer method crosses, declared once per method as a [`Method`] and
//! turned into one raw QuickJS native by [`entry`]. The generated native enforces the order
//! every entry point follows:
//!
//! 1. **coerce**: every argument that can run JS (valueOf, toString, `Symbol.toPrimitive`,
//!    getters, Proxy traps) is converted first — [`Method::before`] for Node's ordered steps,
//!    then [`Prepared::new`] with [`Method::flags`];
//! 2. **resolve**: the receiver's and the arguments' bytes are located from the engine's
//!    internal slots ([`crate::raw::region`]), never from JS properties;
//! 3. **operate**: [`Method::op`] runs on those bytes, and no JS runs until its result is a JS
//!    value ([`Method::ret`]).
//!
//! The plain call (primitives, strings and Uint8Arrays only: nothing to coerce) takes the same
//! three steps without building rquickjs handles ([`with_args`]); any call the core rejects, or
//! that needs JS to describe, is handed unchanged to the general path, which renders Node's
//! exact error. Both paths call the same `op` — there is no second copy of a method's shape.

use std::ffi::{c_int, CStr};
use std::ptr::NonNull;

use nodebuf_core::args::{Arg, ObjectArg};
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::args::{self, Prepared};
use crate::engine::{guard, prim, tag, throw_error, u8_bytes, Raw, EXCEPTION};
use crate::raw::StrRef;
use crate::state::CtxState;

/// Most arguments any declared method reads.
pub const MAX_ARITY: usize = 6;

/// How a method uses its receiver's bytes, as the type `op` receives.
pub trait Receiver<'a>: Sized {
    /// Whether the receiver must be a Uint8Array (else Node's receiver TypeError).
    const NEEDS_BYTES: bool;
    /// Whether `op` writes the receiver (argument bytes overlapping it are then copied).
    const WRITES: bool;
    /// The receiver's bytes as `op` sees them.
    ///
    /// # Safety
    /// `ptr..ptr+len` must be live bytes that no other reference aliases mutably (for a
    /// writing receiver: no reference at all) while the result lives, and no JS may run then.
    unsafe fn from_raw(ptr: *mut u8, len: usize) -> Self;
}

/// A static: no receiver bytes.
impl<'a> Receiver<'a> for () {
    const NEEDS_BYTES: bool = false;
    const WRITES: bool = false;
    unsafe fn from_raw(_: *mut u8, _: usize) -> Self {}
}

/// A method that reads its receiver.
impl<'a> Receiver<'a> for &'a [u8] {
    const NEEDS_BYTES: bool = true;
    const WRITES: bool = false;
    unsafe fn from_raw(ptr: *mut u8, len: usize) -> Self {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    }
}

/// A method that writes its receiver.
impl<'a> Receiver<'a> for &'a mut [u8] {
    const NEEDS_BYTES: bool = true;
    const WRITES: bool = true;
    unsafe fn from_raw(ptr: *mut u8, len: usize) -> Self {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(ptr, len) }
    }
}

/// One Buffer method (or a family sharing a shape, told apart by `magic`), declared once.
/// [`entry`] generates its raw native: the plain-call path and the general path both end in
/// [`Method::op`].
pub trait Method: 'static {
    /// The receiver's bytes `op` takes: `()`, `&[u8]` or `&mut [u8]`.
    type This<'a>: Receiver<'a>;
    /// What `op` returns.
    type Out;
    /// How many arguments the method reads (at most [`MAX_ARITY`]).
    const ARITY: usize;
    /// Bit `i`: at argument `i` Node takes a Uint8Array as a value (its bytes), so the plain
    /// path may pass one there as it is. Elsewhere Node coerces objects (the general path).
    const VIEWS: u8 = 0;
    /// Whether Node's JS reads `this.length` as a property on every call (not only on an
    /// error): the plain path then runs only when that read is the engine's own getter
    /// ([`crate::raw::length_is_intrinsic`]), so no user getter is skipped.
    const READS_LENGTH: bool = false;

    /// Whose `length` Node's JS reads as a property on this call: bit 0 the receiver's
    /// ([`Method::READS_LENGTH`] by default), bit `i + 1` argument `i`'s (when it is an
    /// object). The plain path runs only when each of those reads is the engine's own getter
    /// ([`lengths_are_intrinsic`]); otherwise the general path (and [`Method::before`]) makes
    /// Node's reads. Runs no JS.
    /// `arg(i)` is argument `i` as the caller passed it (`undefined` past the end).
    #[inline(always)]
    fn reads_lengths(_call: Call, _arg: &dyn Fn(usize) -> Raw) -> u16 {
        u16::from(Self::READS_LENGTH)
    }

    /// The operation, on resolved bytes and described arguments. Runs no JS; must change
    /// nothing when it fails (a failed plain call is run again on the general path).
    fn op(this: Self::This<'_>, args: &[Arg<'_>], call: Call) -> Result<Self::Out, NodeError>;

    /// The JS value of a result, as a new reference (or `JS_EXCEPTION`): `this` is the
    /// receiver, for methods that return it.
    ///
    /// # Safety
    /// `ctx` must be live and `this` a value of it.
    unsafe fn ret(ctx: *mut qjs::JSContext, st: &CtxState<'_>, this: Raw, out: Self::Out) -> Raw;

    /// The coercion phase's flags per argument ([`crate::args::coerce`]): what Node does to an
    /// object at each position, which may depend on the other arguments. Runs no JS.
    fn flags(_args: &[Value<'_>], _call: Call) -> [u8; MAX_ARITY] {
        [args::coerce::NONE; MAX_ARITY]
    }

    /// Node's ordered steps before the uniform coercion (they may run JS, and may replace
    /// arguments by what they converted): `Some(value)` is the call's result, decided early.
    fn before<'js>(
        _ctx: &Ctx<'js>,
        _st: &CtxState<'_>,
        _this: &Value<'js>,
        _args: &mut [Value<'js>],
        _call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        Ok(None)
    }

    /// Node's JS reads the receiver's `length` as a property when a bounds check fails and
    /// formats its error with it (`boundsError(offset, this.length - width)`): for a failed
    /// call, which argument is the offset and the width subtracted, or `None` (no such read).
    /// The general path then reads `length` exactly where Node does ([`crate::order::
    /// visible_bounds_error`]). Runs no JS.
    fn bounds_read(_args: &[Arg<'_>], _call: Call) -> Option<(usize, usize)> {
        None
    }

    /// Whether the plain path may take this call beyond what [`Method::reads_lengths`] says:
    /// `false` where Node's JS reads a property of an object the call makes (e.g. the new
    /// Buffer of `Buffer.alloc(size, fill)`) and a script redefined what that read reaches, so
    /// the general path makes the read. Runs no JS.
    ///
    /// # Safety
    /// `ctx` live, `argv[..argc]` its values.
    #[inline(always)]
    unsafe fn plain_allowed(
        _ctx: *mut qjs::JSContext,
        _st: &CtxState<'_>,
        _argc: c_int,
        _argv: *mut Raw,
    ) -> bool {
        true
    }

    /// The [`crate::foreign::id`] of Node's JS algorithm for this method, when a receiver that
    /// is not a Uint8Array goes there (the default [`Method::divert`]); `None`: every receiver
    /// stays with this native.
    #[inline(always)]
    fn foreign_id(_call: Call) -> Option<usize> {
        None
    }

    /// Node's JS method in the JS half that takes a receiver this native does not: any that
    /// is not a Uint8Array, or one whose method read Node's JS makes would not reach this
    /// install's own function ([`crate::foreign::divert`]). `None`: this native runs. Must
    /// run no JS before it decides. The default sends receivers that are not Uint8Arrays to
    /// [`Method::foreign_id`]'s algorithm.
    ///
    /// # Safety
    /// `ctx` live, `this`/`argv[..argc]` its values.
    #[inline(always)]
    unsafe fn divert(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        this: Raw,
        argc: c_int,
        argv: *mut Raw,
        call: Call,
    ) -> Option<Raw> {
        let id = Self::foreign_id(call)?;
        // SAFETY: the caller's values.
        unsafe { crate::foreign::divert(ctx, st, this, argc, argv, id) }
    }

    /// A cheaper plain path for a call shape the method knows well (e.g. `toString()` of ASCII
    /// bytes); `None` takes the declared paths. Must run no JS.
    ///
    /// # Safety
    /// `ctx` live, `this`/`argv[..argc]` its values.
    unsafe fn shortcut(
        _ctx: *mut qjs::JSContext,
        _st: &CtxState<'_>,
        _this: Raw,
        _argc: c_int,
        _argv: *mut Raw,
        _call: Call,
    ) -> Option<Raw> {
        None
    }
}

/// Whether every `length` read `reads` names ([`Method::reads_lengths`]: bit 0 `this`, bit
/// `i + 1` `args[i]` when an object) runs only the engine's own getter, so skipping it skips no
/// user code and answers the real length. Runs no JS.
pub fn lengths_are_intrinsic<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    args: &[Value<'js>],
    reads: u16,
) -> bool {
    (reads & 1 == 0 || crate::raw::length_is_intrinsic(ctx, this))
        && args.iter().enumerate().all(|(i, a)| {
            reads & (1 << (i + 1)) == 0 || !a.is_object() || crate::raw::length_is_intrinsic(ctx, a)
        })
}

/// What a method knows of its call besides the arguments.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    /// The function's magic: which member of a method family this is.
    pub magic: i32,
    /// How many arguments the caller passed (Node's `arguments.length`).
    pub argc: usize,
}

/// The raw native [`Method`] `M` declares: `JS_NewCFunctionData2`'s signature, made with
/// [`make`].
///
/// # Safety
/// Called by the engine only, with a function made by [`make`].
pub unsafe extern "C" fn entry<M: Method>(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    let call = Call {
        magic,
        argc: argc.max(0) as usize,
    };
    let this = crate::engine::whole(this);
    guard(ctx, || {
        // SAFETY: the engine passes live values of `ctx`; `data` belongs to a function made by
        // `make`.
        unsafe {
            let st = state(data);
            if let Some(r) = M::divert(ctx, st, this, argc, argv, call) {
                return r;
            }
            if let Some(r) = M::shortcut(ctx, st, this, argc, argv, call) {
                return r;
            }
            if let Some(r) = plain::<M>(ctx, st, this, argc, argv, call) {
                return r;
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                run_general::<M>(c, st, this, a, call)
            })
        }
    })
}

/// The plain call: no argument needs JS to describe, so resolve and operate at once. `None`
/// hands the call to the general path.
///
/// # Safety
/// Live values of `ctx`.
#[inline(always)]
pub unsafe fn plain<M: Method>(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    call: Call,
) -> Option<Raw> {
    let (ptr, len) = if <M::This<'_> as Receiver>::NEEDS_BYTES {
        // SAFETY: a live value; only its slots are read.
        unsafe { u8_bytes(ctx, this) }?
    } else {
        (NonNull::dangling().as_ptr(), 0)
    };
    // SAFETY: the engine's `argc` values at `argv`.
    if !unsafe { M::plain_allowed(ctx, st, argc, argv) } {
        return None;
    }
    // SAFETY: the engine's `argc` values at `argv`.
    let reads = M::reads_lengths(call, &|i| unsafe { crate::engine::arg(argc, argv, i) });
    // An empty receiver's `length` is falsy, which Node's JS may follow with another read
    // (`this.length || this.byteLength`): the general path decides. A receiver whose `length`
    // read could run user code takes the general path, which makes Node's reads.
    // SAFETY: a live receiver of `ctx`.
    if reads & 1 != 0 && (len == 0 || !unsafe { crate::raw::length_is_intrinsic_raw(ctx, this) }) {
        return None;
    }
    // Arguments whose `length` Node's JS reads.
    let reads = reads & !1;
    if reads != 0 {
        // SAFETY: the engine is running this native, so the context is live and locked; each
        // value is duplicated for its handle, which frees it.
        let plain_lengths = unsafe {
            let c = Ctx::from_raw(NonNull::new_unchecked(ctx));
            let v = |raw: Raw| Value::from_raw(c.clone(), qjs::JS_DupValue(ctx, raw));
            let args: Vec<Value<'_>> = (0..(argc.max(0) as usize).min(15))
                .map(|i| v(*argv.add(i)))
                .collect();
            lengths_are_intrinsic(&c, &v(this), &args, reads)
        };
        if !plain_lengths {
            return None;
        }
    }
    let written = <M::This<'_> as Receiver>::WRITES.then_some((ptr, len));
    // `M::ARITY` is a constant: after monomorphization one arm remains, describing exactly
    // the arguments the method reads in an array of that size.
    // SAFETY: the engine's values (the caller's contract).
    let out = unsafe {
        match M::ARITY {
            0 => plain_op::<M, 0>(ctx, argc, argv, (ptr, len), written, call),
            1 => plain_op::<M, 1>(ctx, argc, argv, (ptr, len), written, call),
            2 => plain_op::<M, 2>(ctx, argc, argv, (ptr, len), written, call),
            3 => plain_op::<M, 3>(ctx, argc, argv, (ptr, len), written, call),
            4 => plain_op::<M, 4>(ctx, argc, argv, (ptr, len), written, call),
            5 => plain_op::<M, 5>(ctx, argc, argv, (ptr, len), written, call),
            _ => plain_op::<M, MAX_ARITY>(ctx, argc, argv, (ptr, len), written, call),
        }
    }??;
    // SAFETY: a live context and receiver.
    Some(unsafe { M::ret(ctx, st, this, out) })
}

/// [`plain`]'s operation on `K` described arguments.
///
/// # Safety
/// As [`plain`]; `(ptr, len)` are the receiver's bytes located with no JS since.
#[inline(always)]
unsafe fn plain_op<M: Method, const K: usize>(
    ctx: *mut qjs::JSContext,
    argc: c_int,
    argv: *mut Raw,
    (ptr, len): (*mut u8, usize),
    written: Option<(*mut u8, usize)>,
    call: Call,
) -> Option<Option<M::Out>> {
    // SAFETY: the engine's values; `with_args` sends views overlapping `written` to the general
    // path, so the receiver's bytes are not aliased; `op` runs no JS.
    unsafe {
        with_args::<K, _>(ctx, K, argc, argv, written, M::VIEWS, |a| {
            M::op(M::This::from_raw(ptr, len), a, call).ok()
        })
    }
}

/// The general path of `M` on rquickjs handles: coerce, resolve, operate.
pub fn run_general<'js, M: Method>(
    ctx: &Ctx<'js>,
    st: &CtxState<'_>,
    this: Value<'js>,
    given: &[Value<'js>],
    call: Call,
) -> rquickjs::Result<Value<'js>> {
    let mut values: Vec<Value<'js>> = (0..M::ARITY).map(|i| nth(ctx, given, i)).collect();
    // 1. coerce (a receiver that is not a Uint8Array is refused first, as Node does)
    if let Some(early) = M::before(ctx, st, &this, &mut values, call)? {
        return Ok(early);
    }
    if <M::This<'_> as Receiver>::NEEDS_BYTES {
        args::this_bytes(ctx, &this)?;
    }
    let flags = M::flags(&values, call);
    let mut prepared = Prepared::new(ctx, &values, &flags)?;
    // 2. resolve and 3. operate (again after rendering facts an error message needs)
    let out = if <M::This<'_> as Receiver>::NEEDS_BYTES {
        // A bounds failure whose message Node formats from `this.length`: the real length,
        // the offset, the width and the error the real bytes gave.
        let mut bounds: Option<(usize, f64, usize, NodeError)> = None;
        let out = prepared.run_on(
            ctx,
            &this,
            <M::This<'_> as Receiver>::WRITES,
            |ptr, len, a| {
                // SAFETY: `run_on` located these bytes just now with no JS since and copied any
                // argument bytes that overlap a written receiver; `op` runs no JS.
                let r = M::op(unsafe { M::This::from_raw(ptr, len) }, a, call);
                match (r, M::bounds_read(a, call)) {
                    (Err(e), Some((at, width))) => match a[at] {
                        Arg::Number(offset) => {
                            bounds = Some((len, offset, width, e));
                            Ok(None)
                        }
                        Arg::Undefined => {
                            bounds = Some((len, 0.0, width, e));
                            Ok(None)
                        }
                        _ => Err(e),
                    },
                    (r, _) => r.map(Some),
                }
            },
        )?;
        match (out, bounds) {
            (Some(out), _) => out,
            (None, Some((len, offset, width, e))) => {
                let e = crate::order::visible_bounds_error(ctx, &this, len, offset, width, e)?;
                return Err(crate::throw_node_error(ctx, &e));
            }
            (None, None) => unreachable!("a bounds failure is recorded"),
        }
    } else {
        prepared.run_static(ctx, |a| {
            // SAFETY: no receiver bytes.
            M::op(
                unsafe { M::This::from_raw(NonNull::dangling().as_ptr(), 0) },
                a,
                call,
            )
        })?
    };
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: a live context and receiver; the result is a new reference owned from here.
    let value = unsafe { Value::from_raw(ctx.clone(), M::ret(raw_ctx, st, this.as_raw(), out)) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// Describes arguments `0..arity` (at most `N`; missing ones are undefined) without running JS and runs `f` on
/// them; `None` when one needs the general path: an object other than a Uint8Array, a
/// Uint8Array at a position whose bit is clear in `view_positions` (bit `i` for argument `i`:
/// where Node takes a view as a value rather than coercing it), a symbol or BigInt, or a
/// Uint8Array whose bytes overlap `written` (the bytes the method will write).
/// The storage the [`Arg`]s borrow stays in this frame (nothing large is moved).
///
/// # Safety
/// `argv` must hold `argc` values of the live context `ctx`, and `f` must not run JS (the view
/// bytes it sees are valid only until JS runs).
#[inline(always)]
pub unsafe fn with_args<const N: usize, R>(
    ctx: *mut qjs::JSContext,
    arity: usize,
    argc: c_int,
    argv: *mut Raw,
    written: Option<(*mut u8, usize)>,
    view_positions: u8,
    f: impl FnOnce(&[Arg<'_>; N]) -> R,
) -> Option<R> {
    // Missing arguments stay undefined.
    let given = N.min(arity).min(argc.max(0) as usize);
    // Declared before the arguments that borrow from it.
    let mut storage: Option<ArgStorage<N>> = None;
    // Filled in place (a copy of the array just written is a load its stores cannot forward).
    let mut args: [Arg<'_>; N] = [Arg::Undefined; N];
    let mut rest = false;
    for (i, slot) in args.iter_mut().enumerate().take(given) {
        // SAFETY: i < argc.
        match prim(unsafe { *argv.add(i) }) {
            Some(p) => *slot = p,
            None => rest = true,
        }
    }
    // The common case: primitives only, no storage to borrow from. A result of more than two
    // words is returned through memory, so for those `f` is called from one place only, below,
    // and inlined there: a result written by a call and read back at once is a load the stores
    // before it cannot forward (measured: `allocUnsafe(100)` 191 -> 177 ns). Smaller results
    // come back in registers, and the early return keeps their callers' code as it was.
    if !rest && std::mem::size_of::<R>() <= 16 {
        return Some(f(&args));
    }
    if rest {
        let (strings, views) = storage.insert((std::array::from_fn(|_| None), [None; N]));
        describe_rest(ctx, given, argv, written, view_positions, strings, views)?;
    }
    if let Some((strings, views)) = &storage {
        for i in 0..given {
            if let Some(s) = &strings[i] {
                args[i] = Arg::String(s.as_js_str());
            } else if let Some(o) = &views[i] {
                args[i] = Arg::Object(o);
            }
        }
    }
    Some(f(&args))
}

/// Where [`with_args`] keeps the strings and views its non-primitive arguments borrow.
type ArgStorage<const N: usize> = ([Option<StrRef>; N], [Option<ObjectArg<'static>>; N]);

/// [`with_args`] for arguments that are not all primitives: each string referenced, each
/// Uint8Array located; `None` when one needs the general path.
///
/// # Safety
/// As [`with_args`]: the views' bytes are valid only until JS runs.
#[inline(always)]
unsafe fn describe_rest<const N: usize>(
    ctx: *mut qjs::JSContext,
    given: usize,
    argv: *mut Raw,
    written: Option<(*mut u8, usize)>,
    view_positions: u8,
    strings: &mut [Option<StrRef>; N],
    views: &mut [Option<ObjectArg<'static>>; N],
) -> Option<()> {
    for i in 0..given {
        // SAFETY: i < argc.
        let v = unsafe { *argv.add(i) };
        match tag(v) {
            // SAFETY: a string of this context; the StrRef is dropped with this frame.
            qjs::JS_TAG_STRING => strings[i] = Some(unsafe { StrRef::from_raw(ctx, v) }?),
            qjs::JS_TAG_OBJECT => {
                // Only the bits of `view_positions` take a Uint8Array as it is; elsewhere Node coerces an
                // object (`+buf` is `Number(buf.toString())`, an encoding is `String(value)`),
                // which the general path does.
                if view_positions & (1 << i) == 0 {
                    return None;
                }
                // SAFETY: the caller's contract.
                let (ptr, len) = unsafe { u8_bytes(ctx, v) }?;
                if let Some((w, wlen)) = written {
                    let (a, b) = (w as usize, ptr as usize);
                    if len > 0 && wlen > 0 && a < b + len && b < a + wlen {
                        return None;
                    }
                }
                // SAFETY: located just now; no JS runs until this frame ends (`f` runs none;
                // the 'static never escapes it), and the bytes do not overlap the written ones.
                let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(ptr, len) };
                views[i] = Some(ObjectArg::uint8_array(bytes));
            }
            _ if prim(v).is_some() => {}
            _ => return None,
        }
    }
    Some(())
}

/// The install a native belongs to, from the two int32 halves of its address stored as the
/// function's data.
///
/// # Safety
/// `data` must be the data array of a function made by [`make`] (states live until the runtime
/// drops its userdata, after which no JS runs).
pub unsafe fn state<'a>(data: *mut Raw) -> &'a CtxState<'static> {
    // SAFETY: [`make`] stored two int values.
    let (lo, hi) = unsafe {
        (
            qjs::JS_VALUE_GET_INT(*data) as u32 as u64,
            qjs::JS_VALUE_GET_INT(*data.add(1)) as u32 as u64,
        )
    };
    // SAFETY: the address of a boxed CtxState that outlives every call (see above).
    unsafe { &*(((hi << 32) | lo) as usize as *const CtxState<'static>) }
}

/// Runs the general path: `f` gets rquickjs handles for `this` and the arguments.
///
/// # Safety
/// `raw_ctx` must be live and `this`/`argv[..argc]` values of it.
pub unsafe fn general(
    raw_ctx: *mut qjs::JSContext,
    data: *mut Raw,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    f: impl for<'js> FnOnce(&Ctx<'js>, Value<'js>, &[Value<'js>]) -> rquickjs::Result<Value<'js>>,
) -> Raw {
    // SAFETY: the engine is running this native, so the context is live and locked.
    let ctx = unsafe { Ctx::from_raw(NonNull::new_unchecked(raw_ctx)) };
    // SAFETY: `data` belongs to a function made by `make`; `this` is live.
    let this = match unsafe { constructed_this(raw_ctx, state(data), this) } {
        Some(v) if tag(v) == qjs::JS_TAG_EXCEPTION => return EXCEPTION,
        // SAFETY: a new reference owned from here.
        Some(v) => unsafe { Value::from_raw(ctx.clone(), v) },
        // SAFETY: duplicated, so the rquickjs handle owns a reference.
        None => unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx, this)) },
    };
    let args: Vec<Value> = (0..argc.max(0) as usize)
        // SAFETY: as above, `i < argc`.
        .map(|i| unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx, *argv.add(i))) })
        .collect();
    match f(&ctx, this, &args) {
        // SAFETY: a new reference for the engine; `v` drops its own.
        Ok(v) => unsafe { qjs::JS_DupValue(raw_ctx, v.as_raw()) },
        Err(e) => throw_error(&ctx, e),
    }
}

/// When a native runs as a constructor (`new buf.indexOf(1)`: the engine passes new.target,
/// the native itself, as `this`), the object a plain function would have been given: a new
/// object inheriting from the native's `prototype`. `None` for ordinary calls.
///
/// # Safety
/// `this` must be a live value of `ctx`.
pub(crate) unsafe fn constructed_this(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    this: Raw,
) -> Option<Raw> {
    if tag(this) != qjs::JS_TAG_OBJECT {
        return None;
    }
    let is_native = st.natives.borrow().iter().any(|f| {
        // SAFETY: both are objects; only their addresses are compared.
        unsafe { qjs::JS_VALUE_GET_PTR(f.as_raw()) == qjs::JS_VALUE_GET_PTR(this) }
    });
    if !is_native {
        return None;
    }
    // SAFETY: live values; the prototype is owned and freed after use.
    unsafe {
        let proto = qjs::JS_GetProperty(ctx, this, st.atoms.prototype);
        if qjs::JS_IsException(proto) {
            return Some(EXCEPTION);
        }
        let obj = if tag(proto) == qjs::JS_TAG_OBJECT {
            qjs::JS_NewObjectProto(ctx, proto)
        } else {
            qjs::JS_NewObject(ctx)
        };
        qjs::JS_FreeValue(ctx, proto);
        Some(obj)
    }
}

/// Argument `i` of a general-path call, or undefined.
pub fn nth<'js>(ctx: &Ctx<'js>, args: &[Value<'js>], i: usize) -> Value<'js> {
    args.get(i)
        .cloned()
        .unwrap_or_else(|| Value::new_undefined(ctx.clone()))
}

/// Calls `f` with `this` and the arguments as given (the JS half's general implementation).
///
/// # Safety
/// Live values of `ctx`.
pub unsafe fn call_js(
    ctx: *mut qjs::JSContext,
    f: &Value<'_>,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
) -> Raw {
    // SAFETY: the caller's values; JS_Call returns a new reference or JS_EXCEPTION.
    unsafe { qjs::JS_Call(ctx, f.as_raw(), this, argc, argv) }
}

/// The signature of a raw native with magic and data (`JS_NewCFunctionData2`).
pub type DataFn =
    unsafe extern "C" fn(*mut qjs::JSContext, Raw, c_int, *mut Raw, c_int, *mut Raw) -> Raw;

/// A raw native bound to the install `st`.
pub fn make<'js>(
    ctx: &Ctx<'js>,
    st: *const CtxState<'js>,
    f: DataFn,
    name: &CStr,
    length: i32,
    magic: i32,
) -> rquickjs::Result<Value<'js>> {
    let addr = st as usize as u64;
    let mut data = [
        qjs::JS_MKVAL(qjs::JS_TAG_INT, addr as u32 as i32),
        qjs::JS_MKVAL(qjs::JS_TAG_INT, (addr >> 32) as u32 as i32),
    ];
    // SAFETY: the data are two ints (not reference counted); the name is NUL-terminated; the
    // result is a new reference (or JS_EXCEPTION) owned by the returned Value.
    let raw = unsafe {
        qjs::JS_NewCFunctionData2(
            ctx.as_raw().as_ptr(),
            Some(f),
            name.as_ptr(),
            length,
            magic,
            2,
            data.as_mut_ptr(),
        )
    };
    // SAFETY: as above.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    // Node's methods are plain functions: `new` on them runs them (see `constructed_this`).
    // SAFETY: a live function object.
    unsafe { qjs::JS_SetConstructorBit(ctx.as_raw().as_ptr(), raw, true) };
    // SAFETY: `st` is the live state `make_fast` registered (same runtime and lifetime).
    unsafe { (*st).natives.borrow_mut().push(value.clone()) };
    Ok(value)
}
