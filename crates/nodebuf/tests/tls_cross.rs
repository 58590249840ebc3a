//! nodebuf's TLS against Node's own (OpenSSL): a nodebuf client talks to a `node` server and a
//! `node` client to a nodebuf server (tests/tls_cross/peer.js drives both roles). Each round's
//! payload and the server's answer (its SHA-256 and the payload XOR 0x5a) are checked byte for
//! byte, with client certificates, SNI, ALPN, TLSv1.2 and TLSv1.3; and both directions must
//! print the same lines.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn drive(driver: &str, peer: &str) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tls_cross/peer.js");
    let out = support::output_or_retry(
        || {
            let mut command = Command::new(driver);
            command.arg(&script).env("PEER_BIN", peer);
            command
        },
        &format!("{driver} driving {peer}"),
        Duration::from_secs(90),
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{driver} -> {peer} failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn nodebuf_and_node_speak_tls_to_each_other() {
    let nodebuf = env!("CARGO_BIN_EXE_nodebuf");
    let ours_as_client = drive(nodebuf, "node");
    let ours_as_server = drive("node", nodebuf);
    let rounds = ours_as_client.matches("client: round").count();
    assert!(rounds >= 1, "no rounds ran:\n{ours_as_client}");
    assert_eq!(
        ours_as_client.matches("equal=true").count(),
        rounds,
        "nodebuf client vs node server:\n{ours_as_client}"
    );
    assert!(
        ours_as_client.contains("server exited 0"),
        "{ours_as_client}"
    );
    assert_eq!(
        ours_as_client, ours_as_server,
        "the two directions printed different lines"
    );
}
