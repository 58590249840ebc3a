//! The adversarial boundary suite: seeded cases (`boundary_differential/gen.rs`) that call every
//! entry point of the Buffer system (Buffer statics and methods, the `buffer` module, the
//! Encoding API, structuredClone and MessageChannel with transfer lists, `fs` calls that take or
//! fill memory, `util.inspect`) with hostile arguments, run under `node` and the built `nodebuf`
//! and compared line by line: the result, the bytes of every memory involved, the error
//! (kind, name, code, message), how many times each piece of user code ran, and a canary
//! (fresh allocations hold nothing a case wrote).
//!
//! Cases run in batches (one node and one nodebuf process per `BATCH` cases). Cases node may
//! abort on (an `fs` call given a view whose own properties lie about its length: Node v20 dies
//! on `Assertion failed: Buffer::IsWithinBounds`) run one per node process; where node aborts
//! so, nodebuf must throw a JS error and keep running (on Node's other assertions, such as a
//! length of -0 that is no Int32, nodebuf must answer and keep running). A case that crashes
//! node inside a batch (Node's native slices and writes keep pointers into memory a hook freed:
//! SIGSEGV) is taken out and the batch rerun; nodebuf must have answered it. A case whose hook
//! detached or shrank the receiver of `fill` (converted value), `{enc}Slice` or `{enc}Write`
//! below the range Node's native checked (`Case::native_keeps_pointer`) makes Node read or
//! write through the pointer it took before (memory the buffer no longer owns): there nodebuf
//! must throw `ERR_INVALID_STATE`, and only the hook counts and the canary are compared (these
//! refusals are counted and reported).
//!
//! `NODEBUF_DIFF_CASES` sets the number of cases (default 6,000), `NODEBUF_SEED` the seed. A
//! failing batch is kept on disk and its path printed, to rerun by hand with `node f.js | cat`
//! and `nodebuf f.js | cat`.
//!
//! What the generator leaves out, and why:
//! - plain typed arrays as receivers of Buffer methods (Node's methods then fail on
//!   `this.utf8Slice` & co., worded differently by V8 and QuickJS: "is not a function");
//! - `ArrayBuffer.prototype.transfer` (Node v20 has none; detaching uses structuredClone);
//! - the case code itself never makes a view on a detached store (V8 and QuickJS word their own
//!   detached-buffer errors differently; the prelude reads geometry through captured getters);
//! - a replaced `length` getter in the Blob/File families (Node's async_hooks read an internal
//!   array through it), a replaced `buffer` getter for `allocUnsafe` (Node's pool reads it),
//!   and lying views in `fs` calls but now and then (each runs in a node process of its own).
//!
//! Where Node's answer holds uninitialized pool bytes (`Buffer.from(view)` and `Buffer.concat`
//! sized by a `length` that claims more than the view holds: `Case::uninit_tail`), nodebuf's
//! result must equal Node's up to a point and be zeros from there.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

#[path = "boundary_differential/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Cases per process.
const BATCH: usize = 400;

/// A process that runs longer than this is stopped and reported (a hang).
const TIMEOUT: Duration = Duration::from_secs(60);

const PRELUDE: &str = include_str!("boundary_differential/prelude.js");

type Run = support::ScriptRun;

/// Runs a batch under `program`; node's size limits read as the engine's (the one documented
/// difference: README, engine limits).
fn run(program: &str, script: &Path) -> Run {
    let mut run = support::run_script(program, script, TIMEOUT);
    if program == "node" {
        run.out = support::with_engine_limits(&run.out);
    }
    run
}

/// A runnable script: the prelude (with its temp dir) and the cases, awaited in order.
fn script(dir: &Path, cases: &[&gen::Case]) -> String {
    let mut s = format!(
        "const TMPDIR = {:?};\n{PRELUDE}\n(async () => {{\n",
        dir.display().to_string()
    );
    for c in cases {
        s.push_str(&c.text);
    }
    s.push_str("console.log(out.join('\\n'));\nconsole.log('done');\n})();\n");
    s
}

