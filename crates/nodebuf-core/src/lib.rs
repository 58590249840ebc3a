//! `nodebuf-core`: Node.js's Buffer memory system in pure Rust.
//!
//! See `docs/ARCHITECTURE.md` for the layout; every module mirrors one Node concept.
#![warn(missing_docs)]

pub mod encoding;
pub mod error;

pub use error::{ErrorClass, NodeError};
pub mod atomics;
pub mod data_view;
pub mod memory;
pub mod typed_array;
