//! Native half of `child_process`: `spawnSync` (run a program to completion, capturing its
//! output), which Node's own Buffer tests use to run `process.execPath -p code`.

use std::io::Write;
use std::process::{Command, Stdio};

use rquickjs::{Ctx, Object, Result, Value};

/// Runs `file` with `args` (in `cwd` if given, feeding `input` to stdin) and waits; returns
/// `{ status, signal, stdout, stderr, pid }` with the outputs as Buffers, or `{ error }` (the
/// OS error text) if the program could not be started.
fn spawn_sync<'js>(
    ctx: Ctx<'js>,
    file: String,
    args: Vec<String>,
    cwd: Option<String>,
    input: Option<Vec<u8>>,
) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    let mut command = Command::new(&file);
    command
        .args(&args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = &cwd {
        command.current_dir(dir);
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            out.set("error", e.to_string())?;
            out.set("errno", e.raw_os_error().unwrap_or(0))?;
            return Ok(out);
        }
    };
    out.set("pid", child.id())?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        let _ = stdin.write_all(&bytes);
    }
    let output = child
        .wait_with_output()
        .map_err(|e| rquickjs::Error::new_from_js_message("process", "output", e.to_string()))?;
    let status: Value = match output.status.code() {
        Some(code) => Value::new_int(ctx.clone(), code),
        None => Value::new_null(ctx.clone()),
    };
    out.set("status", status)?;
    {
        use std::os::unix::process::ExitStatusExt;
        let signal: Value = match output.status.signal() {
            Some(sig) => rquickjs::String::from_str(ctx.clone(), signal_name(sig))?.into_value(),
            None => Value::new_null(ctx.clone()),
        };
        out.set("signal", signal)?;
    }
    out.set("stdout", crate::bytes::wrap_bytes(&ctx, output.stdout)?)?;
    out.set("stderr", crate::bytes::wrap_bytes(&ctx, output.stderr)?)?;
    Ok(out)
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        1 => "SIGHUP",
        2 => "SIGINT",
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "SIGUNKNOWN",
    }
}

/// Adds `native.spawnSync` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set(
        "spawnSync",
        rquickjs::Function::new(ctx.clone(), spawn_sync)?,
    )?;
    Ok(())
}
