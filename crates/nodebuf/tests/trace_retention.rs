//! The retention tracer (`--trace-retention`, `--trace-overlap`, `--throw-overlap`,
//! `require('nodebuf:retention')`) under nodebuf, and the same tracer as a preload under real
//! `node` (`packages/nodebuf-trace-retention`). The scripts live in `tests/retention/`.
//!
//! Every run also checks that tracing changes nothing a script prints on stdout: the report and
//! warnings go to stderr (or a file), stdout equals `node`'s.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

/// Longer than any traced script takes on a loaded machine (they take well under a second).
const DEADLINE: Duration = Duration::from_secs(60);

fn output_of(command: impl FnMut() -> Command, what: &str) -> Output {
    support::output_or_retry(command, what, DEADLINE)
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/retention")
}

fn preload() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../packages/nodebuf-trace-retention/trace-retention.js")
        .canonicalize()
        .expect("the preload exists")
}

fn run(program: &str, flags: &[&str], script: &str, env: &[(&str, &str)]) -> Output {
    output_of(
        || {
            let mut command = Command::new(program);
            command
                .args(flags)
                .arg(script)
                .current_dir(dir())
                .envs(env.iter().copied());
            command
        },
        &format!("{program} {flags:?} {script}"),
    )
}

fn nodebuf(flags: &[&str], script: &str) -> Output {
    run(env!("CARGO_BIN_EXE_nodebuf"), flags, script, &[])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `node script` without any tracing: the stdout every traced run must print.
fn node_stdout(flags: &[&str], script: &str) -> String {
    let out = run("node", flags, script, &[]);
    assert!(out.status.success(), "node {script}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// `file:line:column` of the first `needle` in the script, 1-based, as V8 reports a call.
fn site_of(script: &str, needle: &str) -> String {
    let source = std::fs::read_to_string(dir().join(script)).expect("read script");
    for (i, line) in source.lines().enumerate() {
        if let Some(col) = line.find(needle) {
            return format!("{script}:{}:{}", i + 1, col + 1);
        }
    }
    panic!("{needle} not in {script}");
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The classic leak's report, as both runtimes must print it.
fn assert_classic_report(report: &str, runtime: &str) {
    let slice_site = site_of("classic.js", "slice(0, 10)");
    assert!(
        report.contains("1 live store >= 1.00 MiB") && report.contains("1 pinned only by views"),
        "{runtime}: {report}"
    );
    assert!(
        report.contains("50.0 MiB ArrayBuffer (52,428,800 bytes), allocated at ")
            && report.contains(&format!(
                "{} (Buffer.alloc)",
                site_of("classic.js", "alloc(")
            ))
            && report.contains("owner gone, only views keep it alive"),
        "{runtime}: {report}"
    );
    assert!(
        report.contains("100,000 live views covering 0.95 MiB (1.9%)"),
        "{runtime}: {report}"
    );
    assert!(
        report.contains(&format!(
            "    100,000 views, 0.95 MiB, made at {slice_site} (slice)"
        )),
        "{runtime}: {report}"
    );
    assert!(
        report.contains(&format!(
            "=> 50.0 MiB kept alive by 100,000 views covering 0.95 MiB (1.9%), made at \
             {slice_site} (slice); copy them with Buffer.from(view) if they outlive the parent"
        )),
        "{runtime}: {report}"
    );
}

#[test]
fn classic_leak_names_store_count_bytes_and_site() {
    let expected = node_stdout(&["--expose-gc"], "classic.js");
    let out = nodebuf(&["--expose-gc", "--trace-retention"], "classic.js");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected);
    assert_classic_report(&text(&out.stderr), "nodebuf");
}

#[test]
fn classic_leak_as_json_in_a_file() {
    let path = std::env::temp_dir().join(format!("nodebuf-retention-{}.json", std::process::id()));
    let flag = format!("--trace-retention={}", path.display());
    let out = nodebuf(&["--expose-gc", &flag], "classic.js");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "the report went to the file");
    let json = std::fs::read_to_string(&path).expect("report file");
    let _ = std::fs::remove_file(&path);
    for needle in [
        "\"bytes\": 52428800",
        "\"owner\": \"gone\"",
        "\"views\": 100000",
        "\"viewBytes\": 1000000",
        "\"pinned\": true",
        "\"api\": \"slice\"",
    ] {
        assert!(json.contains(needle), "{needle} missing from {json}");
    }
    assert!(json.contains(&format!(
        "\"site\": \"{}\"",
        site_of("classic.js", "slice(0, 10)")
    )));
}

#[test]
fn copies_pin_nothing_after_gc() {
    let expected = node_stdout(&["--expose-gc"], "copies.js");
    let out = nodebuf(
        &[
            "--expose-gc",
            "--trace-retention=json",
            "--trace-retention-threshold=1",
        ],
        "copies.js",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected);
    let report = text(&out.stderr);
    // The 100,000 copies live in 8 KiB pool slabs (listed: the threshold is 1 byte); the
    // 50 MiB store is gone and nothing is pinned.
    assert!(!report.contains("52428800"), "{report}");
    assert!(!report.contains("\"pinned\": true"), "{report}");
    assert!(
        report.contains("\"api\": \"Buffer.from, pool\""),
        "{report}"
    );
    assert!(report.contains("\"bytes\": 8192"), "{report}");
}

#[test]
fn ring_buffer_overlap_is_reported_once_with_both_sites() {
    let expected = node_stdout(&[], "ring.js");
    let out = nodebuf(&["--trace-overlap"], "ring.js");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected);
    let stderr = text(&out.stderr);
    // Once per pair of sites although wrapFrame() runs twice; nested views (subarray of a
    // frame), the duplicate frameAt(0) and the pool neighbours are not reported.
    assert_eq!(count(&stderr, "BufferOverlapWarning"), 1, "{stderr}");
    let first = site_of("ring.js", "subarray(start, start + 6)");
    let second = site_of("ring.js", "subarray(10, 16)");
    assert!(
        stderr.contains(&format!(
            "bytes 10-11 are shared by a view of bytes 6-11 made at {first} (subarray) and a \
             view of bytes 10-15 made at {second} (subarray)"
        )),
        "{stderr}"
    );
}

#[test]
fn shared_array_buffer_overlap_is_reported() {
    let expected = node_stdout(&[], "shared.js");
    let out = nodebuf(&["--trace-overlap"], "shared.js");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), expected);
    let stderr = text(&out.stderr);
    assert_eq!(count(&stderr, "BufferOverlapWarning"), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "of one 32 B SharedArrayBuffer: bytes 8-15 are shared by a view of bytes 0-15 made \
             at {} (new Uint8Array(buffer)) and a view of bytes 8-23 made at {} (new \
             Int32Array(buffer))",
            site_of("shared.js", "new Uint8Array"),
            site_of("shared.js", "new Int32Array")
        )),
        "{stderr}"
    );
}

