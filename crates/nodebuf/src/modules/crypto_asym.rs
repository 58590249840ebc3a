//! Native half of Node's asymmetric crypto: the key handle behind `KeyObject`
//! (`internal/crypto/keys`), key generation, `sign`/`verify`, RSA encryption
//! (`publicEncrypt`, `privateDecrypt`, `privateEncrypt`, `publicDecrypt`), ECDH and
//! `diffieHellman`, on the material of [`super::crypto_keys`].
//!
//! Boundary rule: the JS half converts every argument (names to strings, numbers to numbers,
//! strings to Buffers) before calling; key material lives only in [`NativeKey`] handles, which
//! the JS half keeps in private fields. Failures throw Node's OpenSSL-shaped errors.

use std::rc::Rc;

use rquickjs::class::Trace;
use rquickjs::{Array, Class, Ctx, Exception, Function, JsLifetime, Object, Result, Value};

use super::crypto::{Algorithm, FixedDigest, FixedDigestVisitor};
use super::crypto_keys::{self as keys, ossl, Curve, Encoding, Material, OsslError};
use super::crypto_rsa::{self as rsa_pad, Failure};
use crate::bytes::{view_bytes, wrap_bytes};

/// A key handle: the material of one public or private key, shared by the KeyObjects and
/// CryptoKeys made from it.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "KeyHandle")]
pub struct NativeKey {
    #[qjs(skip_trace)]
    material: Rc<Material>,
}

fn handle<'js>(ctx: &Ctx<'js>, material: Material) -> Result<Class<'js, NativeKey>> {
    Class::instance(
        ctx.clone(),
        NativeKey {
            material: Rc::new(material),
        },
    )
}

/// Throws `e` as Node does: an `Error` with OpenSSL's text and `library`/`reason`/`code`.
fn throw_ossl(ctx: &Ctx<'_>, e: OsslError) -> rquickjs::Error {
    throw_ossl_with(ctx, e, &[])
}

fn throw_ossl_with(ctx: &Ctx<'_>, e: OsslError, stack: &[&str]) -> rquickjs::Error {
    let made = (|| -> Result<Value<'_>> {
        // A plain Error with the message and the caller's stack, as Node's C++ layer throws.
        let plain =
            nodebuf_core::NodeError::without_code(nodebuf_core::ErrorClass::Error, e.message());
        let err = nodebuf_js::node_error_to_js(ctx, &plain)?;
        let err = err
            .as_object()
            .cloned()
            .ok_or_else(|| Exception::throw_type(ctx, "error expected"))?;
        if !stack.is_empty() {
            err.set("opensslErrorStack", stack.to_vec())?;
        }
        err.set("library", e.library)?;
        err.set("reason", e.reason)?;
        err.set("code", e.code)?;
        Ok(err.into_value())
    })();
    match made {
        Ok(value) => ctx.throw(value),
        Err(err) => err,
    }
}

const NOT_FOR_KEYTYPE: OsslError = ossl(
    "03000096",
    "digital envelope routines",
    "operation not supported for this keytype",
    "ERR_OSSL_EVP_OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE",
);
const INVALID_DIGEST: OsslError = ossl(
    "1C80007A",
    "Provider routines",
    "invalid digest",
    "ERR_OSSL_INVALID_DIGEST",
);
const MISMATCHING_DOMAIN: OsslError = ossl(
    "1C8000CB",
    "Provider routines",
    "mismatching domain parameters",
    "ERR_OSSL_MISMATCHING_DOMAIN_PARAMETERS",
);

fn bytes_of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Vec<u8>> {
    view_bytes(ctx, value).ok_or_else(|| Exception::throw_type(ctx, "expected a buffer"))
}

fn optional_bytes<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Vec<u8>> {
    if value.is_null() || value.is_undefined() {
        None
    } else {
        view_bytes(ctx, value)
    }
}

// --- keys --------------------------------------------------------------------------------

