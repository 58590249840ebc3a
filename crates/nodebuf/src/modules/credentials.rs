//! Native half of the process credentials (`process.getuid` ... `setgroups`, `initgroups`):
//! the real system calls, with user and group names looked up in the system databases.
//! A name that names nobody is reported to the JS half (which throws Node's
//! ERR_UNKNOWN_CREDENTIAL); a failed call throws Node's errno exception
//! (`EPERM, Operation not permitted`, with `errno`, `code`, `syscall`).

use std::ffi::CString;

use rquickjs::{Array, Ctx, Exception, Function, Object, Result, Value};

/// A user or group named by id or by name, as the JS half passes it.
enum Credential {
    Id(u32),
    Name(String),
}

impl Credential {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        if let Some(n) = value.as_number() {
            return Some(Credential::Id(n as u32));
        }
        value
            .as_string()
            .and_then(|s| s.to_string().ok())
            .map(Credential::Name)
    }
}

/// One reentrant database lookup (`getpwnam_r`, `getpwuid_r`, `getgrnam_r`): `call` fills an
/// entry of type `E` using scratch space, `read` takes what is wanted from the entry found.
/// None when nothing matches or the lookup fails; the scratch space grows on ERANGE.
fn lookup<E, T>(
    call: impl Fn(*mut E, *mut libc::c_char, usize, *mut *mut E) -> libc::c_int,
    read: impl Fn(&E) -> T,
) -> Option<T> {
    let mut buffer = vec![0 as libc::c_char; 4096];
    loop {
        // SAFETY: the entry types (passwd, group) are plain C data; zeroed is a valid value for
        // the lookup to overwrite.
        let mut entry: E = unsafe { std::mem::zeroed() };
        let mut found: *mut E = std::ptr::null_mut();
        match call(&mut entry, buffer.as_mut_ptr(), buffer.len(), &mut found) {
            // `read` runs while `buffer`, which the entry's strings point into, is alive.
            0 => return (!found.is_null()).then(|| read(&entry)),
            libc::ERANGE if buffer.len() < (1 << 20) => buffer.resize(buffer.len() * 2, 0),
            _ => return None,
        }
    }
}

/// The uid of user `name`, if there is one.
fn uid_of_name(name: &str) -> Option<u32> {
    let cname = CString::new(name).ok()?;
    lookup(
        // SAFETY: every pointer is to live memory of the sizes given.
        |entry, buffer, len, found| unsafe {
            libc::getpwnam_r(cname.as_ptr(), entry, buffer, len, found)
        },
        |entry: &libc::passwd| entry.pw_uid,
    )
}

/// The name of user `uid`, if there is one.
fn name_of_uid(uid: u32) -> Option<CString> {
    lookup(
        // SAFETY: every pointer is to live memory of the sizes given.
        |entry, buffer, len, found| unsafe { libc::getpwuid_r(uid, entry, buffer, len, found) },
        // SAFETY: pw_name points to a NUL-terminated string in the scratch space, alive here.
        |entry: &libc::passwd| unsafe { std::ffi::CStr::from_ptr(entry.pw_name) }.to_owned(),
    )
}

/// The gid of group `name`, if there is one.
fn gid_of_name(name: &str) -> Option<u32> {
    let cname = CString::new(name).ok()?;
    lookup(
        // SAFETY: every pointer is to live memory of the sizes given.
        |entry, buffer, len, found| unsafe {
            libc::getgrnam_r(cname.as_ptr(), entry, buffer, len, found)
        },
        |entry: &libc::group| entry.gr_gid,
    )
}

fn resolve_user(who: &Credential) -> Option<u32> {
    match who {
        Credential::Id(id) => Some(*id),
        Credential::Name(name) => uid_of_name(name),
    }
}

fn resolve_group(which: &Credential) -> Option<u32> {
    match which {
        Credential::Id(id) => Some(*id),
        Credential::Name(name) => gid_of_name(name),
    }
}

/// Throws Node's errno exception for `errno` from `syscall`: message `CODE, strerror text`,
/// own enumerable `errno` (positive), `code`, `syscall`.
pub fn throw_errno(ctx: &Ctx<'_>, errno: i32, syscall: &str) -> rquickjs::Error {
    let code = crate::modules::fs::uv_name(errno).0;
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    // std appends " (os error N)" to strerror's text.
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let build = || -> Result<Value<'_>> {
        // Built with the global Error constructor so `message` is not enumerable, as in Node.
        let ctor: rquickjs::Constructor = ctx.globals().get("Error")?;
        let error: Object = ctor.construct((format!("{code}, {text}"),))?;
        error.set("errno", errno)?;
        error.set("code", code)?;
        error.set("syscall", syscall)?;
        Ok(error.into_value())
    };
    match build() {
        Ok(value) => ctx.throw(value),
        Err(e) => e,
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EINVAL)
}

