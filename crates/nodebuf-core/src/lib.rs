//! `nodebuf-core`: Node.js's Buffer memory system in pure Rust.
//!
//! See `docs/ARCHITECTURE.md` for the layout; every module mirrors one Node concept.
#![warn(missing_docs)]

pub mod api;
pub mod args;
pub mod atomics;
pub mod buffer;
pub mod data_view;
pub mod encoding;
pub mod error;
pub mod inspect;
pub mod memory;
pub mod number;
pub mod ops;
pub mod typed_array;

pub use buffer::Buffer;
pub use error::{ErrorClass, NodeError};
