//! `nodebuf-js`: installs Node's Buffer (backed by `nodebuf-core`) into any rquickjs context.
//!
//! Embedders call [`install`] once per context; it returns the `buffer` module's exports object
//! (what `require('buffer')` yields). Native failures reach JS through [`throw_node_error`],
//! which builds errors exactly shaped like Node's (see [`error`]).

pub mod error;

pub use error::{node_error_to_js, throw_node_error};

use rquickjs::{Ctx, Object, Result};

/// Runtime switches that change Buffer behaviour, mirroring Node's command-line flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `--zero-fill-buffers`: `allocUnsafe`/`allocUnsafeSlow` return zeroed memory.
    pub zero_fill_buffers: bool,
    /// `--pending-deprecation`: `Buffer()`/`new Buffer()` warn (DEP0005) even outside
    /// `node_modules`.
    pub pending_deprecation: bool,
}

/// Installs Buffer into `ctx` and returns the `buffer` module exports.
///
/// The Buffer class itself is bound after `nodebuf-core` lands; today the module object holds
/// the constants scripts read without allocating (`kMaxLength`, `kStringMaxLength`,
/// `constants`, `INSPECT_MAX_BYTES`).
pub fn install<'js>(ctx: &Ctx<'js>, options: &Options) -> Result<Object<'js>> {
    let _ = options;
    let module = Object::new(ctx.clone())?;
    module.set("kMaxLength", 4_294_967_296f64)?;
    module.set("kStringMaxLength", 536_870_888f64)?;
    let constants = Object::new(ctx.clone())?;
    constants.set("MAX_LENGTH", 4_294_967_296f64)?;
    constants.set("MAX_STRING_LENGTH", 536_870_888f64)?;
    module.set("constants", constants)?;
    module.set("INSPECT_MAX_BYTES", 50)?;
    Ok(module)
}
