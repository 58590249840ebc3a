//! Native half of `process`: identity (argv, env, pid, platform), clocks (`hrtime`), memory
//! (`memoryUsage`), the working directory and `exit`. The JS half (`process.js`) builds the
//! Node-shaped object, events, `nextTick` and warnings on top.

use std::io::Write;

use rquickjs::{qjs, Array, BigInt, Ctx, Function, Object, Result};

use crate::flags::Flags;
use crate::host::engine::now_ns;

/// The `process.version` we report. It is the version of the `node` our differential tests run
/// (v20.20.2), so scripts that print it agree with the oracle.
pub const NODE_VERSION: &str = "v20.20.2";

/// What the command line told us, for `process.argv`/`execArgv`.
pub struct ProcessInfo<'a> {
    /// Absolute path of the main script.
    pub script: &'a str,
    /// Arguments after the script.
    pub args: &'a [String],
    /// Runtime flags.
    pub flags: &'a Flags,
}

fn hrtime<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let ns = now_ns();
    let out = Array::new(ctx)?;
    out.set(0, (ns / 1_000_000_000) as f64)?;
    out.set(1, (ns % 1_000_000_000) as f64)?;
    Ok(out)
}

fn hrtime_bigint<'js>(ctx: Ctx<'js>) -> Result<BigInt<'js>> {
    BigInt::from_u64(ctx, now_ns() as u64)
}

/// Resident set size in bytes from /proc (Linux); 0 where unavailable.
fn rss_bytes() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<f64>().ok())
        })
        .map(|pages| pages * 4096.0)
        .unwrap_or(0.0)
}

fn memory_usage<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    // SAFETY: JSMemoryUsage is plain integers; zeroed is a valid value to be overwritten.
    let mut usage: qjs::JSMemoryUsage = unsafe { std::mem::zeroed() };
    // SAFETY: the runtime of our live context; JS_ComputeMemoryUsage only reads the heap.
    unsafe { qjs::JS_ComputeMemoryUsage(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()), &mut usage) };
    let external = nodebuf_core::memory::accounting::memory_usage();
    let out = Object::new(ctx)?;
    out.set("rss", rss_bytes())?;
    out.set("heapTotal", usage.malloc_size as f64)?;
    out.set("heapUsed", usage.memory_used_size as f64)?;
    out.set("external", external.external as f64)?;
    out.set("arrayBuffers", external.array_buffers as f64)?;
    Ok(out)
}

/// A cgroup memory file's number ("max" is no limit); 0 when unreadable, as libuv reads them.
fn read_cgroup_number(path: &str) -> u64 {
    match std::fs::read_to_string(path) {
        Ok(text) if text.trim() == "max" => u64::MAX,
        Ok(text) => text.trim().parse().unwrap_or(0),
        Err(_) => 0,
    }
}

/// The memory limit of this process's cgroup and the file its usage is in, as libuv's
/// uv_get_constrained_memory finds them (v2 when /proc/self/cgroup starts with `0::/`, else the
/// v1 memory controller, at the process's path or else the hierarchy's root).
fn cgroup_memory() -> (u64, String) {
    let text = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    if let Some(rest) = text.strip_prefix("0::/") {
        let path = rest.lines().next().unwrap_or("").trim_end_matches('/');
        let dir = format!("/sys/fs/cgroup/{path}");
        return (
            read_cgroup_number(&format!("{dir}/memory.max")),
            format!("{dir}/memory.current"),
        );
    }
    let path = text
        .lines()
        .find_map(|line| line.split_once(":memory:").map(|(_, path)| path))
        .unwrap_or("/")
        .trim_matches('/');
    let mut dir = format!("/sys/fs/cgroup/memory/{path}");
    let mut soft = read_cgroup_number(&format!("{dir}/memory.soft_limit_in_bytes"));
    let mut hard = read_cgroup_number(&format!("{dir}/memory.limit_in_bytes"));
    if soft == 0 && hard == 0 {
        dir = "/sys/fs/cgroup/memory".to_string();
        soft = read_cgroup_number(&format!("{dir}/memory.soft_limit_in_bytes"));
        hard = read_cgroup_number(&format!("{dir}/memory.limit_in_bytes"));
    }
    // cgroup v1 writes "no limit" as the largest page-aligned i64.
    let unlimited = |n: u64| {
        if n == 0x7FFF_FFFF_FFFF_F000 {
            u64::MAX
        } else {
            n
        }
    };
    (
        unlimited(soft).min(unlimited(hard)),
        format!("{dir}/memory.usage_in_bytes"),
    )
}

/// `process.constrainedMemory()`: the cgroup's limit in bytes (2**64 - 1 when unlimited, 0 when
/// there is none to read).
fn constrained_memory() -> f64 {
    cgroup_memory().0 as f64
}

