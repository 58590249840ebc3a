//! Numbers differential test: every `Math` function nodebuf replaces, and the
//! `Number.prototype` formatters, run on the same seeded inputs under `node` and under the built
//! `nodebuf`; results are compared bit for bit (floats) or exactly (strings).
//!
//! Each function gets `NODEBUF_DIFF_CASES` inputs (default 100,000): random bit patterns (NaN
//! payloads, subnormals, huge values), signed zeros and infinities, values near the special
//! points of that function (multiples of pi/2, 1, the exp overflow/underflow thresholds, the
//! fdlibm reduction boundaries), integers and values with integer-valued results. Inputs go to
//! one binary file per function; one node process and one nodebuf process compute everything
//! (a small JS driver writes the results back as binary or text), so the run stays within seconds.
//! `NODEBUF_SEED` changes the inputs.
//!
//! The engine's own ToString (engine patch quickjs-0005) is checked on every path a script
//! prints a number through: `String(x)`, a template literal, `'' + x`, `JSON.stringify`, a
//! property key, `toString()`/`toPrecision()`/`toExponential()` without arguments and
//! `util.inspect` (what `console.log` prints); its inputs add every power of two (subnormal
//! ones too), integers near 2^53 and values near the 1e21 and 1e-7 notation boundaries.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::Rng;

/// How a function takes its inputs: `Math` functions of one or two numbers (or hypot's list),
/// or a `Number.prototype` formatter given a value and an argument.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unary,
    Binary,
    Format,
}

/// The functions under test, with what their inputs concentrate on.
const FUNCTIONS: &[(&str, Kind, &[f64])] = &[
    ("acos", Kind::Unary, &[1.0, -1.0, 0.5, -0.5]),
    ("acosh", Kind::Unary, &[1.0, 2.0, 268435456.0]),
    ("asin", Kind::Unary, &[1.0, -1.0, 0.5, -0.5]),
    (
        "asinh",
        Kind::Unary,
        &[2.0, -2.0, 268435456.0, 3.725290298461914e-9],
    ),
    ("atan", Kind::Unary, &[1.0, -1.0, 0.4375, 2.4375, 66.0]),
    ("atanh", Kind::Unary, &[1.0, -1.0, 0.5, -0.5]),
    (
        "cbrt",
        Kind::Unary,
        &[1.0, 8.0, -27.0, 2.2250738585072014e-308],
    ),
    ("cos", Kind::Unary, PI_POINTS),
    ("cosh", Kind::Unary, EXP_POINTS),
    ("exp", Kind::Unary, EXP_POINTS),
    ("expm1", Kind::Unary, EXP_POINTS),
    ("log", Kind::Unary, LOG_POINTS),
    (
        "log1p",
        Kind::Unary,
        &[0.0, -1.0, -0.2928932188134524, 0.41421356237309503, 1e-20],
    ),
    ("log10", Kind::Unary, LOG_POINTS),
    ("log2", Kind::Unary, LOG_POINTS),
    ("sin", Kind::Unary, PI_POINTS),
    ("sinh", Kind::Unary, EXP_POINTS),
    ("tan", Kind::Unary, PI_POINTS),
    (
        "tanh",
        Kind::Unary,
        &[22.0, -22.0, 1.0, 3.725290298461914e-9],
    ),
    (
        "atan2",
        Kind::Binary,
        &[0.0, -0.0, 1.0, -1.0, f64::INFINITY, f64::NEG_INFINITY],
    ),
    (
        "hypot",
        Kind::Binary,
        &[0.0, 3.0, 4.0, 1e300, 1e-300, f64::INFINITY],
    ),
    (
        "pow",
        Kind::Binary,
        &[1.0, -1.0, 0.5, -0.5, 2.0, 0.0, -0.0, f64::INFINITY, 10.0],
    ),
    // The `**` operator: V8 computes it with Math.pow's function.
    (
        "exponent",
        Kind::Binary,
        &[1.0, -1.0, 0.5, -0.5, 2.0, 0.0, -0.0, f64::INFINITY, 10.0],
    ),
    ("toString", Kind::Format, &[0.1, 0.5, 1e21, 123.456]),
    ("toFixed", Kind::Format, &[0.5, 1.005, 1e21, 1e-7]),
    ("toPrecision", Kind::Format, &[0.5, 1.005, 1e21, 1e-7]),
    ("toExponential", Kind::Format, &[0.5, 1.005, 1e21, 1e-7]),
    (
        "inspect",
        Kind::Format,
        &[1e21, 1e-7, 7.174648137343064e-43, -0.0],
    ),
    // The engine's own Number-to-string, on each path that reaches it.
    ("String", Kind::Format, TO_STRING_POINTS),
    ("template", Kind::Format, TO_STRING_POINTS),
    ("concat", Kind::Format, TO_STRING_POINTS),
    ("JSON", Kind::Format, TO_STRING_POINTS),
    ("propertyKey", Kind::Format, TO_STRING_POINTS),
    ("toStringDefault", Kind::Format, TO_STRING_POINTS),
    ("toPrecisionDefault", Kind::Format, TO_STRING_POINTS),
    ("toExponentialDefault", Kind::Format, TO_STRING_POINTS),
];

