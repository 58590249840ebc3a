//! Differential tests against node: stores into every typed-array kind (JS conversions),
//! construction from (buffer, byteOffset, length) including V8's exact errors, subarray + fill
//! with relative indices, and `set` between kinds over overlapping bytes.

#[macro_use]
mod support;

use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::number;
use nodebuf_core::typed_array::*;
use support::{
    assert_lines_match, case_count, describe, hex, js_number_literal, run_node, seed, LocalStore,
    Rng, ALL_KINDS, NUMBER_KINDS,
};

/// Interesting Numbers for conversions: specials, rounding ties, boundaries, and random values
/// of every magnitude.
fn number(rng: &mut Rng) -> f64 {
    const SPECIAL: &[f64] = &[
        0.0,
        -0.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.5,
        1.5,
        2.5,
        -0.5,
        -1.5,
        127.5,
        128.0,
        -128.5,
        254.5,
        255.5,
        256.0,
        65535.5,
        65536.0,
        2147483647.5,
        2147483648.0,
        -2147483649.0,
        4294967295.5,
        4294967296.0,
        9007199254740991.0,
        9007199254740993.0,
        1e21,
        -1e300,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        3.4028235677973366e38,
        3.4028234663852886e38,
        1.401298464324817e-45,
        7.006492321624085e-46,
    ];
    match rng.below(6) {
        0 => *rng.pick(SPECIAL),
        1 => {
            // Random bits: any double (NaNs collapse to the canonical one).
            let v = f64::from_bits(rng.next_u64());
            if v.is_nan() {
                f64::NAN
            } else {
                v
            }
        }
        2 => (rng.below(1 << 20) as f64 - (1 << 19) as f64) + 0.5,
        3 => {
            let mag = 2f64.powi(rng.below(70) as i32);
            let frac = (rng.below(1 << 30) as f64) / (1u64 << 30) as f64;
            let v = (mag * (1.0 + frac)).floor() + if rng.one_in(2) { 0.5 } else { 0.0 };
            if rng.one_in(2) {
                -v
            } else {
                v
            }
        }
        4 => rng.below(600) as f64 - 300.0 + (rng.below(4) as f64) / 4.0,
        _ => (rng.next_u64() as i64) as f64 / (1 + rng.below(1000)) as f64,
    }
}

/// Sets a Number into a typed array of kind `E` over a local and a shared store, and returns
/// the bytes (both stores must agree) and the value read back as JS prints it.
fn store_number<E: Element<Js = f64>>(v: f64) -> String {
    let local = TypedArray::<_, E>::new(LocalStore::new(8), 0, Some(1)).unwrap();
    let shared = TypedArray::<_, E>::new(SharedArrayBuffer::new(8).unwrap(), 0, Some(1)).unwrap();
    local.set(0, v);
    shared.set(0, v);
    assert_eq!(local.to_bytes(), shared.to_bytes());
    let back = shared.get(0).unwrap();
    format!("{} {}", hex(&shared.to_bytes()), number::to_string(back))
}