/// `process.availableMemory()`: libuv's uv_get_available_memory, the room left under the cgroup
/// limit, or the system's available memory when the limit is none or above the machine's.
fn available_memory() -> f64 {
    let (limit, usage_file) = cgroup_memory();
    let [total, free] = crate::modules::os::memory();
    if limit == 0 || limit as f64 > total {
        return free;
    }
    limit.saturating_sub(read_cgroup_number(&usage_file)) as f64
}

/// `process._kill(pid, signal)`: 0, or `-errno` when kill(2) failed.
///
/// A signal a script sends its own process goes to the calling thread (tgkill): JS runs on a
/// thread of its own here, and the kernel would hand a process-directed signal to the
/// process's first thread, whose handler then races the script. Delivered to the caller, it is
/// handled before kill returns, as in Node, where the JS thread is the first one: a watched
/// signal is seen in the very next poll phase, in the order sent. (The default actions and
/// the handlers are process-wide either way.)
fn kill(pid: i32, signal: i32) -> i32 {
    // SAFETY: plain system calls on integers.
    let sent = unsafe {
        if signal != 0 && pid == libc::getpid() {
            libc::syscall(libc::SYS_tgkill, pid, libc::gettid(), signal) as i32
        } else {
            libc::kill(pid, signal)
        }
    };
    if sent == 0 {
        return 0;
    }
    -std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EINVAL)
}

/// `process._debugProcess(pid)`: SIGUSR1 to `pid` (a Node process starts its inspector on it);
/// Node's errno exception when kill(2) failed.
fn debug_process(ctx: Ctx<'_>, pid: i32) -> Result<()> {
    match kill(pid, libc::SIGUSR1) {
        0 => Ok(()),
        errno => Err(crate::modules::credentials::throw_errno(
            &ctx, -errno, "kill",
        )),
    }
}

/// `dlopen(filename, flags)` for process.dlopen: the loader's error text, or None when the file
/// loaded (it is closed again: nodebuf has no addon registry for it to register with).
fn dlopen(filename: String, flags: i32) -> Option<String> {
    let Ok(path) = std::ffi::CString::new(filename.clone()) else {
        return Some(format!(
            "{filename}: cannot open shared object file: No such file or directory"
        ));
    };
    // SAFETY: `path` is NUL-terminated and alive for the call; the loader validates `flags`.
    let handle = unsafe { libc::dlopen(path.as_ptr(), flags) };
    if handle.is_null() {
        // SAFETY: dlerror returns this thread's last loader error as a C string (or null).
        let text = unsafe { libc::dlerror() };
        if text.is_null() {
            return Some(format!("{filename}: unknown dlopen error"));
        }
        // SAFETY: a non-null dlerror result is a NUL-terminated string valid until the next
        // loader call on this thread; it is copied at once.
        return Some(
            unsafe { std::ffi::CStr::from_ptr(text) }
                .to_string_lossy()
                .into_owned(),
        );
    }
    // SAFETY: `handle` came from the dlopen above and is released once.
    unsafe { libc::dlclose(handle) };
    None
}

/// The working directory last read, for every thread (workers share the process's): Node caches
/// `process.cwd()` until `process.chdir`, so `path.resolve` makes no system call each time.
static CWD_CACHE: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

fn cwd() -> String {
    let mut cached = CWD_CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(dir) = cached.as_ref() {
        return dir.clone();
    }
    match std::env::current_dir() {
        Ok(path) => {
            let dir = path.to_string_lossy().into_owned();
            *cached = Some(dir.clone());
            dir
        }
        Err(_) => String::new(),
    }
}

/// `native.umask(mask)`: sets the process's file mode creation mask to `mask` and returns the
/// old one; a negative `mask` only reads it (set to 0 and back, as Node reads it).
fn umask(mask: f64) -> u32 {
    // SAFETY: umask only swaps the process's mask; any value is allowed.
    unsafe {
        if mask < 0.0 {
            let old = libc::umask(0);
            libc::umask(old);
            old as u32
        } else {
            libc::umask(mask as libc::mode_t) as u32
        }
    }
}

fn chdir(ctx: Ctx<'_>, dir: String) -> Result<()> {
    let mut cached = CWD_CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *cached = None;
    std::env::set_current_dir(&dir)
        .map_err(|e| crate::modules::fs::throw_io(&ctx, &e, "chdir", Some(&dir), None))
}

/// `native.abortOnUncaught()`: ends the process as V8's abort on an uncaught exception does on
/// x64 Linux (a trap: SIGTRAP, exit status 133 from a shell), after flushing the output.
fn abort_on_uncaught() {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: raise() only sends a signal to this process; no memory is involved.
    unsafe {
        libc::raise(libc::SIGTRAP);
    }
    // A trap that is ignored or handled still ends the process.
    std::process::abort();
}

fn exit(code: i32) {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    std::process::exit(code);
}

fn env<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    for (key, value) in std::env::vars_os() {
        out.set(
            key.to_string_lossy().as_ref(),
            value.to_string_lossy().as_ref(),
        )?;
    }
    Ok(out)
}