/// `keyParse(data, isPem, type, wantPrivate, passphrase)`: a handle, or throws OpenSSL's error.
fn key_parse<'js>(
    ctx: Ctx<'js>,
    data: Value<'js>,
    is_pem: bool,
    encoding: String,
    private: bool,
    passphrase: Value<'js>,
) -> Result<Class<'js, NativeKey>> {
    let bytes = bytes_of(&ctx, &data)?;
    let passphrase = optional_bytes(&ctx, &passphrase);
    // Legacy (Proc-Type) PEM encryption queues fewer errors when the passphrase is missing.
    let legacy = is_pem && bytes.windows(22).any(|w| w == b"Proc-Type: 4,ENCRYPTED");
    let parsed = if is_pem {
        keys::parse_pem(&bytes, private, passphrase.as_deref())
    } else {
        let encoding = Encoding::from_name(&encoding).ok_or(keys::DECODER_UNSUPPORTED);
        encoding.and_then(|e| keys::parse_der(&bytes, e, private, passphrase.as_deref()))
    };
    match parsed {
        Ok(material) if private && !material.is_private() => {
            Err(throw_ossl(&ctx, keys::DECODER_UNSUPPORTED))
        }
        Ok(material) => handle(
            &ctx,
            if private {
                material
            } else {
                material.public_only()
            },
        ),
        Err(e) if e == keys::NO_PASSPHRASE && legacy => Err(throw_ossl_with(
            &ctx,
            e,
            &[
                "error:04800068:PEM routines::bad password read",
                "error:07880109:common libcrypto routines::interrupted or cancelled",
            ],
        )),
        Err(e) if e == keys::NO_PASSPHRASE => Err(throw_ossl_with(
            &ctx,
            e,
            &[
                "error:04800068:PEM routines::bad password read",
                "error:07880109:common libcrypto routines::interrupted or cancelled",
                "error:1C80009F:Provider routines::unable to get passphrase",
                "error:07880109:common libcrypto routines::interrupted or cancelled",
            ],
        )),
        Err(e) if e == keys::BAD_DECRYPT => Err(throw_ossl_with(
            &ctx,
            e,
            &[
                "error:11800074:PKCS12 routines::pkcs12 cipherfinal error",
                "error:1C800064:Provider routines::bad decrypt",
                "error:11800074:PKCS12 routines::pkcs12 cipherfinal error",
            ],
        )),
        Err(e) => Err(throw_ossl(&ctx, e)),
    }
}

/// `keyFromJwk(kty, crv, parts, wantPrivate)`: a handle, or `null` when the members make no
/// valid key.
fn key_from_jwk<'js>(
    ctx: Ctx<'js>,
    kty: String,
    crv: String,
    parts: Array<'js>,
    private: bool,
) -> Result<Option<Class<'js, NativeKey>>> {
    let mut bytes = Vec::new();
    for part in parts.iter::<Value>() {
        bytes.push(bytes_of(&ctx, &part?)?);
    }
    match keys::from_jwk(&kty, &crv, &bytes, private) {
        Some(material) => Ok(Some(handle(&ctx, material)?)),
        None => Ok(None),
    }
}

/// `keyPublic(handle)`: a handle on the public half.
fn key_public<'js>(ctx: Ctx<'js>, key: Class<'js, NativeKey>) -> Result<Class<'js, NativeKey>> {
    let material = key.borrow().material.public_only();
    handle(&ctx, material)
}

/// `keyInfo(handle)`: `{ type, private, modulusLength, publicExponent, namedCurve,
/// hashAlgorithm, mgf1HashAlgorithm, saltLength }` (members that do not apply left out).
fn key_info<'js>(ctx: Ctx<'js>, key: Class<'js, NativeKey>) -> Result<Object<'js>> {
    let key = key.borrow();
    let material = &*key.material;
    let info = Object::new(ctx.clone())?;
    info.set("type", material.key_type())?;
    info.set("private", material.is_private())?;
    match material {
        Material::Rsa { public, pss, .. } => {
            use rsa::traits::PublicKeyParts;
            info.set("modulusLength", public.n().bits() as f64)?;
            info.set("publicExponent", public.e().to_str_radix(16))?;
            if let Some(Some(p)) = pss {
                info.set("hashAlgorithm", p.hash)?;
                info.set("mgf1HashAlgorithm", p.mgf1_hash)?;
                info.set("saltLength", p.salt_len as f64)?;
            }
        }
        Material::Ec { curve, .. } => {
            info.set("namedCurve", curve.openssl_name())?;
            info.set("jwkCurve", curve.jwk_name())?;
        }
        _ => {}
    }
    Ok(info)
}

