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

/// The JS helper that shapes errors. It is plain JS because every step (constructing, defining
/// properties, setting prototypes) is a JS operation; caching it keeps the per-error cost to one
/// call. Arguments: (Base constructor, code or undefined, message, code in name, lazy stacks).
/// Its `protoFor(Base)` and `isNodeError(value)` serve a stack formatter and JS-made errors.
const MAKE_ERROR: &str = r#"(function () {
  const kProto = Symbol('nodebuf.nodeErrorPrototype');
  const prototypes = new WeakSet();
  const getPrototypeOf = Object.getPrototypeOf;
  function protoFor(Base) {
    if (Object.prototype.hasOwnProperty.call(Base, kProto)) return Base[kProto];
    const proto = Object.create(Base.prototype, {
      constructor: { value: Base, writable: true, configurable: true, enumerable: false },
      toString: {
        value: function toString() { return `${this.name} [${this.code}]: ${this.message}`; },
        writable: true, configurable: true, enumerable: false,
      },
    });
    Object.defineProperty(Base, kProto, { value: proto });
    prototypes.add(proto);
    return proto;
  }
  // Whether `value` inherits from one of these prototypes (Node: `kIsNodeError in error`).
  function isNodeError(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    for (let p = getPrototypeOf(value); p !== null; p = getPrototypeOf(p)) {
      if (prototypes.has(p)) return true;
    }
    return false;
  }
  // Node's errors start their stack at the API function that threw, never inside the code
  // that built them: the stack is taken again from the caller of makeNodeError.
  // As Node's NodeError: no frames are taken while the error is constructed
  // (Error.stackTraceLimit is 0 meanwhile), only once by captureStackTrace.
  const captureStackTrace = Error.captureStackTrace;
  function create(Base, message) {
    if (typeof captureStackTrace !== 'function') return new Base(message);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let error;
    try {
      error = new Base(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
    captureStackTrace(error, makeNodeError);
    return error;
  }
  // The codes whose Node message template is a function, each checked against node's
  // Reflect.ownKeys order.
  const codeBeforeMessage = new Set([
    'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE', 'ERR_OUT_OF_RANGE', 'ERR_BUFFER_OUT_OF_BOUNDS',
  ]);
  const makeNodeError = function makeNodeError(Base, code, message, codeInName, lazyStacks) {
    if (code === undefined) return create(Base, message);
    if (!codeInName) {
      // Thrown by Node's C++ layer: an ordinary error that merely carries a `code`.
      const plain = create(Base, message);
      plain.code = code;
      return plain;
    }
    const error = create(Base, message);
    Object.setPrototypeOf(error, protoFor(Base));
    if (!lazyStacks) {
      const head = `${error.name} [${code}]: ${message}`;
      let stack = error.stack;
      let frames = '';
      if (typeof stack === 'string') {
        // Without a final line break (a string test: QuickJS runs an unanchored regular
        // expression from every position of the whole stack).
        if (stack.endsWith('\n')) stack = stack.slice(0, -1);
        const at = stack.indexOf('\n    at ');
        if (stack.startsWith('    at ')) frames = '\n' + stack;
        else if (at !== -1) frames = stack.slice(at);
      }
      Object.defineProperty(error, 'stack', {
        value: head + frames, writable: true, configurable: true, enumerable: false,
      });
    }
    // Own keys: stack, message, code; but stack, code, message for the codes whose message
    // Node builds with a function (its NodeError class sets `code` before `message`).
    if (codeBeforeMessage.has(code)) delete error.message;
    error.code = code;
    Object.defineProperty(error, 'message', {
      value: message, writable: true, configurable: true, enumerable: false,
    });
    return error;
  };
  makeNodeError.protoFor = protoFor;
  makeNodeError.isNodeError = isNodeError;
  return makeNodeError;
})()"#;

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

/// The context's error maker (made once, then cached): a function of (Base, code, message,
/// code in name, lazy stacks) with `protoFor` and `isNodeError` properties.
pub fn node_error_maker<'js>(ctx: &Ctx<'js>) -> Result<Function<'js>> {
    // Cached per context as a hidden global property keyed by a registered symbol.
    let globals = ctx.globals();
    let key = rquickjs::Symbol::new_global(ctx.clone(), "nodebuf.makeNodeError")?;
    let cached: Value = globals.get(key.clone())?;
    if let Some(f) = cached.as_function() {
        return Ok(f.clone());
    }
    let f: Function = ctx.eval(MAKE_ERROR)?;
    let define: Function = ctx.eval(
        "(function (k, v) { Object.defineProperty(globalThis, k, { value: v, enumerable: false, configurable: true, writable: false }); })",
    )?;
    define.call::<_, ()>((key, f.clone()))?;
    Ok(f)
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
