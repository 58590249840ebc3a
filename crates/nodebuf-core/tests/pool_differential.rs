//! Pool parity with Node v20: seeded random sequences of allocations run in `node` and in the
//! core; every result's `byteOffset`, length, store size and which store it lives in (numbered
//! by first appearance) must match exactly.

mod support;

use nodebuf_core::memory::pool;
use nodebuf_core::memory::ArrayBuffer;
use nodebuf_core::Buffer;
use std::collections::HashMap;
use std::fmt::Write as _;
use support::{case_count, js_number_literal, js_string_literal, run_node, seed, Rng};

#[derive(Debug, Clone)]
enum Enc {
    Utf8,
    Latin1,
    Ucs2,
    Hex,
    Base64,
}

impl Enc {
    fn name(&self) -> &'static str {
        match self {
            Enc::Utf8 => "utf8",
            Enc::Latin1 => "latin1",
            Enc::Ucs2 => "ucs2",
            Enc::Hex => "hex",
            Enc::Base64 => "base64",
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    AllocUnsafe(usize),
    AllocUnsafeSlow(usize),
    Alloc(usize),
    FromBytes(usize),
    CopyBytesFrom(usize),
    Of(usize),
    FromString(String, Enc),
    Concat(Vec<usize>, Option<usize>),
    Subarray(usize, i64, Option<i64>),
    FromArrayBuffer(usize, f64, Option<f64>),
    SetPoolSize(f64),
}

fn size(rng: &mut Rng) -> usize {
    match rng.below(8) {
        0 => 0,
        1 => *rng.pick(&[4095, 4096, 4097, 2047, 2048, 8192, 1, 8]),
        2 => rng.below(5000) as usize,
        3 => rng.below(600) as usize,
        _ => rng.below(64) as usize,
    }
}

fn string(rng: &mut Rng, enc: &Enc) -> String {
    let len = match rng.below(6) {
        0 => 0,
        1 => rng.below(1200),
        2 => *rng.pick(&[1023, 1024, 1025, 2047, 2048, 4095, 4096]),
        _ => rng.below(80),
    } as usize;
    let mut s = String::new();
    match enc {
        Enc::Hex => {
            for _ in 0..len / 2 {
                s.push(*rng.pick(&['0', '7', 'a', 'F', 'c']));
                s.push(*rng.pick(&['1', 'e', 'B', '9']));
            }
            if rng.one_in(3) {
                s.push_str("zz");
                s.push_str(&"ab".repeat(rng.below(20) as usize));
            }
        }
        Enc::Base64 => {
            if rng.one_in(3) {
                s = "aGk*".repeat(len / 4 + 1);
            } else {
                for _ in 0..len {
                    s.push(*rng.pick(&['Q', 'm', '9', '+', '/', 'x']));
                }
                while !s.len().is_multiple_of(4) {
                    s.push('=');
                }
            }
        }
        _ => {
            let chars = ['a', 'z', 'é', 'ÿ', '€', '中', '😀'];
            let mut units = 0;
            while units < len {
                let c = *rng.pick(&chars);
                units += c.len_utf16();
                s.push(c);
            }
        }
    }
    s
}

fn gen_op(rng: &mut Rng, made: usize) -> Op {
    loop {
        let op = match rng.below(20) {
            0..=4 => Op::AllocUnsafe(size(rng)),
            5 => Op::AllocUnsafeSlow(size(rng)),
            6 => Op::Alloc(size(rng)),
            7 | 8 => Op::FromBytes(size(rng)),
            9 if rng.one_in(4) => Op::Of(rng.below(20) as usize),
            9 => Op::CopyBytesFrom(size(rng) / 2),
            10..=13 => {
                let enc = rng
                    .pick(&[
                        Enc::Utf8,
                        Enc::Utf8,
                        Enc::Latin1,
                        Enc::Ucs2,
                        Enc::Hex,
                        Enc::Base64,
                    ])
                    .clone();
                Op::FromString(string(rng, &enc), enc)
            }
            14 | 15 if made > 0 => {
                let n = rng.below(4) as usize;
                let list = (0..n).map(|_| rng.below(made as u64) as usize).collect();
                let total = rng.one_in(2).then(|| size(rng));
                Op::Concat(list, total)
            }
            16 if made > 0 => {
                let end = rng.one_in(3).then(|| rng.below(40) as i64 - 20);
                Op::Subarray(
                    rng.below(made as u64) as usize,
                    rng.below(40) as i64 - 20,
                    end,
                )
            }
            17 if made > 0 => {
                let offset = rng.below(9000) as f64 / *rng.pick(&[1.0, 1.0, 2.0, -1.0, -2.0]);
                let len = rng.one_in(2).then(|| rng.below(200) as f64 - 20.0);
                Op::FromArrayBuffer(rng.below(made as u64) as usize, offset, len)
            }
            18 => Op::SetPoolSize(
                *rng.pick(&[8192.0, 100.0, 10.7, 16384.0, 4096.0, 1024.0, 64.0, 9000.5]),
            ),
            19 => Op::AllocUnsafe(rng.below(4096) as usize),
            _ => continue,
        };
        return op;
    }
}

fn js_op(op: &Op) -> String {
    match op {
        Op::AllocUnsafe(n) => format!("Buffer.allocUnsafe({n})"),
        Op::AllocUnsafeSlow(n) => format!("Buffer.allocUnsafeSlow({n})"),
        Op::Alloc(n) => format!("Buffer.alloc({n})"),
        Op::FromBytes(n) => format!("Buffer.from(new Uint8Array({n}))"),
        Op::CopyBytesFrom(n) => format!("Buffer.copyBytesFrom(new Uint16Array({n}))"),
        Op::Of(n) => format!("Buffer.of(...new Array({n}).fill(7))"),
        Op::FromString(s, enc) => format!(
            "Buffer.from({}, '{}')",
            js_string_literal(&s.encode_utf16().collect::<Vec<_>>()),
            enc.name()
        ),
        Op::Concat(list, total) => {
            let items: Vec<String> = list.iter().map(|i| format!("r[{i}]")).collect();
            match total {
                Some(t) => format!("Buffer.concat([{}], {t})", items.join(",")),
                None => format!("Buffer.concat([{}])", items.join(",")),
            }
        }
        Op::Subarray(i, s, e) => match e {
            Some(e) => format!("r[{i}].subarray({s}, {e})"),
            None => format!("r[{i}].subarray({s})"),
        },
        Op::FromArrayBuffer(i, o, l) => match l {
            Some(l) => format!(
                "Buffer.from(r[{i}].buffer, {}, {})",
                js_number_literal(*o),
                js_number_literal(*l)
            ),
            None => format!("Buffer.from(r[{i}].buffer, {})", js_number_literal(*o)),
        },
        Op::SetPoolSize(v) => format!("(Buffer.poolSize = {}, null)", js_number_literal(*v)),
    }
}

/// Node's `Buffer.byteLength` and the bytes actually written, for our generated strings.
fn string_lengths(s: &str, enc: &Enc) -> (usize, usize) {
    let units = s.encode_utf16().count();
    match enc {
        Enc::Utf8 => (s.len(), s.len()),
        Enc::Latin1 => (units, units),
        Enc::Ucs2 => (units * 2, units * 2),
        Enc::Hex => {
            let valid = s
                .as_bytes()
                .chunks(2)
                .take_while(|p| p.len() == 2 && p.iter().all(u8::is_ascii_hexdigit))
                .count();
            (units >> 1, valid)
        }
        Enc::Base64 => {
            let trimmed = s.trim_end_matches('=');
            let pads = (s.len() - trimmed.len()).min(2);
            let estimate = ((s.len() - pads) * 3) >> 2;
            let data = trimmed
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '+' || *c == '/')
                .count();
            (estimate, data * 3 / 4)
        }
    }
}