/// `keyExport(handle, type, isPem, cipher, passphrase)`: DER bytes or PEM text; `null` when
/// `cipher` is not one this runner can encrypt PKCS#8 with.
fn key_export<'js>(
    ctx: Ctx<'js>,
    key: Class<'js, NativeKey>,
    encoding: String,
    is_pem: bool,
    cipher: String,
    passphrase: Value<'js>,
) -> Result<Value<'js>> {
    let passphrase = optional_bytes(&ctx, &passphrase);
    let key = key.borrow();
    let material = &*key.material;
    let (label, der) = match (encoding.as_str(), material.is_private()) {
        ("spki", _) => ("PUBLIC KEY", Some(material.spki_der())),
        ("pkcs1", false) => ("RSA PUBLIC KEY", material.pkcs1_public_der()),
        ("pkcs1", true) => ("RSA PRIVATE KEY", material.pkcs1_private_der()),
        ("sec1", true) => ("EC PRIVATE KEY", material.sec1_der()),
        ("pkcs8", true) => ("PRIVATE KEY", material.pkcs8_der()),
        _ => ("", None),
    };
    let Some(mut der) = der else {
        return Err(Exception::throw_type(&ctx, "key encoding does not apply"));
    };
    let mut label = label;
    if !cipher.is_empty() && encoding != "pkcs8" {
        // pkcs1/sec1 PEM: OpenSSL's legacy PEM encryption (DER was refused by the JS half).
        return match keys::legacy_pem_encrypt(
            label,
            &der,
            &cipher,
            passphrase.as_deref().unwrap_or(&[]),
        ) {
            Some(text) => rquickjs::String::from_str(ctx.clone(), &text).map(|s| s.into_value()),
            None => Ok(Value::new_null(ctx)),
        };
    }
    if !cipher.is_empty() {
        let Some(encrypted) =
            keys::pbes2_encrypt(&der, &cipher, passphrase.as_deref().unwrap_or(&[]))
        else {
            return Ok(Value::new_null(ctx));
        };
        der = encrypted;
        label = "ENCRYPTED PRIVATE KEY";
    }
    if is_pem {
        rquickjs::String::from_str(ctx.clone(), &keys::pem(label, &der)).map(|s| s.into_value())
    } else {
        wrap_bytes(&ctx, der)
    }
}

/// `keyJwk(handle)`: `[name, bytes, name, bytes, ...]`, the JWK members after `kty`/`crv`.
fn key_jwk<'js>(ctx: Ctx<'js>, key: Class<'js, NativeKey>) -> Result<Array<'js>> {
    let parts = key.borrow().material.jwk_parts();
    let out = Array::new(ctx.clone())?;
    for (i, (name, bytes)) in parts.into_iter().enumerate() {
        out.set(2 * i, name)?;
        out.set(2 * i + 1, wrap_bytes(&ctx, bytes)?)?;
    }
    Ok(out)
}

/// `keyEquals(a, b)`: whether both handles hold the same key.
fn key_equals<'js>(a: Class<'js, NativeKey>, b: Class<'js, NativeKey>) -> bool {
    a.borrow().material.same_as(&b.borrow().material)
}

/// `keyGenerate(type, modulusLength, publicExponent, [curve, hash, mgf1Hash], saltLength)`:
/// a private key handle, or why not: 1 unknown hash, 2 unknown MGF1 hash, 3 modulus too
/// small, 4 bad public exponent, 5 unknown curve or type (`saltLength` negative: not given;
/// names empty: not given).
fn key_generate<'js>(
    ctx: Ctx<'js>,
    kind: String,
    bits: f64,
    exponent: f64,
    names: Vec<String>,
    salt: f64,
) -> Result<Value<'js>> {
    let name_at = |i: usize| names.get(i).cloned().unwrap_or_default();
    let (curve, hash, mgf1) = (name_at(0), name_at(1), name_at(2));
    match generate(&kind, bits, exponent, &curve, &hash, &mgf1, salt) {
        Ok(material) => handle(&ctx, material).map(|h| h.into_value()),
        Err(code) => Ok(Value::new_int(ctx, code)),
    }
}

/// A digest RSA-PSS parameters can name: Node's name and its output length.
fn pss_digest(name: &str) -> Option<(&'static str, usize)> {
    let (digest, canonical) = digest_named(name)?;
    (!canonical.is_empty()).then(|| (canonical, digest.output_size()))
}

