//! `tty` on a real terminal: a script run under a pseudo-terminal (util-linux `script`) by
//! `node` and by `nodebuf` must print the same — process.stdout/stdin as tty streams
//! (isTTY, columns/rows, getWindowSize, instanceof), setRawMode on and off (termios through
//! the native half), a WriteStream on fd 1, the cursor helpers' escape sequences.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::process::Command;
use std::time::Duration;

const SCRIPT: &str = r#"
const tty = require('tty');
const out = process.stdout;
const seen = [out.isTTY, process.stdin.isTTY, tty.isatty(0), tty.isatty(1), typeof out.columns,
  typeof out.rows, out.getWindowSize().length, out.getWindowSize()[0] === out.columns,
  out instanceof tty.WriteStream, process.stdin instanceof tty.ReadStream, process.stdin.isRaw];
process.stdin.setRawMode(true);
seen.push(process.stdin.isRaw);
process.stdin.setRawMode(false);
seen.push(process.stdin.isRaw);
const w = new tty.WriteStream(1);
seen.push(w.isTTY, w.columns === out.columns, w.hasColors(2, {}));
out.cursorTo(3);
out.moveCursor(1, 0);
out.clearLine(0);
out.clearScreenDown();
console.log(JSON.stringify(seen));
"#;

/// `script -qc "<program> <file>" /dev/null`: runs the program with a terminal as its stdio.
fn under_pty(program: &str, file: &std::path::Path) -> String {
    let line = format!("{program} {}", file.display());
    let run = support::output_within(
        Command::new("script").args(["-qc", &line, "/dev/null"]),
        Duration::from_secs(60),
    );
    assert!(run.hung.is_none(), "{program} under a terminal hung");
    assert!(
        run.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

#[test]
fn tty_streams_on_a_terminal_match_node() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        has_script,
        "this test needs util-linux `script` to open a pseudo-terminal"
    );
    let file = std::env::temp_dir().join(format!("nodebuf_tty_pty_{}.js", std::process::id()));
    std::fs::write(&file, SCRIPT).expect("write the script");
    let node = under_pty("node", &file);
    let ours = under_pty(env!("CARGO_BIN_EXE_nodebuf"), &file);
    let _ = std::fs::remove_file(&file);
    assert!(
        node.contains("[true,true,true,true"),
        "node saw no terminal: {node:?}"
    );
    assert_eq!(ours, node);
}
