//! `Atomics.wait` and `Atomics.notify` on nodebuf-core's waiter queues instead of QuickJS's
//! own, so that a wait can be interrupted: `worker.terminate()` fires the worker agent's
//! [`WaitInterrupt`], which wakes a worker blocked in `Atomics.wait` (Node's V8 does the same
//! through its isolate's termination request), and the worker then unwinds as terminated.
//!
//! Every SharedArrayBuffer of the process is a core store (see `shared_memory`), so waiters on
//! one element from any thread share one queue. Arguments are checked and converted in V8's
//! order, with V8's messages: the array's kind and sharedness (engine slots), the index
//! (`ToIndex`, then against the length), the value, the timeout (or count); then the memory is
//! resolved from the engine's slots and the wait runs with no JS in between.

use nodebuf_core::atomics;
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::typed_array::{BigInt64Array, Int32Array};
use rquickjs::function::Rest;
use rquickjs::object::Property;
use rquickjs::{qjs, Ctx, Exception, Function, Object, Result, Value};

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::host::agent::{Agent, Event};
use crate::host::shared_memory;
use crate::modules::messaging::throw_uncatchable;

/// The element kinds `Atomics.wait`/`notify` accept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Waitable {
    Int32,
    BigInt64,
}

/// Where a validated typed array's elements are: its buffer, byte offset and length.
struct Geometry<'js> {
    buffer: Value<'js>,
    byte_offset: usize,
    length: usize,
}

fn undefined<'js>(ctx: &Ctx<'js>) -> Value<'js> {
    Value::new_undefined(ctx.clone())
}

fn arg<'js>(ctx: &Ctx<'js>, args: &Rest<Value<'js>>, i: usize) -> Value<'js> {
    args.0.get(i).cloned().unwrap_or_else(|| undefined(ctx))
}

const TYPED_ARRAY_NAMES: [&str; 12] = [
    "Uint8ClampedArray",
    "Int8Array",
    "Uint8Array",
    "Int16Array",
    "Uint16Array",
    "Int32Array",
    "Uint32Array",
    "BigInt64Array",
    "BigUint64Array",
    "Float16Array",
    "Float32Array",
    "Float64Array",
];

/// The engine's typed array kind of `value` (its internal slot), or -1.
fn typed_array_type(value: &Value<'_>) -> i32 {
    if !value.is_object() {
        return -1;
    }
    // SAFETY: a live object of this context; the call only reads its class.
    unsafe { qjs::JS_GetTypedArrayType(value.as_raw()) }
}

/// How V8 names a value in `... is not an int32 or BigInt64 typed array.`: primitives as
/// their string, arrays and typed arrays as `[object Kind]`, other objects as `#<Kind>`.
fn describe<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> String {
    let kind = typed_array_type(value);
    if let Some(name) = usize::try_from(kind)
        .ok()
        .and_then(|k| TYPED_ARRAY_NAMES.get(k))
    {
        return format!("[object {name}]");
    }
    if let Some(symbol) = value.as_symbol() {
        let description: Option<String> = symbol
            .description()
            .ok()
            .and_then(|d| d.as_string().and_then(|s| s.to_string().ok()));
        return format!("Symbol({})", description.unwrap_or_default());
    }
    if let Some(function) = value.as_function() {
        let source: Option<String> = ctx
            .eval::<Function, _>("(f) => Function.prototype.toString.call(f)")
            .and_then(|to_string| to_string.call((function.clone(),)))
            .ok();
        return source.unwrap_or_else(|| "function".into());
    }
    if value.is_object() {
        // SAFETY: a live value; both calls only read its class.
        if unsafe { qjs::JS_IsArray(value.as_raw()) } {
            return "[object Array]".into();
        }
        // SAFETY: as above.
        if unsafe { qjs::JS_IsDataView(value.as_raw()) } {
            return "#<DataView>".into();
        }
        return "#<Object>".into();
    }
    crate::jsstr::to_utf8_lossy(ctx, value).unwrap_or_default()
}

/// ValidateIntegerTypedArray(ta, waitable = true): Int32Array or BigInt64Array, else V8's
/// TypeError.
fn waitable_kind<'js>(ctx: &Ctx<'js>, ta: &Value<'js>) -> Result<Waitable> {
    match typed_array_type(ta) {
        k if k == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT32 as i32 => Ok(Waitable::Int32),
        k if k == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_INT64 as i32 => Ok(Waitable::BigInt64),
        _ => Err(Exception::throw_type(
            ctx,
            &format!(
                "{} is not an int32 or BigInt64 typed array.",
                describe(ctx, ta)
            ),
        )),
    }
}