fn generate(
    kind: &str,
    bits: f64,
    exponent: f64,
    curve: &str,
    hash: &str,
    mgf1: &str,
    salt: f64,
) -> std::result::Result<Material, i32> {
    match kind {
        "rsa" | "rsa-pss" => {
            let mut pss = None;
            if kind == "rsa-pss" {
                let hash = (!hash.is_empty())
                    .then(|| pss_digest(hash).ok_or(1))
                    .transpose()?;
                let mgf1 = (!mgf1.is_empty())
                    .then(|| pss_digest(mgf1).ok_or(2))
                    .transpose()?;
                let salt = (salt >= 0.0).then_some(salt as u32);
                pss = Some(if hash.is_none() && mgf1.is_none() && salt.is_none() {
                    None
                } else {
                    // Unnamed members default to SHA-1, the MGF1 digest to the message
                    // digest and the salt to the digest's length (OpenSSL's choices).
                    let (hash, hash_len) = hash.unwrap_or(("sha1", 20));
                    Some(keys::PssParams {
                        hash,
                        mgf1_hash: mgf1.map(|m| m.0).unwrap_or(hash),
                        salt_len: salt.unwrap_or(hash_len as u32),
                    })
                });
            }
            if bits < 512.0 {
                return Err(3);
            }
            let e = exponent as u64;
            if e < 3 || e.is_multiple_of(2) {
                return Err(4);
            }
            keys::generate_rsa(bits as usize, e, pss).ok_or(4)
        }
        "ec" => Curve::from_name(curve).map(keys::generate_ec).ok_or(5),
        "ed25519" => Ok(keys::generate_okp(true)),
        "x25519" => Ok(keys::generate_okp(false)),
        _ => Err(5),
    }
}

// --- digests -----------------------------------------------------------------------------

struct BoxDigest;

impl FixedDigestVisitor for BoxDigest {
    type Output = Box<dyn digest::DynDigest + Send + Sync>;
    fn visit<D: FixedDigest>(self) -> Self::Output {
        Box::new(D::default())
    }
}

/// The boxed digest `name` resolves to, with Node's name for its DigestInfo.
fn digest_named(name: &str) -> Option<(Box<dyn digest::DynDigest + Send + Sync>, &'static str)> {
    let algorithm = Algorithm::from_name(name)?;
    let boxed = algorithm.visit_fixed(BoxDigest)?;
    let canonical = keys::DIGEST_OIDS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| Algorithm::from_name(n) == Some(algorithm))
        .unwrap_or("");
    Some((boxed, canonical))
}

// --- sign / verify -----------------------------------------------------------------------

/// Node's RSA padding constants.
const RSA_NO_PADDING: i32 = 3;
const RSA_PKCS1_OAEP_PADDING: i32 = 4;
const RSA_PKCS1_PSS_PADDING: i32 = 6;

/// Runs `$body` with `$M` bound to the curve's ECDSA module (`p256::ecdsa`, ...): P-521's
/// signing types are its own, not the generic `ecdsa` ones.
macro_rules! with_ecdsa {
    ($curve:expr, $M:ident => $body:expr) => {
        match $curve {
            Curve::P256 => {
                use p256::ecdsa as $M;
                $body
            }
            Curve::P384 => {
                use p384::ecdsa as $M;
                $body
            }
            Curve::P521 => {
                use p521::ecdsa as $M;
                $body
            }
            Curve::K256 => {
                use k256::ecdsa as $M;
                $body
            }
        }
    };
}

/// Pads a digest shorter than half the field (sha1 on P-384, sha256 on P-521) to that length
/// with leading zeros: the same integer, which OpenSSL takes as is and the ecdsa crate
/// refuses below half the field.
fn ecdsa_prehash(curve: Curve, digest: &[u8]) -> Vec<u8> {
    let min = curve.field_len().div_ceil(2);
    if digest.len() >= min {
        return digest.to_vec();
    }
    let mut out = vec![0u8; min - digest.len()];
    out.extend_from_slice(digest);
    out
}

/// The DigestInfo of a PKCS#1 v1.5 signature over `digest` made with `name`.
fn digest_info(name: &str, digest: &[u8]) -> std::result::Result<Vec<u8>, Failure> {
    let (_, canonical) = digest_named(name).ok_or((INVALID_DIGEST, &[] as &[&str]))?;
    let mut info = keys::digest_info_prefix(canonical, digest.len())
        .ok_or((INVALID_DIGEST, &[] as &[&str]))?;
    info.extend_from_slice(digest);
    Ok(info)
}

