//! `--max-buffer-memory=BYTES` and a worker's `resourceLimits.maxOldGenerationSizeMb`: nodebuf's
//! own bounds on the Buffer/SharedArrayBuffer stores it owns (Node has no such flag, so these
//! are checked against fixed expectations, not against node). Past a budget an allocation
//! throws `RangeError: Array buffer allocation failed` (Node's text for a refused allocation)
//! and the script catches it, frees, and keeps running.

use std::process::Command;

fn nodebuf(flags: &[&str], code: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_nodebuf"))
        .args(flags)
        .arg("-e")
        .arg(code)
        .output()
        .expect("run nodebuf");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Allocates 64 KiB Buffers (and a SharedArrayBuffer now and then) 300 times, keeping them
/// until refused, then frees and goes on; prints what it saw.
const LOOP: &str = r#"
const kept = [];
let made = 0, refused = 0;
const texts = new Set();
for (let i = 0; i < 300; i++) {
  try {
    kept.push(i % 10 === 0 ? new SharedArrayBuffer(65536) : Buffer.alloc(65536, i));
    made++;
  } catch (e) {
    refused++;
    texts.add(`${e.name}: ${e.message} ${e.code}`);
    kept.length = 0;
  }
}
kept.length = 0;
console.log(made > 0 && refused > 0, [...texts].join(';'), Buffer.from('alive').toString());
"#;

#[test]
fn the_flag_bounds_buffer_memory_and_the_script_survives() {
    let (out, err, code) = nodebuf(&["--max-buffer-memory=1048576"], LOOP);
    assert_eq!(
        (out.as_str(), err.as_str(), code),
        (
            "true RangeError: Array buffer allocation failed undefined alive\n",
            "",
            0
        )
    );
    // Without the flag nothing is refused.
    let (out, _, code) = nodebuf(&[], LOOP);
    assert_eq!((out.as_str(), code), ("false  alive\n", 0));
    // A bad value is a command-line error, as Node's bad options are.
    let (_, err, code) = nodebuf(&["--max-buffer-memory=1M"], "0");
    assert_eq!(code, 9);
    assert!(err.contains("--max-buffer-memory"), "{err}");
}

#[test]
fn a_workers_resource_limit_bounds_its_stores_and_a_shared_buffer_counts_once() {
    // The worker (1 MiB of its own) fills its budget in the loop; a 768 KiB SharedArrayBuffer
    // made by the main thread and posted to it is not charged to the worker again. The process
    // budget (4 MiB) holds both.
    let code = format!(
        r#"
const {{ Worker }} = require('worker_threads');
const shared = new SharedArrayBuffer(768 * 1024);
const w = new Worker({worker:?}, {{ eval: true, workerData: shared, resourceLimits: {{ maxOldGenerationSizeMb: 1 }} }});
w.on('message', (m) => console.log('worker:', m));
w.on('exit', (c) => console.log('exit', c, Buffer.alloc(1024 * 1024).length));
"#,
        worker = format!(
            "const {{ parentPort, workerData }} = require('worker_threads'); \
             const seen = new Uint8Array(workerData).length; \
             let big, ok; try {{ big = Buffer.alloc(900 * 1024); ok = big.length; }} catch (e) {{ ok = e.message; }} \
             let over; try {{ Buffer.alloc(200 * 1024); }} catch (e) {{ over = e.message; }} \
             parentPort.postMessage([seen, ok, over, big.length].join(' | '));"
        )
    );
    let (out, err, status) = nodebuf(&["--max-buffer-memory=4194304"], &code);
    assert_eq!(
        (out.as_str(), err.as_str(), status),
        (
            "worker: 786432 | 921600 | Array buffer allocation failed | 921600\nexit 0 1048576\n",
            "",
            0
        )
    );
}
