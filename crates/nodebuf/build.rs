//! Compiles the builtin modules' JS (src/modules/sources.rs, the same list the binary embeds)
//! to QuickJS bytecode, so start-up and each first `require` of a builtin load bytecode
//! instead of parsing source (see nodebuf-js's build_bytecode.rs and `host::engine`).

#[path = "../nodebuf-js/build_bytecode.rs"]
mod build_bytecode;

#[path = "src/modules/sources.rs"]
#[allow(dead_code)]
mod sources;

fn main() {
    // The binary is linked at a fixed address, as node's and Bun's are (both `EXEC`, not
    // position-independent): the loader then relocates nothing. As a PIE it applied 49,600
    // relative relocations at every start, reading 1.2 MB of relocation entries and writing
    // 1.1 MB of pointer tables: 340 of an empty script's 780 page faults, a quarter of its
    // time. The code is still compiled position-independent; the shared libraries, stacks and
    // heap stay randomized.
    println!("cargo:rustc-link-arg-bin=nodebuf=-no-pie");
    println!("cargo:rerun-if-changed=src/modules");
    println!("cargo:rerun-if-changed=src/require.js");
    println!("cargo:rerun-if-changed=src/event_loop.js");
    println!("cargo:rerun-if-changed=../nodebuf-js/build_bytecode.rs");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let texts: Vec<(String, String)> = sources::SOURCES
        .iter()
        .map(|(id, source)| (format!("node:{id}"), sources::wrapped(source)))
        .collect();
    let scripts: Vec<build_bytecode::Script<'_>> = sources::SOURCES
        .iter()
        .zip(&texts)
        .map(|((id, _), (filename, source))| build_bytecode::Script {
            name: id,
            filename,
            source,
            strict: false,
            strip_source: false,
        })
        .collect();
    build_bytecode::compile_all(&out, "builtins_bytecode.rs", &scripts);
    // The start-up scripts (host::startup_bytecode), with their source text as before.
    println!("cargo:rerun-if-changed=src/bootstrap.js");
    println!("cargo:rerun-if-changed=src/messages/messages.js");
    let bootstrap = std::fs::read_to_string("src/bootstrap.js").expect("bootstrap JS");
    let messages = std::fs::read_to_string("src/messages/messages.js").expect("messages JS");
    build_bytecode::compile_all(
        &out,
        "startup_bytecode.rs",
        &[
            build_bytecode::Script {
                name: "bootstrap",
                filename: "node:internal/bootstrap",
                source: &bootstrap,
                strict: false,
                strip_source: false,
            },
            build_bytecode::Script {
                name: "messages",
                filename: "node:internal/messages",
                source: &messages,
                strict: true,
                strip_source: false,
            },
        ],
    );
    // Number.prototype.toString's installer: no source text, so the method prints as native.
    println!("cargo:rerun-if-changed=src/numbers/number_prototype.js");
    let numbers = std::fs::read_to_string("src/numbers/number_prototype.js").expect("numbers JS");
    build_bytecode::compile_all(
        &out,
        "numbers_bytecode.rs",
        &[build_bytecode::Script {
            name: "numbers",
            filename: "node:internal/numbers",
            source: &numbers,
            strict: true,
            strip_source: true,
        }],
    );
}
