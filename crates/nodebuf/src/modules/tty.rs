//! Native half of `require('tty')`: what the OS says about a descriptor — whether it is a
//! terminal, how libuv would classify it, its window size — and raw mode through termios.

use std::cell::RefCell;
use std::collections::HashMap;

use rquickjs::{Array, Ctx, Function, Object, Result, Value};

thread_local! {
    /// Each descriptor's terminal settings from before its first `setRawMode(true)`.
    static SAVED_MODES: RefCell<HashMap<i32, libc::termios>> = RefCell::new(HashMap::new());
}

/// `native.tty.isatty(fd)`: `isatty(3)` (false for a closed or invalid descriptor).
fn isatty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor number; any value is allowed.
    unsafe { libc::isatty(fd) == 1 }
}

/// `native.tty.guessHandle(fd)`: libuv's classification — 'TTY', 'FILE' (regular files and
/// other character devices), 'PIPE', 'TCP'/'UDP'-like sockets as 'PIPE', 'UNKNOWN', or
/// 'EBADF' for a closed descriptor.
fn guess_handle(fd: i32) -> &'static str {
    if fd < 0 {
        return "EBADF";
    }
    // SAFETY: fstat writes into the zeroed struct we own; the descriptor is only inspected.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return "EBADF";
    }
    if isatty(fd) {
        return "TTY";
    }
    match st.st_mode & libc::S_IFMT {
        libc::S_IFREG | libc::S_IFCHR => "FILE",
        libc::S_IFIFO | libc::S_IFSOCK => "PIPE",
        _ => "UNKNOWN",
    }
}

/// `native.tty.windowSize(fd)`: `[columns, rows]` from TIOCGWINSZ, or undefined.
fn window_size<'js>(ctx: Ctx<'js>, fd: i32) -> Result<Value<'js>> {
    // SAFETY: TIOCGWINSZ writes one winsize into the struct we own.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: as above; a descriptor that is not a terminal makes ioctl fail, nothing else.
    let ok = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } == 0;
    if !ok {
        return Ok(Value::new_undefined(ctx));
    }
    let out = Array::new(ctx)?;
    out.set(0, size.ws_col as i32)?;
    out.set(1, size.ws_row as i32)?;
    Ok(out.into_value())
}

/// `native.tty.setRawMode(fd, raw)`: raw mode on (the settings before are kept) or back to the
/// kept settings; returns 0 or the errno.
fn set_raw_mode(fd: i32, raw: bool) -> i32 {
    if raw {
        // SAFETY: tcgetattr fills the termios we own.
        let mut current: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if unsafe { libc::tcgetattr(fd, &mut current) } != 0 {
            return errno();
        }
        SAVED_MODES.with(|saved| {
            saved.borrow_mut().entry(fd).or_insert(current);
        });
        let mut wanted = current;
        // SAFETY: cfmakeraw edits the struct we own.
        unsafe { libc::cfmakeraw(&mut wanted) };
        // Like libuv: keep output processing (so "\n" still returns the carriage).
        wanted.c_oflag |= libc::OPOST;
        // SAFETY: tcsetattr reads the struct we own.
        if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &wanted) } != 0 {
            return errno();
        }
        0
    } else {
        let original = SAVED_MODES.with(|saved| saved.borrow().get(&fd).copied());
        match original {
            // SAFETY: tcsetattr reads the struct we own.
            Some(mode) if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &mode) } != 0 => errno(),
            _ => 0,
        }
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

/// Adds `native.tty` (isatty, guessHandle, windowSize, setRawMode).
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let tty = Object::new(ctx.clone())?;
    tty.set("isatty", Function::new(ctx.clone(), isatty)?)?;
    tty.set("guessHandle", Function::new(ctx.clone(), guess_handle)?)?;
    tty.set("windowSize", Function::new(ctx.clone(), window_size)?)?;
    tty.set("setRawMode", Function::new(ctx.clone(), set_raw_mode)?)?;
    native.set("tty", tty)?;
    Ok(())
}