#[test]
fn number_stores_convert_like_node() {
    let mut rng = Rng::new(seed());
    let per_kind = case_count(3000);
    let mut script = String::from("const out = [];\n");
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for kind in NUMBER_KINDS {
        let values: Vec<f64> = (0..per_kind).map(|_| number(&mut rng)).collect();
        let list: Vec<String> = values.iter().map(|&v| js_number_literal(v)).collect();
        script += &format!(
            "{{ const a = new {}(1); for (const v of [{}]) {{ a[0] = v; \
             out.push(Buffer.from(a.buffer).toString('hex') + ' ' + String(a[0])); }} }}\n",
            kind.name(),
            list.join(",")
        );
        for v in values {
            cases.push(format!("{}[0] = {}", kind.name(), js_number_literal(v)));
            ours.push(with_number_kind!(kind, E => store_number::<E>(v)));
        }
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

#[test]
fn bigint_stores_wrap_like_node() {
    let mut rng = Rng::new(seed() ^ 1);
    let n = case_count(2000);
    let mut script = String::from("const out = [];\n");
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for kind in [ElementKind::BigInt64, ElementKind::BigUint64] {
        let mut values = Vec::new();
        for _ in 0..n {
            let v: i128 = match rng.below(4) {
                0 => *rng.pick(&[
                    0i128,
                    -1,
                    i64::MIN as i128,
                    i64::MAX as i128,
                    u64::MAX as i128,
                    1 << 64,
                    -(1 << 64) - 1,
                    (1 << 63) + 5,
                ]),
                1 => rng.next_u64() as i64 as i128,
                2 => rng.next_u64() as i128,
                _ => ((rng.next_u64() as i128) << 40) - ((rng.next_u64() as i128) << 20),
            };
            values.push(v);
        }
        let list: Vec<String> = values.iter().map(|v| format!("{v}n")).collect();
        script += &format!(
            "{{ const a = new {}(1); for (const v of [{}]) {{ a[0] = v; \
             out.push(Buffer.from(a.buffer).toString('hex') + ' ' + String(a[0])); }} }}\n",
            kind.name(),
            list.join(",")
        );
        for v in values {
            cases.push(format!("{}[0] = {v}n", kind.name()));
            let store = SharedArrayBuffer::new(8).unwrap();
            let line = match kind {
                ElementKind::BigInt64 => {
                    let a = BigInt64Array::new(store, 0, None).unwrap();
                    a.set_native(0, BigInt64::from_scalar(Scalar::BigInt(v)).unwrap());
                    format!("{} {}", hex(&a.to_bytes()), a.get(0).unwrap())
                }
                _ => {
                    let a = BigUint64Array::new(store, 0, None).unwrap();
                    a.set_native(0, BigUint64::from_scalar(Scalar::BigInt(v)).unwrap());
                    format!("{} {}", hex(&a.to_bytes()), a.get(0).unwrap())
                }
            };
            ours.push(line);
        }
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

/// An offset or length argument: mostly small integers near the limits, sometimes negative,
/// fractional, NaN, infinite or unsafe.
fn index_arg(rng: &mut Rng) -> f64 {
    match rng.below(10) {
        0 => *rng.pick(&[
            -1.0,
            -1.5,
            -0.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            9007199254740992.0,
            1e21,
            2.5,
            -0.0,
        ]),
        1 => rng.below(40) as f64 + 0.5,
        _ => rng.below(26) as f64,
    }
}

#[test]
fn construction_matches_node_including_errors() {
    let mut rng = Rng::new(seed() ^ 2);
    let n = case_count(4000);
    let mut script = String::from(
        "const out = [];\nfunction t(f) { try { const a = f(); out.push('ok ' + a.length + ' ' + \
         a.byteOffset + ' ' + a.byteLength); } catch (e) { out.push(e.name + ': ' + e.message); } }\n",
    );
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for _ in 0..n {
        let kind = *rng.pick(&ALL_KINDS);
        let buf_len = rng.below(25) as usize;
        let offset = index_arg(&mut rng);
        let length = (!rng.one_in(3)).then(|| index_arg(&mut rng));
        let len_lit = length.map_or("undefined".to_string(), js_number_literal);
        let case = format!(
            "new {}(new ArrayBuffer({buf_len}), {}, {len_lit})",
            kind.name(),
            js_number_literal(offset)
        );
        script += &format!("t(() => {case});\n");
        cases.push(case);
        let shared = rng.one_in(2);
        ours.push(with_kind!(kind, E => {
            let show = |a: TypedArray<_, E>| {
                format!("ok {} {} {}", a.length(), a.byte_offset(), a.byte_length())
            };
            if shared {
                let store = SharedArrayBuffer::new(buf_len).unwrap();
                describe(TypedArray::<_, E>::from_js_args(store, offset, length), show)
            } else {
                let show = |a: TypedArray<_, E>| {
                    format!("ok {} {} {}", a.length(), a.byte_offset(), a.byte_length())
                };
                let store = LocalStore::new(buf_len);
                describe(TypedArray::<_, E>::from_js_args(store, offset, length), show)
            }
        }));
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

/// Integer constructor arguments give the same answers as the JS-argument form.
#[test]
fn integer_construction_agrees_with_js_argument_construction() {
    let mut rng = Rng::new(seed() ^ 3);
    for _ in 0..case_count(3000) {
        let buf_len = rng.below(40) as usize;
        let offset = rng.below(48) as usize;
        let length = (!rng.one_in(3)).then(|| rng.below(24) as usize);
        let a = Int32Array::new(SharedArrayBuffer::new(buf_len).unwrap(), offset, length);
        let b = Int32Array::from_js_args(
            SharedArrayBuffer::new(buf_len).unwrap(),
            offset as f64,
            length.map(|l| l as f64),
        );
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!((a.length(), a.byte_offset()), (b.length(), b.byte_offset()))
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            (a, b) => panic!("{buf_len} {offset} {length:?}: {a:?} vs {b:?}"),
        }
    }
}

/// A relative index argument as JS would see it and as our API takes it (`as i64`).
fn relative_arg(rng: &mut Rng) -> Option<f64> {
    match rng.below(8) {
        0 => None,
        1 => Some(*rng.pick(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.5, 2.7, -3.2])),
        _ => Some(rng.below(30) as f64 - 15.0),
    }
}

#[test]
fn subarray_and_fill_match_node() {
    let mut rng = Rng::new(seed() ^ 4);
    let n = case_count(2000);
    let mut script = String::from("const out = [];\n");
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    let lit = |v: Option<f64>| v.map_or("undefined".to_string(), js_number_literal);
    for _ in 0..n {
        let (b, e) = (relative_arg(&mut rng), relative_arg(&mut rng));
        let (s, f) = (relative_arg(&mut rng), relative_arg(&mut rng));
        let value = number(&mut rng);
        let case = format!(
            "new Int16Array(12).subarray({}, {}).fill({}, {}, {})",
            lit(b),
            lit(e),
            js_number_literal(value),
            lit(s),
            lit(f)
        );
        script += &format!(
            "{{ const all = new Int16Array(12); const v = all.subarray({}, {}); \
             v.fill({}, {}, {}); out.push(v.byteOffset + ' ' + v.length + ' ' + \
             Buffer.from(all.buffer).toString('hex')); }}\n",
            lit(b),
            lit(e),
            js_number_literal(value),
            lit(s),
            lit(f)
        );
        cases.push(case);
        let all = Int16Array::new(LocalStore::new(24), 0, None).unwrap();
        let to_i = |v: Option<f64>| v.map(|x| x as i64);
        let v = all.subarray(to_i(b).unwrap_or(0), to_i(e));
        v.fill(value, to_i(s), to_i(f));
        ours.push(format!(
            "{} {} {}",
            v.byte_offset(),
            v.length(),
            hex(&all.to_bytes())
        ));
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

/// `target.set(source, offset)` where both views share one buffer at random places.
fn set_case<D: Element, S: Element>(
    rng: &mut Rng,
    init: &[u8],
    script: &mut String,
    cases: &mut Vec<String>,
) -> String {
    let buf_len = init.len();
    let d_off = rng.below(3) as usize * 8;
    let s_off = rng.below(3) as usize * 8;
    let d_len = (buf_len - d_off) / D::KIND.size();
    let s_len = rng.below(((buf_len - s_off) / S::KIND.size()) as u64 + 1) as usize;
    let offset = rng.below(6) as usize;
    let init_list: Vec<String> = init.iter().map(|b| b.to_string()).collect();
    let case = format!(
        "new {}(buf, {d_off}, {d_len}).set(new {}(buf, {s_off}, {s_len}), {offset})",
        D::KIND.name(),
        S::KIND.name()
    );
    *script += &format!(
        "{{ const buf = new SharedArrayBuffer({buf_len}); new Uint8Array(buf).set([{}]); \
         let r = 'ok'; try {{ {case}; }} catch (e) {{ r = e.name + ': ' + e.message; }} \
         out.push(r + ' ' + Buffer.from(buf).toString('hex')); }}\n",
        init_list.join(",")
    );
    cases.push(case);
    let store = SharedArrayBuffer::from_bytes(init).unwrap();
    let dst = TypedArray::<_, D>::new(store.clone(), d_off, Some(d_len)).unwrap();
    let src = TypedArray::<_, S>::new(store.clone(), s_off, Some(s_len)).unwrap();
    let r = match dst.set_from(&src, offset) {
        Ok(()) => "ok".to_string(),
        Err(e) => e.to_string(),
    };
    format!("{r} {}", hex(&store.to_vec()))
}

#[test]
fn set_between_kinds_over_shared_bytes_matches_node() {
    let mut rng = Rng::new(seed() ^ 5);
    let n = case_count(1500);
    let mut script = String::from("const out = [];\n");
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for _ in 0..n {
        // Bytes that make sensible floats and integers alike.
        let init: Vec<u8> = (0..48).map(|_| rng.below(256) as u8 & 0x3f).collect();
        let d = *rng.pick(&ALL_KINDS);
        let s = *rng.pick(&ALL_KINDS);
        let line = with_kind!(d, D => with_kind!(s, S =>
            set_case::<D, S>(&mut rng, &init, &mut script, &mut cases)));
        ours.push(line);
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}
