//! Native half of `require('crypto')` (the Buffer-facing subset): message digests and HMAC on
//! RustCrypto's crates, random bytes from a thread-local CSPRNG seeded from the OS (rand), and a constant-time comparison
//! (subtle). Algorithm names resolve as OpenSSL resolves them for Node v20: case-insensitively,
//! with OpenSSL's aliases (`RSA-SHA256`, `sha256WithRSAEncryption`, `SHA2-256`, OIDs, ...).
//!
//! Boundary rule: every native here takes values that need no conversion (names are converted
//! by the JS half), resolves view bytes from the engine's slots and uses them with no JS in
//! between.

use digest::consts::{U36, U64};
use digest::{
    DynDigest, ExtendableOutput, FixedOutput, FixedOutputReset, HashMarker, Output, Reset, Update,
};
use hmac::{Mac, SimpleHmac};
use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, Exception, Function, JsLifetime, Object, Result, Value};
use subtle::ConstantTimeEq;

use crate::bytes::{with_view_bytes, with_view_bytes_mut, wrap_bytes};

/// The `md5-sha1` digest OpenSSL offers (MD5 then SHA-1 of the same input, 36 bytes), built
/// from the two RustCrypto digests so it also works under HMAC.
#[derive(Clone, Default)]
struct Md5Sha1 {
    md5: md5::Md5,
    sha1: sha1::Sha1,
}

impl HashMarker for Md5Sha1 {}

impl digest::OutputSizeUser for Md5Sha1 {
    type OutputSize = U36;
}

impl digest::core_api::BlockSizeUser for Md5Sha1 {
    type BlockSize = U64;
}

impl Update for Md5Sha1 {
    fn update(&mut self, data: &[u8]) {
        Update::update(&mut self.md5, data);
        Update::update(&mut self.sha1, data);
    }
}

impl FixedOutput for Md5Sha1 {
    fn finalize_into(self, out: &mut Output<Self>) {
        out[..16].copy_from_slice(&FixedOutput::finalize_fixed(self.md5));
        out[16..].copy_from_slice(&FixedOutput::finalize_fixed(self.sha1));
    }
}

impl Reset for Md5Sha1 {
    fn reset(&mut self) {
        *self = Md5Sha1::default();
    }
}

impl FixedOutputReset for Md5Sha1 {
    fn finalize_into_reset(&mut self, out: &mut Output<Self>) {
        FixedOutput::finalize_into(std::mem::take(self), out);
    }
}

/// Declares the algorithms once: variant, digest type (or XOF), OpenSSL's names (lower case).
macro_rules! algorithms {
    (
        fixed { $($fv:ident => $fty:ty, [$($fname:literal),+];)+ }
        xof { $($xv:ident => $xty:ty, $xlen:literal, [$($xname:literal),+];)+ }
    ) => {
        /// A digest algorithm Node v20 (OpenSSL 3) offers without the legacy provider.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Algorithm { $($fv,)+ $($xv,)+ }

        impl Algorithm {
            /// Resolves a name as OpenSSL does: case-insensitive, with its aliases.
            pub fn from_name(name: &str) -> Option<Algorithm> {
                let lower = name.to_ascii_lowercase();
                match lower.as_str() {
                    $($($fname)|+ => Some(Algorithm::$fv),)+
                    $($($xname)|+ => Some(Algorithm::$xv),)+
                    _ => None,
                }
            }

            /// The default digest length in bytes (OpenSSL's default for the XOFs).
            pub fn default_len(self) -> usize {
                match self {
                    $(Algorithm::$fv => <$fty as digest::OutputSizeUser>::output_size(),)+
                    $(Algorithm::$xv => $xlen,)+
                }
            }

            fn is_xof(self) -> bool {
                matches!(self, $(Algorithm::$xv)|+)
            }

            fn start(self) -> HashState {
                match self {
                    $(Algorithm::$fv => HashState::Fixed(Box::new(<$fty>::default())),)+
                    $(Algorithm::$xv => HashState::$xv(<$xty>::default()),)+
                }
            }

            /// Runs `visitor` with the digest type behind a fixed-output algorithm (the KDFs
            /// are generic over it); `None` for the XOFs, which OpenSSL's HMAC refuses.
            pub fn visit_fixed<V: FixedDigestVisitor>(self, visitor: V) -> Option<V::Output> {
                match self {
                    $(Algorithm::$fv => Some(visitor.visit::<$fty>()),)+
                    _ => None,
                }
            }

            /// An HMAC keyed with `key`; `None` for the XOFs (OpenSSL refuses them).
            fn hmac(self, key: &[u8]) -> Option<Box<dyn MacState>> {
                match self {
                    $(Algorithm::$fv => Some(keyed::<$fty>(key)),)+
                    _ => None,
                }
            }
        }

        /// A running digest.
        #[derive(Clone)]
        enum HashState {
            Fixed(Box<dyn DynDigest>),
            $($xv($xty),)+
        }

        impl HashState {
            fn update(&mut self, data: &[u8]) {
                match self {
                    HashState::Fixed(d) => d.update(data),
                    $(HashState::$xv(x) => Update::update(x, data),)+
                }
            }

            fn finish(self, len: usize) -> Vec<u8> {
                match self {
                    HashState::Fixed(d) => d.finalize().into_vec(),
                    $(HashState::$xv(x) => {
                        let mut out = vec![0; len];
                        x.finalize_xof_into(&mut out);
                        out
                    })+
                }
            }
        }
    };
}

