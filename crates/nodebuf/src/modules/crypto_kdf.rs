//! Native half of `crypto.pbkdf2`, `crypto.hkdf` and `crypto.scrypt` (and of WebCrypto's PBKDF2
//! and HKDF `deriveBits`): RustCrypto's `pbkdf2`, `hkdf` and `scrypt` crates over the digests of
//! [`crate::modules::crypto::Algorithm`], with OpenSSL's parameter rules for scrypt so that the
//! same inputs fail as they fail in Node v20.
//!
//! Boundary rule: the JS half has validated and converted every argument; each function here
//! reads the views' bytes from the engine's slots and derives with no JS in between.

use hmac::SimpleHmac;
use rquickjs::function::Rest;
use rquickjs::{Ctx, Exception, Function, Object, Result, Value};

use super::crypto::{failure, Algorithm, FixedDigest, FixedDigestVisitor, NOT_XOF};
use crate::bytes::{with_view_bytes, wrap_bytes};

/// `hkdf`'s answer when the length passes 255 digests (ERR_CRYPTO_INVALID_KEYLEN in Node).
const INVALID_KEYLEN: i32 = 3;

/// PBKDF2-HMAC with digest `D` into `out`.
struct Pbkdf2<'a> {
    password: &'a [u8],
    salt: &'a [u8],
    iterations: u32,
    out: &'a mut [u8],
}

impl FixedDigestVisitor for Pbkdf2<'_> {
    type Output = ();

    fn visit<D: FixedDigest>(self) {
        // SimpleHmac takes keys of any length, so this cannot fail.
        pbkdf2::pbkdf2::<SimpleHmac<D>>(self.password, self.salt, self.iterations, self.out)
            .expect("HMAC accepts any key length");
    }
}

/// HKDF (RFC 5869 extract then expand) with digest `D` into `out`; `false` when `out` is longer
/// than 255 digests.
struct Hkdf<'a> {
    ikm: &'a [u8],
    salt: &'a [u8],
    info: &'a [u8],
    out: &'a mut [u8],
}

impl FixedDigestVisitor for Hkdf<'_> {
    type Output = bool;

    fn visit<D: FixedDigest>(self) -> bool {
        let hk = hkdf::SimpleHkdf::<D>::new(Some(self.salt), self.ikm);
        hk.expand(self.info, self.out).is_ok()
    }
}

fn not_a_view(ctx: &Ctx<'_>, name: &str) -> rquickjs::Error {
    Exception::throw_type(
        ctx,
        &format!("{name} must be an ArrayBuffer or ArrayBufferView"),
    )
}

/// Reads the bytes of three views at once (no JS runs while they are borrowed).
fn with_three_views<'js, R>(
    ctx: &Ctx<'js>,
    names: [&str; 3],
    values: [&Value<'js>; 3],
    f: impl FnOnce(&[u8], &[u8], &[u8]) -> R,
) -> Result<R> {
    let result = with_view_bytes(ctx, values[0], |a| {
        with_view_bytes(ctx, values[1], |b| {
            with_view_bytes(ctx, values[2], |c| f(a, b, c)).ok_or(2)
        })
        .ok_or(1)
    })
    .ok_or(0);
    match result {
        Ok(Ok(Ok(r))) => Ok(r),
        Err(i) | Ok(Err(i)) | Ok(Ok(Err(i))) => Err(not_a_view(ctx, names[i])),
    }
}

/// `pbkdf2(password, salt, iterations, keylen, digest)`: the derived key as a Buffer, or an
/// error number (0 unknown digest, 1 an XOF, 2 a legacy digest).
fn pbkdf2_derive<'js>(
    ctx: Ctx<'js>,
    password: Value<'js>,
    salt: Value<'js>,
    iterations: u32,
    keylen: u32,
    digest: String,
) -> Result<Value<'js>> {
    let Some(algorithm) = Algorithm::from_name(&digest) else {
        return Ok(Value::new_int(ctx, failure(&digest)));
    };
    let mut out = vec![0u8; keylen as usize];
    let derived = with_view_bytes(&ctx, &password, |password| {
        with_view_bytes(&ctx, &salt, |salt| {
            algorithm.visit_fixed(Pbkdf2 {
                password,
                salt,
                iterations,
                out: &mut out,
            })
        })
    })
    .ok_or_else(|| not_a_view(&ctx, "password"))?
    .ok_or_else(|| not_a_view(&ctx, "salt"))?;
    match derived {
        Some(()) => wrap_bytes(&ctx, out),
        None => Ok(Value::new_int(ctx, NOT_XOF)),
    }
}

