//! Compiles the JS half (src/buffer.js) to QuickJS bytecode so `install` loads it without
//! parsing (see build_bytecode.rs).

#[path = "build_bytecode.rs"]
mod build_bytecode;

fn main() {
    println!("cargo:rerun-if-changed=src/buffer.js");
    println!("cargo:rerun-if-changed=build_bytecode.rs");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let source = std::fs::read_to_string("src/buffer.js").expect("src/buffer.js");
    build_bytecode::compile_all(
        &out,
        "buffer_js_bytecode.rs",
        &[build_bytecode::Script {
            name: "buffer",
            filename: "node:buffer",
            source: &source,
            strict: true,
            strip_source: false,
        }],
    );
}
