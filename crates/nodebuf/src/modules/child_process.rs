//! Native half of `child_process`: `spawnSync` (run a program to completion, capturing its
//! output), which Node's own Buffer tests use to run `process.execPath -p code`, and the
//! asynchronous `spawn`: the child runs while threads read its output pipes into the agent's
//! event inbox (`ChildData`, then `ChildExit` once it exited and its pipes reached end of file),
//! where the event loop picks them up.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};

use rquickjs::{Ctx, Object, Result, Value};

use crate::bytes::with_view_bytes;
use crate::host::agent::{Agent, Event};

/// One of Node's `stdio` settings for a child's stream: `'pipe'` (captured), `'inherit'` (the
/// parent's own stream) or `'ignore'`.
fn stdio_for(mode: Option<&String>, piped: Stdio) -> Stdio {
    match mode.map(String::as_str) {
        Some("inherit") => Stdio::inherit(),
        // An 'ipc' entry or a descriptor ('fd:N') among 0-2 is put in place after this
        // (place_fds).
        Some("ignore" | "ipc") => Stdio::null(),
        Some(m) if m.starts_with("fd:") => Stdio::null(),
        _ => piped,
    }
}

/// What both spawn paths start: `argv` is `[file, argv0, ...args]` (argv0: the child's own
/// `argv[0]`, Node's `options.argv0`); `ids` is `[uid, gid, detached]` (NaN: not set; detached
/// non-zero: the child starts a session of its own, as libuv's `setsid`).
struct Launch<'a> {
    file: &'a str,
    argv0: &'a str,
    args: &'a [String],
    ids: [f64; 3],
}