#[test]
fn throw_overlap_throws_at_the_users_call() {
    let out = nodebuf(&["--throw-overlap"], "ring.js");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("code: 'ERR_BUFFER_VIEW_OVERLAP'"),
        "{stderr}"
    );
    let first_frame = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("at "))
        .expect("a stack");
    assert!(first_frame.contains("at wrapFrame ("), "{stderr}");
    assert!(
        first_frame.contains(&site_of("ring.js", "subarray(10, 16)")),
        "{stderr}"
    );
}

#[test]
fn api_reports_snapshots_and_diffs_like_node_with_the_preload() {
    let preload = preload();
    let preload = preload.to_str().expect("utf-8 path");
    let node = run(
        "node",
        &["--expose-gc", "--require", preload],
        "api.js",
        &[],
    );
    assert!(node.status.success(), "{}", text(&node.stderr));
    let ours = nodebuf(&["--expose-gc"], "api.js");
    assert!(ours.status.success(), "{}", text(&ours.stderr));
    assert_eq!(text(&ours.stdout), text(&node.stdout));
    let stdout = text(&ours.stdout);
    assert!(stdout.contains(&format!(
        "\"site\":\"{} (Buffer.alloc)\",\"stores\":3,\"bytes\":6291456",
        site_of("api.js", "alloc(")
    )));
    assert!(stdout.contains("\"api\":\"subarray\",\"views\":3000,\"bytes\":12000"));
    assert!(stdout.contains("[ 2097152, 'gone', 1000, 4000, true ]"));
}

