//! The teaching examples under `examples/` at the repository root run under `node` and under the
//! built `nodebuf`; their stdout must be identical (they print only deterministic facts: offsets,
//! sharing, bytes, errors, memory rounded to 0.1 MiB). A first line `// flags: --x` gives runtime
//! flags.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

fn flags(source: &str) -> Vec<String> {
    source
        .lines()
        .take_while(|l| l.starts_with("//"))
        .find_map(|l| l.strip_prefix("// flags:"))
        .map(|rest| rest.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn stdout_of(program: &str, script: &Path) -> (String, i32) {
    let source = std::fs::read_to_string(script).expect("read example");
    let out = support::output_or_retry(
        || {
            let mut command = Command::new(program);
            command
                .args(flags(&source))
                .arg(script)
                .current_dir(script.parent().expect("examples dir"));
            command
        },
        &format!("{program} {}", script.display()),
        std::time::Duration::from_secs(120),
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_example_prints_what_node_prints() {
    let nodebuf = env!("CARGO_BIN_EXE_nodebuf");
    let all = examples();
    assert!(all.len() >= 6, "expected the six teaching examples");
    let mut failures = Vec::new();
    for script in &all {
        let (expected, node_code) = stdout_of("node", script);
        // nodebuf's size limits are QuickJS's (README: known differences).
        let expected = support::with_engine_limits(&expected);
        let (actual, code) = stdout_of(nodebuf, script);
        assert_eq!(node_code, 0, "{} fails under node", script.display());
        if expected != actual || code != node_code {
            failures.push(format!(
                "{}: (exit node {node_code}, nodebuf {code})\n--- node\n{expected}\n--- nodebuf\n{actual}",
                script.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