/// The lines of case `i` in an output.
fn case_lines(out: &str, i: usize) -> Vec<&str> {
    let prefix = format!("{i} ");
    out.lines().filter(|l| l.starts_with(&prefix)).collect()
}

fn case_text<'a>(cases: &'a [&gen::Case], line: &str) -> &'a str {
    line.split(' ')
        .next()
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| {
            cases
                .iter()
                .find(|c| c.text.starts_with(&format!("await C({n},")))
        })
        .map_or("(no case)", |c| c.text.as_str())
}

/// Case indices in `out`, in order of first appearance.
fn case_indices(out: &str) -> Vec<usize> {
    let mut seen = Vec::new();
    for l in out.lines() {
        if let Some(i) = l.split(' ').next().and_then(|n| n.parse::<usize>().ok()) {
            if seen.last() != Some(&i) {
                seen.push(i);
            }
        }
    }
    seen
}

/// Whether two lines agree. Node's `allocUnsafe` memory is uninitialized and may hold marker
/// bytes of memory it freed, so nodebuf's canary may be cleaner than node's, never dirtier.
fn same_line(node: &str, ours: &str) -> bool {
    node == ours
        || (node.ends_with(" MARKED")
            && node
                .strip_suffix("MARKED")
                .map(|p| format!("{p}clean"))
                .as_deref()
                == Some(ours))
}

/// Whether nodebuf's result line `ours` is node's `node` with uninitialized pool bytes zeroed
/// (`Case::uninit_tail`): the same Buffer length, the same bytes up to some point, and only
/// zero bytes in nodebuf's from there.
fn uninit_tail_matches(node: &str, ours: &str) -> bool {
    let bytes = |l: &str| {
        let rest = l.split_once(" ok Buffer(")?.1;
        let (len, hex) = rest.split_once(':')?;
        Some((
            len.to_string(),
            hex.trim_end_matches(')').trim_end_matches("..").to_string(),
        ))
    };
    let (Some((node_len, node_hex)), Some((our_len, our_hex))) = (bytes(node), bytes(ours)) else {
        return false;
    };
    if node_len != our_len || node_hex.len() != our_hex.len() {
        return false;
    }
    let first_difference = node_hex
        .as_bytes()
        .chunks(2)
        .zip(our_hex.as_bytes().chunks(2))
        .position(|(a, b)| a != b);
    first_difference.is_none_or(|at| our_hex[at * 2..].bytes().all(|b| b == b'0'))
}

/// nodebuf's refusal of a call whose argument conversion detached or shrank the receiver
/// below the range a Node native kept a pointer into (`NodeError::memory_changed_during_call`).
const MEMORY_CHANGED: &str = "err Object|Error|ERR_INVALID_STATE|\"Invalid state: the buffer was detached or shrunk while the arguments of ";

/// nodebuf's refusal of a call whose ranges Node's JS took from a `length` property that lies
/// past the view's real bytes (`NodeError::visible_length_past_memory`).
const VISIBLE_PAST_MEMORY: &str = "err Object|Error|ERR_INVALID_STATE|\"Invalid state: the buffer's visible length exceeds its memory in ";

/// For a case whose Node native may keep using memory the receiver no longer owns
/// (`Case::native_keeps_pointer`) and that nodebuf refused with [`MEMORY_CHANGED`]: the lines
/// still compared (Node's answer and the bytes it wrote come from memory the buffer no longer
/// owns; the hooks that ran and the canary must still agree). `None` for other cases.
fn refused_lines<'a>(
    case: Option<&gen::Case>,
    i: usize,
    lines: &[&'a str],
) -> Option<Vec<&'a str>> {
    let refused = case.is_some_and(|c| c.native_keeps_pointer)
        && lines.first().is_some_and(|l| {
            l.starts_with(&format!("{i} {MEMORY_CHANGED}"))
                || l.starts_with(&format!("{i} {VISIBLE_PAST_MEMORY}"))
        });
    refused.then(|| {
        lines
            .iter()
            .copied()
            .filter(|l| {
                l.starts_with(&format!("{i} calls ")) || l.starts_with(&format!("{i} canary "))
            })
            .collect()
    })
}

