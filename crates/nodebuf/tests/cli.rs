//! The command line itself: `--version` names nodebuf, the Node API level and the engine;
//! `--help` lists every option; a script on stdin (`nodebuf`, `nodebuf -`) runs as node runs it
//! (compared with `node` on the same input).

use std::io::Write;
use std::process::{Command, Stdio};

const NODEBUF: &str = env!("CARGO_BIN_EXE_nodebuf");

fn run_with_stdin(program: &str, args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn version_names_nodebuf_the_node_api_and_the_engine() {
    let (stdout, _, code) = run_with_stdin(NODEBUF, &["--version"], "");
    assert_eq!(code, 0);
    let (node_version, _, _) = run_with_stdin("node", &["--version"], "");
    let expected = format!(
        "nodebuf {} (Node {} API, QuickJS-ng ",
        env!("CARGO_PKG_VERSION"),
        node_version.trim()
    );
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert!(stdout.trim_end().ends_with(')'));
    // Scripts still see Node's version.
    let (printed, _, _) = run_with_stdin(NODEBUF, &["-p", "process.version"], "");
    assert_eq!(printed.trim(), node_version.trim());
}

#[test]
fn help_says_what_nodebuf_is_and_lists_every_flag() {
    let (stdout, _, code) = run_with_stdin(NODEBUF, &["--help"], "");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("nodebuf runs Node.js v20 scripts"));
    for flag in [
        "--eval",
        "--print",
        "--version",
        "--help",
        "--expose-gc",
        "--expose-internals",
        "--zero-fill-buffers",
        "--pending-deprecation",
        "--no-deprecation",
        "--no-warnings",
        "--trace-warnings",
        "--trace-deprecation",
        "--throw-deprecation",
    ] {
        let line = stdout
            .lines()
            .find(|l| l.trim_start().split([' ', ',']).any(|w| w == flag))
            .unwrap_or_else(|| panic!("{flag} missing from --help"));
        assert!(line.len() > flag.len() + 10, "{flag} has no description");
    }
}

#[test]
fn eval_code_can_import_modules() {
    let code = "import('node:path').then((p) => console.log(typeof p.join, typeof p.default.join)); import('data:text/javascript,export default 6').then((m) => console.log(m.default * 7))";
    let expected = run_with_stdin("node", &["-e", code], "");
    let actual = run_with_stdin(NODEBUF, &["-e", code], "");
    assert_eq!(actual, expected);
    assert_eq!(actual.0, "function function\n42\n");
}