/// Where Number::toString changes notation or runs out of exact integers.
const TO_STRING_POINTS: &[f64] = &[
    1e21,
    1e-6,
    1e-7,
    9007199254740992.0,
    123456789012345680000.0,
    7.174648137343064e-43,
];

/// Whether `name` is one of the engine ToString paths (inputs from [`to_string_input`]).
fn is_to_string_path(name: &str) -> bool {
    TO_STRING_PATHS.contains(&name)
}

/// The `FUNCTIONS` entries that print through the engine's ToString.
const TO_STRING_PATHS: &[&str] = &[
    "String",
    "template",
    "concat",
    "JSON",
    "propertyKey",
    "toStringDefault",
    "toPrecisionDefault",
    "toExponentialDefault",
];

/// An input for the ToString paths: half the shapes of [`input`], half powers of two of every
/// exponent (the significands where the rounding interval is lopsided), integers near 2^53 and
/// values a few ulps from the notation boundaries.
fn to_string_input(rng: &mut Rng) -> f64 {
    let sign = if rng.one_in(2) { -1.0 } else { 1.0 };
    match rng.below(6) {
        // Random bit patterns with short significands (few digits, trailing zero bits).
        0 => f64::from_bits(rng.next_u64() & !((1u64 << rng.below(53)) - 1)),
        1 => {
            // 2^e for every e in -1074..=1023, times a power of two significand.
            let e = rng.below(2098) as i32 - 1074;
            sign * if e < -1022 {
                f64::from_bits(1u64 << (e + 1074))
            } else {
                f64::from_bits(((e + 1023) as u64) << 52)
            }
        }
        2 => sign * (9007199254740992.0 + (rng.below(2001) as f64 - 1000.0) * 2.0),
        3 => {
            let p = *rng.pick(TO_STRING_POINTS);
            sign * f64::from_bits((p.to_bits() as i64 + rng.below(2001) as i64 - 1000) as u64)
        }
        _ => input(rng, TO_STRING_POINTS),
    }
}

const PI_POINTS: &[f64] = &[
    std::f64::consts::FRAC_PI_4,
    std::f64::consts::FRAC_PI_2,
    std::f64::consts::PI,
    2.356194490192345,
    823549.6875,
    1e22,
];
const EXP_POINTS: &[f64] = &[
    709.782712893384,
    -745.1332191019411,
    -708.3964185322641,
    0.34657359027997264,
    1.0397207708399179,
    22.0,
    710.4758600739439,
    1.0,
];
const LOG_POINTS: &[f64] = &[
    1.0,
    2.0,
    10.0,
    0.5,
    std::f64::consts::SQRT_2,
    std::f64::consts::FRAC_1_SQRT_2,
];