impl<'a> Launch<'a> {
    fn new(argv: &'a [String], ids: &[f64]) -> Launch<'a> {
        let at = |i: usize| argv.get(i).map_or("", String::as_str);
        let id = |i: usize| ids.get(i).copied().unwrap_or(f64::NAN);
        Launch {
            file: at(0),
            argv0: at(1),
            args: argv.get(2..).unwrap_or(&[]),
            ids: [id(0), id(1), id(2)],
        }
    }
}

/// The command both spawn paths start: the launch's program and arguments, `stdin` as given,
/// stdout/stderr piped unless `modes` says `'inherit'`/`'ignore'`, in `cwd` if given, with
/// exactly the `KEY=value` pairs of `env` when given (else the parent's environment), and the
/// launch's uid, gid and session.
fn command(
    launch: &Launch<'_>,
    cwd: Option<&str>,
    env: Option<Vec<String>>,
    stdin: Stdio,
    modes: &[String],
) -> Command {
    let mut command = Command::new(launch.file);
    command
        .arg0(launch.argv0)
        .args(launch.args)
        .stdin(stdin)
        .stdout(stdio_for(modes.get(1), Stdio::piped()))
        .stderr(stdio_for(modes.get(2), Stdio::piped()));
    if let Some(dir) = cwd {
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
    let [uid, gid, detached] = launch.ids;
    if !gid.is_nan() {
        command.gid(gid as i32 as u32);
    }
    if !uid.is_nan() {
        command.uid(uid as i32 as u32);
    }
    if detached != 0.0 && !detached.is_nan() {
        // SAFETY: runs in the forked child before exec; setsid is async-signal-safe.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    command
}

/// The descriptors of this process that `modes` gives the child (`'fd:N'`, Node's stdio
/// entries that are descriptors, sockets or servers), as (descriptor, child's index).
fn shared_fds(modes: &[String]) -> Vec<(i32, i32)> {
    modes
        .iter()
        .enumerate()
        .filter_map(|(index, mode)| {
            let fd = mode.strip_prefix("fd:")?.parse::<i32>().ok()?;
            (fd >= 0).then_some((fd, index as i32))
        })
        .collect()
}

/// Makes each `(source, target)` of `placed` descriptor `target` in the child, between its
/// fork and exec.
fn place_fds(command: &mut Command, mut placed: Vec<(i32, i32)>) {
    if placed.is_empty() {
        return;
    }
    // The child side may not allocate: its copies go in a fixed array of this many.
    placed.truncate(64);
    // SAFETY: runs in the forked child before exec, where only async-signal-safe calls are
    // allowed: fcntl and dup2 are. Every source is open in the parent until spawn returns, so
    // it is open in the child. Each is first copied above every target (so no placement
    // overwrites a source still to be placed), then dup2'd onto its target, which leaves
    // FD_CLOEXEC clear: exec keeps it.
    unsafe {
        command.pre_exec(move || {
            let floor = placed.iter().map(|&(s, t)| s.max(t)).max().unwrap_or(0) + 1;
            let mut high = [0; 64];
            for (slot, &(source, _)) in high.iter_mut().zip(&placed) {
                *slot = libc::fcntl(source, libc::F_DUPFD_CLOEXEC, floor);
                if *slot < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            for (&copy, &(_, target)) in high.iter().zip(&placed) {
                if libc::dup2(copy, target) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
}

/// `{ error, errno }`: what both spawn paths return when the program could not be started.
fn spawn_failure<'js>(out: Object<'js>, e: &std::io::Error) -> Result<Object<'js>> {
    out.set("error", e.to_string())?;
    out.set("errno", e.raw_os_error().unwrap_or(0))?;
    Ok(out)
}

/// Runs `argv[0]` with the rest of `argv` as its arguments (in `cwd` if given, feeding `input`
/// to stdin, with `stdio` modes and `env` as `KEY=value` strings when given) and waits, within `timeout` ms and `maxBuffer`
/// bytes per output (the child is then killed with signal number `killSignal`; see
/// child_process_sync.rs); returns `{ status, signal, stdout, stderr, pid }` with the captured
/// outputs as Buffers (`null` for a stream not piped) and `limitErrno` (ETIMEDOUT, ENOBUFS)
/// when a limit ended the run, or `{ error, errno }` if the program could not be started.
fn spawn_sync<'js>(
    ctx: Ctx<'js>,
    argv: Vec<String>,
    cwd: Option<String>,
    input: Option<Vec<u8>>,
    stdio: Option<Vec<String>>,
    env: Option<Vec<String>>,
    limits: Option<Vec<f64>>,
) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    // [timeout ms (0: none), maxBuffer (NaN: none), kill signal number, uid, gid, detached]
    let limits = limits.unwrap_or_default();
    let launch = Launch::new(&argv, limits.get(3..).unwrap_or(&[]));
    let modes = stdio.unwrap_or_default();
    let stdin = if input.is_some() {
        Stdio::piped()
    } else {
        stdio_for(modes.first(), Stdio::null())
    };
    let mut command = command(&launch, cwd.as_deref(), env, stdin, &modes);
    place_fds(&mut command, shared_fds(&modes));
    let child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return spawn_failure(out, &e),
    };
    out.set("pid", child.id())?;
    let limit = |i: usize| limits.get(i).copied();
    let limits = super::child_process_sync::Limits {
        timeout: limit(0)
            .filter(|t| *t > 0.0 && t.is_finite())
            .map(|t| std::time::Duration::from_millis(t as u64)),
        max_buffer: limit(1).filter(|m| !m.is_nan() && *m != f64::INFINITY),
        kill_signal: limit(2).map_or(libc::SIGTERM, |s| s as i32),
    };
    let outcome = super::child_process_sync::run(child, input, &limits)
        .map_err(|e| rquickjs::Error::new_from_js_message("process", "output", e.to_string()))?;
    let status: Value = match outcome.status.code() {
        Some(code) => Value::new_int(ctx.clone(), code),
        None => Value::new_null(ctx.clone()),
    };
    out.set("status", status)?;
    {
        use std::os::unix::process::ExitStatusExt;
        let signal: Value = match outcome.status.signal() {
            Some(sig) => rquickjs::String::from_str(ctx.clone(), signal_name(sig))?.into_value(),
            None => Value::new_null(ctx.clone()),
        };
        out.set("signal", signal)?;
    }
    for (name, bytes) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
        match bytes {
            Some(bytes) => out.set(name, crate::bytes::wrap_bytes(&ctx, bytes)?)?,
            None => out.set(name, Value::new_null(ctx.clone()))?,
        }
    }
    if let Some(errno) = outcome.errno {
        out.set("limitErrno", errno)?;
    }
    Ok(out)
}

/// Signal numbers and Node's names for them (Linux numbering).
const SIGNALS: &[(i32, &str)] = &[
    (1, "SIGHUP"),
    (2, "SIGINT"),
    (3, "SIGQUIT"),
    (4, "SIGILL"),
    (5, "SIGTRAP"),
    (6, "SIGABRT"),
    (7, "SIGBUS"),
    (8, "SIGFPE"),
    (9, "SIGKILL"),
    (10, "SIGUSR1"),
    (11, "SIGSEGV"),
    (12, "SIGUSR2"),
    (13, "SIGPIPE"),
    (14, "SIGALRM"),
    (15, "SIGTERM"),
    (17, "SIGCHLD"),
    (18, "SIGCONT"),
    (19, "SIGSTOP"),
    (20, "SIGTSTP"),
    (21, "SIGTTIN"),
    (22, "SIGTTOU"),
    (23, "SIGURG"),
    (24, "SIGXCPU"),
    (25, "SIGXFSZ"),
    (26, "SIGVTALRM"),
    (27, "SIGPROF"),
    (28, "SIGWINCH"),
    (29, "SIGIO"),
    (30, "SIGPWR"),
    (31, "SIGSYS"),
];

/// Node's name for signal number `sig`.
pub fn signal_name(sig: i32) -> &'static str {
    SIGNALS
        .iter()
        .find(|(n, _)| *n == sig)
        .map_or("SIGUNKNOWN", |(_, name)| name)
}

thread_local! {
    /// The stdin pipes of running children, by id (dropping one closes the child's stdin).
    static STDINS: RefCell<HashMap<u64, ChildStdin>> = RefCell::new(HashMap::new());
}

static NEXT_CHILD: AtomicU64 = AtomicU64::new(1);

/// Starts a thread copying `pipe` into `agent`'s inbox as `ChildData(id, fd, chunk)` events.
fn forward_output(
    agent: std::sync::Arc<Agent>,
    id: u64,
    fd: u8,
    mut pipe: impl Read + Send + 'static,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 65536];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => agent.push(Event::ChildData(id, fd, buf[..n].to_vec())),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
    })
}

