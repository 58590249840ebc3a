//! `nodebuf-core`: Node.js's Buffer memory system in pure Rust.
//!
//! See `docs/ARCHITECTURE.md` for the layout; every module mirrors one Node concept.
#![warn(missing_docs)]

pub mod api;
pub mod args;
pub mod encoding;
pub mod error;
pub mod inspect;
pub mod ops;

pub use error::{ErrorClass, NodeError};
pub mod memory;