algorithms! {
    fixed {
        Md5 => md5::Md5, ["md5", "ssl3-md5", "rsa-md5", "md5withrsaencryption"];
        Sha1 => sha1::Sha1, ["sha1", "sha-1", "ssl3-sha1", "rsa-sha1", "rsa-sha1-2", "sha1withrsaencryption"];
        Sha224 => sha2::Sha224, ["sha224", "sha-224", "sha2-224", "rsa-sha224", "sha224withrsaencryption", "2.16.840.1.101.3.4.2.4"];
        Sha256 => sha2::Sha256, ["sha256", "sha-256", "sha2-256", "rsa-sha256", "sha256withrsaencryption", "2.16.840.1.101.3.4.2.1"];
        Sha384 => sha2::Sha384, ["sha384", "sha-384", "sha2-384", "rsa-sha384", "sha384withrsaencryption", "2.16.840.1.101.3.4.2.2"];
        Sha512 => sha2::Sha512, ["sha512", "sha-512", "sha2-512", "rsa-sha512", "sha512withrsaencryption", "2.16.840.1.101.3.4.2.3"];
        Sha512_224 => sha2::Sha512_224, ["sha512-224", "sha-512/224", "sha2-512/224", "rsa-sha512/224", "sha512-224withrsaencryption", "2.16.840.1.101.3.4.2.5"];
        Sha512_256 => sha2::Sha512_256, ["sha512-256", "sha-512/256", "sha2-512/256", "rsa-sha512/256", "sha512-256withrsaencryption", "2.16.840.1.101.3.4.2.6"];
        Sha3_224 => sha3::Sha3_224, ["sha3-224", "rsa-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-224", "2.16.840.1.101.3.4.2.7"];
        Sha3_256 => sha3::Sha3_256, ["sha3-256", "rsa-sha3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256", "2.16.840.1.101.3.4.2.8"];
        Sha3_384 => sha3::Sha3_384, ["sha3-384", "rsa-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-384", "2.16.840.1.101.3.4.2.9"];
        Sha3_512 => sha3::Sha3_512, ["sha3-512", "rsa-sha3-512", "id-rsassa-pkcs1-v1_5-with-sha3-512", "2.16.840.1.101.3.4.2.10"];
        Ripemd160 => ripemd::Ripemd160, ["ripemd160", "ripemd", "rmd160", "ripemd-160", "rsa-ripemd160", "ripemd160withrsa"];
        Blake2b512 => blake2::Blake2b512, ["blake2b512", "blake2b-512"];
        Blake2s256 => blake2::Blake2s256, ["blake2s256", "blake2s-256"];
        Sm3 => sm3::Sm3, ["sm3", "rsa-sm3", "sm3withrsaencryption"];
        Md5Sha1 => Md5Sha1, ["md5-sha1"];
    }
    xof {
        Shake128 => sha3::Shake128, 16, ["shake128", "shake-128", "2.16.840.1.101.3.4.2.11"];
        Shake256 => sha3::Shake256, 32, ["shake256", "shake-256", "2.16.840.1.101.3.4.2.12"];
    }
}

/// A fixed-output digest usable under HMAC (every non-XOF [`Algorithm`]).
/// `FixedOutputReset` makes each one a `DynDigest` too (RSA's PSS/OAEP take boxed digests).
pub trait FixedDigest:
    digest::Digest
    + digest::core_api::BlockSizeUser
    + FixedOutputReset
    + Clone
    + Default
    + Send
    + Sync
    + 'static
{
}

