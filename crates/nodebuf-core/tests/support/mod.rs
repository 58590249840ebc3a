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
    let run = output_within(Command::new(program).arg(script), timeout);
    let text = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
    ScriptRun {
        out: text(&run.stdout),
        err: text(&run.stderr),
        code: if run.hung.is_some() {
            Some(-999)
        } else {
            run.status.and_then(|s| s.code())
        },
    }
}

/// What [`output_within`] saw: the output so far, how the process ended, and, when it ran past
/// its deadline, the threads' stacks at that moment.
pub struct BoundedOutput {
    /// Its standard output.
    pub stdout: Vec<u8>,
    /// Its standard error.
    pub stderr: Vec<u8>,
    /// How it exited; `None` when it was killed at the deadline.
    pub status: Option<std::process::ExitStatus>,
    /// `Some(backtraces)` when it ran past the deadline and was killed: every thread's stack,
    /// taken with gdb just before the kill (or why they could not be taken), so a hang seen
    /// once on a CI machine says where it was.
    pub hung: Option<String>,
}

impl BoundedOutput {
    /// Whether it exited with status 0.
    pub fn success(&self) -> bool {
        self.status.is_some_and(|s| s.success())
    }
}

/// Runs `command` with stdin closed and stdout/stderr read on threads of their own, killing it
/// if it has not exited after `timeout`. A test that waits for a child process without a
/// deadline turns any hang into a CI run that never ends; this one turns it into a failure that
/// names the process and shows where each of its threads was.
///
/// nodebuf is asked to free its JS runtime at exit (`NODEBUF_FREE_AT_EXIT`; other programs
/// ignore it): QuickJS then aborts the run if any object was leaked.
pub fn output_within(command: &mut Command, timeout: std::time::Duration) -> BoundedOutput {
    use std::io::Read;
    use std::sync::mpsc;
    let mut child = command
        .env("NODEBUF_FREE_AT_EXIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", command.get_program()));
    // Readers hand their bytes over a channel, so a grandchild that keeps a pipe open past the
    // kill cannot block this function.
    let reader = |mut pipe: Box<dyn Read + Send>| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            let _ = tx.send(bytes);
        });
        rx
    };
    let stdout = reader(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = reader(Box::new(child.stderr.take().expect("piped stderr")));
    let started = std::time::Instant::now();
    let mut hung = None;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() > timeout => {
                hung = Some(thread_stacks(child.id()));
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(2)),
            Err(e) => panic!("wait for {:?}: {e}", command.get_program()),
        }
    };
    let grace = std::time::Duration::from_secs(5);
    BoundedOutput {
        stdout: stdout.recv_timeout(grace).unwrap_or_default(),
        stderr: stderr.recv_timeout(grace).unwrap_or_default(),
        status,
        hung,
    }
}

/// Runs the command `command()` makes to its end with a deadline. A run past the deadline has every thread's stack
/// written to the test's real stderr (shown in CI logs even when the test passes) and is run a
/// second time; a second hang fails the test with those stacks.
pub fn output_or_retry(
    mut command: impl FnMut() -> Command,
    what: &str,
    deadline: std::time::Duration,
) -> std::process::Output {
    let mut first_hang = None;
    for attempt in 0..2 {
        let run = output_within(&mut command(), deadline);
        let Some(stacks) = run.hung else {
            let status = run.status.expect("exited");
            return std::process::Output {
                status,
                stdout: run.stdout,
                stderr: run.stderr,
            };
        };
        let report = format!(
            "HANG (attempt {}): {what} ran past {deadline:?}\nstderr so far:\n{}\nstacks:\n{stacks}\n",
            attempt + 1,
            String::from_utf8_lossy(&run.stderr)
        );
        let _ = std::io::stderr().write_all(report.as_bytes());
        first_hang.get_or_insert(report);
    }
    panic!("{} hung twice:\n{}", what, first_hang.unwrap_or_default());
}

/// Every thread's stack in process `pid`, by gdb in batch mode (or why it could not be had).
fn thread_stacks(pid: u32) -> String {
    match Command::new("gdb")
        .args([
            "-p",
            &pid.to_string(),
            "-batch",
            "-nx",
            "-ex",
            "thread apply all bt 30",
        ])
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
        Err(e) => format!("(no stacks: gdb could not run: {e})"),
    }
}