/// The buffer, offset and element count of a typed array, from the engine's slots.
fn geometry<'js>(ctx: &Ctx<'js>, ta: &Value<'js>) -> Result<Geometry<'js>> {
    let (mut offset, mut byte_length, mut element) = (0, 0, 0);
    // SAFETY: `ta` is a live typed array of this context (checked by the caller); the call
    // returns a new reference to its buffer (or the exception marker), owned by the Value.
    let buffer = unsafe {
        let raw = qjs::JS_GetTypedArrayBuffer(
            ctx.as_raw().as_ptr(),
            ta.as_raw(),
            &mut offset,
            &mut byte_length,
            &mut element,
        );
        Value::from_raw(ctx.clone(), raw)
    };
    if buffer.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(Geometry {
        buffer,
        byte_offset: offset as usize,
        length: (byte_length as usize)
            .checked_div(element as usize)
            .unwrap_or(0),
    })
}

fn invalid_index(ctx: &Ctx<'_>) -> rquickjs::Error {
    Exception::throw_range(ctx, "Invalid atomic access index")
}

/// ValidateAtomicAccess: `ToIndex(index)`, then below the array's current length.
fn element_index<'js>(ctx: &Ctx<'js>, ta: &Value<'js>, index: &Value<'js>) -> Result<usize> {
    let n = to_number(ctx, index)?;
    let n = if n.is_nan() { 0.0 } else { n.trunc() };
    if !(0.0..=9_007_199_254_740_991.0).contains(&n) {
        return Err(invalid_index(ctx));
    }
    let length = geometry(ctx, ta)?.length;
    if n >= length as f64 {
        return Err(invalid_index(ctx));
    }
    Ok(n as usize)
}

fn to_number(ctx: &Ctx<'_>, value: &Value<'_>) -> Result<f64> {
    let mut n = 0.0;
    // SAFETY: a live value of this context; on failure the exception is pending.
    if unsafe { qjs::JS_ToFloat64(ctx.as_raw().as_ptr(), &mut n, value.as_raw()) } < 0 {
        return Err(rquickjs::Error::Exception);
    }
    Ok(n)
}

/// The expected value: `ToInt32` or `ToBigInt64` by the array's kind.
enum Expected {
    Int32(i32),
    BigInt64(i64),
}

fn expected(ctx: &Ctx<'_>, kind: Waitable, value: &Value<'_>) -> Result<Expected> {
    let raw_ctx = ctx.as_raw().as_ptr();
    match kind {
        Waitable::Int32 => {
            let mut v = 0;
            // SAFETY: a live value; on failure the exception is pending.
            if unsafe { qjs::JS_ToInt32(raw_ctx, &mut v, value.as_raw()) } < 0 {
                return Err(rquickjs::Error::Exception);
            }
            Ok(Expected::Int32(v))
        }
        Waitable::BigInt64 => {
            if let Some(n) = value.as_number() {
                // V8's text; QuickJS's ToBigInt64 words it differently.
                return Err(Exception::throw_type(
                    ctx,
                    &format!(
                        "Cannot convert {} to a BigInt",
                        nodebuf_core::number::to_string(n)
                    ),
                ));
            }
            let mut v = 0;
            // SAFETY: as above.
            if unsafe { qjs::JS_ToBigInt64(raw_ctx, &mut v, value.as_raw()) } < 0 {
                return Err(rquickjs::Error::Exception);
            }
            Ok(Expected::BigInt64(v))
        }
    }
}

/// The core store behind a shared typed array's buffer, if it is one.
fn shared_store<'js>(ctx: &Ctx<'js>, g: &Geometry<'js>) -> Option<SharedArrayBuffer> {
    shared_memory::store_of(ctx, &g.buffer)
}

fn not_shared<'js>(ctx: &Ctx<'js>, ta: &Value<'js>) -> rquickjs::Error {
    Exception::throw_type(
        ctx,
        &format!("{} is not a shared typed array.", describe(ctx, ta)),
    )
}

fn core_error(ctx: &Ctx<'_>, e: nodebuf_core::NodeError) -> rquickjs::Error {
    nodebuf_js::throw_node_error(ctx, &e)
}

/// The arguments of `Atomics.wait` and `Atomics.waitAsync`, checked and converted in V8's
/// order (the view, that it is shared, the index, the expected value, the timeout).
struct WaitArgs<'js> {
    ta: Value<'js>,
    index: usize,
    value: Expected,
    timeout: Option<std::time::Duration>,
}