/// One random double of the shapes the functions are sensitive to, around `points`.
fn input(rng: &mut Rng, points: &[f64]) -> f64 {
    let sign = if rng.one_in(2) { -1.0 } else { 1.0 };
    let unit = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    match rng.below(14) {
        0 => f64::from_bits(rng.next_u64()),
        1 => *rng.pick(&[
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            5e-324,
            -5e-324,
            f64::MAX,
            -f64::MAX,
            f64::MIN_POSITIVE,
        ]),
        // Subnormals.
        2 => sign * f64::from_bits(rng.below(1 << 52)),
        // Any magnitude.
        3 => sign * (0.5 + unit) * 2f64.powi(rng.below(2046) as i32 - 1022),
        // The usual ranges.
        4 => sign * unit,
        5 => sign * unit * 20.0,
        6 => sign * unit * 1500.0,
        // Integers (integer-valued results for pow, cbrt, hypot, log of powers).
        7 => sign * rng.below(2001) as f64,
        8 => 2f64.powi(rng.below(2000) as i32 - 1000),
        9 => 10f64.powi(rng.below(600) as i32 - 300),
        // A special point, exactly or a few ulps away.
        10 | 11 => {
            let p = *rng.pick(points);
            let ulps = rng.below(9) as i64 - 4;
            let moved = if p == 0.0 || !p.is_finite() {
                p
            } else {
                f64::from_bits((p.to_bits() as i64 + ulps) as u64)
            };
            if rng.one_in(4) {
                -moved
            } else {
                moved
            }
        }
        // Multiples of pi/2 (trig reduction), near 1 (logs, pow).
        12 => (rng.below(4001) as f64 - 2000.0) * std::f64::consts::FRAC_PI_2 + (unit - 0.5) * 1e-9,
        _ => 1.0 + sign * unit * 2f64.powi(-(rng.below(50) as i32)),
    }
}

/// The second argument: for `Math` functions another number of the same shapes (pow mixes in
/// integers, halves and huge exponents); for formatters the radix/digits argument, as a
/// number the driver maps into the valid range.
fn second(rng: &mut Rng, name: &str, points: &[f64]) -> f64 {
    match name {
        "pow" | "exponent" => match rng.below(5) {
            0 => rng.below(80) as f64 - 40.0,
            1 => (rng.below(80) as f64 - 40.0) + 0.5,
            2 => (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2e3 - 1e3,
            _ => input(rng, points),
        },
        "toString" | "toFixed" | "toPrecision" | "toExponential" | "inspect" => {
            rng.below(1000) as f64
        }
        _ => input(rng, points),
    }
}

/// The JS driver both runtimes run: reads `in/NAME.bin` (pairs of float64), writes
/// `OUT/NAME.bin` (float64 results) or `OUT/NAME.txt` (one string per line).
const DRIVER: &str = r#"
const fs = require('fs');
const util = require('util');
const [dir, outDir, ...names] = process.argv.slice(2);
const formats = {
  toString: (x, n) => x.toString(2 + (n % 35)),
  toFixed: (x, n) => x.toFixed(n % 101),
  toPrecision: (x, n) => x.toPrecision(1 + (n % 100)),
  toExponential: (x, n) => n % 7 === 0 ? x.toExponential() : x.toExponential(n % 101),
  inspect: (x) => util.inspect(x),
  String: (x) => String(x),
  template: (x) => `${x}`,
  concat: (x) => '' + x,
  JSON: (x) => JSON.stringify([x, { x }]),
  propertyKey: (x) => Object.keys({ [x]: 0 })[0],
  toStringDefault: (x) => x.toString(),
  toPrecisionDefault: (x) => x.toPrecision(),
  toExponentialDefault: (x) => x.toExponential(),
};
for (const name of names) {
  const raw = fs.readFileSync(dir + '/' + name + '.bin');
  const a = new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  const n = a.length / 2;
  const format = formats[name];
  if (format) {
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      try { out[i] = format(a[2 * i], a[2 * i + 1]); } catch (e) { out[i] = e.name + ': ' + e.message; }
    }
    fs.writeFileSync(outDir + '/' + name + '.txt', out.join('\n'));
  } else {
    const f = name === 'exponent' ? (a, b) => a ** b : Math[name];
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(a[2 * i], a[2 * i + 1]);
    fs.writeFileSync(outDir + '/' + name + '.bin', new Uint8Array(out.buffer));
  }
}
"#;

fn run(program: &str, dir: &Path, out: &Path, names: &[&str]) {
    let status = Command::new(program)
        .arg(dir.join("driver.js"))
        .arg(dir)
        .arg(out)
        .args(names)
        .status()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(status.success(), "{program} failed on the numbers driver");
}