impl<D> FixedDigest for D where
    D: digest::Digest
        + digest::core_api::BlockSizeUser
        + FixedOutputReset
        + Clone
        + Default
        + Send
        + Sync
        + 'static
{
}

/// Work generic over the digest type, run by [`Algorithm::visit_fixed`].
pub trait FixedDigestVisitor {
    /// What the work returns.
    type Output;
    /// Does the work with digest `D`.
    fn visit<D: FixedDigest>(self) -> Self::Output;
}

/// OpenSSL 3 digests that exist only in its legacy provider, which Node v20 does not load:
/// Node reports them as unsupported (ERR_OSSL_EVP_UNSUPPORTED) rather than unknown.
const LEGACY: &[&str] = &[
    "md4",
    "rsa-md4",
    "md4withrsaencryption",
    "whirlpool",
    "mdc2",
    "rsa-mdc2",
    "mdc2withrsa",
];

/// A running HMAC.
trait MacState {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

impl<D> MacState for SimpleHmac<D>
where
    D: digest::Digest + digest::core_api::BlockSizeUser + Clone,
{
    fn update(&mut self, data: &[u8]) {
        Mac::update(self, data);
    }

    fn finish(self: Box<Self>) -> Vec<u8> {
        self.finalize().into_bytes().to_vec()
    }
}

fn keyed<D>(key: &[u8]) -> Box<dyn MacState>
where
    D: digest::Digest + digest::core_api::BlockSizeUser + Clone + 'static,
{
    // SimpleHmac accepts keys of any length (long keys are hashed first, as HMAC specifies).
    Box::new(<SimpleHmac<D> as digest::KeyInit>::new_from_slice(key).expect("any key length"))
}

/// A `Hash` handle: the running state until `digest()` consumes it.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "Hash")]
pub struct NativeHash {
    #[qjs(skip_trace)]
    algorithm: Algorithm,
    #[qjs(skip_trace)]
    state: Option<HashState>,
    #[qjs(skip_trace)]
    out_len: usize,
    /// The finished digest: Node's handle answers every later `digest()` with it (the stream
    /// side's `_flush` digests without marking the JS object finalized).
    #[qjs(skip_trace)]
    done: Option<Vec<u8>>,
}

/// An `Hmac` handle.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "Hmac")]
pub struct NativeHmac {
    #[qjs(skip_trace)]
    state: Option<Box<dyn MacState>>,
}

/// Why a digest could not be made; the JS half throws Node's error for each.
pub(crate) const UNKNOWN: i32 = 0;
pub(crate) const NOT_XOF: i32 = 1;
pub(crate) const UNSUPPORTED: i32 = 2;

/// The output length for `algorithm` given `options.outputLength` (negative: not given).
fn output_len(algorithm: Algorithm, requested: f64) -> std::result::Result<usize, i32> {
    if requested < 0.0 {
        return Ok(algorithm.default_len());
    }
    let len = requested as usize;
    if algorithm.is_xof() || len == algorithm.default_len() {
        Ok(len)
    } else {
        Err(NOT_XOF)
    }
}

/// The error number for a name [`Algorithm::from_name`] does not resolve.
pub(crate) fn failure(name: &str) -> i32 {
    if LEGACY.contains(&name.to_ascii_lowercase().as_str()) {
        UNSUPPORTED
    } else {
        UNKNOWN
    }
}

/// `hashNew(name, outputLength)`: a handle, or an error number (0 unknown, 1 not XOF,
/// 2 legacy algorithm).
fn hash_new<'js>(ctx: Ctx<'js>, name: String, requested: f64) -> Result<Value<'js>> {
    let Some(algorithm) = Algorithm::from_name(&name) else {
        return Ok(Value::new_int(ctx, failure(&name)));
    };
    match output_len(algorithm, requested) {
        Ok(out_len) => {
            let hash = NativeHash {
                algorithm,
                state: Some(algorithm.start()),
                out_len,
                done: None,
            };
            Ok(Class::instance(ctx, hash)?.into_value())
        }
        Err(code) => Ok(Value::new_int(ctx, code)),
    }
}

