//! Worker scripts whose stderr cannot match Node's byte for byte (Node decorates errors
//! re-thrown from workers with its internal frames): stdout and the exit code must match.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn run(program: &str, script: &Path) -> (String, i32) {
    let out = support::output_or_retry(
        || {
            let mut command = Command::new(program);
            command
                .arg(script)
                .current_dir(script.parent().expect("script dir"));
            command
        },
        &format!("{program} {}", script.display()),
        Duration::from_secs(60),
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn same_as_node(name: &str) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/worker_cases")
        .join(name);
    let expected = run("node", &script);
    let actual = run(env!("CARGO_BIN_EXE_nodebuf"), &script);
    assert_eq!(
        expected, actual,
        "{name}: (stdout, exit code) differ from node"
    );
}

#[test]
fn unhandled_worker_error_fails_the_process() {
    same_as_node("unhandled_error.js");
}

#[test]
fn unhandled_worker_error_reaches_uncaught_exception_listeners() {
    same_as_node("handled_by_process.js");
}