/// The earlier results an op reads.
fn refs(op: &Op) -> Vec<usize> {
    match op {
        Op::Concat(list, _) => list.clone(),
        Op::Subarray(i, ..) | Op::FromArrayBuffer(i, ..) => vec![*i],
        _ => Vec::new(),
    }
}

fn rust_op(op: &Op, r: &[Option<Buffer>]) -> Result<Option<Buffer>, String> {
    if refs(op).iter().any(|&i| r[i].is_none()) {
        return Err("ref".to_string());
    }
    let code = |e: nodebuf_core::NodeError| {
        format!(
            "{} {}: {}",
            e.code.unwrap_or("none"),
            e.class.name(),
            e.message
        )
    };
    let get = |i: usize| r[i].as_ref().expect("ops only refer to results that exist");
    Ok(Some(match op {
        Op::AllocUnsafe(n) => Buffer::alloc_unsafe(*n).map_err(code)?,
        Op::AllocUnsafeSlow(n) => Buffer::alloc_unsafe_slow(*n).map_err(code)?,
        Op::Alloc(n) => Buffer::alloc(*n).map_err(code)?,
        Op::FromBytes(n) => Buffer::from_bytes(&vec![0; *n]).map_err(code)?,
        Op::CopyBytesFrom(n) => Buffer::from_bytes(&vec![0; *n * 2]).map_err(code)?,
        Op::Of(n) => Buffer::of(&vec![7; *n]).map_err(code)?,
        Op::FromString(s, enc) => {
            let (estimate, actual) = string_lengths(s, enc);
            Buffer::from_encoded(s.encode_utf16().count(), || estimate, |_| actual).map_err(code)?
        }
        Op::Concat(list, total) => {
            let items: Vec<&Buffer> = list.iter().map(|&i| get(i)).collect();
            Buffer::concat(&items, *total).map_err(code)?
        }
        Op::Subarray(i, s, e) => get(*i).subarray(*s, *e),
        Op::FromArrayBuffer(i, o, l) => {
            let ab: ArrayBuffer = get(*i).buffer();
            Buffer::from_array_buffer(&ab, Some(*o), *l).map_err(code)?
        }
        Op::SetPoolSize(v) => {
            pool::set_pool_size(*v);
            return Ok(None);
        }
    }))
}