/// Runs `f` with the PSS request for `digest` on an RSA key.
fn with_pss<R>(
    digest: &str,
    salt: i32,
    pss: &Option<Option<keys::PssParams>>,
    f: impl FnOnce(&rsa_pad::PssRequest<'_>) -> std::result::Result<R, Failure>,
) -> std::result::Result<R, Failure> {
    let (_, canonical) = digest_named(digest).ok_or((INVALID_DIGEST, &[] as &[&str]))?;
    let params = pss.as_ref().and_then(|p| p.as_ref());
    let mgf1_name = params.map(|p| p.mgf1_hash).unwrap_or(canonical);
    let make = || digest_named(digest).expect("resolved above").0;
    let make_mgf1 = || digest_named(mgf1_name).expect("known digest").0;
    f(&rsa_pad::PssRequest {
        digest_name: canonical,
        digest: &make,
        mgf1: &make_mgf1,
        salt,
        params,
    })
}

/// Signs `data` (the digest, or the message for Ed25519) with a private key.
fn sign_with(
    material: &Material,
    digest: &str,
    data: &[u8],
    padding: i32,
    salt: i32,
    p1363: bool,
) -> std::result::Result<Vec<u8>, Failure> {
    let none: &[&str] = &[];
    match material {
        Material::Rsa {
            private: Some(key),
            pss,
            ..
        } => {
            if pss.is_some() && padding != 0 && padding != RSA_PKCS1_PSS_PADDING {
                return Err((rsa_pad::ILLEGAL_PADDING, none));
            }
            if padding == RSA_PKCS1_PSS_PADDING || pss.is_some() {
                with_pss(digest, salt, pss, |req| rsa_pad::pss_sign(key, data, req))
            } else {
                rsa_pad::pkcs1_sign(key, &digest_info(digest, data)?)
            }
        }
        Material::Ec {
            curve,
            private: Some(scalar),
            ..
        } => {
            let prehash = ecdsa_prehash(*curve, data);
            with_ecdsa!(*curve, M => {
                use ecdsa::signature::hazmat::PrehashSigner;
                let signer = M::SigningKey::from_slice(scalar).map_err(|_| (NOT_FOR_KEYTYPE, none))?;
                let sig: M::Signature = signer.sign_prehash(&prehash).map_err(|_| (NOT_FOR_KEYTYPE, none))?;
                Ok(if p1363 { sig.to_bytes().to_vec() } else { sig.to_der().as_bytes().to_vec() })
            })
        }
        Material::Ed25519 {
            private: Some(seed),
            ..
        } => {
            use ed25519_dalek::Signer;
            Ok(ed25519_dalek::SigningKey::from_bytes(seed)
                .sign(data)
                .to_bytes()
                .to_vec())
        }
        _ => Err((NOT_FOR_KEYTYPE, none)),
    }
}

fn verify_with(
    material: &Material,
    digest: &str,
    data: &[u8],
    sig: &[u8],
    padding: i32,
    salt: i32,
    p1363: bool,
) -> std::result::Result<bool, Failure> {
    let none: &[&str] = &[];
    match material {
        Material::Rsa { public, pss, .. } => {
            if pss.is_some() && padding != 0 && padding != RSA_PKCS1_PSS_PADDING {
                return Err((rsa_pad::ILLEGAL_PADDING, none));
            }
            if padding == RSA_PKCS1_PSS_PADDING || pss.is_some() {
                with_pss(digest, salt, pss, |req| {
                    rsa_pad::pss_verify(public, data, sig, req)
                })
            } else {
                Ok(rsa_pad::pkcs1_verify(
                    public,
                    &digest_info(digest, data)?,
                    sig,
                ))
            }
        }
        Material::Ec { curve, public, .. } => {
            let prehash = ecdsa_prehash(*curve, data);
            with_ecdsa!(*curve, M => {
                use ecdsa::signature::hazmat::PrehashVerifier;
                let Ok(verifier) = M::VerifyingKey::from_sec1_bytes(public) else { return Ok(false) };
                let parsed = if p1363 { M::Signature::from_slice(sig) } else { M::Signature::from_der(sig) };
                let Ok(parsed) = parsed else { return Ok(false) };
                // OpenSSL accepts either s; secp256k1's verifier insists on the low one.
                let parsed = parsed.normalize_s().unwrap_or(parsed);
                Ok(verifier.verify_prehash(&prehash, &parsed).is_ok())
            })
        }
        Material::Ed25519 { public, .. } => {
            let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(public) else {
                return Ok(false);
            };
            let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else {
                return Ok(false);
            };
            Ok(key.verify_strict(data, &sig).is_ok())
        }
        _ => Err((NOT_FOR_KEYTYPE, none)),
    }
}

/// `sign(handle, digest, data, [padding, saltLength, p1363])`: the signature as a Buffer.
fn sign<'js>(
    ctx: Ctx<'js>,
    key: Class<'js, NativeKey>,
    digest: String,
    data: Value<'js>,
    params: Vec<i32>,
) -> Result<Value<'js>> {
    let (padding, salt, p1363) = sign_params(&params);
    let data = bytes_of(&ctx, &data)?;
    let material = key.borrow().material.clone();
    match sign_with(&material, &digest, &data, padding, salt, p1363) {
        Ok(sig) => wrap_bytes(&ctx, sig),
        Err((e, stack)) => Err(throw_ossl_with(&ctx, e, stack)),
    }
}

