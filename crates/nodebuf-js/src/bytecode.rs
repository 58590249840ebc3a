//! Loading JS compiled to bytecode at build time (build_bytecode.rs): start-up without parsing.

use rquickjs::{qjs, Ctx, Value};

/// Engine patch `quickjs-0067-static-bytecode-source` (docs/ENGINE-PATCHES.md): the functions
/// read keep their source text (what `Function.prototype.toString` prints) where it is in the
/// bytes instead of a copy each, so the bytes must outlive the runtime (`'static` below).
const JS_READ_OBJ_STATIC_SOURCE: i32 = 1 << 4;

/// Runs the top level of `bytes`, bytecode that `engine`'s build compiled, and returns its
/// value (for our sources, the function the script's single expression makes). `Ok(None)` when
/// the running engine is another version or refuses the bytes: the caller compiles the source.
/// The bytes are compiled into the binary: the functions read from them point at their source
/// text there (copying it was 4% of an empty script's start-up).
pub fn load<'js>(
    ctx: &Ctx<'js>,
    engine: &str,
    bytes: &'static [u8],
) -> rquickjs::Result<Option<Value<'js>>> {
    // SAFETY: JS_GetVersion returns a static NUL-terminated string.
    let running = unsafe { std::ffi::CStr::from_ptr(qjs::JS_GetVersion()) };
    if running.to_bytes() != engine.as_bytes() {
        return Ok(None);
    }
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: a live context; JS_ReadObject only reads `bytes` (a format mismatch is an
    // exception, caught below; the functions keep pointers into `bytes`, which are 'static) and
    // returns a new reference; JS_EvalFunction takes it and runs the top level; its result is a
    // new reference owned by `Value`.
    unsafe {
        let func = qjs::JS_ReadObject(
            raw,
            bytes.as_ptr(),
            bytes.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32 | JS_READ_OBJ_STATIC_SOURCE,
        );
        if qjs::JS_IsException(func) {
            let _ = ctx.catch();
            return Ok(None);
        }
        let value = Value::from_raw(ctx.clone(), qjs::JS_EvalFunction(raw, func));
        if value.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Some(value))
    }
}

/// The bytecode of script `name` in a `BYTECODE` table build_bytecode.rs generated.
pub fn find<'a>(table: &[(&str, &'a [u8])], name: &str) -> Option<&'a [u8]> {
    table
        .iter()
        .find(|(id, _)| *id == name)
        .map(|(_, bytes)| *bytes)
}

/// The value of a script's top level: from `bytes` (compiled by `engine`'s build) when the
/// running engine takes them, else by compiling `source` as `filename` (strict code when
/// `strict`), as build_bytecode.rs would have. One path for every script compiled at build time.
pub fn load_or_eval<'js, T: rquickjs::FromJs<'js>>(
    ctx: &Ctx<'js>,
    engine: &str,
    bytes: Option<&'static [u8]>,
    source: &str,
    filename: &str,
    strict: bool,
) -> rquickjs::Result<T> {
    let loaded = match bytes {
        Some(bytes) => load(ctx, engine, bytes)?,
        None => None,
    };
    match loaded {
        Some(value) => T::from_js(ctx, value),
        None => {
            let mut options = rquickjs::context::EvalOptions::default();
            options.strict = strict;
            options.filename = Some(filename.into());
            ctx.eval_with_options(source, options)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::load;
    use rquickjs::{Context, Runtime};

    #[test]
    fn other_engines_and_foreign_bytes_fall_back_to_source() {
        let rt = Runtime::new().unwrap();
        let ctx = Context::full(&rt).unwrap();
        ctx.with(|ctx| {
            let engine = super::super::compiled::ENGINE;
            // Another engine version: not even read.
            assert!(load(&ctx, "0.0.0-other", &[1, 2, 3]).unwrap().is_none());
            // Bytes that are not this engine's bytecode: refused by the reader, no exception left.
            assert!(load(&ctx, engine, &[0xff, 0, 0, 0]).unwrap().is_none());
            assert!(!ctx.has_exception());
            // The real thing: buffer.js's factory function.
            let f = load(&ctx, engine, super::super::compiled::BYTECODE[0].1).unwrap();
            assert!(f.is_some_and(|v| v.is_function()));
        });
    }
}