fn reset_rust_pool() {
    pool::set_pool_size(8192.0);
    while Buffer::alloc_unsafe(4095).unwrap().byte_offset() != 0 {}
}

const NODE_RESET: &str =
    "Buffer.poolSize = 8192; while (Buffer.allocUnsafe(4095).byteOffset !== 0);";

#[test]
fn pool_offsets_and_sharing_match_node() {
    let mut rng = Rng::new(seed());
    let sequences = case_count(40);
    let ops_per_sequence = 150;
    let sequences_ops: Vec<Vec<Op>> = (0..sequences)
        .map(|_| {
            (0..ops_per_sequence)
                .map(|made| gen_op(&mut rng, made))
                .collect()
        })
        .collect();
    let node_out = compare_with_node(&sequences_ops);
    // The sequences must reach the interesting paths, not only the happy ones.
    if sequences >= 40 {
        for needle in ["Start offset", "ERR_BUFFER_OUT_OF_BOUNDS", " 0 8192 "] {
            assert!(node_out.contains(needle), "no case produced {needle:?}");
        }
    }
}

#[test]
fn odd_pool_sizes_match_node() {
    use Op::*;
    let ops = vec![
        SetPoolSize(-1.0),
        AllocUnsafe(3000),
        AllocUnsafe(3000),
        AllocUnsafe(3000),
        AllocUnsafe(3000),
        SetPoolSize(f64::NAN),
        AllocUnsafe(1),
        SetPoolSize(0.0),
        AllocUnsafe(1),
        SetPoolSize(3.0),
        AllocUnsafe(1),
        AllocUnsafe(1),
        SetPoolSize(2.0),
        AllocUnsafe(1),
        SetPoolSize(10.7),
        AllocUnsafe(4),
        AllocUnsafe(5),
        FromString("ab".into(), Enc::Utf8),
        SetPoolSize(1e10),
        AllocUnsafe(4000),
        SetPoolSize(4_294_967_298.0),
        AllocUnsafe(1),
        // A failed creation leaves the old slab with the new size: later requests overrun it.
        SetPoolSize(8192.0),
        AllocUnsafe(3000),
        SetPoolSize(8_589_942_784.0),
        AllocUnsafe(3000),
        AllocUnsafe(3000),
        AllocUnsafe(3000),
        AllocUnsafe(8),
        FromString("abc".into(), Enc::Latin1),
    ];
    let node_out = compare_with_node(&[ops]);
    assert!(
        node_out.contains("Invalid typed array length: -1"),
        "{node_out}"
    );
}

