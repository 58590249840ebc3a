//! Turning a [`NodeError`] into the JS error Node would throw.
//!
//! Node's errors (`ERR_OUT_OF_RANGE`, ...) are real `TypeError`/`RangeError`/`Error` instances
//! (`instanceof` and `constructor` say so) with:
//! - `code` as the only enumerable own property, `message` and `stack` own but non-enumerable;
//! - `name` inherited (`'RangeError'`);
//! - `String(e)` === `RangeError [ERR_OUT_OF_RANGE]: message`, and `e.stack` starting with that
//!   same line (Node captures the stack while `name` reads `RangeError [ERR_OUT_OF_RANGE]`).
//!
//! We get the same observable shape by creating the error with the engine's constructor, then
//! placing it on a small intermediate prototype (per class, cached on the constructor under a
//! symbol) whose `toString` adds the code. The stack's first line: where the engine formats
//! stacks on their first read (engine patch 0055, the `nodebuf` binary's formatter), the
//! formatter writes `Name [CODE]: message` for an error on one of these prototypes
//! (`isNodeError`), as Node's does; otherwise the stack is rewritten here.
//! Errors Node throws from its C++ layer (`code_in_name == false`) are ordinary errors with an
//! enumerable `code` and no code in their name. `DOMException`s are created with `new DOMException(message, name)` and get no `code`.

use nodebuf_core::{ErrorClass, NodeError};
use rquickjs::{Ctx, Function, Result, Value};

/// The JS helper that shapes errors (`error_maker.js`, compiled to bytecode by build.rs).
const MAKE_ERROR: &str = include_str!("error_maker.js");

extern "C" {
    /// Engine patch `quickjs-0055-lazy-error-stacks` (docs/ENGINE-PATCHES.md): whether the
    /// context's errors get their stack formatted on first read by an embedder's formatter.
    fn JS_HasLazyErrorStacks(ctx: *mut rquickjs::qjs::JSContext) -> bool;
}

/// Whether `ctx` formats error stacks on first read (see the module docs).
fn has_lazy_error_stacks(ctx: &Ctx<'_>) -> bool {
    // SAFETY: the context pointer is live for `ctx`'s lifetime; the call only reads one field.
    unsafe { JS_HasLazyErrorStacks(ctx.as_raw().as_ptr()) }
}

/// Makes the context's error maker from build.rs's bytecode (or the source): a function of
/// (Base, code, message, code in name, lazy stacks) with `protoFor` and `isNodeError`
/// properties. Each install makes one and keeps it in its state ([`node_error_maker`]).
pub(crate) fn make_node_error_maker<'js>(ctx: &Ctx<'js>) -> Result<Function<'js>> {
    crate::bytecode::load_or_eval(
        ctx,
        crate::compiled::ENGINE,
        crate::bytecode::find(crate::compiled::BYTECODE, "error_maker"),
        MAKE_ERROR,
        "node:internal/errors/maker",
        true,
    )
}

/// The context's error maker: the one its Buffer install keeps, or (a context Buffer was not
/// installed in) a new one.
pub fn node_error_maker<'js>(ctx: &Ctx<'js>) -> Result<Function<'js>> {
    match crate::state::with(ctx, |s| s.error_maker.clone()) {
        Some(maker) => Ok(maker),
        None => make_node_error_maker(ctx),
    }
}

/// Builds the JS error Node throws for `err` (see the module docs for the exact shape).
pub fn node_error_to_js<'js>(ctx: &Ctx<'js>, err: &NodeError) -> Result<Value<'js>> {
    let globals = ctx.globals();
    match err.class {
        ErrorClass::DomException(name) => {
            let dom: rquickjs::Constructor = globals.get("DOMException")?;
            dom.construct((err.message.as_str(), name))
        }
        class => {
            let base: Function = globals.get(class.name())?;
            let make = node_error_maker(ctx)?;
            let lazy = has_lazy_error_stacks(ctx);
            match err.code {
                Some(code) => make.call((base, code, err.message.as_str(), err.code_in_name, lazy)),
                None => make.call((base, rquickjs::Undefined, err.message.as_str(), false, lazy)),
            }
        }
    }
}