/// `[padding, saltLength, p1363]` as `sign`/`verify` take them.
fn sign_params(params: &[i32]) -> (i32, i32, bool) {
    let at = |i: usize| params.get(i).copied().unwrap_or(0);
    (at(0), at(1), at(2) != 0)
}

/// `verify(handle, digest, data, signature, [padding, saltLength, p1363])`.
fn verify<'js>(
    ctx: Ctx<'js>,
    key: Class<'js, NativeKey>,
    digest: String,
    data: Value<'js>,
    sig: Value<'js>,
    params: Vec<i32>,
) -> Result<bool> {
    let (padding, salt, p1363) = sign_params(&params);
    let data = bytes_of(&ctx, &data)?;
    let sig = bytes_of(&ctx, &sig)?;
    let material = key.borrow().material.clone();
    verify_with(&material, &digest, &data, &sig, padding, salt, p1363)
        .map_err(|(e, stack)| throw_ossl_with(&ctx, e, stack))
}

// --- RSA encryption ----------------------------------------------------------------------

/// Which of Node's four RSA functions runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RsaOp {
    PublicEncrypt,
    PrivateDecrypt,
    PrivateEncrypt,
    PublicDecrypt,
}

fn left_pad(mut bytes: Vec<u8>, len: usize) -> Vec<u8> {
    while bytes.len() < len {
        bytes.insert(0, 0);
    }
    bytes
}

fn rsa_crypt(
    material: &Material,
    op: RsaOp,
    data: &[u8],
    padding: i32,
    oaep_hash: &str,
    label: &[u8],
) -> std::result::Result<Vec<u8>, Failure> {
    let none: &[&str] = &[];
    let Material::Rsa {
        public, private, ..
    } = material
    else {
        return Err((NOT_FOR_KEYTYPE, none));
    };
    use rsa::traits::PublicKeyParts;
    let k = public.size();
    let private = || private.as_deref().ok_or((NOT_FOR_KEYTYPE, none));
    let make = || {
        digest_named(oaep_hash)
            .map(|d| d.0)
            .expect("checked by the JS half")
    };
    match (op, padding) {
        (RsaOp::PublicEncrypt | RsaOp::PrivateEncrypt, RSA_NO_PADDING) => {
            let stack = if op == RsaOp::PublicEncrypt {
                none
            } else {
                rsa_pad::RSA_LIB_STACK
            };
            if data.len() < k {
                return Err((rsa_pad::TOO_SMALL_FOR_KEY, stack));
            }
            if data.len() > k {
                return Err((rsa_pad::TOO_LARGE_FOR_KEY, stack));
            }
            if op == RsaOp::PublicEncrypt {
                rsa_pad::raw_public(public, data, none)
            } else {
                rsa_pad::raw_private(private()?, data, rsa_pad::RSA_LIB_STACK)
            }
        }
        (RsaOp::PrivateDecrypt, RSA_NO_PADDING) => rsa_pad::raw_private(private()?, data, none),
        (RsaOp::PublicDecrypt, RSA_NO_PADDING) => {
            rsa_pad::raw_public(public, data, rsa_pad::RSA_LIB_STACK)
        }
        (RsaOp::PublicEncrypt, RSA_PKCS1_OAEP_PADDING) => {
            rsa_pad::oaep_encrypt(public, data, &make, label)
        }
        (RsaOp::PrivateDecrypt, RSA_PKCS1_OAEP_PADDING) => {
            rsa_pad::oaep_decrypt(private()?, data, &make, label)
        }
        (RsaOp::PublicEncrypt, _) => rsa_pad::pkcs1_encrypt(public, data),
        (RsaOp::PrivateDecrypt, _) => {
            let block = rsa_pad::raw_private(private()?, data, rsa_pad::DECRYPT_STACK)?;
            let end = block.iter().skip(2).position(|b| *b == 0).map(|i| i + 2);
            match end {
                Some(i) if block[0] == 0 && block[1] == 2 && i >= 10 => Ok(block[i + 1..].to_vec()),
                _ => Err((rsa_pad::INVALID_PADDING, rsa_pad::PADDING_STACK)),
            }
        }
        (RsaOp::PrivateEncrypt, _) => rsa_pad::private_encrypt(private()?, data),
        (RsaOp::PublicDecrypt, _) => rsa_pad::public_decrypt(public, data),
    }
}