/// `hashCopy(handle, outputLength)`: a handle with a copy of the running state.
fn hash_copy<'js>(
    ctx: Ctx<'js>,
    from: Class<'js, NativeHash>,
    requested: f64,
) -> Result<Value<'js>> {
    let algorithm = from.borrow().algorithm;
    let out_len = match output_len(algorithm, requested) {
        Ok(len) => len,
        Err(code) => return Ok(Value::new_int(ctx, code)),
    };
    let state = from.borrow().state.clone();
    let copy = NativeHash {
        algorithm,
        state,
        out_len,
        done: None,
    };
    Ok(Class::instance(ctx, copy)?.into_value())
}

/// `hashUpdate(handle, view)`: feeds the view's bytes.
fn hash_update<'js>(ctx: Ctx<'js>, hash: Class<'js, NativeHash>, data: Value<'js>) -> Result<()> {
    let mut hash = hash.borrow_mut();
    let Some(state) = hash.state.as_mut() else {
        return Err(Exception::throw_message(&ctx, "Digest already called"));
    };
    with_view_bytes(&ctx, &data, |bytes| state.update(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))
}

/// `hashDigest(handle)`: the digest as a new Buffer (the same bytes on every later call).
fn hash_digest<'js>(ctx: Ctx<'js>, hash: Class<'js, NativeHash>) -> Result<Value<'js>> {
    let bytes = {
        let mut hash = hash.borrow_mut();
        let len = hash.out_len;
        if let Some(state) = hash.state.take() {
            hash.done = Some(state.finish(len));
        }
        hash.done.clone()
    };
    let bytes = bytes.ok_or_else(|| Exception::throw_message(&ctx, "Digest already called"))?;
    wrap_bytes(&ctx, bytes)
}

/// `hashOnce(name, view, outputLength)`: one-shot digest (`crypto.hash`, `subtle.digest`), or
/// an error number as for `hashNew`.
fn hash_once<'js>(
    ctx: Ctx<'js>,
    name: String,
    data: Value<'js>,
    requested: f64,
) -> Result<Value<'js>> {
    let Some(algorithm) = Algorithm::from_name(&name) else {
        return Ok(Value::new_int(ctx, failure(&name)));
    };
    let len = match output_len(algorithm, requested) {
        Ok(len) => len,
        Err(code) => return Ok(Value::new_int(ctx, code)),
    };
    let mut state = algorithm.start();
    with_view_bytes(&ctx, &data, |bytes| state.update(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))?;
    wrap_bytes(&ctx, state.finish(len))
}

/// `hmacNew(name, keyView)`: a handle, or an error number (0 unknown / XOF).
fn hmac_new<'js>(ctx: Ctx<'js>, name: String, key: Value<'js>) -> Result<Value<'js>> {
    let Some(algorithm) = Algorithm::from_name(&name) else {
        return Ok(Value::new_int(ctx, failure(&name)));
    };
    let state = with_view_bytes(&ctx, &key, |bytes| algorithm.hmac(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "key must be an ArrayBufferView"))?;
    match state {
        Some(state) => Ok(Class::instance(ctx, NativeHmac { state: Some(state) })?.into_value()),
        None => Ok(Value::new_int(ctx, NOT_XOF)),
    }
}

fn hmac_update<'js>(ctx: Ctx<'js>, mac: Class<'js, NativeHmac>, data: Value<'js>) -> Result<()> {
    let mut mac = mac.borrow_mut();
    let Some(state) = mac.state.as_mut() else {
        return Err(Exception::throw_message(&ctx, "Digest already called"));
    };
    with_view_bytes(&ctx, &data, |bytes| state.update(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))
}

/// Fills `bytes` with cryptographically secure random bytes: rand's thread-local ChaCha12
/// generator, seeded from the OS source and reseeded from it every 64 KiB of output and after
/// a fork (what Node gets from OpenSSL's DRBG), instead of one system call per request.
/// Fills `bytes` from the thread's CSPRNG.
pub(crate) fn fill_random(bytes: &mut [u8]) {
    use rand::RngCore;
    rand::rng().fill_bytes(bytes);
}