/// Throws `err` as Node would; use as `return Err(throw_node_error(&ctx, &err))`.
pub fn throw_node_error(ctx: &Ctx<'_>, err: &NodeError) -> rquickjs::Error {
    match node_error_to_js(ctx, err) {
        Ok(value) => ctx.throw(value),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    fn with_ctx(f: impl FnOnce(Ctx<'_>)) {
        let rt = Runtime::new().expect("runtime");
        let context = Context::full(&rt).expect("context");
        context.with(f);
    }

    fn check(ctx: &Ctx<'_>, err: &NodeError, script: &str) -> String {
        let value = node_error_to_js(ctx, err).expect("error built");
        ctx.globals().set("e", value).expect("set e");
        let out: String = ctx.eval(script).unwrap_or_else(|_| {
            let caught = ctx.catch();
            panic!("script failed: {caught:?}")
        });
        out
    }

    #[test]
    fn range_error_with_code_has_nodes_shape() {
        with_ctx(|ctx| {
            let err = NodeError::new(
                ErrorClass::RangeError,
                "ERR_OUT_OF_RANGE",
                "The value of \"offset\" is out of range. It must be >= 0 and <= 2. Received 3",
            );
            let head = "RangeError [ERR_OUT_OF_RANGE]: The value of \"offset\" is out of range. It must be >= 0 and <= 2. Received 3";
            assert_eq!(check(&ctx, &err, "String(e)"), head);
            assert_eq!(check(&ctx, &err, "e.stack.split('\\n')[0]"), head);
            assert_eq!(check(&ctx, &err, "Object.keys(e).join()"), "code");
            assert_eq!(
                check(&ctx, &err, "JSON.stringify(e)"),
                "{\"code\":\"ERR_OUT_OF_RANGE\"}"
            );
            assert_eq!(check(&ctx, &err, "String([e instanceof RangeError, e.constructor === RangeError, Object.prototype.hasOwnProperty.call(e, 'name'), e.name])"), "true,true,false,RangeError");
            assert_eq!(
                check(
                    &ctx,
                    &err,
                    "String(Object.getOwnPropertyDescriptor(e, 'message').enumerable)"
                ),
                "false"
            );
            assert_eq!(
                check(
                    &ctx,
                    &err,
                    "String(Object.getOwnPropertyDescriptor(e, 'stack').enumerable)"
                ),
                "false"
            );
            assert_eq!(check(&ctx, &err, "e.message"), err.message);
            assert_eq!(
                check(&ctx, &err, "e.name = 'X'; String(e)"),
                format!("X [ERR_OUT_OF_RANGE]: {}", err.message)
            );
        });
    }

    #[test]
    fn type_error_and_plain_error_classes() {
        with_ctx(|ctx| {
            let err = NodeError::new(ErrorClass::TypeError, "ERR_INVALID_ARG_TYPE", "bad");
            assert_eq!(
                check(
                    &ctx,
                    &err,
                    "String([e instanceof TypeError, String(e), e.code])"
                ),
                "true,TypeError [ERR_INVALID_ARG_TYPE]: bad,ERR_INVALID_ARG_TYPE"
            );
            let err = NodeError::new(ErrorClass::Error, "ERR_BUFFER_OUT_OF_BOUNDS", "oob");
            assert_eq!(
                check(
                    &ctx,
                    &err,
                    "String([e instanceof Error, e instanceof RangeError, String(e)])"
                ),
                "true,false,Error [ERR_BUFFER_OUT_OF_BOUNDS]: oob"
            );
        });
    }

    #[test]
    fn errors_without_code_are_plain() {
        with_ctx(|ctx| {
            let err = NodeError::without_code(
                ErrorClass::TypeError,
                "Cannot mix BigInt and other types, use explicit conversions",
            );
            assert_eq!(
                check(
                    &ctx,
                    &err,
                    "String([String(e), Object.keys(e).length, 'code' in e])"
                ),
                "TypeError: Cannot mix BigInt and other types, use explicit conversions,0,false"
            );
        });
    }

    #[test]
    fn dom_exceptions_carry_their_name() {
        with_ctx(|ctx| {
            let err = NodeError::without_code(
                ErrorClass::DomException("InvalidCharacterError"),
                "Invalid character",
            );
            assert_eq!(check(&ctx, &err, "String([e instanceof DOMException, e.name, e.message, String(e)])"), "true,InvalidCharacterError,Invalid character,InvalidCharacterError: Invalid character");
        });
    }

    #[test]
    fn thrown_errors_reach_js_catch() {
        with_ctx(|ctx| {
            let f = rquickjs::Function::new(ctx.clone(), |ctx: Ctx<'_>| -> Result<()> {
                Err(throw_node_error(
                    &ctx,
                    &NodeError::new(ErrorClass::RangeError, "ERR_X", "boom"),
                ))
            })
            .expect("function");
            ctx.globals().set("f", f).expect("set f");
            let out: String = ctx
                .eval("try { f(); 'no' } catch (e) { String(e) + '|' + e.code }")
                .expect("eval");
            assert_eq!(out, "RangeError [ERR_X]: boom|ERR_X");
        });
    }
}
