//! Differential tests of the builtin modules Buffer code lives with (`string_decoder`,
//! `crypto`, `querystring`, `TextDecoder` streaming): each test generates one seeded program
//! (`modules_differential/*.rs`), runs it under `node` and the built `nodebuf`, and compares
//! stdout line by line. `NODEBUF_DIFF_CASES` scales the cases, `NODEBUF_SEED` picks the seed;
//! a failing program is kept on disk (its path is printed) to rerun by hand.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

#[path = "modules_differential/crypto.rs"]
mod crypto;
#[path = "modules_differential/crypto_asym.rs"]
mod crypto_asym;
#[path = "modules_differential/crypto_cipher.rs"]
mod crypto_cipher;
#[path = "modules_differential/crypto_kdf.rs"]
mod crypto_kdf;
#[path = "modules_differential/crypto_subtle.rs"]
mod crypto_subtle;
#[path = "modules_differential/querystring.rs"]
mod querystring;
#[path = "modules_differential/string_decoder.rs"]
mod string_decoder;
#[path = "modules_differential/text_decoder.rs"]
mod text_decoder;

/// Runs `script` with `program`; returns stdout, stderr and the exit code.
fn run(program: &str, script: &std::path::Path) -> (String, String, Option<i32>) {
    // A deadline, so a hang fails the test instead of stalling the run.
    let run = support::run_script(program, script, std::time::Duration::from_secs(300));
    (run.out, run.err, run.code)
}

/// Runs `text` (named `name`) under node and nodebuf and fails on the first differing line.
pub fn compare_with_node(name: &str, text: &str) {
    let path = std::env::temp_dir().join(format!(
        "nodebuf_modules_{name}_{}_{}.js",
        support::seed(),
        std::process::id()
    ));
    std::fs::write(&path, text).expect("write the program");
    let (node_out, node_err, node_code) = run("node", &path);
    assert_eq!(
        node_code,
        Some(0),
        "node failed on {}: {node_err}",
        path.display()
    );
    let (ours, our_err, our_code) = run(env!("CARGO_BIN_EXE_nodebuf"), &path);
    let theirs: Vec<&str> = node_out.lines().collect();
    let mine: Vec<&str> = ours.lines().collect();
    if let Some(i) = (0..theirs.len().max(mine.len())).find(|&i| theirs.get(i) != mine.get(i)) {
        panic!(
            "{} differs at line {i} (program kept at {}):\n  node:    {}\n  nodebuf: {}\n  nodebuf stderr: {}",
            name,
            path.display(),
            theirs.get(i).unwrap_or(&"<missing>"),
            mine.get(i).unwrap_or(&"<missing>"),
            our_err.lines().take(5).collect::<Vec<_>>().join(" / ")
        );
    }
    assert_eq!(
        our_code,
        Some(0),
        "nodebuf exited with {our_code:?}: {our_err}"
    );
    assert!(
        theirs.len() > 10,
        "{name}: the program printed almost nothing"
    );
    let _ = std::fs::remove_file(&path);
}
