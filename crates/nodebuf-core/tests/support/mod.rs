//! Shared helpers for the differential tests: run `node` on a script, a seeded random number
//! generator so every run (and every failure) is reproducible, JS literals for generated values,
//! line-by-line comparison with node's output, and a single-thread test store.
#![allow(dead_code, unused_macros)]

use std::cell::UnsafeCell;
use std::fmt::Write as _;
use std::io::Write;
use std::process::{Command, Stdio};
use std::ptr::NonNull;
use std::rc::Rc;

use nodebuf_core::memory::region::ByteRegion;
use nodebuf_core::typed_array::ElementKind;
use nodebuf_core::NodeError;

/// Runs `node` with `script` on its standard input and returns what it printed on stdout.
///
/// Panics (failing the test) when `node` is missing or exits non-zero, printing its stderr.
pub fn run_node(script: &str) -> String {
    let mut child = Command::new("node")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`node` (v20) must be on PATH for the differential tests");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes())
        .expect("write the script to node");
    let out = child.wait_with_output().expect("wait for node");
    assert!(
        out.status.success(),
        "node failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("node prints UTF-8")
}

/// How many random cases a differential test should run: `default` unless the
/// `NODEBUF_DIFF_CASES` environment variable says otherwise (use it to run millions locally).
pub fn case_count(default: usize) -> usize {
    std::env::var("NODEBUF_DIFF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seed for a test run: `NODEBUF_SEED` if set, else a fixed default, so CI is reproducible.
pub fn seed() -> u64 {
    std::env::var("NODEBUF_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x6e6f_6465_6275_6600)
}

/// A small, fast, seeded generator (SplitMix64): deterministic across platforms.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
    /// One element of `items`, chosen uniformly.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

// ----- JS literals ----------------------------------------------------------------------------

/// A JS literal for a Number that reads back as the same double (`-0` for negative zero, NaN as
/// JS's canonical NaN).
pub fn js_number_literal(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if v == 0.0 && v.is_sign_negative() {
        "-0".into()
    } else {
        format!("{v:?}")
    }
}

/// A double-quoted JS string literal for UTF-16 `units` (printable ASCII as is, everything else,
/// lone surrogates included, as `\uXXXX`).
pub fn js_string_literal(units: &[u16]) -> String {
    let mut s = String::with_capacity(units.len() + 2);
    s.push('"');
    for &u in units {
        if (0x20..0x7F).contains(&u) && u != u16::from(b'"') && u != u16::from(b'\\') {
            s.push(u as u8 as char);
        } else {
            let _ = write!(s, "\\u{u:04x}");
        }
    }
    s.push('"');
    s
}

/// Lowercase hex of `bytes`, as `buf.toString('hex')` prints them.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

// ----- Comparing with node ---------------------------------------------------------------------

/// A result line: `ok`'s rendering of the value, or the error as `String(err)` prints it.
pub fn describe<T>(r: Result<T, NodeError>, ok: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => ok(v),
        Err(e) => e.to_string(),
    }
}

/// Asserts that node printed exactly `ours`, one line each; `cases[i]` describes line `i` in
/// the report of the first few differences.
pub fn assert_lines_match(node: &str, ours: &[String], cases: &[String]) {
    let theirs: Vec<&str> = node.lines().collect();
    assert_eq!(theirs.len(), ours.len(), "line count differs");
    let mut bad = 0;
    for (i, (t, o)) in theirs.iter().zip(ours).enumerate() {
        if *t != o.as_str() {
            bad += 1;
            if bad <= 5 {
                eprintln!("case {i}: {}\n  node: {t}\n  ours: {o}", cases[i]);
            }
        }
    }
    assert_eq!(bad, 0, "{bad} of {} cases differ from node", ours.len());
}

// ----- A single-thread store ------------------------------------------------------------------

/// A single-thread store (a stand-in for the ArrayBuffer store) so typed arrays, DataView and
/// Atomics are tested on both access paths: plain memory and shared (atomic) memory.
#[derive(Clone)]
pub struct LocalStore(Rc<Box<[UnsafeCell<u64>]>>, usize);

impl LocalStore {
    /// `len` zero bytes.
    pub fn new(len: usize) -> Self {
        let words = (0..len.div_ceil(8).max(1))
            .map(|_| UnsafeCell::new(0))
            .collect();
        LocalStore(Rc::new(words), len)
    }
}

// SAFETY: the words live as long as any clone, never move, are 8-aligned, are never referenced
// as Rust slices, and `Rc` keeps every handle on one thread.
unsafe impl ByteRegion for LocalStore {
    fn base_ptr(&self) -> NonNull<u8> {
        NonNull::new(UnsafeCell::raw_get(self.0.as_ptr()).cast()).unwrap()
    }
    fn byte_len(&self) -> usize {
        self.1
    }
    fn is_shared(&self) -> bool {
        false
    }
}

// ----- Typed-array kinds ----------------------------------------------------------------------

/// The nine typed-array kinds whose elements are Numbers.
pub const NUMBER_KINDS: [ElementKind; 9] = [
    ElementKind::Int8,
    ElementKind::Uint8,
    ElementKind::Uint8Clamped,
    ElementKind::Int16,
    ElementKind::Uint16,
    ElementKind::Int32,
    ElementKind::Uint32,
    ElementKind::Float32,
    ElementKind::Float64,
];

/// All eleven typed-array kinds, in the order of `ElementKind`.
pub const ALL_KINDS: [ElementKind; 11] = [
    ElementKind::Int8,
    ElementKind::Uint8,
    ElementKind::Uint8Clamped,
    ElementKind::Int16,
    ElementKind::Uint16,
    ElementKind::Int32,
    ElementKind::Uint32,
    ElementKind::Float32,
    ElementKind::Float64,
    ElementKind::BigInt64,
    ElementKind::BigUint64,
];

/// Evaluates `$body` with the type alias `$E` bound to the element type of `$kind`, for the
/// listed kinds; any other kind is a bug in the test.
macro_rules! dispatch_kind {
    ($kind:expr, $E:ident => $body:expr; $($name:ident)*) => {
        match $kind {
            $(::nodebuf_core::typed_array::ElementKind::$name => {
                type $E = ::nodebuf_core::typed_array::$name;
                $body
            })*
            #[allow(unreachable_patterns)]
            other => unreachable!("{other:?} is not handled here"),
        }
    };
}

/// `dispatch_kind!` over all eleven kinds.
macro_rules! with_kind {
    ($kind:expr, $E:ident => $body:expr) => {
        dispatch_kind!($kind, $E => $body;
            Int8 Uint8 Uint8Clamped Int16 Uint16 Int32 Uint32 Float32 Float64 BigInt64 BigUint64)
    };
}

/// `dispatch_kind!` over the nine Number kinds (their `Element::Js` is `f64`).
macro_rules! with_number_kind {
    ($kind:expr, $E:ident => $body:expr) => {
        dispatch_kind!($kind, $E => $body;
            Int8 Uint8 Uint8Clamped Int16 Uint16 Int32 Uint32 Float32 Float64)
    };
}

/// Node's output with V8's size limits replaced by the ones nodebuf reports on QuickJS, for
/// differential tests of the JS layer: `buffer.kMaxLength` 2**32 -> 2**31 - 1 where it is the
/// limit of an allocation (`"size"`/`"length"` out of range) or printed next to
/// `kStringMaxLength` (2**29 - 24 -> 2**30 - 1), and ERR_STRING_TOO_LONG's hex. The limits are
/// the one documented difference; everything around them must still match, and received
/// values that happen to equal a limit are left alone.
pub fn with_engine_limits(node_text: &str) -> String {
    const MAX: &str = "4294967296";
    const OURS: &str = "2147483647";
    const STRING_MAX: &str = "536870888";
    const OUR_STRING_MAX: &str = "1073741823";
    let lines: Vec<String> = node_text
        .split('\n')
        .map(|line| {
            let mut line = line.replace("0x1fffffe8", "0x3fffffff");
            // Plain or JSON-escaped quotes around the argument name.
            for name in ["size", "length"] {
                for quote in ["\"", "\\\""] {
                    line = line.replace(
                        &format!("{name}{quote} is out of range. It must be >= 0 && <= {MAX}"),
                        &format!("{name}{quote} is out of range. It must be >= 0 && <= {OURS}"),
                    );
                }
            }
            if has_whole_number(&line, STRING_MAX) {
                line = replace_whole_number(&line, MAX, OURS);
                line = replace_whole_number(&line, STRING_MAX, OUR_STRING_MAX);
            }
            line
        })
        .collect();
    lines.join("\n")
}

fn whole_number_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let mut after = text[at + len..].chars();
    let digitish = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let decimal =
        text[at + len..].starts_with('.') && after.nth(1).is_some_and(|c| c.is_ascii_digit());
    !digitish(before)
        && before != Some('.')
        && !digitish(text[at + len..].chars().next())
        && !decimal
}

fn has_whole_number(text: &str, number: &str) -> bool {
    text.match_indices(number)
        .any(|(at, _)| whole_number_at(text, at, number.len()))
}

fn replace_whole_number(text: &str, number: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(number) {
        out.push_str(&text[last..at]);
        out.push_str(if whole_number_at(text, at, number.len()) {
            with
        } else {
            number
        });
        last = at + number.len();
    }
    out.push_str(&text[last..]);
    out
}

/// What a program printed and how it ended ([`run_script`]).
pub struct ScriptRun {
    /// Its standard output.
    pub out: String,
    /// Its standard error.
    pub err: String,
    /// Its exit code; `None` if a signal ended it, `Some(-999)` if it ran past the timeout and
    /// was killed (a hang in either runtime).
    pub code: Option<i32>,
}

/// Runs `program script` (node or nodebuf) with stdin closed, reading stdout and stderr on
/// threads of their own so neither pipe can fill up, and kills it after `timeout`.
pub fn run_script(
    program: &str,
    script: &std::path::Path,
    timeout: std::time::Duration,
) -> ScriptRun {
    use std::io::Read;
    let mut child = Command::new(program)
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let started = std::time::Instant::now();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break Some(-999);
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(5)),
            Err(e) => panic!("wait for {program}: {e}"),
        }
    };
    let text = |v: Vec<u8>| String::from_utf8_lossy(&v).into_owned();
    ScriptRun {
        out: text(out.join().expect("stdout reader")),
        err: text(err.join().expect("stderr reader")),
        code,
    }
}
