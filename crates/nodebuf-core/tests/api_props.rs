//! Property test: no argument combination makes any `nodebuf_core::api` function panic.
//! Seeded random arguments (huge, negative, fractional, NaN, strings, BigInts, objects) are
//! thrown at every method on random buffers; each call must return `Ok` or `Err`.

mod support;

use nodebuf_core::api;
use nodebuf_core::args::{Arg, ObjectArg, ObjectKind};
use nodebuf_core::encoding::{Encoding, JsStr};
use support::{case_count, seed, Rng};

const NUMS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    -0.5,
    7.0,
    1e300,
    -1e300,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    4294967296.0,
    9007199254740993.0,
    -9223372036854775808.0,
    18446744073709551616.0,
    2147483648.0,
    -2147483649.0,
    3.0,
    2.0,
    6.0,
];
const STRS: &[&[u8]] = &[
    b"", b"a", b"hex", b"ucs2", b"base64", b"zz", b"6162", b"  0x1f ", b"1e3", b"-5",
];
const BIGS: &[&str] = &[
    "0",
    "-1",
    "99999999999999999999999999999999999999999999",
    "-170141183460469231731687303715884105729",
    "18446744073709551615",
];

fn pick_arg<'a>(r: &mut Rng, objs: &'a [ObjectArg<'a>], utf16: &'a [u16]) -> Arg<'a> {
    match r.below(9) {
        0 => Arg::Undefined,
        1 => Arg::Null,
        2 => Arg::Bool(r.one_in(2)),
        3 | 4 => Arg::Number(*r.pick(NUMS)),
        5 => Arg::String(JsStr::Latin1(r.pick::<&[u8]>(STRS))),
        6 => Arg::String(JsStr::Utf16(utf16)),
        7 => Arg::BigInt(r.pick::<&str>(BIGS)),
        _ => Arg::Object(r.pick(objs)),
    }
}

#[test]
fn no_input_panics() {
    let mut r = Rng::new(seed());
    let bytes: Vec<u8> = (0..64u8).collect();
    let objs = [
        ObjectArg::buffer(&bytes[..5]),
        ObjectArg::uint8_array(&bytes[..0]),
        ObjectArg {
            bytes: Some(&bytes[..3]),
            ..ObjectArg::new(ObjectKind::TypedArray, Some("Uint16Array"))
        },
        ObjectArg::new(ObjectKind::Other, None),
        ObjectArg {
            number: 1e30,
            ..ObjectArg::new(ObjectKind::Array, Some("Array"))
        },
    ];
    let utf16: Vec<u16> = vec![0xd800, 0x61, 0xdfff, 0x20ac];
    let names = api::numeric::num_method_names();
    for _ in 0..case_count(3000) {
        let len = r.below(20) as usize;
        let mut buf: Vec<u8> = (0..len).map(|_| r.below(256) as u8).collect();
        let a: Vec<Arg<'_>> = (0..5).map(|_| pick_arg(&mut r, &objs, &utf16)).collect();
        let m = api::num_method(&names[r.below(names.len() as u64) as usize]).expect("known name");
        let _ = if m.write {
            api::write(&mut buf, m.ty, &a[0], &a[1], &a[2]).map(|_| ())
        } else {
            api::read(&buf, m.ty, &a[0], &a[1]).map(|_| ())
        };
        let _ = api::fill(&mut buf, &a[0], &a[1], &a[2], &a[3]);
        let _ = api::index_of(&buf, &a[0], &a[1], &a[2]);
        let _ = api::last_index_of(&buf, &a[0], &a[1], &a[2]);
        let _ = api::compare(&buf, &a[0], &a[1], &a[2], &a[3], &a[4]);
        let _ = api::equals(&buf, &a[0]);
        let _ = api::copy_plan(buf.len(), &a[0], &a[1], &a[2], &a[3]);
        let mut target = vec![0u8; r.below(20) as usize];
        let _ = api::copy(&buf, &mut target, &a[1], &a[2], &a[3]);
        let _ = api::write_string(&mut buf, &a[0], &a[1], &a[2], &a[3]);
        let _ = api::to_string(&buf, &a[0], &a[1], &a[2], r.below(4) as usize);
        let enc = Encoding::ALL[r.below(7) as usize];
        let _ = api::slice_helper(&buf, enc, &a[0], &a[1]);
        let _ = api::write_helper(&mut buf, enc, &a[0], &a[1], &a[2]);
        let _ = api::byte_length(&a[0], &a[1]);
        let _ = api::swap16(&mut buf);
        let _ = api::swap32(&mut buf);
        let _ = api::swap64(&mut buf);
        let _ = api::alloc::validate_size(&a[0]);
        let _ = api::alloc::from_array_buffer_range(len, &a[0], &a[1]);
        let _ = api::alloc::concat_length(&a[0], len);
        let _ = api::alloc::copy_bytes_from_range(&a[0], len, 2, &a[1], &a[2]);
        let _ = nodebuf_core::inspect::set_inspect_max_bytes(&Arg::Number(50.0));
    }
}