/// `rsaCrypt(handle, op, data, padding, oaepHash, oaepLabel)`: op 0 publicEncrypt,
/// 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt.
fn rsa_crypt_native<'js>(
    ctx: Ctx<'js>,
    key: Class<'js, NativeKey>,
    op: i32,
    data: Value<'js>,
    padding: i32,
    oaep_hash: String,
    label: Value<'js>,
) -> Result<Value<'js>> {
    let op = match op {
        0 => RsaOp::PublicEncrypt,
        1 => RsaOp::PrivateDecrypt,
        2 => RsaOp::PrivateEncrypt,
        _ => RsaOp::PublicDecrypt,
    };
    let data = bytes_of(&ctx, &data)?;
    let label = optional_bytes(&ctx, &label).unwrap_or_default();
    let material = key.borrow().material.clone();
    match rsa_crypt(&material, op, &data, padding, &oaep_hash, &label) {
        Ok(out) => wrap_bytes(&ctx, out),
        Err((e, stack)) => Err(throw_ossl_with(&ctx, e, stack)),
    }
}

// --- key agreement -----------------------------------------------------------------------

fn ecdh_secret(curve: Curve, scalar: &[u8], point: &[u8]) -> Option<Vec<u8>> {
    keys::with_curve!(curve, C => {
        let secret = elliptic_curve::SecretKey::<C>::from_slice(scalar).ok()?;
        let public = elliptic_curve::PublicKey::<C>::from_sec1_bytes(point).ok()?;
        let shared = elliptic_curve::ecdh::diffie_hellman(secret.to_nonzero_scalar(), public.as_affine());
        Some(shared.raw_secret_bytes().to_vec())
    })
}

fn curve_arg(ctx: &Ctx<'_>, name: &str) -> Result<Curve> {
    Curve::from_name(name).ok_or_else(|| Exception::throw_type(ctx, "unknown curve"))
}

/// `ecdhPublic(curve, scalar)`: the uncompressed public point, or `null` for a scalar out of
/// range.
fn ecdh_public<'js>(ctx: Ctx<'js>, curve: String, scalar: Value<'js>) -> Result<Value<'js>> {
    let curve = curve_arg(&ctx, &curve)?;
    let scalar = bytes_of(&ctx, &scalar)?;
    if scalar.len() > curve.field_len() {
        return Ok(Value::new_null(ctx));
    }
    let padded = left_pad(scalar, curve.field_len());
    match keys::ec_public_of(curve, &padded) {
        Some(point) => wrap_bytes(&ctx, point),
        None => Ok(Value::new_null(ctx)),
    }
}

/// `ecdhGenerate(curve)`: a fresh private scalar.
fn ecdh_generate<'js>(ctx: Ctx<'js>, curve: String) -> Result<Value<'js>> {
    let curve = curve_arg(&ctx, &curve)?;
    wrap_bytes(&ctx, keys::ec_random_scalar(curve))
}

/// `ecdhCompute(curve, scalar, peerPoint)`: the shared secret, or `null` when the point is
/// not on the curve.
fn ecdh_compute<'js>(
    ctx: Ctx<'js>,
    curve: String,
    scalar: Value<'js>,
    point: Value<'js>,
) -> Result<Value<'js>> {
    let curve = curve_arg(&ctx, &curve)?;
    let scalar = left_pad(bytes_of(&ctx, &scalar)?, curve.field_len());
    let point = bytes_of(&ctx, &point)?;
    match ecdh_secret(curve, &scalar, &point) {
        Some(secret) => wrap_bytes(&ctx, secret),
        None => Ok(Value::new_null(ctx)),
    }
}