/// `spawn(argv, cwd, stdio, env, ids)`: starts `argv` (see [`Launch`]) without waiting; returns `{ id, pid }`,
/// or `{ error, errno }` if the program could not be started. `stdio` modes are `'pipe'`,
/// `'inherit'` or `'ignore'` for fds 0-2; `env` is a list of `KEY=value` strings when given.
fn spawn<'js>(
    ctx: Ctx<'js>,
    argv: Vec<String>,
    cwd: Option<String>,
    stdio: Option<Vec<String>>,
    env: Option<Vec<String>>,
    ids: Option<Vec<f64>>,
) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    let launch = Launch::new(&argv, &ids.unwrap_or_default());
    let modes = stdio.unwrap_or_default();
    let stdin = stdio_for(modes.first(), Stdio::piped());
    let mut command = command(&launch, cwd.as_deref(), env, stdin, &modes);
    let agent = Agent::current();
    // Descriptors the child gets beyond 0-2: (the parent-side descriptor to copy, the child's
    // descriptor number).
    let mut placed = shared_fds(&modes);
    // An 'ipc' entry (Node's fork puts it at index 3) becomes that descriptor in the child,
    // one end of a socket pair whose other end the parent reads.
    let mut ipc = None;
    if let Some(index) = modes.iter().position(|m| m == "ipc") {
        let channel = match crate::modules::child_process_ipc::open_for_child(agent.clone()) {
            Ok(opened) => opened,
            Err(e) => return spawn_failure(out, &e),
        };
        placed.push((channel.child_end.as_raw_fd(), index as i32));
        ipc = Some(channel);
    }
    // A 'pipe' entry past stdio is a Unix socket pair too (Node's are): the parent's end
    // becomes a net socket, the child's end that descriptor.
    let mut pipes = Vec::new();
    for (index, mode) in modes.iter().enumerate().skip(3) {
        if mode != "pipe" && mode != "overlapped" {
            continue;
        }
        let (parent, child) = match std::os::unix::net::UnixStream::pair() {
            Ok(pair) => pair,
            Err(e) => return spawn_failure(out, &e),
        };
        placed.push((child.as_raw_fd(), index as i32));
        pipes.push((index, parent, child));
    }
    place_fds(&mut command, placed);
    let spawned = command.spawn();
    // The children's ends belong to the child now; the parent's ends become sockets.
    let mut pipe_ids = Vec::new();
    for (index, parent, child) in pipes {
        drop(child);
        if spawned.is_ok() {
            if let Ok(id) = crate::modules::net::register_unix_stream(parent) {
                pipe_ids.push((index, id));
            }
        }
    }
    // The child's end belongs to the child now (or to nobody, if it did not start).
    let (ipc_channel, ipc_reader) = match ipc {
        Some(channel) => {
            drop(channel.child_end);
            (Some((channel.id, channel.fd)), Some(channel.reader))
        }
        None => (None, None),
    };
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            if let Some((channel, _)) = ipc_channel {
                crate::modules::child_process_ipc::close_channel(channel);
            }
            return spawn_failure(out, &e);
        }
    };
    let id = NEXT_CHILD.fetch_add(1, Ordering::Relaxed);
    out.set("id", id as f64)?;
    out.set("pid", child.id())?;
    if let Some((channel, fd)) = ipc_channel {
        out.set("ipc", channel as f64)?;
        out.set("ipcFd", fd)?;
    }
    let extra = rquickjs::Array::new(ctx.clone())?;
    for (i, (index, id)) in pipe_ids.into_iter().enumerate() {
        let entry = rquickjs::Array::new(ctx.clone())?;
        entry.set(0, index as f64)?;
        entry.set(1, id as f64)?;
        extra.set(i, entry)?;
    }
    out.set("pipes", extra)?;
    if let Some(stdin) = child.stdin.take() {
        STDINS.with(|s| s.borrow_mut().insert(id, stdin));
    }
    let mut readers = Vec::new();
    // The exit is reported after the channel's end of file, as Node reports 'disconnect'
    // before 'exit' (the child's end closes when it exits).
    readers.extend(ipc_reader);
    if let Some(pipe) = child.stdout.take() {
        readers.push(forward_output(agent.clone(), id, 1, pipe));
    }
    if let Some(pipe) = child.stderr.take() {
        readers.push(forward_output(agent.clone(), id, 2, pipe));
    }
    std::thread::spawn(move || {
        use std::os::unix::process::ExitStatusExt;
        let status = child.wait();
        for reader in readers {
            let _ = reader.join();
        }
        let (code, signal) = match status {
            Ok(status) => (status.code(), status.signal()),
            Err(_) => (None, None),
        };
        agent.push(Event::ChildExit(id, code, signal));
    });
    Ok(out)
}

