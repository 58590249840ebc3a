//! The start-up scripts every thread runs before any builtin (`bootstrap.js`, the messages
//! installer), compiled to bytecode by build.rs: parsing them was a quarter of an empty
//! script's instructions.

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/startup_bytecode.rs"));
}

/// The engine version the bytecode was compiled by (`nodebuf_js::bytecode::load` checks it).
pub use compiled::ENGINE;

/// The bytecode build.rs compiled for the start-up script `name` (`bootstrap`, `messages`).
pub fn script(name: &str) -> Option<&'static [u8]> {
    nodebuf_js::bytecode::find(compiled::BYTECODE, name)
}
