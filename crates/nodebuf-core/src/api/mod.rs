//! Node's `Buffer` methods on byte slices and [`Arg`](crate::args::Arg)s, with Node's argument
//! rules, order of checks and errors. The JS face converts its arguments to `Arg`s, calls these
//! on the buffer's bytes, and throws the returned [`NodeError`](crate::NodeError)s.
//!
//! Arguments are passed as Node receives them (`Arg::Undefined` for a missing one); functions
//! return what the JS method returns. Methods that only need lengths to validate (`copy`)
//! return a plan the caller carries out, so source and target may share memory.
//!
//! How the JS face calls them (one native call per method, no user code while a byte slice
//! lives):
//! - convert each argument with `Arg`'s rules: numbers/booleans/null/undefined directly,
//!   strings as [`JsStr`](crate::encoding::JsStr) borrowed from the engine, BigInts as their
//!   decimal text, objects as an [`ObjectArg`](crate::args::ObjectArg) (kind, constructor name,
//!   the bytes of views, and — only when the object has a `valueOf`/`toString` of its own —
//!   `+value` / `String(value)` computed in JS beforehand);
//! - `buf.readUInt16LE(o)` -> [`read`]`(bytes, num_method("readUInt16LE").ty, o, Undefined)`, `write*` -> [`write()`];
//!   every accessor name is in [`numeric::num_method_names`]; writes return `offset + width`;
//! - `buf.fill(v, o, e, enc)` -> [`fill()`] then return `this`; `indexOf`/`lastIndexOf`/
//!   `includes` -> [`index_of`] etc.; `compare`/`equals` -> [`compare()`]/[`equals`];
//!   `copy(t, ts, ss, se)` -> [`copy_plan`]`(len, t, ts, ss, se)` then a `memmove` of
//!   `plan.len` bytes; `write(s, o, l, enc)` -> [`write_string`]; `toString(enc, s, e)` ->
//!   [`to_string`] with `arguments.length`; `latin1Slice(s, e)` -> [`slice_helper`];
//!   `hexWrite(s, o, l)` -> [`write_helper`]; `swap16/32/64` -> [`swap16`] etc.; `toJSON` ->
//!   build `{type:'Buffer', data}` from the bytes (or [`to_json`] for the text);
//! - statics: [`statics::alloc`], [`statics::alloc_unsafe`], [`statics::alloc_unsafe_slow`],
//!   [`statics::from_string`], [`statics::of`], [`statics::concat_validate`] then
//!   `Buffer::concat`, [`alloc::copy_bytes_from_range`] then `Buffer::from_bytes`,
//!   [`alloc::from_invalid`] for values `Buffer.from` cannot take, [`byte_length`],
//!   [`buffer_compare`], [`is_encoding`];
//! - errors: throw `NodeError.class` with `message`, set `code` (enumerable) when present, and
//!   make `String(e)` show `Name [CODE]: message` only when `code_in_name` is true.

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

pub use compare::{buffer_compare, compare, compare_offset, equals};
pub use copy::{copy, copy_plan, CopyPlan};
pub use fill::fill;
pub use misc::{swap16, swap32, swap64, to_json};
pub use numeric::{num_method, read, write, NumKind, NumMethod, NumType, NumValue};
pub use search::{includes, index_of, last_index_of};
pub use string::{byte_length, is_encoding, slice_helper, to_string, write_helper, write_string};
