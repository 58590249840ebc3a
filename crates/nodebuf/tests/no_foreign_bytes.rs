//! No Buffer or ArrayBuffer ever shows bytes of a released one (nodebuf's guarantee; Node's
//! `allocUnsafe` breaks it): `fixtures/memory/no_foreign_bytes.js` probes every size class from
//! 64 KiB to 4 MiB (the sizes whose released blocks are recycled) by every allocating API, on the
//! main thread and two workers at once, with shared stores released on another thread. Node runs
//! the same script to show the probe does what it says (same number of probes; node's leaks are
//! printed, not asserted: they depend on its allocator).

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn run(program: &str) -> String {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/memory/no_foreign_bytes.js");
    let out = support::output_within(Command::new(program).arg(&script), Duration::from_secs(120));
    assert!(
        out.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn released_bytes_never_reach_a_new_store_of_any_recycled_size_on_any_thread() {
    let ours = run(env!("CARGO_BIN_EXE_nodebuf"));
    let node = run("node");
    let probes = |line: &str| line.split(" probes").next().map(str::to_owned);
    assert_eq!(
        probes(&ours),
        probes(&node),
        "nodebuf: {ours}; node: {node}"
    );
    assert!(ours.ends_with(", 0 leaks"), "nodebuf: {ours}; node: {node}");
}