fn wait_args<'js>(ctx: &Ctx<'js>, args: &Rest<Value<'js>>) -> Result<WaitArgs<'js>> {
    let ta = arg(ctx, args, 0);
    let kind = waitable_kind(ctx, &ta)?;
    if shared_store(ctx, &geometry(ctx, &ta)?).is_none() {
        return Err(not_shared(ctx, &ta));
    }
    let index = element_index(ctx, &ta, &arg(ctx, args, 1))?;
    let value = expected(ctx, kind, &arg(ctx, args, 2))?;
    let timeout_arg = arg(ctx, args, 3);
    let timeout = if timeout_arg.is_undefined() {
        None
    } else {
        atomics::timeout_from_js(Some(to_number(ctx, &timeout_arg)?))
    };
    Ok(WaitArgs {
        ta,
        index,
        value,
        timeout,
    })
}

/// `Atomics.wait(typedArray, index, value, timeout)`.
fn wait<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let WaitArgs {
        ta,
        index,
        value,
        timeout,
    } = wait_args(&ctx, &args)?;
    // Resolve: all conversions are done; from here no JS runs until the wait returns.
    let g = geometry(&ctx, &ta)?;
    let store = shared_store(&ctx, &g).ok_or_else(|| not_shared(&ctx, &ta))?;
    let agent = Agent::current();
    let interrupt = agent.wait_interrupt();
    let result = match value {
        Expected::Int32(v) => {
            let view = Int32Array::new(store, g.byte_offset, Some(g.length))
                .map_err(|e| core_error(&ctx, e))?;
            atomics::wait_interruptible(&view, index, f64::from(v), timeout, interrupt)
        }
        Expected::BigInt64(v) => {
            let view = BigInt64Array::new(store, g.byte_offset, Some(g.length))
                .map_err(|e| core_error(&ctx, e))?;
            atomics::wait_interruptible(&view, index, v, timeout, interrupt)
        }
    }
    .map_err(|e| core_error(&ctx, e))?;
    match result {
        Some(result) => rquickjs::String::from_str(ctx.clone(), result.as_str()).map(Into::into),
        // Interrupted: the thread is being terminated; unwind past every `catch`.
        None => Err(throw_uncatchable(&ctx, "terminated")),
    }
}

thread_local! {
    /// This thread's pending `Atomics.waitAsync` calls by number, until settled.
    static ASYNC_WAITERS: RefCell<HashMap<u64, atomics::AsyncWaiter>> = RefCell::new(HashMap::new());
}

static NEXT_ASYNC_WAITER: AtomicU64 = AtomicU64::new(1);

/// `native.messaging.waitAsyncStart(typedArray, index, value, timeout)`: `Atomics.waitAsync`'s
/// checks and conversions (as `wait`'s, in V8's order), then its immediate answer: the string
/// `'not-equal'` or `'timed-out'`, or `[id, timeoutMs]` for a queued waiter (`timeoutMs` -1:
/// none) whose wake-up by a notify arrives in this thread's inbox as `Event::WaitAsyncWoken(id)`.
fn wait_async_start<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let WaitArgs {
        ta,
        index,
        value,
        timeout,
    } = wait_args(&ctx, &args)?;
    let zero_timeout = timeout.is_some_and(|t| t.is_zero());
    // Resolve: all conversions are done; no JS runs until the waiter is queued.
    let g = geometry(&ctx, &ta)?;
    let store = shared_store(&ctx, &g).ok_or_else(|| not_shared(&ctx, &ta))?;
    let id = NEXT_ASYNC_WAITER.fetch_add(1, Ordering::Relaxed);
    let agent = Agent::current();
    let on_wake: atomics::OnWake = Box::new(move || agent.push(Event::WaitAsyncWoken(id)));
    let start = match value {
        Expected::Int32(v) => {
            Int32Array::new(store, g.byte_offset, Some(g.length)).and_then(|view| {
                atomics::wait_async(&view, index, f64::from(v), zero_timeout, on_wake)
            })
        }
        Expected::BigInt64(v) => BigInt64Array::new(store, g.byte_offset, Some(g.length))
            .and_then(|view| atomics::wait_async(&view, index, v, zero_timeout, on_wake)),
    }
    .map_err(|e| core_error(&ctx, e))?;
    let text = |s: &str| rquickjs::String::from_str(ctx.clone(), s).map(Value::from);
    match start {
        atomics::WaitAsyncStart::NotEqual => text("not-equal"),
        atomics::WaitAsyncStart::TimedOut => text("timed-out"),
        atomics::WaitAsyncStart::Pending(waiter) => {
            ASYNC_WAITERS.with(|w| w.borrow_mut().insert(id, waiter));
            let out = rquickjs::Array::new(ctx.clone())?;
            out.set(0, id as f64)?;
            out.set(1, timeout.map_or(-1.0, |t| t.as_secs_f64() * 1000.0))?;
            Ok(out.into_value())
        }
    }
}