/// `hkdf(digest, ikm, salt, info, length)`: the derived key as a Buffer, or an error number
/// (0 unknown digest, 1 an XOF, 2 a legacy digest, 3 longer than 255 digests).
fn hkdf_derive<'js>(
    ctx: Ctx<'js>,
    digest: String,
    ikm: Value<'js>,
    salt: Value<'js>,
    info: Value<'js>,
    length: u32,
) -> Result<Value<'js>> {
    let Some(algorithm) = Algorithm::from_name(&digest) else {
        return Ok(Value::new_int(ctx, failure(&digest)));
    };
    // Checked before deriving, against the default length for the XOFs too (their HMAC then
    // fails), as Node's job constructor checks it.
    if length as usize > 255 * algorithm.default_len() {
        return Ok(Value::new_int(ctx, INVALID_KEYLEN));
    }
    let mut out = vec![0u8; length as usize];
    let derived = with_three_views(
        &ctx,
        ["ikm", "salt", "info"],
        [&ikm, &salt, &info],
        |ikm, salt, info| {
            algorithm.visit_fixed(Hkdf {
                ikm,
                salt,
                info,
                out: &mut out,
            })
        },
    )?;
    match derived {
        Some(true) => wrap_bytes(&ctx, out),
        Some(false) => Ok(Value::new_int(ctx, INVALID_KEYLEN)),
        None => Ok(Value::new_int(ctx, NOT_XOF)),
    }
}

/// Why scrypt parameters are refused, as OpenSSL 3 decides for Node v20.
#[derive(Debug, PartialEq, Eq)]
pub enum ScryptRefusal {
    /// `N` not a power of two above 1, or `r`/`p` zero: "Invalid scrypt params".
    Invalid,
    /// Too much memory, or `p * r` / `N` past OpenSSL's limits: "... memory limit exceeded".
    MemoryLimit,
}

/// OpenSSL's default scrypt parameters, used when a parameter is 0.
const SCRYPT_DEFAULT_N: u64 = 16384;
const SCRYPT_DEFAULT_R: u64 = 8;
const SCRYPT_DEFAULT_P: u64 = 1;
const SCRYPT_DEFAULT_MAXMEM: u64 = 32 * 1024 * 1024;
/// OpenSSL's bound on `p * r`.
const SCRYPT_PR_MAX: u64 = (1 << 30) - 1;

/// Checks scrypt parameters by OpenSSL's rules (0 means the default; memory counts the B
/// block, `p * 128 * r` bytes, plus V, X and T, `128 * r * (N + 2)` bytes); returns
/// `(log2 N, r, p)` for the scrypt crate.
pub fn scrypt_params(
    n: u64,
    r: u64,
    p: u64,
    maxmem: u64,
) -> std::result::Result<(u8, u32, u32), ScryptRefusal> {
    let n = if n == 0 { SCRYPT_DEFAULT_N } else { n };
    let r = if r == 0 { SCRYPT_DEFAULT_R } else { r };
    let p = if p == 0 { SCRYPT_DEFAULT_P } else { p };
    let maxmem = if maxmem == 0 {
        SCRYPT_DEFAULT_MAXMEM
    } else {
        maxmem
    };
    if n < 2 || !n.is_power_of_two() {
        return Err(ScryptRefusal::Invalid);
    }
    if p > SCRYPT_PR_MAX / r {
        return Err(ScryptRefusal::MemoryLimit);
    }
    // N must stay below 2^(128 * r / 8).
    if 16 * r <= 63 && n >= 1u64 << (16 * r) {
        return Err(ScryptRefusal::MemoryLimit);
    }
    let b_len = p * 128 * r;
    if b_len > i32::MAX as u64 {
        return Err(ScryptRefusal::MemoryLimit);
    }
    let v_len = (n + 2)
        .checked_mul(128)
        .and_then(|x| x.checked_mul(r))
        .ok_or(ScryptRefusal::MemoryLimit)?;
    match b_len.checked_add(v_len) {
        Some(total) if total <= maxmem => {}
        _ => return Err(ScryptRefusal::MemoryLimit),
    }
    // Past the checks r and p fit in 30 bits.
    Ok((n.trailing_zeros() as u8, r as u32, p as u32))
}

