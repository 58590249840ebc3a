//! Build-time compilation of JS to QuickJS bytecode, shared by the build scripts of nodebuf-js
//! (buffer.js) and nodebuf (the builtin modules): parsing was most of an empty script's
//! start-up. The bytecode is loaded by `nodebuf_js::bytecode::load`, which checks it was made
//! by the same engine version and otherwise lets the caller compile the source.

use std::ffi::{CStr, CString};
use std::fmt::Write as _;
use std::path::Path;

use rquickjs_sys as qjs;

/// One script to compile: a name for the generated table, the file name its functions report,
/// its source, whether it is strict code, and whether its functions keep their source text
/// (without it, `String(fn)` prints `function name() { [native code] }`, as V8's builtins do).
pub struct Script<'a> {
    pub name: &'a str,
    pub filename: &'a str,
    pub source: &'a str,
    pub strict: bool,
    pub strip_source: bool,
}

/// Compiles each script (global code, compile only) and writes `OUT_DIR/<table>`: a Rust file
/// with `ENGINE` (the engine's version string) and `BYTECODE: &[(&str, &[u8])]` by name.
pub fn compile_all(out_dir: &Path, table: &str, scripts: &[Script<'_>]) {
    let mut rust = String::new();
    // SAFETY: a fresh runtime and context used only here and freed at the end; every value is
    // freed once; each bytecode buffer is copied before js_free; JS_GetVersion returns a
    // static NUL-terminated string.
    unsafe {
        let version = CStr::from_ptr(qjs::JS_GetVersion())
            .to_string_lossy()
            .into_owned();
        let _ = writeln!(rust, "pub static ENGINE: &str = {version:?};");
        rust.push_str("pub static BYTECODE: &[(&str, &[u8])] = &[\n");
        let rt = qjs::JS_NewRuntime();
        let ctx = qjs::JS_NewContext(rt);
        assert!(!ctx.is_null(), "QuickJS context");
        for (i, script) in scripts.iter().enumerate() {
            let code = CString::new(script.source).expect("no NUL in JS sources");
            let file = CString::new(script.filename).expect("no NUL in file names");
            let mut flags = qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY;
            if script.strict {
                flags |= qjs::JS_EVAL_FLAG_STRICT;
            }
            let len = code.as_bytes().len();
            let func = qjs::JS_Eval(ctx, code.as_ptr(), len as _, file.as_ptr(), flags as i32);
            assert!(
                !qjs::JS_IsException(func),
                "{} does not compile",
                script.name
            );
            let mut size: qjs::size_t = 0;
            let mut write_flags = qjs::JS_WRITE_OBJ_BYTECODE;
            if script.strip_source {
                write_flags |= qjs::JS_WRITE_OBJ_STRIP_SOURCE;
            }
            let buf = qjs::JS_WriteObject(ctx, &mut size, func, write_flags as i32);
            assert!(!buf.is_null(), "JS_WriteObject for {}", script.name);
            let mut bytes = std::slice::from_raw_parts(buf, size as usize).to_vec();
            // Bytes 1..5 hold a checksum of the rest, which JS_ReadObject recomputes at every
            // load (18% of reading the start-up builtins). These bytes are compiled into the
            // binary that reads them (and only by the same engine version: bytecode::load), so
            // they are marked with the engine's "no checksum" value, all ones.
            assert!(bytes.len() >= 5, "bytecode header of {}", script.name);
            bytes[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
            qjs::js_free(ctx, buf.cast());
            qjs::JS_FreeValue(ctx, func);
            let file_name = format!("{table}.{i}.qbc");
            std::fs::write(out_dir.join(&file_name), bytes).expect("write bytecode");
            let _ = writeln!(
                rust,
                "    ({:?}, include_bytes!({file_name:?})),",
                script.name
            );
        }
        qjs::JS_FreeContext(ctx);
        qjs::JS_FreeRuntime(rt);
    }
    rust.push_str("];\n");
    std::fs::write(out_dir.join(table), rust).expect("write bytecode table");
}
