//! Blocking calls a worker can make are stopped by `worker.terminate()`: here a worker reading
//! a pipe that never delivers. Node terminates the worker's JS (the 'exit' event and the
//! promise come at once) but its process then waits for the thread's read to return before it
//! exits; nodebuf's read wakes up and the process ends while the pipe is still open. So node
//! runs with a stdin closed after a while, nodebuf with one held open, and output and exit code
//! must be equal. (Atomics.wait is covered by `tests/scripts/worker_terminate_waiting.js`.)

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `program script` with a stdin pipe that stays open for `close_after` (forever when
/// `None`); returns stdout and exit code, or panics if the process still runs after 10 s.
fn run_with_stdin_pipe(
    program: &str,
    script: &Path,
    close_after: Option<Duration>,
) -> (String, i32) {
    let mut child = Command::new(program)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    let mut stdin = child.stdin.take();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if close_after.is_some_and(|after| start.elapsed() > after) {
            stdin = None;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!(
                "{program} {} hangs on a terminated worker",
                script.display()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read stdout");
    drop(stdin);
    (out, status.code().unwrap_or(-1))
}

#[test]
fn terminate_stops_a_worker_blocked_reading_a_pipe() {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/worker_cases/terminate_reading_stdin.js");
    let expected = run_with_stdin_pipe("node", &script, Some(Duration::from_secs(2)));
    let actual = run_with_stdin_pipe(env!("CARGO_BIN_EXE_nodebuf"), &script, None);
    assert_eq!(expected, actual);
    assert_eq!(
        actual.0,
        "worker says reading\nexit event 1\nterminate resolved 1\n"
    );
}

/// A FIFO made for one test case (removed when dropped).
struct Fifo(std::path::PathBuf);

impl Fifo {
    fn new(name: &str) -> Fifo {
        let path = std::env::temp_dir().join(format!("nodebuf-{name}-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(made.success(), "mkfifo {}", path.display());
        Fifo(path)
    }
}

impl Drop for Fifo {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Node cannot be the oracle here: it stops a worker's JS only when the blocking system call
/// returns (which, with no other end, is never), so its process never exits. nodebuf's worker
/// must end at once, with the exit code and `terminate()` value Node gives a terminated worker.
#[test]
fn terminate_stops_a_worker_blocked_in_a_fifo() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/worker_cases/terminate_fifo.js");
    for kind in ["read", "write", "full"] {
        let fifo = Fifo::new(&format!("terminate-{kind}"));
        let run = support::output_within(
            Command::new(env!("CARGO_BIN_EXE_nodebuf"))
                .arg(&script)
                .arg(kind)
                .arg(&fifo.0),
            Duration::from_secs(20),
        );
        assert!(
            run.hung.is_none(),
            "a worker blocked in a FIFO ({kind}) was not stopped: {:?}",
            run.hung
        );
        let out = String::from_utf8_lossy(&run.stdout);
        let status = run.status.expect("exited");
        assert_eq!(status.code(), Some(0), "{kind}");
        assert_eq!(
            out,
            format!("worker says blocking in {kind}\nexit event 1\nterminate resolved 1\n"),
            "{kind}"
        );
    }
}
