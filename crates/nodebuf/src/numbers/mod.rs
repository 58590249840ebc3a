//! V8's numbers: the `Math` functions and `Number.prototype.toString(radix)` return V8's exact
//! results, not QuickJS's (which calls the C library, correctly rounded where V8's fdlibm ports
//! are not, and prints radix fractions with its own digit rule). Installed into every context
//! before any script runs, as native functions with V8's `name` and `length`.
//!
//! The engine's own radix-10 ToString (`String(x)`, template literals, `JSON.stringify`,
//! `toFixed`/`toPrecision`/`toExponential`) prints V8's shortest digits since engine patch
//! `quickjs-0003` (docs/ENGINE-PATCHES.md), so only the radix conversion is replaced here.

pub mod fdlibm;
pub mod radix;
pub mod shortest;

use rquickjs::convert::Coerced;
use rquickjs::function::{Opt, Rest};
use rquickjs::{Ctx, Function, Object, Result};

/// V8's `pow` with the C calling convention the engine's hook takes.
extern "C" fn v8_pow(x: f64, y: f64) -> f64 {
    fdlibm::pow(x, y)
}

extern "C" {
    /// Engine patch `quickjs-0007`: the function QuickJS's `**` operator and its own `Math.pow`
    /// call (process-wide; the C library's `pow` itself is untouched).
    fn JS_SetPowFunction(pow: Option<extern "C" fn(f64, f64) -> f64>);
}

/// Makes the engine compute `**` with V8's `pow` (V8 computes `**` with `Math.pow`'s function),
/// once per process, before the first context runs code. Checked by
/// `tests/numbers_differential.rs` (`**` against node).
fn use_v8_pow_for_exponent_operator() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: the hook is a plain function pointer the engine reads on every `**`; it is written
    // once, under `Once`, before any context of this process (main thread or worker, each of
    // which passes through this `Once` first) evaluates code, so no read races the write.
    ONCE.call_once(|| unsafe { JS_SetPowFunction(Some(v8_pow)) });
}

/// A one-argument `Math` function.
type Unary = fn(f64) -> f64;

fn number(v: Opt<Coerced<f64>>) -> f64 {
    v.0.map_or(f64::NAN, |c| c.0)
}

/// Replaces `Math.name` with `f` (keeping the property's attributes: it is assigned).
fn set_unary<'js>(ctx: &Ctx<'js>, math: &Object<'js>, name: &str, f: fn(f64) -> f64) -> Result<()> {
    let func = Function::new(ctx.clone(), move |x: Opt<Coerced<f64>>| f(number(x)))?
        .with_length(1)?
        .with_name(name)?;
    math.set(name, func)
}

fn set_binary<'js>(
    ctx: &Ctx<'js>,
    math: &Object<'js>,
    name: &str,
    f: fn(f64, f64) -> f64,
) -> Result<()> {
    let func = Function::new(
        ctx.clone(),
        move |x: Opt<Coerced<f64>>, y: Opt<Coerced<f64>>| f(number(x), number(y)),
    )?
    .with_length(2)?
    .with_name(name)?;
    math.set(name, func)
}

/// Installs the V8-exact `Math` functions and `Number.prototype.toString` into `ctx`.
pub fn install(ctx: &Ctx<'_>) -> Result<()> {
    use_v8_pow_for_exponent_operator();
    let math: Object = ctx.globals().get("Math")?;
    let unary: [(&str, Unary); 19] = [
        ("acos", libm::acos),
        ("acosh", fdlibm::acosh),
        ("asin", libm::asin),
        ("asinh", fdlibm::asinh),
        ("atan", libm::atan),
        ("atanh", fdlibm::atanh),
        ("cbrt", fdlibm::cbrt),
        ("cos", fdlibm::cos),
        ("cosh", fdlibm::cosh),
        ("exp", fdlibm::exp),
        ("expm1", libm::expm1),
        ("log", fdlibm::log),
        ("log1p", fdlibm::log1p),
        ("log10", fdlibm::log10),
        ("log2", libm::log2),
        ("sin", fdlibm::sin),
        ("sinh", fdlibm::sinh),
        ("tan", fdlibm::tan),
        ("tanh", fdlibm::tanh),
    ];
    for (name, f) in unary {
        set_unary(ctx, &math, name, f)?;
    }
    set_binary(ctx, &math, "pow", fdlibm::pow)?;
    set_binary(ctx, &math, "atan2", fdlibm::atan2)?;
    let hypot = Function::new(ctx.clone(), |values: Rest<Coerced<f64>>| {
        let values: Vec<f64> = values.0.into_iter().map(|c| c.0).collect();
        fdlibm::hypot(&values)
    })?
    .with_length(2)?
    .with_name("hypot")?;
    math.set("hypot", hypot)?;
    install_number_prototype(ctx)
}

/// The installer script (`number_prototype.js`) compiled by build.rs without its source text.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/numbers_bytecode.rs"));
}

/// `Number.prototype.toString(radix)` with V8's texts (`number_prototype.js`); the digits come
/// from [`radix`] and [`shortest`]. Loaded from bytecode that has no source text, so the method
/// prints as V8's native one does; compiled from source only if the running engine refuses
/// that bytecode (another engine version).
fn install_number_prototype(ctx: &Ctx<'_>) -> Result<()> {
    let installer: Function = nodebuf_js::bytecode::load_or_eval(
        ctx,
        compiled::ENGINE,
        compiled::BYTECODE.first().map(|(_, bytes)| *bytes),
        include_str!("number_prototype.js"),
        "node:internal/numbers",
        true,
    )?;
    let native = Object::new(ctx.clone())?;
    native.set(
        "radix",
        Function::new(ctx.clone(), |x: f64, radix: f64| {
            radix::to_radix_string(x, radix as u32)
        })?,
    )?;
    native.set(
        "shortest",
        Function::new(ctx.clone(), shortest::number_to_string)?,
    )?;
    installer.call((native,))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    /// `**` gets V8's `pow` through the engine's hook (quickjs-0007), not by replacing the C
    /// library's `pow` for the whole process: Rust's `powf` (the C library's) still gives its own
    /// results where they differ from V8's, while the engine's `**` gives V8's.
    #[test]
    fn exponent_operator_is_v8s_and_the_process_pow_is_untouched() {
        let rt = Runtime::new().expect("runtime");
        let ctx = Context::full(&rt).expect("context");
        ctx.with(|ctx| install(&ctx).expect("install"));
        // Seeded inputs where the two functions disagree (V8's pow is within one ulp, the C
        // library's is correctly rounded in practice).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut differing = Vec::new();
        for _ in 0..200_000 {
            let (x, y) = (0.5 + next() * 4.0, next() * 100.0 - 50.0);
            if fdlibm::pow(x, y).to_bits() != x.powf(y).to_bits() {
                differing.push((x, y));
            }
        }
        assert!(
            !differing.is_empty(),
            "no input where V8's pow and powf differ"
        );
        ctx.with(|ctx| {
            for &(x, y) in differing.iter().take(100) {
                let r: f64 = ctx.eval(format!("{x:?} ** {y:?}")).expect("eval");
                assert_eq!(r.to_bits(), fdlibm::pow(x, y).to_bits(), "{x} ** {y}");
            }
        });
    }
}