/// Runs the sequences in one node process and in the core; asserts every line matches and
/// returns node's output.
fn compare_with_node(sequences_ops: &[Vec<Op>]) -> String {
    let mut script = String::from(
        "const out = [];\nfunction run(ops) {\n  const r = []; const ids = new Map();\n  \
         for (const [f, refs] of ops) {\n    let b;\n    if (refs.some((i) => r[i] === null)) { out.push('E ref'); r.push(null); continue; }\n    try { b = f(r); } catch (e) { out.push('E ' + (e.code || 'none') + ' ' + e.name + ': ' + e.message); r.push(null); continue; }\n    \
         r.push(b);\n    if (b === null) { out.push('-'); continue; }\n    \
         if (!ids.has(b.buffer)) ids.set(b.buffer, ids.size);\n    \
         out.push(b.byteOffset + ' ' + b.length + ' ' + b.buffer.byteLength + ' ' + ids.get(b.buffer));\n  }\n  \
         out.push('end');\n}\n",
    );
    for ops in sequences_ops {
        script.push_str(NODE_RESET);
        script.push_str("\nrun([\n");
        for op in ops {
            let refs: Vec<String> = refs(op).iter().map(|i| i.to_string()).collect();
            writeln!(script, "  [(r) => {}, [{}]],", js_op(op), refs.join(",")).unwrap();
        }
        script.push_str("]);\n");
    }
    script.push_str("Buffer.poolSize = 8192;\nconsole.log(out.join('\\n'));\n");
    let node_out = run_node(&script);
    let node_lines: Vec<&str> = node_out.lines().collect();

    let mut ours = Vec::new();
    for ops in sequences_ops {
        reset_rust_pool();
        let mut r: Vec<Option<Buffer>> = Vec::new();
        let mut ids: HashMap<u64, usize> = HashMap::new();
        for op in ops {
            match rust_op(op, &r) {
                Err(code) => {
                    ours.push(format!("E {code}"));
                    r.push(None);
                }
                Ok(None) => {
                    ours.push("-".to_string());
                    r.push(None);
                }
                Ok(Some(b)) => {
                    let next = ids.len();
                    let id = *ids.entry(b.store_id()).or_insert(next);
                    ours.push(format!(
                        "{} {} {} {}",
                        b.byte_offset(),
                        b.len(),
                        b.store_len(),
                        id
                    ));
                    r.push(Some(b));
                }
            }
        }
        ours.push("end".to_string());
    }
    assert_eq!(ours.len(), node_lines.len(), "line counts differ");
    let mut line = 0;
    for (s, ops) in sequences_ops.iter().enumerate() {
        for (i, op) in ops.iter().enumerate() {
            assert_eq!(
                ours[line],
                node_lines[line],
                "sequence {s} op {i}: {} (seed {})",
                js_op(op),
                seed()
            );
            line += 1;
        }
        line += 1;
    }
    node_out
}

#[test]
fn startup_takes_the_first_eight_bytes_like_node() {
    let node = run_node("console.log(Buffer.allocUnsafe(1).byteOffset, Buffer.allocUnsafe(3).byteOffset, Buffer.from('abc').byteOffset, Buffer.from([1,2,3]).byteOffset)");
    // This test runs on its own thread, whose pool is in its start-up state.
    let ours = [
        Buffer::alloc_unsafe(1).unwrap().byte_offset(),
        Buffer::alloc_unsafe(3).unwrap().byte_offset(),
        Buffer::from_encoded(3, || 3, |_| 3).unwrap().byte_offset(),
        Buffer::from_bytes(&[1, 2, 3]).unwrap().byte_offset(),
    ];
    let ours: Vec<String> = ours.iter().map(|o| o.to_string()).collect();
    assert_eq!(ours.join(" "), node.trim());
}