/// `randomUUID()`: an RFC 4122 version 4 UUID in its 36-character text form.
fn random_uuid() -> String {
    let mut b = [0u8; 16];
    fill_random(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    // The digits are `toString('hex')`'s; the groups are 8-4-4-4-12 digits.
    let nodebuf_core::encoding::JsString::Ascii(digits) = nodebuf_core::encoding::hex::decode(&b)
    else {
        unreachable!("hex digits are ASCII");
    };
    let digits = std::str::from_utf8(&digits).expect("hex digits are ASCII");
    format!(
        "{}-{}-{}-{}-{}",
        &digits[..8],
        &digits[8..12],
        &digits[12..16],
        &digits[16..20],
        &digits[20..]
    )
}

fn hmac_digest<'js>(ctx: Ctx<'js>, mac: Class<'js, NativeHmac>) -> Result<Value<'js>> {
    let state = mac.borrow_mut().state.take();
    let state = state.ok_or_else(|| Exception::throw_message(&ctx, "Digest already called"))?;
    wrap_bytes(&ctx, state.finish())
}

/// `randomFill(view, byteOffset, byteLength)`: fills that byte range from the thread's CSPRNG.
fn random_fill<'js>(ctx: Ctx<'js>, view: Value<'js>, offset: f64, size: f64) -> Result<()> {
    let (offset, size) = (offset as usize, size as usize);
    let filled = with_view_bytes_mut(&ctx, &view, |bytes| {
        let end = offset.checked_add(size).filter(|&end| end <= bytes.len())?;
        fill_random(&mut bytes[offset..end]);
        Some(())
    })
    .ok_or_else(|| Exception::throw_type(&ctx, "buf must be an ArrayBuffer or ArrayBufferView"))?;
    match filled {
        Some(()) => Ok(()),
        // The JS half checked the range against byteLength; the view shrank since (it cannot
        // without running JS, but the check costs nothing).
        None => Err(Exception::throw_range(&ctx, "range outside the buffer")),
    }
}

/// `timingSafeEqual(a, b)`: `null` when the byte lengths differ, else whether the bytes are
/// equal, compared in time that depends only on the length.
fn timing_safe_equal<'js>(ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>) -> Result<Option<bool>> {
    let result = with_view_bytes(&ctx, &a, |x| {
        with_view_bytes(&ctx, &b, |y| {
            (x.len() == y.len()).then(|| bool::from(x.ct_eq(y)))
        })
    });
    result
        .flatten()
        .ok_or_else(|| Exception::throw_type(&ctx, "arguments must be ArrayBuffers or views"))
}

/// What `crypto.getHashes()` lists in Node v20 (OpenSSL's spelling, sorted); every name
/// resolves through [`Algorithm::from_name`] (checked by a test).
const HASH_NAMES: &[&str] = &[
    "RSA-MD5",
    "RSA-RIPEMD160",
    "RSA-SHA1",
    "RSA-SHA1-2",
    "RSA-SHA224",
    "RSA-SHA256",
    "RSA-SHA3-224",
    "RSA-SHA3-256",
    "RSA-SHA3-384",
    "RSA-SHA3-512",
    "RSA-SHA384",
    "RSA-SHA512",
    "RSA-SHA512/224",
    "RSA-SHA512/256",
    "RSA-SM3",
    "blake2b512",
    "blake2s256",
    "id-rsassa-pkcs1-v1_5-with-sha3-224",
    "id-rsassa-pkcs1-v1_5-with-sha3-256",
    "id-rsassa-pkcs1-v1_5-with-sha3-384",
    "id-rsassa-pkcs1-v1_5-with-sha3-512",
    "md5",
    "md5-sha1",
    "md5WithRSAEncryption",
    "ripemd",
    "ripemd160",
    "ripemd160WithRSA",
    "rmd160",
    "sha1",
    "sha1WithRSAEncryption",
    "sha224",
    "sha224WithRSAEncryption",
    "sha256",
    "sha256WithRSAEncryption",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "sha384",
    "sha384WithRSAEncryption",
    "sha512",
    "sha512-224",
    "sha512-224WithRSAEncryption",
    "sha512-256",
    "sha512-256WithRSAEncryption",
    "sha512WithRSAEncryption",
    "shake128",
    "shake256",
    "sm3",
    "sm3WithRSAEncryption",
    "ssl3-md5",
    "ssl3-sha1",
];

/// Gives the handles of class `C` a `constructor` named `name` (one that refuses `new`), so
/// they inspect as `Hash {}` / `Hmac {}` like Node's native handles (tls.rs names its
/// handles with it too).
pub(crate) fn name_handles<'js, C: rquickjs::class::JsClass<'js>>(
    ctx: &Ctx<'js>,
    name: &str,
) -> Result<()> {
    if let Some(proto) = Class::<C>::prototype(ctx)? {
        let refuse = Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<()> {
            Err(Exception::throw_type(&ctx, "Illegal constructor"))
        })?
        .with_name(name)?;
        // `handle instanceof constructor` must hold for inspect to use the name.
        refuse.set("prototype", proto.clone())?;
        proto.set("constructor", refuse)?;
    }
    Ok(())
}