/// The differing cases of a batch (at most `MAX_REPORTED`), each with both outputs. Cases
/// where nodebuf refused memory a Node native kept using are counted in `refusals`.
fn differing_cases(
    cases: &[&gen::Case],
    node: &str,
    ours: &str,
    refusals: &AtomicUsize,
) -> Vec<String> {
    const MAX_REPORTED: usize = 6;
    let mut reports = Vec::new();
    let mut indices = case_indices(node);
    for i in case_indices(ours) {
        if !indices.contains(&i) {
            indices.push(i);
        }
    }
    for i in indices {
        let (mut theirs, mut mine) = (case_lines(node, i), case_lines(ours, i));
        let case = cases.iter().find(|c| case_index(c) == i).copied();
        if let Some(kept) = refused_lines(case, i, &mine) {
            refusals.fetch_add(1, Ordering::Relaxed);
            mine = kept;
            theirs.retain(|l| {
                l.starts_with(&format!("{i} calls ")) || l.starts_with(&format!("{i} canary "))
            });
        }
        let uninit_tail = case.is_some_and(|c| c.uninit_tail);
        let agree = |(k, (a, b)): (usize, (&&str, &&str))| {
            same_line(a, b) || (k == 0 && uninit_tail && uninit_tail_matches(a, b))
        };
        if theirs.len() != mine.len() || !theirs.iter().zip(&mine).enumerate().all(agree) {
            let first = format!("{i} ");
            reports.push(format!(
                "  case:    {}    node:    {}\n    nodebuf: {}",
                case_text(cases, &first),
                theirs.join("\n             "),
                mine.join("\n             ")
            ));
            if reports.len() == MAX_REPORTED {
                break;
            }
        }
    }
    reports
}

/// Runs one batch under both runtimes; `None` when they agree. A case that crashes node
/// (Node v20 is not memory-safe against these arguments) is taken out of the batch, which is
/// run again; nodebuf must have answered that case with a result or a JS error and kept going.
fn check_batch(
    name: &str,
    cases: &[&gen::Case],
    dir: &Path,
    crashes: &AtomicUsize,
    refusals: &AtomicUsize,
) -> Option<String> {
    let path: PathBuf = dir.join(format!("{name}.js"));
    // Each batch has files of its own: batches run in parallel.
    let files = dir.join(name);
    std::fs::create_dir_all(&files).expect("batch dir");
    let mut cases = cases.to_vec();
    let (node, ours) = loop {
        std::fs::write(&path, script(&files, &cases)).expect("write the batch");
        let node = run("node", &path);
        let ours = run(env!("CARGO_BIN_EXE_nodebuf"), &path);
        if node.code == Some(0) {
            break (node, ours);
        }
        // The first case without a canary line in node's output is the one that crashed it.
        let crashed = cases.iter().position(|c| {
            let i = case_index(c);
            !case_lines(&node.out, i)
                .iter()
                .any(|l| l.starts_with(&format!("{i} canary")))
        });
        let Some(k) = crashed else {
            return Some(format!(
                "{}: node exited with {:?}: {}",
                path.display(),
                node.code,
                node.err
            ));
        };
        let i = case_index(cases[k]);
        let mine = case_lines(&ours.out, i);
        let answered = mine.first().is_some_and(|l| {
            l.starts_with(&format!("{i} ok ")) || l.starts_with(&format!("{i} err "))
        }) && mine.iter().any(|l| l == &format!("{i} canary clean clean"));
        if !answered {
            return Some(format!(
                "{}\n  node crashed ({:?}); nodebuf: {mine:?}",
                cases[k].text, node.code
            ));
        }
        crashes.fetch_add(1, Ordering::Relaxed);
        cases.remove(k);
    };
    let differing = differing_cases(&cases, &node.out, &ours.out, refusals);
    if differing.is_empty() && ours.code == Some(0) {
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir_all(&files);
        return None;
    }
    Some(format!(
        "{}: nodebuf exited with {:?} ({})\n{}",
        path.display(),
        ours.code,
        ours.err.lines().take(5).collect::<Vec<_>>().join(" / "),
        differing.join("\n")
    ))
}