fn strings<'js>(ctx: &Ctx<'js>, items: &[String]) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, item) in items.iter().enumerate() {
        out.set(i, item.as_str())?;
    }
    Ok(out)
}

/// Adds `native.process` (static facts) and the process functions to `native`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>, info: &ProcessInfo<'_>) -> Result<()> {
    let facts = Object::new(ctx.clone())?;
    let exec_path = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "nodebuf".into());
    // Node's argv has no script entry for `-e`/`-p` or a script read from stdin without `-`.
    let mut argv = vec![exec_path.clone()];
    if info.flags.eval.is_none() && !info.script.is_empty() {
        argv.push(info.script.to_string());
    }
    argv.extend(info.args.iter().cloned());
    facts.set("argv", strings(ctx, &argv)?)?;
    facts.set("execArgv", strings(ctx, &info.flags.exec_argv)?)?;
    facts.set("execPath", exec_path)?;
    // process.argv0: the argv[0] this process was started with, as given (a name found on the
    // PATH, a relative path, or a spawn's `argv0`).
    let argv0 = std::env::args_os()
        .next()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    facts.set("argv0", argv0)?;
    facts.set("env", env(ctx)?)?;
    facts.set("pid", std::process::id())?;
    facts.set("ppid", std::os::unix::process::parent_id())?;
    facts.set("platform", std::env::consts::OS)?;
    facts.set(
        "arch",
        match std::env::consts::ARCH {
            "x86_64" => "x64",
            "aarch64" => "arm64",
            "x86" => "ia32",
            other => other,
        },
    )?;
    facts.set("version", NODE_VERSION)?;
    let flags = Object::new(ctx.clone())?;
    let f = info.flags;
    flags.set("exposeGc", f.expose_gc)?;
    flags.set("exposeInternals", f.expose_internals)?;
    flags.set("dnsResultOrder", f.dns_result_order.clone())?;
    flags.set("testUdpNoTrySend", f.test_udp_no_try_send)?;
    flags.set("eval", f.eval.clone())?;
    flags.set("print", f.print)?;
    flags.set("stdin", f.stdin.clone())?;
    flags.set("interactive", f.interactive)?;
    flags.set("inputType", f.input_type.clone())?;
    flags.set("zeroFillBuffers", f.zero_fill_buffers)?;
    flags.set("pendingDeprecation", f.pending_deprecation)?;
    flags.set("noDeprecation", f.no_deprecation)?;
    flags.set("noWarnings", f.no_warnings)?;
    flags.set("traceWarnings", f.trace_warnings)?;
    flags.set("traceDeprecation", f.trace_deprecation)?;
    flags.set("throwDeprecation", f.throw_deprecation)?;
    flags.set("traceRetention", f.trace_retention.clone())?;
    flags.set(
        "traceRetentionThreshold",
        f.trace_retention_threshold.map(|n| n as f64),
    )?;
    flags.set("envFiles", f.env_files.clone())?;
    flags.set("traceOverlap", f.trace_overlap)?;
    flags.set("throwOverlap", f.throw_overlap)?;
    flags.set("abortOnUncaughtException", f.abort_on_uncaught_exception)?;
    flags.set("test", f.test)?;
    flags.set("testOnly", f.test_only)?;
    flags.set("testForceExit", f.test_force_exit)?;
    flags.set("testReporters", f.test_reporters.clone())?;
    flags.set(
        "testReporterDestinations",
        f.test_reporter_destinations.clone(),
    )?;
    flags.set("testNamePatterns", f.test_name_patterns.clone())?;
    let settings = Object::new(ctx.clone())?;
    for (key, value) in &f.test_settings {
        settings.set(key.as_str(), value.as_str())?;
    }
    flags.set("testSettings", settings)?;
    facts.set("flags", flags)?;
    native.set("process", facts)?;
    native.set("hrtime", Function::new(ctx.clone(), hrtime)?)?;
    native.set("hrtimeBigint", Function::new(ctx.clone(), hrtime_bigint)?)?;
    native.set("memoryUsage", Function::new(ctx.clone(), memory_usage)?)?;
    native.set("rss", Function::new(ctx.clone(), rss_bytes)?)?;
    native.set("cwd", Function::new(ctx.clone(), cwd)?)?;
    native.set("chdir", Function::new(ctx.clone(), chdir)?)?;
    native.set("umask", Function::new(ctx.clone(), umask)?)?;
    native.set("exit", Function::new(ctx.clone(), exit)?)?;
    native.set(
        "abortOnUncaught",
        Function::new(ctx.clone(), abort_on_uncaught)?,
    )?;
    native.set(
        "constrainedMemory",
        Function::new(ctx.clone(), constrained_memory)?,
    )?;
    native.set(
        "availableMemory",
        Function::new(ctx.clone(), available_memory)?,
    )?;
    native.set("kill", Function::new(ctx.clone(), kill)?)?;
    native.set("debugProcess", Function::new(ctx.clone(), debug_process)?)?;
    native.set("dlopen", Function::new(ctx.clone(), dlopen)?)?;
    Ok(())
}
