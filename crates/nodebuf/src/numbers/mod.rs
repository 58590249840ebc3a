//! V8's numbers: the `Math` functions and `Number.prototype.toString(radix)` return V8's exact
//! results, not QuickJS's (which calls the C library, correctly rounded where V8's fdlibm ports
//! are not, and prints radix fractions with its own digit rule). Installed into every context
//! before any script runs, as native functions with V8's `name` and `length`.
//!
//! `toFixed`/`toPrecision`/`toExponential` keep QuickJS's exact conversions (V8's text) except
//! where they fall back to the shortest digits, which QuickJS sometimes gets one digit longer
//! than V8; `tests/numbers_differential.rs` checks all of them. The engine's own ToString
//! (`String(x)`, `'' + x`, template literals) still has that flaw: fixing it needs a change
//! inside QuickJS.

pub mod fdlibm;
pub mod radix;
pub mod shortest;

use rquickjs::context::EvalOptions;
use rquickjs::convert::Coerced;
use rquickjs::function::{Opt, Rest};
use rquickjs::{Ctx, Function, Object, Result};

/// The C library's `pow`, replaced for the whole process by V8's: QuickJS's `**` operator calls
/// `pow` from C (after its own `(+-1) ** +-Infinity` check), and V8 computes `**` with the same
/// function as `Math.pow`. The executable's definition is the one the linker binds QuickJS's
/// call to. Rust code in this process that calls `f64::powf` gets it too (V8's pow is within
/// one ulp, and gives `NaN` for `1 ** NaN` as JS does). Checked by `tests/numbers_differential.rs`
/// (`**` against node).
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    fdlibm::pow(x, y)
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

/// `Number.prototype.toString`/`toFixed`/`toExponential`/`toPrecision` with V8's texts. The
/// methods are JS (`number_prototype.js`) so that the original functions they call are held
/// where QuickJS's cycle collector sees them; the digits come from [`radix`] and [`shortest`].
fn install_number_prototype(ctx: &Ctx<'_>) -> Result<()> {
    let mut options = EvalOptions::default();
    options.strict = true;
    options.filename = Some("node:internal/numbers".into());
    let installer: Function =
        ctx.eval_with_options(include_str!("number_prototype.js"), options)?;
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
    native.set(
        "exponentialShortest",
        Function::new(ctx.clone(), shortest::to_exponential_shortest)?,
    )?;
    installer.call((native,))
}
