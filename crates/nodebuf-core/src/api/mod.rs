//! Node's `Buffer` methods on byte slices and [`Arg`](crate::args::Arg)s, with Node's argument
//! rules, order of checks and errors. The JS face converts its arguments to `Arg`s, calls these
//! on the buffer's bytes, and throws the returned [`NodeError`](crate::NodeError)s.
//!
//! Arguments are passed as Node receives them (`Arg::Undefined` for a missing one); functions
//! return what the JS method returns. Methods that only need lengths to validate (`copy`)
//! return a plan the caller carries out, so source and target may share memory.

pub mod alloc;
pub mod coerce;
pub mod compare;
pub mod copy;
pub mod fill;
pub mod misc;
pub mod numeric;
pub mod search;
pub mod statics;
pub mod string;

pub use compare::{buffer_compare, compare, equals};
pub use copy::{copy, copy_plan, CopyPlan};
pub use fill::fill;
pub use misc::{swap16, swap32, swap64, to_json};
pub use numeric::{num_method, read, write, NumKind, NumMethod, NumType, NumValue};
pub use search::{includes, index_of, last_index_of};
pub use string::{byte_length, is_encoding, slice_helper, to_string, write_helper, write_string};