/// `native.messaging.waitAsyncTimedOut(id)`: the timeout of pending waiter `id` elapsed; true
/// when it was still queued (it resolves 'timed-out'), false when a notify took it first.
fn wait_async_timed_out(id: f64) -> bool {
    let waiter = ASYNC_WAITERS.with(|w| w.borrow_mut().remove(&(id as u64)));
    waiter.is_some_and(|waiter| atomics::cancel_wait_async(&waiter))
}

/// `native.messaging.waitAsyncWoken(id)`: forgets waiter `id`, which a notify woke.
fn wait_async_woken(id: f64) {
    ASYNC_WAITERS.with(|w| w.borrow_mut().remove(&(id as u64)));
}

/// Adds the natives behind `Atomics.waitAsync` to `native.messaging` (the JS half lives with
/// the event pump that delivers the wake-ups, in `messaging.js`).
pub fn install_wait_async<'js>(ctx: &Ctx<'js>, m: &Object<'js>) -> Result<()> {
    m.set(
        "waitAsyncStart",
        Function::new(ctx.clone(), wait_async_start)?,
    )?;
    m.set(
        "waitAsyncTimedOut",
        Function::new(ctx.clone(), wait_async_timed_out)?,
    )?;
    m.set(
        "waitAsyncWoken",
        Function::new(ctx.clone(), wait_async_woken)?,
    )?;
    Ok(())
}

/// `Atomics.notify(typedArray, index, count)`.
fn notify<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<f64> {
    let ta = arg(&ctx, &args, 0);
    let kind = waitable_kind(&ctx, &ta)?;
    let index = element_index(&ctx, &ta, &arg(&ctx, &args, 1))?;
    let count_arg = arg(&ctx, &args, 2);
    let count = if count_arg.is_undefined() {
        usize::MAX
    } else {
        atomics::notify_count_from_js(Some(to_number(&ctx, &count_arg)?))
    };
    let g = geometry(&ctx, &ta)?;
    // On memory no other thread can see nobody waits: 0, as V8 answers.
    let Some(store) = shared_store(&ctx, &g) else {
        return Ok(0.0);
    };
    let woken = match kind {
        Waitable::Int32 => Int32Array::new(store, g.byte_offset, Some(g.length))
            .and_then(|view| atomics::notify(&view, index, count)),
        Waitable::BigInt64 => BigInt64Array::new(store, g.byte_offset, Some(g.length))
            .and_then(|view| atomics::notify(&view, index, count)),
    }
    .map_err(|e| core_error(&ctx, e))?;
    Ok(woken as f64)
}

/// Replaces `Atomics.wait` and `Atomics.notify` in the context's global `Atomics` with the
/// interruptible ones (same names, lengths and property attributes as the engine's).
pub fn install(ctx: &Ctx<'_>) -> Result<()> {
    let atomics: Object = ctx.globals().get("Atomics")?;
    // (Through the engine's API, not a JS helper: parsing one at every start cost 0.1M
    // instructions.)
    let wait = Function::new(ctx.clone(), wait)?
        .with_name("wait")?
        .with_length(4)?;
    let notify = Function::new(ctx.clone(), notify)?
        .with_name("notify")?
        .with_length(3)?;
    atomics.prop("wait", Property::from(wait).writable().configurable())?;
    atomics.prop("notify", Property::from(notify).writable().configurable())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    #[test]
    fn a_fired_interrupt_stops_a_wait_and_argument_errors_are_v8s() {
        let rt = Runtime::new().unwrap();
        let context = Context::full(&rt).unwrap();
        context.with(|ctx| {
            shared_memory::install(&ctx);
            install(&ctx).unwrap();
            let checks: String = ctx
                .eval(
                    "const i32 = new Int32Array(new SharedArrayBuffer(8)); const out = [];
                     for (const f of [() => Atomics.wait([1], 0, 0), () => Atomics.wait(new Int32Array(2), 0, 0),
                                      () => Atomics.wait(i32, 2, 0), () => Atomics.wait(i32, 0, 1),
                                      () => Atomics.wait(i32, 0, 0, 0), () => Atomics.notify(i32, 0)])
                       { try { out.push(f()); } catch (e) { out.push(e.message); } }
                     out.join('|')",
                )
                .unwrap();
            assert_eq!(
                checks,
                "[object Array] is not an int32 or BigInt64 typed array.|[object Int32Array] is not a shared typed array.|Invalid atomic access index|not-equal|timed-out|0"
            );
            Agent::current().wait_interrupt().interrupt();
            let r: Result<Value> = ctx.eval("try { Atomics.wait(i32, 0, 0) } catch (e) { 'caught' }");
            assert!(r.is_err(), "an interrupted wait unwinds past catch");
        });
    }
}