/// `process.getgroups()`: the supplementary groups, with the effective gid added when the list
/// lacks it (as Node reports them).
fn getgroups(ctx: Ctx<'_>) -> Result<Array<'_>> {
    // SAFETY: a zero-size query writes nothing.
    let count = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if count < 0 {
        return Err(throw_errno(&ctx, last_errno(), "getgroups"));
    }
    let mut groups = vec![0 as libc::gid_t; count as usize];
    // SAFETY: `groups` has room for `count` entries.
    let count = unsafe { libc::getgroups(count, groups.as_mut_ptr()) };
    if count < 0 {
        return Err(throw_errno(&ctx, last_errno(), "getgroups"));
    }
    groups.truncate(count as usize);
    let egid = ids::egid();
    if !groups.contains(&egid) {
        groups.push(egid);
    }
    let out = Array::new(ctx)?;
    for (i, gid) in groups.into_iter().enumerate() {
        out.set(i, gid)?;
    }
    Ok(out)
}

/// `setgroups(list)`: 0 when set, or the 1-based index of the first entry naming no group.
fn setgroups<'js>(ctx: Ctx<'js>, list: Array<'js>) -> Result<u32> {
    let mut gids = Vec::with_capacity(list.len());
    for (i, item) in list.iter::<Value>().enumerate() {
        let Some(gid) = Credential::from_value(&item?)
            .as_ref()
            .and_then(resolve_group)
        else {
            return Ok(i as u32 + 1);
        };
        gids.push(gid);
    }
    // SAFETY: `gids` holds `len` entries.
    if unsafe { libc::setgroups(gids.len(), gids.as_ptr()) } != 0 {
        return Err(throw_errno(&ctx, last_errno(), "setgroups"));
    }
    Ok(0)
}

/// `initgroups(user, extraGroup)`: 0 when done, 1 when `user` (an id) names nobody, 2 when the
/// group names none. A user given by name is passed on as it is (the C library looks it up).
fn initgroups<'js>(ctx: Ctx<'js>, user: Value<'js>, extra: Value<'js>) -> Result<u32> {
    let name = match Credential::from_value(&user) {
        Some(Credential::Name(name)) => CString::new(name).ok(),
        Some(Credential::Id(uid)) => name_of_uid(uid),
        None => None,
    };
    let Some(name) = name else { return Ok(1) };
    let Some(gid) = Credential::from_value(&extra)
        .as_ref()
        .and_then(resolve_group)
    else {
        return Ok(2);
    };
    // SAFETY: `name` is a NUL-terminated string alive for the call.
    if unsafe { libc::initgroups(name.as_ptr(), gid) } != 0 {
        return Err(throw_errno(&ctx, last_errno(), "initgroups"));
    }
    Ok(0)
}

/// `setId(syscall, who)` for setuid/seteuid/setgid/setegid: 0 when done, 1 when `who` names
/// nobody.
fn set_id<'js>(ctx: Ctx<'js>, syscall: String, who: Value<'js>) -> Result<u32> {
    let Some(who) = Credential::from_value(&who) else {
        return Ok(1);
    };
    let is_user = syscall.ends_with("uid");
    let id = if is_user {
        resolve_user(&who)
    } else {
        resolve_group(&who)
    };
    let Some(id) = id else { return Ok(1) };
    // SAFETY: plain system calls on integers.
    let rc = unsafe {
        match syscall.as_str() {
            "setuid" => libc::setuid(id),
            "seteuid" => libc::seteuid(id),
            "setgid" => libc::setgid(id),
            "setegid" => libc::setegid(id),
            _ => return Err(Exception::throw_type(&ctx, "unknown credential call")),
        }
    };
    if rc != 0 {
        return Err(throw_errno(&ctx, last_errno(), &syscall));
    }
    Ok(0)
}

/// The process's ids (these calls cannot fail).
mod ids {
    pub fn uid() -> u32 {
        // SAFETY: a plain system call with no arguments.
        unsafe { libc::getuid() }
    }
    pub fn euid() -> u32 {
        // SAFETY: a plain system call with no arguments.
        unsafe { libc::geteuid() }
    }
    pub fn gid() -> u32 {
        // SAFETY: a plain system call with no arguments.
        unsafe { libc::getgid() }
    }
    pub fn egid() -> u32 {
        // SAFETY: a plain system call with no arguments.
        unsafe { libc::getegid() }
    }
}

/// Adds `native.credentials` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let credentials = Object::new(ctx.clone())?;
    credentials.set("getuid", Function::new(ctx.clone(), ids::uid)?)?;
    credentials.set("geteuid", Function::new(ctx.clone(), ids::euid)?)?;
    credentials.set("getgid", Function::new(ctx.clone(), ids::gid)?)?;
    credentials.set("getegid", Function::new(ctx.clone(), ids::egid)?)?;
    credentials.set("getgroups", Function::new(ctx.clone(), getgroups)?)?;
    credentials.set("setgroups", Function::new(ctx.clone(), setgroups)?)?;
    credentials.set("initgroups", Function::new(ctx.clone(), initgroups)?)?;
    credentials.set("setId", Function::new(ctx.clone(), set_id)?)?;
    native.set("credentials", credentials)?;
    Ok(())
}
