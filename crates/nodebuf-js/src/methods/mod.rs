//! Buffer's methods, each declared once: a [`Method`](crate::method::Method) implementation
//! (most of them), from which [`entry`] generates the raw native, or — for the few whose
//! general path is Node's JS algorithm in the JS half (`from`, `subarray`, `slice`, `fill`) or
//! that write an argument (`copy`) — one raw native that hands unusual calls to that path.
//! [`make_fast`] is the one table that names them all.

pub(crate) mod alloc;
mod bytes;
mod numeric;
mod search;
mod string;
mod views;

use std::ffi::CStr;

use rquickjs::{Object, Value};

use crate::method::{entry, make, DataFn};

pub use numeric::{define_numeric_methods, num_methods};
pub(crate) use views::{fast_array_elements, view_fields_are_intrinsic};

/// `binding.makeFast(FastBuffer, helpers)`: registers this install's state and
/// returns its raw natives: `num` (one per numeric method id), `indexOf`, `lastIndexOf`,
/// `includes`, `toString`, `equals`, `write`, `allocUnsafe`, `alloc`, `from`, `subarray`,
/// `slice`, `compare`, `compareStatic`, `byteLength`, `fill`, `copy`, `swap16/32/64` and
/// `isEncoding`.
pub fn make_fast<'js>(
    ctx: rquickjs::Ctx<'js>,
    fast_buffer: Value<'js>,
    helpers: Object<'js>,
) -> rquickjs::Result<Object<'js>> {
    let st = crate::state::register(&ctx, fast_buffer, &helpers)?;
    let out = Object::new(ctx.clone())?;
    let num = rquickjs::Array::new(ctx.clone())?;
    for (i, (name, m)) in num_methods().iter().enumerate() {
        let cname = std::ffi::CString::new(name.as_str())
            .map_err(|_| rquickjs::Error::new_from_js("name", "C string"))?;
        let f: DataFn = if m.write {
            entry::<numeric::WriteNum>
        } else {
            entry::<numeric::ReadNum>
        };
        num.set(
            i,
            make(&ctx, st, f, &cname, numeric::num_length(m), i as i32)?,
        )?;
    }
    out.set("num", num)?;
    let table: [(&str, &CStr, DataFn, i32, i32); 20] = [
        ("indexOf", c"indexOf", entry::<search::IndexOf>, 3, 0),
        (
            "lastIndexOf",
            c"lastIndexOf",
            entry::<search::IndexOf>,
            3,
            1,
        ),
        ("includes", c"includes", entry::<search::IndexOf>, 3, 2),
        ("toString", c"toString", entry::<string::ToString>, 3, 0),
        ("equals", c"equals", entry::<search::Equals>, 1, 0),
        ("write", c"write", entry::<string::Write>, 4, 0),
        (
            "allocUnsafe",
            c"allocUnsafe",
            entry::<alloc::AllocUnsafe>,
            1,
            0,
        ),
        ("alloc", c"alloc", entry::<alloc::Alloc>, 3, 0),
        ("from", c"from", views::from_fn, 3, 0),
        ("subarray", c"subarray", views::subarray_fn, 2, 0),
        ("slice", c"slice", views::slice_fn, 2, 0),
        ("compare", c"compare", entry::<search::Compare>, 5, 0),
        (
            "compareStatic",
            c"compare",
            entry::<search::CompareStatic>,
            2,
            0,
        ),
        (
            "byteLength",
            c"byteLength",
            entry::<string::ByteLength>,
            2,
            0,
        ),
        ("fill", c"fill", entry::<bytes::Fill>, 4, 0),
        ("copy", c"copy", bytes::copy_fn, 4, 0),
        ("swap16", c"swap16", entry::<bytes::Swap>, 0, 16),
        ("swap32", c"swap32", entry::<bytes::Swap>, 0, 32),
        ("swap64", c"swap64", entry::<bytes::Swap>, 0, 64),
        (
            "isEncoding",
            c"isEncoding",
            entry::<string::IsEncoding>,
            1,
            0,
        ),
    ];
    for (key, name, f, length, magic) in table {
        let made = make(&ctx, st, f, name, length, magic)?;
        if key == "subarray" {
            // SAFETY: `st` is the live state registered above.
            *unsafe { &*st }.subarray_native.borrow_mut() = Some(made.clone());
        }
        out.set(key, made)?;
    }
    Ok(out)
}
