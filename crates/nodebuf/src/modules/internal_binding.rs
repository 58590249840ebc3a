//! Native half of `internal/test/binding` (`--expose-internals`): the engine state Node's own
//! tests observe through `internalBinding('util')`.

use rquickjs::{Ctx, Exception, Function, Object, Result, Value};

/// `internalBinding('util').arrayBufferViewHasBuffer(view)`: whether a typed array or DataView
/// has its ArrayBuffer object yet. Small typed arrays keep their bytes on the engine's heap until
/// something asks for their buffer, as V8's do (engine patch 0029). Node asserts its argument is
/// a view; a TypeError here.
fn array_buffer_view_has_buffer<'js>(ctx: Ctx<'js>, view: Value<'js>) -> Result<bool> {
    nodebuf_js::view_has_buffer(&view)
        .ok_or_else(|| Exception::throw_type(&ctx, "argument must be an ArrayBufferView"))
}

/// Adds `native.internalBinding` (`util.arrayBufferViewHasBuffer`).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let util = Object::new(ctx.clone())?;
    util.set(
        "arrayBufferViewHasBuffer",
        Function::new(ctx.clone(), array_buffer_view_has_buffer)?,
    )?;
    let binding = Object::new(ctx.clone())?;
    binding.set("util", util)?;
    native.set("internalBinding", binding)?;
    Ok(())
}
