//! Differential tests: every script under `tests/scripts/` runs under `node` and under the built
//! `nodebuf`; stdout, stderr and the exit code must match after normalising what cannot match
//! (stack frame lines, the source-line header above uncaught errors, PIDs).
//!
//! A script is a `.js` or `.mjs` file, or a directory named `esm_*` holding a module graph (its
//! own package.json, node_modules, ...) run from its `main.mjs` or `main.js`, with the directory
//! as working directory. A script may start with `// flags: --x --y` (runtime flags) and
//! `// args: a b` lines.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

fn directive(source: &str, name: &str) -> Vec<String> {
    source
        .lines()
        .take_while(|l| l.starts_with("//"))
        .find_map(|l| l.strip_prefix(&format!("// {name}:")))
        .map(|rest| rest.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn run(program: &str, script: &Path) -> Outcome {
    let source = std::fs::read_to_string(script).expect("read script");
    let out = support::output_or_retry(
        || {
            let mut command = Command::new(program);
            command
                .args(directive(&source, "flags"))
                .arg(script)
                .args(directive(&source, "args"))
                .current_dir(script.parent().expect("script dir"))
                .env("NODEBUF_TEST", "1");
            command
        },
        &format!("{program} {}", script.display()),
        std::time::Duration::from_secs(60),
    );
    Outcome {
        stdout: normalize(&String::from_utf8_lossy(&out.stdout)),
        stderr: normalize(&String::from_utf8_lossy(&out.stderr)),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Stack frames are compared as they are, except the runtime's own (`node:` files: Node's
/// module loader and task queues, or nodebuf's): those of a run of `    at ...` lines are left
/// out and the run ends with one `    at …` line instead (keeping a trailing ` {` that opens an
/// error's property block). The `file:line` / source / caret header Node prints above uncaught
/// errors is compared as it is, unless it shows a line of the runtime's own source. `(node:1234)`
/// PIDs are blanked.
fn normalize(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let mut i = 0;
    // In a run of frames: whether runtime frames were left out, and whether the run's last
    // frame opened a property block.
    let mut dropped: Option<(String, bool)> = None;
    let flush = |out: &mut Vec<String>, dropped: &mut Option<(String, bool)>| {
        if let Some((indent, opens)) = dropped.take() {
            out.push(format!("{indent}at …{}", if opens { " {" } else { "" }));
        }
    };
    while i < lines.len() {
        let line = lines[i];
        // Header: "node:<file>:<n>" then a source line then a caret line, then a blank.
        if i + 2 < lines.len()
            && line.starts_with("node:")
            && line
                .rsplit(':')
                .next()
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            && !lines[i + 2].trim().is_empty()
            && lines[i + 2].trim().chars().all(|c| c == '^')
        {
            i += 3;
            if i < lines.len() && lines[i].is_empty() {
                i += 1;
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("at ") && line.len() > trimmed.len() {
            let opens = line.ends_with(" {");
            if trimmed.contains("node:") {
                let indent = line[..line.len() - trimmed.len()].to_string();
                let was_open = dropped.as_ref().is_some_and(|d| d.1);
                dropped = Some((indent, opens || was_open));
            } else {
                out.push(line.to_string());
            }
            i += 1;
            continue;
        }
        flush(&mut out, &mut dropped);
        out.push(blank_pids(line));
        i += 1;
    }
    flush(&mut out, &mut dropped);
    out.join("\n")
}

fn blank_pids(line: &str) -> String {
    let mut s = line.to_string();
    while let Some(start) = s.find("(node:") {
        let rest = &s[start + 6..];
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || !rest[digits..].starts_with(')') {
            break;
        }
        s = format!("{}(node:PID){}", &s[..start], &rest[digits + 1..]);
        if !s[start + 10..].contains("(node:") {
            break;
        }
    }
    s
}

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scripts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            if name.starts_with('_') {
                return None;
            }
            if p.is_dir() {
                if !name.starts_with("esm_") {
                    return None;
                }
                return ["main.mjs", "main.js"]
                    .iter()
                    .map(|entry| p.join(entry))
                    .find(|entry| entry.is_file());
            }
            p.extension()
                .is_some_and(|e| e == "js" || e == "mjs")
                .then_some(p)
        })
        .collect();
    // `NODEBUF_SCRIPTS=esm_` runs only the scripts whose path contains that text.
    if let Ok(only) = std::env::var("NODEBUF_SCRIPTS") {
        out.retain(|p| {
            p.strip_prefix(&dir)
                .is_ok_and(|rel| rel.to_string_lossy().contains(&only))
        });
    }
    out.sort();
    out
}

#[test]
fn every_script_prints_what_node_prints() {
    let nodebuf = env!("CARGO_BIN_EXE_nodebuf");
    let all = scripts();
    assert!(
        all.len() >= 20 || std::env::var("NODEBUF_SCRIPTS").is_ok(),
        "the corpus should not be empty"
    );
    // Run scripts on a few threads: each pair of runs is mostly process start-up.
    let chunks: Vec<Vec<PathBuf>> = all
        .chunks(all.len().div_ceil(4))
        .map(|c| c.to_vec())
        .collect();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for script in chunk {
                        let mut expected = run("node", script);
                        // nodebuf's size limits are QuickJS's (README: known differences).
                        expected.stdout = support::with_engine_limits(&expected.stdout);
                        expected.stderr = support::with_engine_limits(&expected.stderr);
                        let actual = run(nodebuf, script);
                        let name = script
                            .strip_prefix(
                                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts"),
                            )
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if expected.stdout != actual.stdout {
                            failures.push(format!(
                                "{name}: stdout differs\n--- node\n{}\n--- nodebuf\n{}",
                                expected.stdout, actual.stdout
                            ));
                        }
                        if expected.stderr != actual.stderr {
                            failures.push(format!(
                                "{name}: stderr differs\n--- node\n{}\n--- nodebuf\n{}",
                                expected.stderr, actual.stderr
                            ));
                        }
                        if expected.code != actual.code {
                            failures.push(format!(
                                "{name}: exit code node {} nodebuf {}",
                                expected.code, actual.code
                            ));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("runner thread"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

#[test]
fn normalize_keeps_user_frames_and_collapses_runtime_frames() {
    let text = "/x/a.js:1\nthrow e\n^\n\nError: x\n    at new AssertionError (node:internal/assert:1:1)\n    at a (f:1:1)\n    at Module._compile (node:internal/x:1:1)\n    at b (node:internal/y:2:2) {\n  code: 'X'\n}\n(node:123) Warning";
    assert_eq!(
        normalize(text),
        "/x/a.js:1\nthrow e\n^\n\nError: x\n    at a (f:1:1)\n    at … {\n  code: 'X'\n}\n(node:PID) Warning"
    );
    let module = "node:internal/process/promises:1\n  trigger(err);\n  ^\n\nError: x\n    at file:///x/a.mjs:2:1\n    at ModuleJob.run (node:internal/modules/esm/module_job:1:1)";
    assert_eq!(
        normalize(module),
        "Error: x\n    at file:///x/a.mjs:2:1\n    at …"
    );
}