/// `ecdhConvert(curve, point, form)`: the point re-encoded (form 0 compressed, 1
/// uncompressed, 2 hybrid), or `null` when it is not on the curve.
fn ecdh_convert<'js>(
    ctx: Ctx<'js>,
    curve: String,
    point: Value<'js>,
    form: i32,
) -> Result<Value<'js>> {
    let curve = curve_arg(&ctx, &curve)?;
    let point = bytes_of(&ctx, &point)?;
    let Some(mut out) = keys::ec_point_convert(curve, &point, form == 0) else {
        return Ok(Value::new_null(ctx));
    };
    if form == 2 {
        // Hybrid: the uncompressed layout tagged 6 or 7 by y's parity.
        out[0] = 6 | (out[out.len() - 1] & 1);
    }
    wrap_bytes(&ctx, out)
}

/// `diffieHellman(privateHandle, publicHandle)`: the shared secret of two keys of the same
/// type (the JS half checked the types).
fn diffie_hellman<'js>(
    ctx: Ctx<'js>,
    private: Class<'js, NativeKey>,
    public: Class<'js, NativeKey>,
) -> Result<Value<'js>> {
    let a = private.borrow().material.clone();
    let b = public.borrow().material.clone();
    let secret = match (&*a, &*b) {
        (
            Material::Ec {
                curve,
                private: Some(scalar),
                ..
            },
            Material::Ec {
                curve: other,
                public: point,
                ..
            },
        ) => {
            if curve != other {
                return Err(throw_ossl(&ctx, MISMATCHING_DOMAIN));
            }
            ecdh_secret(*curve, scalar, point)
        }
        (
            Material::X25519 {
                private: Some(scalar),
                ..
            },
            Material::X25519 { public: point, .. },
        ) => {
            let secret = x25519_dalek::StaticSecret::from(*scalar);
            Some(
                secret
                    .diffie_hellman(&x25519_dalek::PublicKey::from(*point))
                    .to_bytes()
                    .to_vec(),
            )
        }
        _ => None,
    };
    match secret {
        Some(secret) => wrap_bytes(&ctx, secret),
        None => Err(throw_ossl(&ctx, NOT_FOR_KEYTYPE)),
    }
}

/// Adds the asymmetric `crypto*` natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("cryptoKeyParse", Function::new(ctx.clone(), key_parse)?)?;
    native.set(
        "cryptoKeyFromJwk",
        Function::new(ctx.clone(), key_from_jwk)?,
    )?;
    native.set("cryptoKeyPublic", Function::new(ctx.clone(), key_public)?)?;
    native.set("cryptoKeyInfo", Function::new(ctx.clone(), key_info)?)?;
    native.set("cryptoKeyExport", Function::new(ctx.clone(), key_export)?)?;
    native.set("cryptoKeyJwk", Function::new(ctx.clone(), key_jwk)?)?;
    native.set("cryptoKeyEquals", Function::new(ctx.clone(), key_equals)?)?;
    native.set(
        "cryptoKeyGenerate",
        Function::new(ctx.clone(), key_generate)?,
    )?;
    native.set("cryptoSign", Function::new(ctx.clone(), sign)?)?;
    native.set("cryptoVerify", Function::new(ctx.clone(), verify)?)?;
    native.set(
        "cryptoRsaCrypt",
        Function::new(ctx.clone(), rsa_crypt_native)?,
    )?;
    native.set("cryptoEcdhPublic", Function::new(ctx.clone(), ecdh_public)?)?;
    native.set(
        "cryptoEcdhGenerate",
        Function::new(ctx.clone(), ecdh_generate)?,
    )?;
    native.set(
        "cryptoEcdhCompute",
        Function::new(ctx.clone(), ecdh_compute)?,
    )?;
    native.set(
        "cryptoEcdhConvert",
        Function::new(ctx.clone(), ecdh_convert)?,
    )?;
    native.set(
        "cryptoDiffieHellman",
        Function::new(ctx.clone(), diffie_hellman)?,
    )?;
    let curves: Vec<&str> = Curve::ALL.iter().map(|c| c.openssl_name()).collect();
    native.set("cryptoCurves", curves)?;
    Ok(())
}
