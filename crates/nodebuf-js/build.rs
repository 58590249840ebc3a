//! Compiles the JS half (src/buffer.js, src/error_maker.js) to QuickJS bytecode so `install` loads it without
//! parsing (see build_bytecode.rs).

#[path = "build_bytecode.rs"]
mod build_bytecode;

fn main() {
    println!("cargo:rerun-if-changed=src/buffer.js");
    println!("cargo:rerun-if-changed=src/error_maker.js");
    println!("cargo:rerun-if-changed=build_bytecode.rs");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let source = std::fs::read_to_string("src/buffer.js").expect("src/buffer.js");
    let error_maker = std::fs::read_to_string("src/error_maker.js").expect("src/error_maker.js");
    build_bytecode::compile_all(
        &out,
        "buffer_js_bytecode.rs",
        &[
            build_bytecode::Script {
                name: "buffer",
                filename: "node:buffer",
                source: &source,
                strict: true,
                strip_source: false,
            },
            build_bytecode::Script {
                name: "error_maker",
                filename: "node:internal/errors/maker",
                source: &error_maker,
                strict: true,
                strip_source: false,
            },
        ],
    );
}
