//! JS-level differential test: seeded random programs of Buffer operations (`js_differential/
//! gen.rs`) run under `node` and under the built `nodebuf`; stdout must match line for line.
//! This covers what the core's Rust-level differential tests cannot: argument conversion from
//! JS values, `this`, return values, errors as JS errors, the class shape, inspect, and effects
//! through aliasing views (every live buffer is dumped every few operations).
//!
//! `NODEBUF_DIFF_CASES` sets the total number of operations (default 48,000, split into
//! programs of `OPS_PER_PROGRAM`), `NODEBUF_SEED` the seed of the first program (program `p`
//! uses seed + p). A failing program is kept on disk and its path printed, to rerun by hand with
//! `node prog.js | cat` and `nodebuf prog.js | cat` (stdout must be a pipe: Node allocates
//! from the Buffer pool when it writes to a file). `NODEBUF_JS_DIFF_OPS` sets the operations per
//! program (shorter programs show more distinct first differences in one run).
//!
//! What the generator leaves out, and why (each also noted where it is left out):
//! - engine texts that differ between V8 and QuickJS outside Buffer code: `X is not a function`
//!   (so slots hold Buffers only, and Buffer methods are not called on plain Uint8Arrays where
//!   Node's own code calls `this.utf8Slice` & co.), out-of-bounds DataView/`set`, ToNumber of a
//!   BigInt inside Uint8Array's own methods, `String(date)`, Number#toString's digits (numbers
//!   are printed as their shortest round-tripping `toPrecision`);
//! - sizes QuickJS cannot allocate (ArrayBuffers of 2 GiB and more) or that would take 4 GiB;
//! - Node's own failures: a UTF-16 search in a Buffer at an odd byteOffset can loop forever,
//!   and a string `Buffer.poolSize` aborts Node when it next makes a pool;
//! - detached ArrayBuffers (V8 and QuickJS word every detached-buffer error differently).

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

#[path = "js_differential/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Operations per generated program: small enough that one difference (after which the
/// states diverge) does not hide the rest of a run.
const OPS_PER_PROGRAM: usize = 1500;

/// A program that runs longer than this is stopped and reported (a hang in either runtime).
const TIMEOUT: Duration = Duration::from_secs(120);

fn run(program: &str, script: &Path) -> (String, String, Option<i32>) {
    let run = support::run_script(program, script, TIMEOUT);
    let mut stderr = run.err;
    if run.code == Some(-999) {
        stderr = format!("timed out after {TIMEOUT:?}\n{stderr}");
    }
    (run.out, stderr, run.code)
}

/// The operation index a line starts with (`"<i> ok ..."` / `"<i> dump ..."`).
fn op_index(line: &str) -> Option<usize> {
    line.split(' ').next()?.parse().ok()
}

/// Runs the program for `seed` under both runtimes; `None` when they agree, else a report of
/// the first difference.
fn check(seed: u64, ops: usize, dir: &Path) -> Option<String> {
    let program = gen::generate(seed, ops);
    let path: PathBuf = dir.join(format!("js_differential_{seed}.js"));
    std::fs::write(&path, &program.text).expect("write the program");
    let (node_out, node_err, node_code) = run("node", &path);
    let node_out = support::with_engine_limits(&node_out);
    if node_code != Some(0) {
        // A generator case node itself cannot run (it aborted or timed out): report it.
        return Some(format!(
            "seed {seed} ({}): node exited with {node_code:?}: {}",
            path.display(),
            node_err.lines().take(5).collect::<Vec<_>>().join(" / ")
        ));
    }
    let (ours, our_err, our_code) = run(env!("CARGO_BIN_EXE_nodebuf"), &path);
    let theirs: Vec<&str> = node_out.lines().collect();
    let mine: Vec<&str> = ours.lines().collect();
    let first = (0..theirs.len().max(mine.len())).find(|&i| theirs.get(i) != mine.get(i));
    let report = match first {
        None if our_code == Some(0) => {
            let _ = std::fs::remove_file(&path);
            return None;
        }
        None => format!("nodebuf exited with {our_code:?}: {our_err}"),
        Some(i) => {
            let line = theirs.get(i).or(mine.get(i)).copied().unwrap_or("");
            let op = op_index(line)
                .and_then(|n| program.ops.get(n))
                .map_or("(end of program)", String::as_str);
            format!(
                "line {i}, operation: {op}\n  node:    {}\n  nodebuf: {}\n  nodebuf stderr: {}",
                theirs.get(i).unwrap_or(&"<missing>"),
                mine.get(i).unwrap_or(&"<missing>"),
                our_err.lines().take(5).collect::<Vec<_>>().join(" / ")
            )
        }
    };
    Some(format!("seed {seed} ({}): {report}", path.display()))
}

#[test]
fn random_buffer_programs_print_what_node_prints() {
    let total = support::case_count(48_000);
    let base = support::seed();
    // NODEBUF_JS_DIFF_OPS: shorter programs show more distinct first differences at once.
    let per_program = std::env::var("NODEBUF_JS_DIFF_OPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(OPS_PER_PROGRAM)
        .max(1);
    let programs = total.div_ceil(per_program).max(1);
    let dir = std::env::temp_dir().join(format!("nodebuf-js-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let threads = 2;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let dir = &dir;
                scope.spawn(move || {
                    (t..programs)
                        .step_by(threads)
                        .filter_map(|p| {
                            let ops = per_program.min(total.saturating_sub(p * per_program));
                            check(base.wrapping_add(p as u64), ops.max(1), dir)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker thread"))
            .collect()
    });
    for f in &failures {
        eprintln!("{f}\n");
    }
    assert!(
        failures.is_empty(),
        "{} of {programs} programs ({total} operations) differ from node",
        failures.len()
    );
    let _ = std::fs::remove_dir(&dir);
}