/// Views of every kind (slice, subarray, Buffer.from(arrayBuffer), typed arrays and DataViews
/// over a buffer, TypedArray#subarray, a user's own subarray, allocUnsafe, dropped views): the
/// report counted from the engine's lists equals the one recorded view by view (nodebuf with
/// overlap checking) and Node's preload.
#[test]
fn every_kind_of_view_is_counted_alike_in_both_modes_and_under_node() {
    let preload = preload();
    let preload = preload.to_str().expect("utf-8 path");
    let node = run(
        "node",
        &["--expose-gc", "--require", preload],
        "kinds.js",
        &[],
    );
    assert!(node.status.success(), "{}", text(&node.stderr));
    let listed = nodebuf(&["--expose-gc"], "kinds.js");
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let recorded = nodebuf(&["--expose-gc", "--trace-overlap"], "kinds.js");
    assert!(recorded.status.success(), "{}", text(&recorded.stderr));
    let stdout = text(&listed.stdout);
    assert_eq!(stdout, text(&recorded.stdout));
    assert_eq!(stdout, text(&node.stdout));
    assert!(
        stdout.contains(&format!(
            "2097152 ArrayBuffer Buffer.alloc alive 6 30 3x12 {} slice; 2x8 ",
            site_of("kinds.js", "slice(i * 8")
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("SharedArrayBuffer new SharedArrayBuffer alive 2 28 "),
        "{stdout}"
    );
}

/// Stores made where released ones were still count as new stores (their allocation sites are
/// recorded), in both modes.
#[test]
fn stores_at_released_stores_addresses_keep_their_allocation_sites() {
    let listed = nodebuf(&[], "reuse.js");
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let recorded = nodebuf(&["--trace-overlap"], "reuse.js");
    assert!(recorded.status.success(), "{}", text(&recorded.stderr));
    let stdout = text(&listed.stdout);
    assert_eq!(stdout, text(&recorded.stdout));
    assert_eq!(count(&stdout, ",1,10,Buffer.allocUnsafe,"), 8, "{stdout}");
}

#[test]
fn workers_record_their_own_views() {
    let preload = preload();
    let preload = preload.to_str().expect("utf-8 path");
    let node = run("node", &["--require", preload], "worker.js", &[]);
    assert!(node.status.success(), "{}", text(&node.stderr));
    let ours = nodebuf(&[], "worker.js");
    assert!(ours.status.success(), "{}", text(&ours.stderr));
    assert_eq!(text(&ours.stdout), text(&node.stdout));
    let stdout = text(&ours.stdout);
    assert!(
        stdout.contains("'views made on this thread (worker 1) only'"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[ 'SharedArrayBuffer', 2097152, 500, 4000, "),
        "{stdout}"
    );
    assert!(
        stdout.contains("[ [ 'SharedArrayBuffer', 0 ] ]"),
        "{stdout}"
    );
}

#[test]
fn node_preload_names_the_same_store_count_and_site() {
    let preload = preload();
    let preload = preload.to_str().expect("utf-8 path");
    let out = run(
        "node",
        &["--expose-gc", "--require", preload],
        "classic.js",
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        node_stdout(&["--expose-gc"], "classic.js")
    );
    assert_classic_report(&text(&out.stderr), "node + preload");
    let overlap = run(
        "node",
        &["--require", preload],
        "ring.js",
        &[("NODEBUF_TRACE_OVERLAP", "warn")],
    );
    let stderr = text(&overlap.stderr);
    assert_eq!(count(&stderr, "BufferOverlapWarning"), 1, "{stderr}");
    assert!(
        stderr.contains(&site_of("ring.js", "subarray(10, 16)")),
        "{stderr}"
    );
}

/// Every Buffer and worker script of the differential corpus prints the same stdout and exits
/// the same with all tracing on as without.
#[test]
fn tracing_leaves_script_output_unchanged() {
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&scripts)
        .expect("tests/scripts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                (n.starts_with("buffer_") || n.starts_with("worker_")) && n.ends_with(".js")
            })
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    for script in names {
        let source = std::fs::read_to_string(&script).expect("read script");
        let flags: Vec<String> = source
            .lines()
            .take_while(|l| l.starts_with("//"))
            .find_map(|l| l.strip_prefix("// flags:"))
            .map(|rest| rest.split_whitespace().map(str::to_owned).collect())
            .unwrap_or_default();
        let exec = |extra: &[&str]| {
            output_of(
                || {
                    let mut command = Command::new(env!("CARGO_BIN_EXE_nodebuf"));
                    command
                        .args(extra)
                        .args(&flags)
                        .arg(&script)
                        .current_dir(&scripts)
                        .env("NODEBUF_TEST", "1");
                    command
                },
                &format!("nodebuf {extra:?} {flags:?} {}", script.display()),
            )
        };
        let plain = exec(&[]);
        // Both modes: views listed from the engine (retention alone) and recorded one by one
        // (with overlap checking).
        for mode in [
            &["--trace-retention=/dev/null"][..],
            &["--trace-retention=/dev/null", "--trace-overlap"],
        ] {
            let traced = exec(mode);
            assert_eq!(
                text(&traced.stdout),
                text(&plain.stdout),
                "{} {mode:?}",
                script.display()
            );
            assert_eq!(
                traced.status.code(),
                plain.status.code(),
                "{} {mode:?}",
                script.display()
            );
        }
    }
}