#[test]
fn scripts_on_stdin_run_as_node_runs_them() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "console.log(typeof fs, __filename, __dirname, require.main === module, process.argv.length, module.id)"),
        (&["-", "a", "b"], "console.log(process.argv.slice(1), Buffer.from('stdin').toString('base64'))"),
        (&[], "import { Buffer } from 'node:buffer';\nconst v = await Promise.resolve(Buffer.from([1, 2]));\nconsole.log(v, import.meta.url.endsWith('/[eval1]'))"),
        (&[], "setTimeout(() => { console.log('later'); process.exitCode = 3; }, 1);\nconsole.log('now');"),
        (&[], "const e = new Error('from stdin'); console.log(e.message); throw e;"),
    ];
    for (args, source) in cases {
        let expected = run_with_stdin("node", args, source);
        let actual = run_with_stdin(NODEBUF, args, source);
        assert_eq!(actual.0, expected.0, "stdout for {source:?}");
        assert_eq!(actual.2, expected.2, "exit code for {source:?}");
        let last_line = |s: &str| {
            s.lines()
                .filter(|l| l.starts_with("Error"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            last_line(&actual.1),
            last_line(&expected.1),
            "error lines for {source:?}"
        );
    }
}

/// Runs `script` with stdout and stderr sent to files (not pipes) and returns both files'
/// contents; the child is killed if it runs past a minute.
fn run_to_files(program: &str, script: &str, tag: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("nodebuf-cli-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (out_path, err_path) = (dir.join("stdout"), dir.join("stderr"));
    let mut child = Command::new(program)
        .arg(script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{program} {script} ran past its deadline");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let read = |p: &std::path::Path| std::fs::read(p).expect("read output");
    let result = (read(&out_path), read(&err_path));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

#[test]
fn writing_to_files_takes_from_the_buffer_pool_as_node_does() {
    for script in [
        "tests/scripts/stdio_pool_offsets.js",
        // (console.log before process.stdout is made writes around the stream.)
        "tests/scripts/console_before_stdout.js",
    ] {
        assert_eq!(
            run_to_files(NODEBUF, script, "nodebuf"),
            run_to_files("node", script, "node"),
            "{script}"
        );
    }
}

/// `--input-type`, Node's detection of ES module syntax in `-e` code, and the head V8 gives a
/// SyntaxError in `-e` code or a script on stdin (`[eval]:1`, the line, the carets): stdout,
/// exit code and stderr without stack frames equal node's.
#[test]
fn eval_and_stdin_follow_input_type_and_show_syntax_errors_as_node() {
    let eval_cases: &[&[&str]] = &[
        &["--input-type=module", "-e", "import fs from 'fs'; console.log(typeof fs.readFileSync, typeof require, typeof path, typeof module, import.meta.url.endsWith('/[eval1]'))"],
        &["-e", "import { Buffer } from 'node:buffer'; console.log(Buffer.from('x'), typeof require, typeof module)"],
        &["-e", "await Promise.resolve(); console.log('top-level await', typeof require)"],
        &["--input-type", "commonjs", "-e", "console.log(typeof require, typeof module, this === module.exports)"],
        &["--input-type=commonjs", "-e", "import fs from 'fs'"],
        &["--input-type=commonjs", "-e", "await 1;"],
        &["--input-type=module", "-p", "1 + 1"],
        &["--input-type=module", "-e", "throw new Error('from a module')"],
        &["--input-type=wasm", "-e", "1"],
        &["-e", "let x = ;"],
        &["-e", "x = 1;\nfoo bar"],
        &["-e", "const a = 1; const a = 2;"],
        &["-e", "x = 1 +"],
        &["-e", "`abc"],
        &["-e", "throw new SyntaxError('thrown, not parsed')"],
        &["-p", "'unterminated"],
    ];
    // (Node's own source line heads an error its internals threw: nodebuf has no such line.)
    let stderr_without_frames = |s: &str| {
        let s = match s.strip_prefix("node:internal") {
            Some(rest) => rest.split_once("\n\n").map_or(rest, |(_, after)| after),
            None => s,
        };
        s.lines()
            .filter(|l| !l.starts_with("    at "))
            .map(|l| l.replace("node: ", "").replace("nodebuf: ", ""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let stdin_cases: &[(&[&str], &str)] = &[
        (
            &["--input-type=module"],
            "console.log(typeof require, typeof path, import.meta.url.endsWith('/[eval1]'))",
        ),
        (&["--input-type=commonjs"], "import fs from 'fs';"),
        (&[], "let a;\nlet a;"),
        (&[], "throw new Error('from stdin')"),
    ];
    let cases = eval_cases
        .iter()
        .map(|args| (*args, ""))
        .chain(stdin_cases.iter().copied());
    for (args, input) in cases {
        let expected = run_with_stdin("node", args, input);
        let actual = run_with_stdin(NODEBUF, args, input);
        let case = format!("{args:?} {input:?}");
        assert_eq!(actual.0, expected.0, "stdout for {case}");
        assert_eq!(actual.2, expected.2, "exit code for {case}");
        assert_eq!(
            stderr_without_frames(&actual.1),
            stderr_without_frames(&expected.1),
            "stderr for {case}"
        );
    }
}

/// An ES module that does not parse: node prints V8's head (the module's URL and line, the
/// line, carets under the token) above the error, whose stack has no frame at that position.
#[test]
fn module_parse_errors_print_as_node() {
    let dir = std::env::temp_dir().join(format!("nodebuf-cli-esm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases = [
        ("bad.mjs", "const a = 1;\nfoo bar;\n"),
        ("redeclared.mjs", "let a;\nlet a;\n"),
        ("importer.mjs", "import './bad.mjs';\n"),
        (
            "thrown.mjs",
            "throw new SyntaxError('thrown, not parsed');\n",
        ),
    ];
    for (name, source) in cases {
        std::fs::write(dir.join(name), source).expect("write module");
    }
    for (name, _) in cases {
        let path = dir.join(name);
        let path = path.to_str().expect("utf-8 path");
        let frames = |s: &str| {
            s.lines()
                .filter(|l| !l.starts_with("    at "))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let expected = run_with_stdin("node", &[path], "");
        let actual = run_with_stdin(NODEBUF, &[path], "");
        assert_eq!(actual.2, expected.2, "exit code for {name}");
        assert_eq!(frames(&actual.1), frames(&expected.1), "stderr for {name}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `code` with a new terminal (a pseudo-terminal's far end) as stdin and a pipe as stdout,
/// types `typed` into the terminal after `delay_ms`, and returns stdout; the child is killed if
/// it runs past 30 seconds.
fn run_on_terminal(program: &str, code: &str, delay_ms: u64, typed: &[u8]) -> String {
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut controller, terminal) = {
        let (mut c, mut t) = (-1, -1);
        // SAFETY: openpty writes two new descriptors into the ints we pass; the name, termios
        // and window size arguments may be null.
        let r = unsafe {
            libc::openpty(
                &mut c,
                &mut t,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just made by openpty and are owned here only.
        unsafe {
            (
                std::fs::File::from(OwnedFd::from_raw_fd(c)),
                OwnedFd::from_raw_fd(t),
            )
        }
    };
    let mut child = Command::new(program)
        .args(["-e", code])
        .stdin(Stdio::from(terminal))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut out).expect("read stdout");
        out
    });
    std::thread::sleep(std::time::Duration::from_millis(delay_ms));
    controller.write_all(typed).expect("type into the terminal");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{program} -e {code:?} ran past its deadline");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    reader.join().expect("reader")
}

/// A script reading a terminal stdin keeps running its timers and I/O callbacks while no line
/// has been typed, and a paused stdin lets it exit (it read the terminal with blocking calls,
/// so a timer waited for the next line).
#[test]
fn a_terminal_stdin_leaves_the_loop_running_as_node_does() {
    let code = "console.log('isTTY', process.stdin.isTTY);\
        process.stdin.on('data', (d) => { console.log('data', JSON.stringify(String(d))); process.stdin.pause(); });\
        setTimeout(() => console.log('timer'), 100);\
        require('fs').stat(process.execPath, (err) => console.log('stat', err));\
        setTimeout(() => console.log('reading', process.getActiveResourcesInfo()), 200);";
    let ours = run_on_terminal(NODEBUF, code, 700, b"hello\n");
    let node = run_on_terminal("node", code, 700, b"hello\n");
    assert_eq!(ours, node);
    let at = |text: &str| {
        ours.find(text)
            .unwrap_or_else(|| panic!("{text:?} in {ours}"))
    };
    assert!(at("timer") < at("reading [ 'TTYWrap'") && at("reading") < at("data \"hello\\n\""));
}