/// `childWrite(id, bytes)`: writes to child `id`'s stdin (blocking until the pipe takes it);
/// returns the OS error code, or 0 on success.
fn child_write<'js>(ctx: Ctx<'js>, id: f64, data: Value<'js>) -> Result<i32> {
    let bytes = with_view_bytes(&ctx, &data, |b| b.to_vec()).unwrap_or_default();
    let mut pipe = STDINS.with(|s| s.borrow_mut().remove(&(id as u64)));
    let result = match pipe.as_mut() {
        Some(stdin) => match stdin.write_all(&bytes) {
            Ok(()) => 0,
            Err(e) => e.raw_os_error().unwrap_or(libc::EPIPE),
        },
        None => libc::EPIPE,
    };
    if let Some(stdin) = pipe {
        STDINS.with(|s| s.borrow_mut().insert(id as u64, stdin));
    }
    Ok(result)
}

/// `childEndStdin(id)`: closes child `id`'s stdin.
fn child_end_stdin(id: f64) {
    let pipe = STDINS.with(|s| s.borrow_mut().remove(&(id as u64)));
    drop(pipe);
}

/// `kill(pid, signal)`: sends signal number `signal` to process (or group) `pid`; returns
/// the OS error code, or 0.
fn kill(pid: f64, signal: i32) -> i32 {
    // 0 and negative pids are process groups, as kill(2) takes them (process.kill passes
    // them on, as Node's does).
    if !(f64::from(i32::MIN + 1)..=f64::from(i32::MAX)).contains(&pid) || pid.fract() != 0.0 {
        return libc::ESRCH;
    }
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    let r = unsafe { libc::kill(pid as libc::pid_t, signal) };
    if r == 0 {
        0
    } else {
        std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::ESRCH)
    }
}

/// Adds `native.spawnSync` and `native.child` (spawn, write, endStdin, kill) to the binding
/// object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set(
        "spawnSync",
        rquickjs::Function::new(ctx.clone(), spawn_sync)?,
    )?;
    let child = Object::new(ctx.clone())?;
    child.set("spawn", rquickjs::Function::new(ctx.clone(), spawn)?)?;
    child.set("write", rquickjs::Function::new(ctx.clone(), child_write)?)?;
    child.set(
        "endStdin",
        rquickjs::Function::new(ctx.clone(), child_end_stdin)?,
    )?;
    child.set("kill", rquickjs::Function::new(ctx.clone(), kill)?)?;
    let signals = Object::new(ctx.clone())?;
    for (number, name) in SIGNALS {
        signals.set(*name, *number)?;
    }
    child.set("signals", signals)?;
    native.set("child", child)?;
    Ok(())
}