/// `scrypt(password, salt, keylen, N, r, p, maxmem)`: the derived key as a Buffer, or 0
/// (invalid parameters) / 1 (memory limit exceeded).
fn scrypt_derive<'js>(
    ctx: Ctx<'js>,
    password: Value<'js>,
    salt: Value<'js>,
    keylen: u32,
    params: Rest<f64>,
) -> Result<Value<'js>> {
    let &[n, r, p, maxmem] = params.0.as_slice() else {
        return Err(Exception::throw_type(
            &ctx,
            "scrypt takes N, r, p and maxmem",
        ));
    };
    let (log_n, r, p) = match scrypt_params(n as u64, r as u64, p as u64, maxmem as u64) {
        Ok(params) => params,
        Err(ScryptRefusal::Invalid) => return Ok(Value::new_int(ctx, 0)),
        Err(ScryptRefusal::MemoryLimit) => return Ok(Value::new_int(ctx, 1)),
    };
    // The crate's `len` is only for its password-hash strings; 32 is always accepted.
    let params = scrypt::Params::new(log_n, r, p, 32)
        .map_err(|_| Exception::throw_range(&ctx, "Invalid scrypt params"))?;
    let mut out = vec![0u8; keylen as usize];
    if !out.is_empty() {
        with_view_bytes(&ctx, &password, |password| {
            with_view_bytes(&ctx, &salt, |salt| {
                scrypt::scrypt(password, salt, &params, &mut out)
                    .expect("the length is checked non-zero and below 2^31");
            })
        })
        .ok_or_else(|| not_a_view(&ctx, "password"))?
        .ok_or_else(|| not_a_view(&ctx, "salt"))?;
    }
    wrap_bytes(&ctx, out)
}

/// Adds the `crypto*` key-derivation natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("cryptoPbkdf2", Function::new(ctx.clone(), pbkdf2_derive)?)?;
    native.set("cryptoHkdf", Function::new(ctx.clone(), hkdf_derive)?)?;
    native.set("cryptoScrypt", Function::new(ctx.clone(), scrypt_derive)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrypt_parameters_follow_openssl() {
        assert_eq!(scrypt_params(0, 0, 0, 0), Ok((14, 8, 1)));
        assert_eq!(scrypt_params(3, 1, 1, 0), Err(ScryptRefusal::Invalid));
        assert_eq!(scrypt_params(1, 1, 1, 0), Err(ScryptRefusal::Invalid));
        // 2^16 is not below 2^(16 * 1).
        assert_eq!(
            scrypt_params(1 << 16, 1, 1, 1 << 40),
            Err(ScryptRefusal::MemoryLimit)
        );
        // 16 MiB + 2 KiB needed for N = 2^14, r = 8.
        assert_eq!(
            scrypt_params(1 << 14, 8, 1, 16 << 20),
            Err(ScryptRefusal::MemoryLimit)
        );
        assert_eq!(scrypt_params(1 << 14, 8, 1, 18 << 20), Ok((14, 8, 1)));
        assert_eq!(
            scrypt_params(16, 1 << 14, 1 << 17, 0),
            Err(ScryptRefusal::MemoryLimit)
        );
    }

    #[test]
    fn pbkdf2_matches_rfc_6070() {
        let mut out = [0u8; 20];
        Algorithm::Sha1.visit_fixed(Pbkdf2 {
            password: b"password",
            salt: b"salt",
            iterations: 2,
            out: &mut out,
        });
        assert_eq!(out[..4], [0xea, 0x6c, 0x01, 0x4d]);
    }
}
