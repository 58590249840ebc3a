//! Native half of `nodebuf:retention`: the engine's own list of the live views of a store and
//! the sampling hook on `Buffer#subarray`/`Buffer#slice` (both from `nodebuf_js::retention`),
//! which let the tracer count views exactly at report time instead of recording each one.

use rquickjs::{Ctx, Function, Object, Result, Value};

/// `native.retention.viewsOf(arrayBuffer)`: the live typed arrays and DataViews over it in
/// creation order, or `undefined` when the engine's list cannot be read (the tracer then
/// records views itself).
fn views_of<'js>(ctx: Ctx<'js>, buffer: Value<'js>) -> Result<Value<'js>> {
    match nodebuf_js::retention::array_buffer_views(&ctx, &buffer) {
        Some(views) => {
            let array = rquickjs::Array::new(ctx.clone())?;
            for (i, view) in views.into_iter().enumerate() {
                array.set(i, view)?;
            }
            Ok(array.into_value())
        }
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `native.retention.setViewSampler(fn | null)`: installs the hook (`fn(view, api)`, api 0 for
/// subarray, 1 for slice); false when it cannot be used.
fn set_view_sampler<'js>(ctx: Ctx<'js>, sampler: Option<Function<'js>>) -> bool {
    nodebuf_js::retention::set_view_sampler(&ctx, sampler)
}

/// `native.retention.viewHasBuffer(view)`: whether a typed array or DataView has its ArrayBuffer
/// yet (a small typed array on the engine's heap has none, so no store to trace).
fn view_has_buffer(view: Value<'_>) -> bool {
    nodebuf_js::view_has_buffer(&view).unwrap_or(true)
}

/// `native.retention.recycled()`: the zeroed blocks the core keeps for reuse
/// (`nodebuf_core::memory::recycle::held`): `{ readyBytes, readyBlocks, queuedBytes, limit }`.
fn recycled<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    let held = nodebuf_core::memory::recycle::held();
    let out = Object::new(ctx)?;
    out.set("readyBytes", held.ready_bytes as f64)?;
    out.set("readyBlocks", held.ready_blocks as f64)?;
    out.set("queuedBytes", held.queued_bytes as f64)?;
    out.set("limit", held.limit as f64)?;
    Ok(out)
}

/// Adds `native.retention` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let retention = Object::new(ctx.clone())?;
    retention.set("viewsOf", Function::new(ctx.clone(), views_of)?)?;
    retention.set(
        "viewHasBuffer",
        Function::new(ctx.clone(), view_has_buffer)?,
    )?;
    retention.set(
        "setViewSampler",
        Function::new(ctx.clone(), set_view_sampler)?,
    )?;
    retention.set("recycled", Function::new(ctx.clone(), recycled)?)?;
    native.set("retention", retention)?;
    Ok(())
}
