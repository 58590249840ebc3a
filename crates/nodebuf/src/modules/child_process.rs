//! Native half of `child_process`: `spawnSync` (run a program to completion, capturing its
//! output), which Node's own Buffer tests use to run `process.execPath -p code`.

use std::io::Write;
use std::process::{Command, Stdio};

use rquickjs::{Ctx, Object, Result, Value};

/// One of Node's `stdio` settings for a child's stream: `'pipe'` (captured), `'inherit'` (the
/// parent's own stream) or `'ignore'`.
fn stdio_for(mode: Option<&String>, piped: Stdio) -> Stdio {
    match mode.map(String::as_str) {
        Some("inherit") => Stdio::inherit(),
        Some("ignore") => Stdio::null(),
        _ => piped,
    }
}

/// Runs `file` with `args` (in `cwd` if given, feeding `input` to stdin, with `stdio` modes
/// and `env` as `KEY=value` strings when given) and waits; returns
/// `{ status, signal, stdout, stderr, pid }` with the captured outputs as Buffers (`null` for a
/// stream not piped), or `{ error, errno }` if the program could not be started.
fn spawn_sync<'js>(
    ctx: Ctx<'js>,
    file: String,
    args: Vec<String>,
    cwd: Option<String>,
    input: Option<Vec<u8>>,
    stdio: Option<Vec<String>>,
    env: Option<Vec<String>>,
) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    let modes = stdio.unwrap_or_default();
    let mut command = Command::new(&file);
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        stdio_for(modes.first(), Stdio::null())
    };
    command
        .args(&args)
        .stdin(stdin)
        .stdout(stdio_for(modes.get(1), Stdio::piped()))
        .stderr(stdio_for(modes.get(2), Stdio::piped()));
    if let Some(dir) = &cwd {
        command.current_dir(dir);
    }
    if let Some(vars) = env {
        command.env_clear();
        for pair in vars {
            if let Some((key, value)) = pair.split_once('=') {
                command.env(key, value);
            }
        }
    }
    let captures = [modes.get(1), modes.get(2)]
        .map(|mode| !matches!(mode.map(String::as_str), Some("inherit" | "ignore")));
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
    for ((name, bytes), captured) in [("stdout", output.stdout), ("stderr", output.stderr)]
        .into_iter()
        .zip(captures)
    {
        if captured {
            out.set(name, crate::bytes::wrap_bytes(&ctx, bytes)?)?;
        } else {
            out.set(name, Value::new_null(ctx.clone()))?;
        }
    }
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
