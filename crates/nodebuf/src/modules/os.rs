//! Native half of `os`: the few host facts scripts ask for (temp dir, home dir, host name).

use rquickjs::{Ctx, Function, Object, Result};

/// `os.tmpdir()`: `$TMPDIR`/`$TMP`/`$TEMP` without a trailing slash, else `/tmp`, as Node does.
fn tmpdir() -> String {
    for var in ["TMPDIR", "TMP", "TEMP"] {
        if let Ok(dir) = std::env::var(var) {
            if !dir.is_empty() {
                let trimmed = if dir.len() > 1 {
                    dir.trim_end_matches('/')
                } else {
                    &dir
                };
                return trimmed.to_string();
            }
        }
    }
    "/tmp".to_string()
}

fn homedir() -> String {
    std::env::var("HOME").unwrap_or_else(|_| "/".into())
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

fn cpu_count() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Adds `native.os` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let os = Object::new(ctx.clone())?;
    os.set("tmpdir", Function::new(ctx.clone(), tmpdir)?)?;
    os.set("homedir", Function::new(ctx.clone(), homedir)?)?;
    os.set("hostname", Function::new(ctx.clone(), hostname)?)?;
    os.set("cpuCount", Function::new(ctx.clone(), cpu_count)?)?;
    native.set("os", os)?;
    Ok(())
}