/// Adds the `crypto*` natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    name_handles::<NativeHash>(ctx, "Hash")?;
    name_handles::<NativeHmac>(ctx, "Hmac")?;
    native.set("cryptoHashNew", Function::new(ctx.clone(), hash_new)?)?;
    native.set("cryptoHashCopy", Function::new(ctx.clone(), hash_copy)?)?;
    native.set("cryptoHashUpdate", Function::new(ctx.clone(), hash_update)?)?;
    native.set("cryptoHashDigest", Function::new(ctx.clone(), hash_digest)?)?;
    native.set("cryptoHashOnce", Function::new(ctx.clone(), hash_once)?)?;
    native.set("cryptoHmacNew", Function::new(ctx.clone(), hmac_new)?)?;
    native.set("cryptoHmacUpdate", Function::new(ctx.clone(), hmac_update)?)?;
    native.set("cryptoHmacDigest", Function::new(ctx.clone(), hmac_digest)?)?;
    native.set("cryptoRandomFill", Function::new(ctx.clone(), random_fill)?)?;
    native.set("cryptoRandomUUID", Function::new(ctx.clone(), random_uuid)?)?;
    native.set(
        "cryptoTimingSafeEqual",
        Function::new(ctx.clone(), timing_safe_equal)?,
    )?;
    native.set("cryptoHashes", HASH_NAMES.to_vec())?;
    super::crypto_kdf::install(ctx, native)?;
    super::crypto_cipher::install(ctx, native)?;
    super::crypto_asym::install(ctx, native)?;
    super::crypto_prime::install(ctx, native)?;
    super::crypto_dh::install(ctx, native)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_case_insensitively_with_aliases() {
        assert_eq!(Algorithm::from_name("RSA-SHA256"), Some(Algorithm::Sha256));
        assert_eq!(
            Algorithm::from_name("SHA2-512/224"),
            Some(Algorithm::Sha512_224)
        );
        assert_eq!(Algorithm::from_name("sha512/224"), None);
        assert_eq!(Algorithm::from_name("md4"), None);
        assert_eq!(failure("MD4"), UNSUPPORTED);
    }

    #[test]
    fn md5_sha1_is_md5_then_sha1() {
        let mut s = Algorithm::Md5Sha1.start();
        s.update(b"a");
        let out = s.finish(36);
        assert_eq!(out[..4], [0x0c, 0xc1, 0x75, 0xb9]);
        assert_eq!(out[16..20], [0x86, 0xf7, 0xe4, 0x37]);
    }

    #[test]
    fn every_listed_hash_resolves() {
        for name in HASH_NAMES {
            assert!(Algorithm::from_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn xof_lengths_follow_output_length() {
        assert_eq!(output_len(Algorithm::Shake128, -1.0), Ok(16));
        assert_eq!(output_len(Algorithm::Shake256, 5.0), Ok(5));
        assert_eq!(output_len(Algorithm::Sha256, 32.0), Ok(32));
        assert_eq!(output_len(Algorithm::Sha256, 5.0), Err(NOT_XOF));
    }
}

#[cfg(test)]
mod random_tests {
    use super::{fill_random, random_uuid};

    #[test]
    fn uuids_are_version_4_rfc_4122_and_differ() {
        let a = random_uuid();
        let b = random_uuid();
        assert_ne!(a, b);
        for u in [&a, &b] {
            assert_eq!(u.len(), 36);
            let dashes: Vec<usize> = u.match_indices('-').map(|(i, _)| i).collect();
            assert_eq!(dashes, [8, 13, 18, 23]);
            assert_eq!(&u[14..15], "4");
            assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"), "{u}");
            assert!(u
                .chars()
                .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        }
    }

    #[test]
    fn fills_are_not_constant_across_a_reseed_boundary() {
        // More than the 64 KiB the generator produces between reseeds from the OS.
        let mut big = vec![0u8; 200 * 1024];
        fill_random(&mut big);
        let zeros = big.iter().filter(|&&b| b == 0).count();
        // About 1/256 of the bytes are zero; a stuck generator would give all or none.
        assert!((400..1200).contains(&zeros), "{zeros} zero bytes");
        assert_ne!(big[..1024], big[100 * 1024..101 * 1024]);
    }
}
