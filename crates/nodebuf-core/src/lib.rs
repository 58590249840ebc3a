//! `nodebuf-core`: Node.js's Buffer memory system in pure Rust.
//!
//! See `docs/ARCHITECTURE.md` for the layout; every module mirrors one Node concept.
#![warn(missing_docs)]

pub mod error;

pub use error::{ErrorClass, NodeError};
pub mod buffer;
pub mod memory;
pub use buffer::Buffer;
