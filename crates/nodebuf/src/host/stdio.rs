//! Unbuffered writes to the process's stdout and stderr, the way Node writes synchronously to
//! files and pipes: output interleaves exactly in call order and survives `process.exit()`.

use std::io::Write;

use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::jsstr::to_utf8_lossy;

fn write_to<'js>(mut sink: impl Write, ctx: &Ctx<'js>, value: &Value<'js>) -> Result<()> {
    if let Some(bytes) = crate::bytes::view_bytes(ctx, value) {
        // A broken pipe is not an error a script can act on; Node ignores EPIPE on stdout too.
        let _ = sink.write_all(&bytes);
    } else {
        let text = to_utf8_lossy(ctx, value)?;
        let _ = sink.write_all(text.as_bytes());
    }
    let _ = sink.flush();
    Ok(())
}

fn write_out<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<()> {
    write_to(std::io::stdout().lock(), &ctx, &value)
}

fn write_err<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<()> {
    write_to(std::io::stderr().lock(), &ctx, &value)
}

/// Adds `writeOut(strOrBytes)` and `writeErr(strOrBytes)` to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("writeOut", Function::new(ctx.clone(), write_out)?)?;
    native.set("writeErr", Function::new(ctx.clone(), write_err)?)?;
    Ok(())
}
