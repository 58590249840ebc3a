//! Native half of `os`: the host facts scripts ask for (temp dir, home dir, host name, uname)
//! and process priorities.

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

/// `[total, available]` bytes of memory from /proc/meminfo (MemTotal, MemAvailable), as libuv's
/// uv_get_total_memory/uv_get_free_memory read them; 0 where unreadable.
pub fn memory() -> [f64; 2] {
    let mut out = [0.0; 2];
    if let Ok(text) = std::fs::read_to_string("/proc/meminfo") {
        for line in text.lines() {
            let slot = match line.split(':').next() {
                Some("MemTotal") => 0,
                Some("MemAvailable") => 1,
                _ => continue,
            };
            let kib = line
                .split_whitespace()
                .nth(1)
                .and_then(|n| n.parse::<f64>().ok());
            out[slot] = kib.unwrap_or(0.0) * 1024.0;
        }
    }
    out
}

/// The kernel's `uname` fields Node reports: `[sysname, release, version, machine]`.
fn uname() -> Vec<String> {
    // SAFETY: utsname is plain bytes; zeroed is a valid value for uname to overwrite.
    let mut names: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `names` is a live utsname; uname only writes into it.
    if unsafe { libc::uname(&mut names) } != 0 {
        return vec![String::new(); 4];
    }
    let field = |chars: &[libc::c_char]| {
        let bytes: Vec<u8> = chars
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    vec![
        field(&names.sysname),
        field(&names.release),
        field(&names.version),
        field(&names.machine),
    ]
}

/// `getpriority(PRIO_PROCESS, pid)` as libuv's uv_os_getpriority: `[0, priority]`, or
/// `[-errno, 0]` when it failed.
fn get_priority(pid: i32) -> Vec<i32> {
    // getpriority may return -1 as a priority: errno tells a failure apart.
    // SAFETY: errno is this thread's; writing it is how the C library expects it reset.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: a plain system call on integers.
    let priority = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t) };
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    if priority == -1 && errno != 0 {
        return vec![-errno, 0];
    }
    vec![0, priority]
}

/// `setpriority(PRIO_PROCESS, pid, priority)`: 0, or `-errno` when it failed.
fn set_priority(pid: i32, priority: i32) -> i32 {
    // SAFETY: a plain system call on integers.
    if unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, priority) } == 0 {
        return 0;
    }
    -std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EINVAL)
}

/// Adds `native.os` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let os = Object::new(ctx.clone())?;
    os.set("tmpdir", Function::new(ctx.clone(), tmpdir)?)?;
    os.set("homedir", Function::new(ctx.clone(), homedir)?)?;
    os.set("hostname", Function::new(ctx.clone(), hostname)?)?;
    os.set("cpuCount", Function::new(ctx.clone(), cpu_count)?)?;
    os.set("memory", Function::new(ctx.clone(), || memory().to_vec())?)?;
    os.set("uname", Function::new(ctx.clone(), uname)?)?;
    os.set("getPriority", Function::new(ctx.clone(), get_priority)?)?;
    os.set("setPriority", Function::new(ctx.clone(), set_priority)?)?;
    native.set("os", os)?;
    Ok(())
}