fn floats(path: &Path) -> Vec<f64> {
    std::fs::read(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect()
}

fn same_bits(a: f64, b: f64) -> bool {
    // JS cannot observe NaN payloads (V8 and QuickJS canonicalise differently).
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

#[test]
fn math_and_number_formatting_equal_v8_bit_for_bit() {
    let cases = support::case_count(100_000);
    let seed = support::seed();
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "nodebuf-numbers-differential-{}",
        std::process::id()
    ));
    let (node_out, our_out) = (dir.join("node"), dir.join("nodebuf"));
    for d in [&dir, &node_out, &our_out] {
        std::fs::create_dir_all(d).expect("temp dir");
    }
    std::fs::write(dir.join("driver.js"), DRIVER).expect("driver");
    let mut inputs = Vec::new();
    for (k, (name, _, points)) in FUNCTIONS.iter().enumerate() {
        let mut rng = Rng::new(seed.wrapping_add(k as u64 * 0x9e37_79b9));
        let mut bytes = Vec::with_capacity(cases * 16);
        let mut pairs = Vec::with_capacity(cases);
        for _ in 0..cases {
            let x = if is_to_string_path(name) {
                to_string_input(&mut rng)
            } else {
                input(&mut rng, points)
            };
            let y = second(&mut rng, name, points);
            bytes.extend_from_slice(&x.to_le_bytes());
            bytes.extend_from_slice(&y.to_le_bytes());
            pairs.push((x, y));
        }
        std::fs::write(dir.join(format!("{name}.bin")), bytes).expect("inputs");
        inputs.push(pairs);
    }
    let names: Vec<&str> = FUNCTIONS.iter().map(|f| f.0).collect();
    std::thread::scope(|s| {
        s.spawn(|| run("node", &dir, &node_out, &names));
        run(env!("CARGO_BIN_EXE_nodebuf"), &dir, &our_out, &names);
    });

    let mut report = Vec::new();
    for ((name, kind, _), pairs) in FUNCTIONS.iter().zip(&inputs) {
        let mut differing = 0;
        let mut examples = Vec::new();
        if *kind == Kind::Format {
            let theirs =
                std::fs::read_to_string(node_out.join(format!("{name}.txt"))).expect("node");
            let ours = std::fs::read_to_string(our_out.join(format!("{name}.txt"))).expect("ours");
            let (theirs, ours): (Vec<&str>, Vec<&str>) =
                (theirs.split('\n').collect(), ours.split('\n').collect());
            assert_eq!(
                theirs.len(),
                pairs.len(),
                "{name}: node wrote a result per input"
            );
            for (i, (a, b)) in theirs.iter().zip(&ours).enumerate() {
                if a != b {
                    differing += 1;
                    if examples.len() < 5 {
                        let (x, y) = pairs[i];
                        examples.push(format!(
                            "  {name}({x:e} [{:016x}], {y}): node {a:?}, nodebuf {b:?}",
                            x.to_bits()
                        ));
                    }
                }
            }
            differing += theirs.len().abs_diff(ours.len());
        } else {
            let theirs = floats(&node_out.join(format!("{name}.bin")));
            let ours = floats(&our_out.join(format!("{name}.bin")));
            assert_eq!(
                theirs.len(),
                pairs.len(),
                "{name}: node wrote a result per input"
            );
            assert_eq!(
                ours.len(),
                pairs.len(),
                "{name}: nodebuf wrote a result per input"
            );
            for (i, (&a, &b)) in theirs.iter().zip(&ours).enumerate() {
                if !same_bits(a, b) {
                    differing += 1;
                    if examples.len() < 5 {
                        let (x, y) = pairs[i];
                        examples.push(format!(
                            "  Math.{name}({x:e} [{:016x}], {y:e} [{:016x}]): node {:016x}, nodebuf {:016x}",
                            x.to_bits(),
                            y.to_bits(),
                            a.to_bits(),
                            b.to_bits()
                        ));
                    }
                }
            }
        }
        if differing > 0 {
            report.push(format!(
                "{name}: {differing} of {} differ\n{}",
                pairs.len(),
                examples.join("\n")
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(report.is_empty(), "seed {seed}:\n{}", report.join("\n"));
}