/// The index `i` of a case (`await C(i, ...`).
fn case_index(c: &gen::Case) -> usize {
    c.text["await C(".len()..]
        .split(',')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a case index")
}

/// Runs cases node may abort on: each alone under node; nodebuf runs them all in one process.
/// Where node ran, the lines must match; where it aborted, nodebuf must report a JS error.
fn check_may_abort(cases: &[&gen::Case], dir: &Path) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut aborts = 0;
    if cases.is_empty() {
        return (failures, aborts);
    }
    let all = dir.join("may_abort.js");
    std::fs::write(&all, script(dir, cases)).expect("write the batch");
    let ours = run(env!("CARGO_BIN_EXE_nodebuf"), &all);
    if ours.code != Some(0) || !ours.out.ends_with("done\n") {
        failures.push(format!(
            "{}: nodebuf exited with {:?}: {}",
            all.display(),
            ours.code,
            ours.err
        ));
        return (failures, aborts);
    }
    for c in cases {
        let i = case_index(c);
        let path = dir.join(format!("may_abort_{i}.js"));
        std::fs::write(&path, script(dir, &[c])).expect("write the case");
        let node = run("node", &path);
        let mine = case_lines(&ours.out, i);
        if node.code == Some(0) {
            let theirs = case_lines(&node.out, i);
            if theirs != mine {
                failures.push(format!(
                    "{}\n  node:    {theirs:?}\n  nodebuf: {mine:?}",
                    c.text
                ));
                continue;
            }
        } else if node.err.contains("Assertion failed") {
            // Node trusted a view's lying length (`Buffer::IsWithinBounds`): nodebuf must throw.
            // Other assertions (a length of -0, which is no Int32) only need nodebuf to answer.
            aborts += 1;
            let must_throw = node.err.contains("IsWithinBounds");
            let clean = mine.first().is_some_and(|l| {
                l.starts_with(&format!("{i} err "))
                    || !must_throw && l.starts_with(&format!("{i} ok "))
            }) && mine.iter().any(|l| l == &format!("{i} canary clean clean"));
            if !clean {
                failures.push(format!("{}\n  node aborted; nodebuf: {mine:?}", c.text));
                continue;
            }
        } else {
            failures.push(format!(
                "{}: node exited with {:?}: {}",
                c.text, node.code, node.err
            ));
            continue;
        }
        let _ = std::fs::remove_file(&path);
    }
    let _ = std::fs::remove_file(&all);
    (failures, aborts)
}

#[test]
fn hostile_arguments_get_what_node_gives() {
    let total = support::case_count(6_000);
    let seed = support::seed();
    let cases = gen::generate(seed, 0, total);
    let dir = std::env::temp_dir().join(format!("nodebuf-boundary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (abortable, batched): (Vec<&gen::Case>, Vec<&gen::Case>) =
        cases.iter().partition(|c| c.may_abort);
    let batches: Vec<&[&gen::Case]> = batched.chunks(BATCH).collect();
    let threads = 2;
    let crashes = AtomicUsize::new(0);
    let refusals = AtomicUsize::new(0);
    let mut failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (dir, batches, crashes, refusals) = (&dir, &batches, &crashes, &refusals);
                scope.spawn(move || {
                    (t..batches.len())
                        .step_by(threads)
                        .filter_map(|b| {
                            check_batch(
                                &format!("batch_{seed}_{b}"),
                                batches[b],
                                dir,
                                crashes,
                                refusals,
                            )
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
    let (abort_failures, aborts) = check_may_abort(&abortable, &dir);
    failures.extend(abort_failures);
    for f in &failures {
        eprintln!("{f}\n");
    }
    eprintln!(
        "{total} cases (seed {seed}): {} in {} batches ({} crashed node, {} where node used memory the receiver no longer owned and nodebuf threw ERR_INVALID_STATE), {} run alone under node ({aborts} aborted node)",
        batched.len(),
        batches.len(),
        crashes.load(Ordering::Relaxed),
        refusals.load(Ordering::Relaxed),
        abortable.len()
    );
    assert!(
        failures.is_empty(),
        "{} batches or cases differ from node",
        failures.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
