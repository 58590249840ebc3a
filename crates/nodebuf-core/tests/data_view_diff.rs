//! Differential tests against node for DataView: construction (with V8's errors) and random
//! sequences of get/set of every type, offset and byte order, on shared and local stores.

mod support;

use nodebuf_core::data_view::DataView;
use nodebuf_core::memory::region::ByteRegion;
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::number::{self, to_index};
use nodebuf_core::NodeError;
use support::{
    assert_lines_match, case_count, describe, hex, js_number_literal, run_node, seed, LocalStore,
    Rng,
};

fn index_arg(rng: &mut Rng, max: u64) -> f64 {
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
            -0.0,
        ]),
        1 => rng.below(max) as f64 + 0.5,
        _ => rng.below(max) as f64,
    }
}

#[test]
fn construction_matches_node_including_errors() {
    let mut rng = Rng::new(seed() ^ 10);
    let n = case_count(4000);
    let mut script = String::from(
        "const out = [];\nfunction t(f) { try { const d = f(); out.push('ok ' + d.byteOffset + \
         ' ' + d.byteLength); } catch (e) { out.push(e.name + ': ' + e.message); } }\n",
    );
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for _ in 0..n {
        let buf_len = rng.below(20) as usize;
        let offset = index_arg(&mut rng, 24);
        let length = (!rng.one_in(3)).then(|| index_arg(&mut rng, 24));
        let len_lit = length.map_or("undefined".to_string(), js_number_literal);
        let case = format!(
            "new DataView(new ArrayBuffer({buf_len}), {}, {len_lit})",
            js_number_literal(offset)
        );
        script += &format!("t(() => {case});\n");
        cases.push(case);
        let show =
            |d: DataView<SharedArrayBuffer>| format!("ok {} {}", d.byte_offset(), d.byte_length());
        let store = SharedArrayBuffer::new(buf_len).unwrap();
        ours.push(describe(
            DataView::from_js_args(store, offset, length),
            show,
        ));
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

const METHODS: [&str; 10] = [
    "Int8",
    "Uint8",
    "Int16",
    "Uint16",
    "Int32",
    "Uint32",
    "Float32",
    "Float64",
    "BigInt64",
    "BigUint64",
];

fn number(rng: &mut Rng) -> f64 {
    match rng.below(5) {
        0 => *rng.pick(&[
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.5,
            -1.5,
            255.5,
            65536.0,
            4294967296.5,
            -2147483649.0,
            1e300,
            3.4028235677973366e38,
        ]),
        1 => {
            let v = f64::from_bits(rng.next_u64());
            if v.is_nan() {
                f64::NAN
            } else {
                v
            }
        }
        2 => rng.below(1 << 20) as f64 - 524288.0 + 0.25 * rng.below(4) as f64,
        _ => (rng.next_u64() as i64) as f64 / (1 + rng.below(1 << 20)) as f64,
    }
}

/// One get or set on both a node DataView and ours; returns our result line.
fn run_op<S: ByteRegion>(
    dv: &DataView<S>,
    rng: &mut Rng,
    script: &mut String,
    case: &mut String,
) -> String {
    let method = *rng.pick(&METHODS);
    let offset = index_arg(rng, 20);
    let le = rng.below(3);
    let le_lit = ["false", "true", "undefined"][le as usize];
    let little = le == 1;
    let at = to_index(offset).unwrap_or(usize::MAX);
    let big = method.starts_with("Big");
    let is_set = rng.one_in(2);
    let (call, ours) = if is_set {
        if big {
            let v = rng.next_u64() as i128 - if rng.one_in(2) { 1 << 63 } else { 0 };
            let call = format!(
                "dv.set{method}({}, {v}n, {le_lit})",
                js_number_literal(offset)
            );
            let r = if method == "BigInt64" {
                dv.set_big_int64(at, v as i64, little)
            } else {
                dv.set_big_uint64(at, v as u64, little)
            };
            (call, describe(r, |_| "undefined".into()))
        } else {
            let v = number(rng);
            let call = format!(
                "dv.set{method}({}, {}, {le_lit})",
                js_number_literal(offset),
                js_number_literal(v)
            );
            let r = match method {
                "Int8" => dv.set_int8(at, v, little),
                "Uint8" => dv.set_uint8(at, v, little),
                "Int16" => dv.set_int16(at, v, little),
                "Uint16" => dv.set_uint16(at, v, little),
                "Int32" => dv.set_int32(at, v, little),
                "Uint32" => dv.set_uint32(at, v, little),
                "Float32" => dv.set_float32(at, v, little),
                _ => dv.set_float64(at, v, little),
            };
            (call, describe(r, |_| "undefined".into()))
        }
    } else {
        let call = format!("dv.get{method}({}, {le_lit})", js_number_literal(offset));
        let num = |r: Result<f64, NodeError>| describe(r, number::to_string);
        let r = match method {
            "Int8" => num(dv.get_int8(at, little).map(f64::from)),
            "Uint8" => num(dv.get_uint8(at, little).map(f64::from)),
            "Int16" => num(dv.get_int16(at, little).map(f64::from)),
            "Uint16" => num(dv.get_uint16(at, little).map(f64::from)),
            "Int32" => num(dv.get_int32(at, little).map(f64::from)),
            "Uint32" => num(dv.get_uint32(at, little).map(f64::from)),
            "Float32" => num(dv.get_float32(at, little).map(f64::from)),
            "Float64" => num(dv.get_float64(at, little)),
            "BigInt64" => describe(dv.get_big_int64(at, little), |v| v.to_string()),
            _ => describe(dv.get_big_uint64(at, little), |v| v.to_string()),
        };
        (call, r)
    };
    *script += &format!("t(() => {call});\n");
    *case += &format!("{call}; ");
    ours
}

#[test]
fn get_and_set_sequences_match_node() {
    let mut rng = Rng::new(seed() ^ 11);
    let n = case_count(1000);
    let mut script = String::from(
        "const out = []; let dv, buf;\nfunction t(f) { try { out.push(String(f())); } catch (e) \
         { out.push(e.name + ': ' + e.message); } }\n",
    );
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for _ in 0..n {
        let buf_len = 8 + rng.below(16) as usize;
        let offset = rng.below(5) as usize;
        let length = (!rng.one_in(2)).then(|| rng.below((buf_len - offset) as u64 + 1) as usize);
        let len_lit = length.map_or("undefined".to_string(), |l| l.to_string());
        script += &format!(
            "buf = new ArrayBuffer({buf_len}); dv = new DataView(buf, {offset}, {len_lit});\n"
        );
        let mut case = format!("new DataView(new ArrayBuffer({buf_len}), {offset}, {len_lit}); ");
        let shared = rng.one_in(2);
        let ops = 1 + rng.below(8);
        let mut lines = Vec::new();
        if shared {
            let store = SharedArrayBuffer::new(buf_len).unwrap();
            let dv = DataView::new(store.clone(), offset, length).unwrap();
            for _ in 0..ops {
                lines.push(run_op(&dv, &mut rng, &mut script, &mut case));
            }
            lines.push(hex(&store.to_vec()));
        } else {
            let store = LocalStore::new(buf_len);
            let dv = DataView::new(store.clone(), offset, length).unwrap();
            for _ in 0..ops {
                lines.push(run_op(&dv, &mut rng, &mut script, &mut case));
            }
            let whole = DataView::new(store, 0, None).unwrap();
            let bytes: Vec<u8> = (0..buf_len)
                .map(|i| whole.get_uint8(i, false).unwrap())
                .collect();
            lines.push(hex(&bytes));
        }
        script += "out.push(Buffer.from(buf).toString('hex'));\n";
        for l in lines {
            ours.push(l);
            cases.push(case.clone());
        }
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}
