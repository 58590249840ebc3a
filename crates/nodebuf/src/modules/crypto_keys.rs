//! Asymmetric key material behind Node's `KeyObject` (`createPublicKey`/`createPrivateKey`,
//! `generateKeyPair`, `export`): RSA, RSA-PSS, EC (P-256, P-384, P-521, secp256k1), Ed25519
//! and X25519 keys, parsed from and written to PKCS#1, PKCS#8 (plain and PBES2-encrypted),
//! SPKI and SEC1 in DER or PEM, on RustCrypto's crates. The DER a key exports is the one
//! OpenSSL 3 writes for it (Node's bytes): EC PKCS#8 keeps the public point and drops the
//! curve from the inner structure, SEC1 keeps both, Ed25519/X25519 PKCS#8 is version 1 with no
//! public key.
//!
//! Failures are [`OsslError`]s carrying the OpenSSL text Node prints.

use der::asn1::{AnyRef, BitString, ObjectIdentifier, OctetStringRef};
use der::{Decode, Encode, Tagged};
use rsa::pkcs1::{
    DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey, EncodeRsaPublicKey,
};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use spki::AlgorithmIdentifierOwned;

/// An OpenSSL failure as Node reports it: `error:<hex>:<library>::<reason>`, with the
/// `library`, `reason` and `code` properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OsslError {
    /// OpenSSL's packed error number, in upper-case hex.
    pub hex: &'static str,
    /// The library text (`DECODER routines`).
    pub library: &'static str,
    /// The reason text (`unsupported`).
    pub reason: &'static str,
    /// Node's code (`ERR_OSSL_UNSUPPORTED`).
    pub code: &'static str,
}

/// An [`OsslError`] from its four texts (the form the key, signature and RSA modules list
/// OpenSSL's errors in).
pub(crate) const fn ossl(
    hex: &'static str,
    library: &'static str,
    reason: &'static str,
    code: &'static str,
) -> OsslError {
    OsslError {
        hex,
        library,
        reason,
        code,
    }
}

impl OsslError {
    /// The message Node shows.
    pub fn message(&self) -> String {
        format!("error:{}:{}::{}", self.hex, self.library, self.reason)
    }
}

/// What a key that no decoder accepts reports.
pub const DECODER_UNSUPPORTED: OsslError = OsslError {
    hex: "1E08010C",
    library: "DECODER routines",
    reason: "unsupported",
    code: "ERR_OSSL_UNSUPPORTED",
};
/// An encrypted key read without a passphrase.
pub const NO_PASSPHRASE: OsslError = OsslError {
    hex: "07880109",
    library: "common libcrypto routines",
    reason: "interrupted or cancelled",
    code: "ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED",
};
/// An encrypted key read with the wrong passphrase.
pub const BAD_DECRYPT: OsslError = OsslError {
    hex: "1C800064",
    library: "Provider routines",
    reason: "bad decrypt",
    code: "ERR_OSSL_BAD_DECRYPT",
};

type KeyResult<T> = std::result::Result<T, OsslError>;

// --- object identifiers ------------------------------------------------------------------

const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_RSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const OID_MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const OID_X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");

/// The named curves this runner has, with OpenSSL's and JWK's names for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-256 (prime256v1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// secp256k1.
    K256,
}

impl Curve {
    /// Every curve, in `crypto.getCurves()`'s order.
    pub const ALL: [Curve; 4] = [Curve::P256, Curve::P384, Curve::P521, Curve::K256];

    /// Resolves a curve name as Node does (`P-256`, `prime256v1`, `secp256r1`, ...).
    pub fn from_name(name: &str) -> Option<Curve> {
        match name {
            "prime256v1" | "P-256" | "secp256r1" => Some(Curve::P256),
            "secp384r1" | "P-384" => Some(Curve::P384),
            "secp521r1" | "P-521" => Some(Curve::P521),
            "secp256k1" => Some(Curve::K256),
            _ => None,
        }
    }

    /// OpenSSL's short name (`asymmetricKeyDetails.namedCurve`).
    pub fn openssl_name(self) -> &'static str {
        match self {
            Curve::P256 => "prime256v1",
            Curve::P384 => "secp384r1",
            Curve::P521 => "secp521r1",
            Curve::K256 => "secp256k1",
        }
    }

    /// JWK's `crv`.
    pub fn jwk_name(self) -> &'static str {
        match self {
            Curve::P256 => "P-256",
            Curve::P384 => "P-384",
            Curve::P521 => "P-521",
            Curve::K256 => "secp256k1",
        }
    }

    fn oid(self) -> ObjectIdentifier {
        match self {
            Curve::P256 => ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7"),
            Curve::P384 => ObjectIdentifier::new_unwrap("1.3.132.0.34"),
            Curve::P521 => ObjectIdentifier::new_unwrap("1.3.132.0.35"),
            Curve::K256 => ObjectIdentifier::new_unwrap("1.3.132.0.10"),
        }
    }

    fn from_oid(oid: ObjectIdentifier) -> Option<Curve> {
        Curve::ALL.into_iter().find(|c| c.oid() == oid)
    }

    /// Bytes of a scalar / coordinate.
    pub fn field_len(self) -> usize {
        match self {
            Curve::P256 | Curve::K256 => 32,
            Curve::P384 => 48,
            Curve::P521 => 66,
        }
    }
}

/// Runs `$body` with `$C` bound to the RustCrypto curve type of `$curve`.
macro_rules! with_curve {
    ($curve:expr, $C:ident => $body:expr) => {
        match $curve {
            $crate::modules::crypto_keys::Curve::P256 => {
                type $C = p256::NistP256;
                $body
            }
            $crate::modules::crypto_keys::Curve::P384 => {
                type $C = p384::NistP384;
                $body
            }
            $crate::modules::crypto_keys::Curve::P521 => {
                type $C = p521::NistP521;
                $body
            }
            $crate::modules::crypto_keys::Curve::K256 => {
                type $C = k256::Secp256k1;
                $body
            }
        }
    };
}
pub(crate) use with_curve;

/// The public point of `scalar` on `curve`, uncompressed; `None` for a scalar out of range.
pub fn ec_public_of(curve: Curve, scalar: &[u8]) -> Option<Vec<u8>> {
    with_curve!(curve, C => {
        let secret = elliptic_curve::SecretKey::<C>::from_slice(scalar).ok()?;
        use elliptic_curve::sec1::ToEncodedPoint;
        Some(secret.public_key().to_encoded_point(false).as_bytes().to_vec())
    })
}

/// `point` (any SEC1 form) re-encoded in `compressed` form; `None` when it is not on the curve.
pub fn ec_point_convert(curve: Curve, point: &[u8], compressed: bool) -> Option<Vec<u8>> {
    with_curve!(curve, C => {
        let public = elliptic_curve::PublicKey::<C>::from_sec1_bytes(point).ok()?;
        use elliptic_curve::sec1::ToEncodedPoint;
        Some(public.to_encoded_point(compressed).as_bytes().to_vec())
    })
}

/// A fresh random scalar on `curve` (big-endian, the field's length).
pub fn ec_random_scalar(curve: Curve) -> Vec<u8> {
    with_curve!(curve, C => {
        elliptic_curve::SecretKey::<C>::random(&mut rand_core::OsRng).to_bytes().to_vec()
    })
}

// --- RSA-PSS parameters ------------------------------------------------------------------

/// Digests RSA-PSS parameters and DigestInfo prefixes may name: Node's name and OID.
pub const DIGEST_OIDS: &[(&str, &str)] = &[
    ("md5", "1.2.840.113549.2.5"),
    ("sha1", "1.3.14.3.2.26"),
    ("sha224", "2.16.840.1.101.3.4.2.4"),
    ("sha256", "2.16.840.1.101.3.4.2.1"),
    ("sha384", "2.16.840.1.101.3.4.2.2"),
    ("sha512", "2.16.840.1.101.3.4.2.3"),
    ("sha512-224", "2.16.840.1.101.3.4.2.5"),
    ("sha512-256", "2.16.840.1.101.3.4.2.6"),
    ("sha3-224", "2.16.840.1.101.3.4.2.7"),
    ("sha3-256", "2.16.840.1.101.3.4.2.8"),
    ("sha3-384", "2.16.840.1.101.3.4.2.9"),
    ("sha3-512", "2.16.840.1.101.3.4.2.10"),
    ("ripemd160", "1.3.36.3.2.1"),
];

fn digest_oid(name: &str) -> Option<ObjectIdentifier> {
    DIGEST_OIDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, oid)| ObjectIdentifier::new_unwrap(oid))
}

fn digest_name(oid: ObjectIdentifier) -> Option<&'static str> {
    DIGEST_OIDS
        .iter()
        .find(|(_, o)| ObjectIdentifier::new_unwrap(o) == oid)
        .map(|(n, _)| *n)
}

/// The restrictions an RSA-PSS key carries (RFC 4055 RSASSA-PSS-params).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PssParams {
    /// The message digest (Node's name).
    pub hash: &'static str,
    /// MGF1's digest.
    pub mgf1_hash: &'static str,
    /// The minimum salt length.
    pub salt_len: u32,
}

fn hash_algorithm_der(name: &str) -> Vec<u8> {
    // AlgorithmIdentifier { oid, NULL } as OpenSSL writes it for digests.
    let oid = digest_oid(name).expect("known digest");
    let id = AlgorithmIdentifierOwned {
        oid,
        parameters: Some(der::Any::null()),
    };
    id.to_der().expect("encodable")
}

fn explicit(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![0xa0 | tag];
    push_len(&mut out, content.len());
    out.extend_from_slice(content);
    out
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend_from_slice(&[0x81, len as u8]);
    } else {
        out.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]);
    }
}

fn sequence(content: &[u8]) -> Vec<u8> {
    let mut out = vec![0x30];
    push_len(&mut out, content.len());
    out.extend_from_slice(content);
    out
}

impl PssParams {
    /// The DER of RSASSA-PSS-params, fields at their defaults (sha1, mgf1 sha1, 20) left
    /// out as DER requires.
    fn to_der(&self) -> Vec<u8> {
        let mut body = Vec::new();
        if self.hash != "sha1" {
            body.extend(explicit(0, &hash_algorithm_der(self.hash)));
        }
        if self.mgf1_hash != "sha1" {
            let mut mgf = OID_MGF1.to_der().expect("encodable");
            mgf.extend(hash_algorithm_der(self.mgf1_hash));
            body.extend(explicit(1, &sequence(&mgf)));
        }
        if self.salt_len != 20 {
            let int = der::asn1::Uint::new(&self.salt_len.to_be_bytes())
                .expect("encodable")
                .to_der()
                .expect("encodable");
            body.extend(explicit(2, &int));
        }
        sequence(&body)
    }

    fn from_der(bytes: &[u8]) -> KeyResult<PssParams> {
        let mut params = PssParams {
            hash: "sha1",
            mgf1_hash: "sha1",
            salt_len: 20,
        };
        let bad = || DECODER_UNSUPPORTED;
        let seq: Vec<der::Any> = Vec::from_der(bytes).map_err(|_| bad())?;
        for field in seq {
            let tag = field.tag();
            let der::Tag::ContextSpecific { number, .. } = tag else {
                return Err(bad());
            };
            let inner = der::Any::from_der(field.value()).map_err(|_| bad())?;
            match number.value() {
                0 => {
                    let id =
                        AlgorithmIdentifierOwned::from_der(&inner.to_der().map_err(|_| bad())?)
                            .map_err(|_| bad())?;
                    params.hash = digest_name(id.oid).ok_or_else(bad)?;
                }
                1 => {
                    let id =
                        AlgorithmIdentifierOwned::from_der(&inner.to_der().map_err(|_| bad())?)
                            .map_err(|_| bad())?;
                    if id.oid != OID_MGF1 {
                        return Err(bad());
                    }
                    let hash = id.parameters.ok_or_else(bad)?;
                    let hash =
                        AlgorithmIdentifierOwned::from_der(&hash.to_der().map_err(|_| bad())?)
                            .map_err(|_| bad())?;
                    params.mgf1_hash = digest_name(hash.oid).ok_or_else(bad)?;
                }
                2 => {
                    let int = der::asn1::Uint::from_der(&inner.to_der().map_err(|_| bad())?)
                        .map_err(|_| bad())?;
                    let mut value: u64 = 0;
                    for b in int.as_bytes() {
                        value = value.checked_mul(256).ok_or_else(bad)? + u64::from(*b);
                    }
                    params.salt_len = u32::try_from(value).map_err(|_| bad())?;
                }
                3 => {}
                _ => return Err(bad()),
            }
        }
        Ok(params)
    }
}

// --- key material ------------------------------------------------------------------------

/// The key material of one asymmetric key (the private half is `None` for a public key).
#[derive(Clone)]
pub enum Material {
    /// RSA or RSA-PSS (`pss` is `Some` for an RSA-PSS key, with its parameters if it has any).
    Rsa {
        /// The public key.
        public: RsaPublicKey,
        /// The private key.
        private: Option<Box<RsaPrivateKey>>,
        /// `Some` for RSA-PSS keys.
        pss: Option<Option<PssParams>>,
    },
    /// An EC key on a named curve.
    Ec {
        /// The curve.
        curve: Curve,
        /// The public point, uncompressed.
        public: Vec<u8>,
        /// The private scalar, the field's length.
        private: Option<Vec<u8>>,
    },
    /// Ed25519.
    Ed25519 {
        /// The public key.
        public: [u8; 32],
        /// The seed.
        private: Option<[u8; 32]>,
    },
    /// X25519.
    X25519 {
        /// The public key.
        public: [u8; 32],
        /// The private scalar.
        private: Option<[u8; 32]>,
    },
}

/// Key encodings Node names in `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// PKCS#1 (RSA only).
    Pkcs1,
    /// PKCS#8 (private keys).
    Pkcs8,
    /// SubjectPublicKeyInfo (public keys).
    Spki,
    /// SEC1 (EC private keys).
    Sec1,
}

impl Encoding {
    /// Node's `type` names.
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name {
            "pkcs1" => Some(Encoding::Pkcs1),
            "pkcs8" => Some(Encoding::Pkcs8),
            "spki" => Some(Encoding::Spki),
            "sec1" => Some(Encoding::Sec1),
            _ => None,
        }
    }
}

fn rsa_public_of(private: &RsaPrivateKey) -> RsaPublicKey {
    private.to_public_key()
}

fn ed25519_public_of(seed: &[u8; 32]) -> [u8; 32] {
    ed25519_dalek::SigningKey::from_bytes(seed)
        .verifying_key()
        .to_bytes()
}

fn x25519_public_of(scalar: &[u8; 32]) -> [u8; 32] {
    x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(*scalar)).to_bytes()
}

impl Material {
    /// Whether the private half is present.
    pub fn is_private(&self) -> bool {
        match self {
            Material::Rsa { private, .. } => private.is_some(),
            Material::Ec { private, .. } => private.is_some(),
            Material::Ed25519 { private, .. } | Material::X25519 { private, .. } => {
                private.is_some()
            }
        }
    }

    /// The public half alone.
    pub fn public_only(&self) -> Material {
        match self {
            Material::Rsa { public, pss, .. } => Material::Rsa {
                public: public.clone(),
                private: None,
                pss: pss.clone(),
            },
            Material::Ec { curve, public, .. } => Material::Ec {
                curve: *curve,
                public: public.clone(),
                private: None,
            },
            Material::Ed25519 { public, .. } => Material::Ed25519 {
                public: *public,
                private: None,
            },
            Material::X25519 { public, .. } => Material::X25519 {
                public: *public,
                private: None,
            },
        }
    }

    /// Node's `asymmetricKeyType`.
    pub fn key_type(&self) -> &'static str {
        match self {
            Material::Rsa { pss: None, .. } => "rsa",
            Material::Rsa { pss: Some(_), .. } => "rsa-pss",
            Material::Ec { .. } => "ec",
            Material::Ed25519 { .. } => "ed25519",
            Material::X25519 { .. } => "x25519",
        }
    }

    /// Whether two keys are the same key (same type, same public and private parts).
    pub fn same_as(&self, other: &Material) -> bool {
        if self.key_type() != other.key_type() || self.is_private() != other.is_private() {
            return false;
        }
        match (self, other) {
            (
                Material::Rsa {
                    public: a,
                    private: pa,
                    ..
                },
                Material::Rsa {
                    public: b,
                    private: pb,
                    ..
                },
            ) => a == b && pa.as_ref().map(|k| k.d()) == pb.as_ref().map(|k| k.d()),
            (
                Material::Ec {
                    curve: ca,
                    public: a,
                    private: pa,
                },
                Material::Ec {
                    curve: cb,
                    public: b,
                    private: pb,
                },
            ) => ca == cb && a == b && pa == pb,
            (
                Material::Ed25519 {
                    public: a,
                    private: pa,
                },
                Material::Ed25519 {
                    public: b,
                    private: pb,
                },
            )
            | (
                Material::X25519 {
                    public: a,
                    private: pa,
                },
                Material::X25519 {
                    public: b,
                    private: pb,
                },
            ) => a == b && pa == pb,
            _ => false,
        }
    }

    fn algorithm_identifier(&self) -> AlgorithmIdentifierOwned {
        match self {
            Material::Rsa { pss: None, .. } => AlgorithmIdentifierOwned {
                oid: OID_RSA,
                parameters: Some(der::Any::null()),
            },
            Material::Rsa {
                pss: Some(params), ..
            } => AlgorithmIdentifierOwned {
                oid: OID_RSA_PSS,
                parameters: params
                    .as_ref()
                    .map(|p| der::Any::from_der(&p.to_der()).expect("valid params")),
            },
            Material::Ec { curve, .. } => AlgorithmIdentifierOwned {
                oid: OID_EC,
                parameters: Some(der::Any::from(&curve.oid())),
            },
            Material::Ed25519 { .. } => AlgorithmIdentifierOwned {
                oid: OID_ED25519,
                parameters: None,
            },
            Material::X25519 { .. } => AlgorithmIdentifierOwned {
                oid: OID_X25519,
                parameters: None,
            },
        }
    }

    /// The public key in SubjectPublicKeyInfo DER.
    pub fn spki_der(&self) -> Vec<u8> {
        let key_bits = match self {
            Material::Rsa { public, .. } => public.to_pkcs1_der().expect("encodable").into_vec(),
            Material::Ec { public, .. } => public.clone(),
            Material::Ed25519 { public, .. } | Material::X25519 { public, .. } => public.to_vec(),
        };
        let info = spki::SubjectPublicKeyInfoOwned {
            algorithm: self.algorithm_identifier(),
            subject_public_key: BitString::from_bytes(&key_bits).expect("encodable"),
        };
        info.to_der().expect("encodable")
    }

    /// The public key in PKCS#1 DER (RSA only).
    pub fn pkcs1_public_der(&self) -> Option<Vec<u8>> {
        match self {
            Material::Rsa { public, .. } => {
                Some(public.to_pkcs1_der().expect("encodable").into_vec())
            }
            _ => None,
        }
    }

    /// The private key in PKCS#1 DER (RSA only).
    pub fn pkcs1_private_der(&self) -> Option<Vec<u8>> {
        match self {
            Material::Rsa {
                private: Some(k), ..
            } => Some(k.to_pkcs1_der().expect("encodable").as_bytes().to_vec()),
            _ => None,
        }
    }

    /// The private key in SEC1 DER, curve and public point included (EC only).
    pub fn sec1_der(&self) -> Option<Vec<u8>> {
        match self {
            Material::Ec {
                curve,
                public,
                private: Some(scalar),
            } => Some(ec_private_der(*curve, scalar, public, true)),
            _ => None,
        }
    }

    /// The private key in PKCS#8 DER.
    pub fn pkcs8_der(&self) -> Option<Vec<u8>> {
        let inner = match self {
            Material::Rsa {
                private: Some(k), ..
            } => k.to_pkcs1_der().expect("encodable").as_bytes().to_vec(),
            Material::Ec {
                curve,
                public,
                private: Some(scalar),
            } => ec_private_der(*curve, scalar, public, false),
            Material::Ed25519 {
                private: Some(seed),
                ..
            }
            | Material::X25519 {
                private: Some(seed),
                ..
            } => OctetStringRef::new(seed)
                .expect("encodable")
                .to_der()
                .expect("encodable"),
            _ => return None,
        };
        let algorithm = self.algorithm_identifier();
        let params_der = algorithm
            .parameters
            .as_ref()
            .map(|p| p.to_der().expect("encodable"));
        let params_ref = params_der
            .as_ref()
            .map(|d| AnyRef::from_der(d).expect("valid"));
        let info = pkcs8::PrivateKeyInfo {
            algorithm: spki::AlgorithmIdentifierRef {
                oid: algorithm.oid,
                parameters: params_ref,
            },
            private_key: &inner,
            public_key: None,
        };
        Some(info.to_der().expect("encodable"))
    }

    /// The key's JWK members after `kty` (and `crv`), as Node orders them, unencoded.
    pub fn jwk_parts(&self) -> Vec<(&'static str, Vec<u8>)> {
        match self {
            Material::Rsa {
                public, private, ..
            } => {
                let mut parts = vec![
                    ("n", public.n().to_bytes_be()),
                    ("e", public.e().to_bytes_be()),
                ];
                if let Some(k) = private {
                    let primes = k.primes();
                    let one = BigUint::from(1u8);
                    let (p, q) = (&primes[0], &primes[1]);
                    parts.push(("d", k.d().to_bytes_be()));
                    parts.push(("p", p.to_bytes_be()));
                    parts.push(("q", q.to_bytes_be()));
                    parts.push(("dp", (k.d() % (p - &one)).to_bytes_be()));
                    parts.push(("dq", (k.d() % (q - &one)).to_bytes_be()));
                    let qi = k.crt_coefficient().expect("two-prime key").to_bytes_be();
                    parts.push(("qi", qi));
                }
                parts
            }
            Material::Ec {
                curve,
                public,
                private,
            } => {
                let n = curve.field_len();
                let mut parts = vec![
                    ("x", public[1..1 + n].to_vec()),
                    ("y", public[1 + n..].to_vec()),
                ];
                if let Some(d) = private {
                    parts.push(("d", d.clone()));
                }
                parts
            }
            Material::Ed25519 { public, private } | Material::X25519 { public, private } => {
                let mut parts = Vec::new();
                if let Some(d) = private {
                    parts.push(("d", d.to_vec()));
                }
                parts.push(("x", public.to_vec()));
                parts
            }
        }
    }
}

fn ec_private_der(curve: Curve, scalar: &[u8], public: &[u8], with_curve: bool) -> Vec<u8> {
    let key = sec1::EcPrivateKey {
        private_key: scalar,
        parameters: with_curve.then(|| sec1::EcParameters::NamedCurve(curve.oid())),
        public_key: Some(public),
    };
    key.to_der().expect("encodable")
}

// --- parsing -----------------------------------------------------------------------------

fn rsa_from_private(key: RsaPrivateKey, pss: Option<Option<PssParams>>) -> Material {
    Material::Rsa {
        public: rsa_public_of(&key),
        private: Some(Box::new(key)),
        pss,
    }
}

fn rsa_private_from_pkcs1(der: &[u8]) -> KeyResult<RsaPrivateKey> {
    // Two-prime keys only (what Node's generator and every common tool make).
    let key = RsaPrivateKey::from_pkcs1_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
    if key.primes().len() != 2 {
        return Err(DECODER_UNSUPPORTED);
    }
    Ok(key)
}

fn ec_from_sec1(der: &[u8], outer_curve: Option<Curve>) -> KeyResult<Material> {
    let key = sec1::EcPrivateKey::from_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
    let inner_curve = key
        .parameters
        .and_then(|p| p.named_curve())
        .map(|oid| Curve::from_oid(oid).ok_or(DECODER_UNSUPPORTED))
        .transpose()?;
    let curve = outer_curve.or(inner_curve).ok_or(DECODER_UNSUPPORTED)?;
    let mut scalar = key.private_key.to_vec();
    let n = curve.field_len();
    if scalar.len() > n {
        return Err(DECODER_UNSUPPORTED);
    }
    while scalar.len() < n {
        scalar.insert(0, 0);
    }
    let public = ec_public_of(curve, &scalar).ok_or(DECODER_UNSUPPORTED)?;
    Ok(Material::Ec {
        curve,
        public,
        private: Some(scalar),
    })
}

fn pss_from_parameters(params: Option<AnyRef<'_>>) -> KeyResult<Option<PssParams>> {
    match params {
        None => Ok(None),
        Some(any) => {
            let der = any.to_der().map_err(|_| DECODER_UNSUPPORTED)?;
            PssParams::from_der(&der).map(Some)
        }
    }
}

/// Reads a PKCS#8 PrivateKeyInfo.
pub fn parse_pkcs8(der: &[u8]) -> KeyResult<Material> {
    let info = pkcs8::PrivateKeyInfo::from_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
    let oid = info.algorithm.oid;
    if oid == OID_RSA {
        Ok(rsa_from_private(
            rsa_private_from_pkcs1(info.private_key)?,
            None,
        ))
    } else if oid == OID_RSA_PSS {
        let pss = pss_from_parameters(info.algorithm.parameters)?;
        Ok(rsa_from_private(
            rsa_private_from_pkcs1(info.private_key)?,
            Some(pss),
        ))
    } else if oid == OID_EC {
        let curve_oid = info
            .algorithm
            .parameters_oid()
            .map_err(|_| DECODER_UNSUPPORTED)?;
        let curve = Curve::from_oid(curve_oid).ok_or(DECODER_UNSUPPORTED)?;
        ec_from_sec1(info.private_key, Some(curve))
    } else if oid == OID_ED25519 || oid == OID_X25519 {
        let inner = OctetStringRef::from_der(info.private_key).map_err(|_| DECODER_UNSUPPORTED)?;
        let seed: [u8; 32] = inner
            .as_bytes()
            .try_into()
            .map_err(|_| DECODER_UNSUPPORTED)?;
        Ok(okp_from_seed(oid == OID_ED25519, seed))
    } else {
        Err(DECODER_UNSUPPORTED)
    }
}

/// Reads a SubjectPublicKeyInfo.
pub fn parse_spki(der: &[u8]) -> KeyResult<Material> {
    let info = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
    let oid = info.algorithm.oid;
    let bits = info
        .subject_public_key
        .as_bytes()
        .ok_or(DECODER_UNSUPPORTED)?;
    if oid == OID_RSA || oid == OID_RSA_PSS {
        let public = RsaPublicKey::from_pkcs1_der(bits).map_err(|_| DECODER_UNSUPPORTED)?;
        let pss = if oid == OID_RSA_PSS {
            Some(pss_from_parameters(info.algorithm.parameters)?)
        } else {
            None
        };
        Ok(Material::Rsa {
            public,
            private: None,
            pss,
        })
    } else if oid == OID_EC {
        let curve_oid = info
            .algorithm
            .parameters_oid()
            .map_err(|_| DECODER_UNSUPPORTED)?;
        let curve = Curve::from_oid(curve_oid).ok_or(DECODER_UNSUPPORTED)?;
        let public = ec_point_convert(curve, bits, false).ok_or(DECODER_UNSUPPORTED)?;
        Ok(Material::Ec {
            curve,
            public,
            private: None,
        })
    } else if oid == OID_ED25519 || oid == OID_X25519 {
        let public: [u8; 32] = bits.try_into().map_err(|_| DECODER_UNSUPPORTED)?;
        Ok(if oid == OID_ED25519 {
            Material::Ed25519 {
                public,
                private: None,
            }
        } else {
            Material::X25519 {
                public,
                private: None,
            }
        })
    } else {
        Err(DECODER_UNSUPPORTED)
    }
}

/// Decrypts a PKCS#8 EncryptedPrivateKeyInfo and reads the key inside.
pub fn parse_encrypted_pkcs8(der: &[u8], passphrase: Option<&[u8]>) -> KeyResult<Material> {
    let info = pkcs8::EncryptedPrivateKeyInfo::from_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
    let passphrase = passphrase.ok_or(NO_PASSPHRASE)?;
    // A wrong passphrase usually breaks the CBC padding (bad decrypt); when the padding
    // happens to look right, the garbage inside is no key (the decoders' error), as in OpenSSL.
    let plain = info
        .encryption_algorithm
        .decrypt(passphrase, info.encrypted_data)
        .map_err(|_| BAD_DECRYPT)?;
    parse_pkcs8(&plain)
}

/// Reads a DER key of encoding `encoding`; `private` says which kind the caller wants
/// (a public key may also be read out of private material).
pub fn parse_der(
    der: &[u8],
    encoding: Encoding,
    private: bool,
    passphrase: Option<&[u8]>,
) -> KeyResult<Material> {
    match encoding {
        Encoding::Spki if !private => parse_spki(der),
        Encoding::Pkcs1 => {
            if let Ok(key) = rsa_private_from_pkcs1(der) {
                return Ok(rsa_from_private(key, None));
            }
            if private {
                return Err(DECODER_UNSUPPORTED);
            }
            let public = RsaPublicKey::from_pkcs1_der(der).map_err(|_| DECODER_UNSUPPORTED)?;
            Ok(Material::Rsa {
                public,
                private: None,
                pss: None,
            })
        }
        Encoding::Pkcs8 => {
            if pkcs8::EncryptedPrivateKeyInfo::from_der(der).is_ok() {
                return parse_encrypted_pkcs8(der, passphrase);
            }
            parse_pkcs8(der)
        }
        Encoding::Sec1 => ec_from_sec1(der, None),
        Encoding::Spki => Err(DECODER_UNSUPPORTED),
    }
}

/// Reads a PEM key (the first PEM block in `text`; text before it is ignored, as OpenSSL's
/// reader skips it). Public readers accept private blocks and keep their public half.
pub fn parse_pem(text: &[u8], private: bool, passphrase: Option<&[u8]>) -> KeyResult<Material> {
    let start = find(text, b"-----BEGIN ").ok_or(DECODER_UNSUPPORTED)?;
    let (label, der) = if find(&text[start..], b"Proc-Type: 4,ENCRYPTED").is_some() {
        let text = std::str::from_utf8(&text[start..]).map_err(|_| DECODER_UNSUPPORTED)?;
        legacy_pem_decrypt(text, passphrase)?
    } else {
        let (label, der) = der::pem::decode_vec(&text[start..]).map_err(|_| DECODER_UNSUPPORTED)?;
        (label.to_string(), der)
    };
    match label.as_str() {
        "PUBLIC KEY" if !private => parse_spki(&der),
        "RSA PUBLIC KEY" if !private => parse_der(&der, Encoding::Pkcs1, false, None),
        "RSA PRIVATE KEY" => Ok(rsa_from_private(rsa_private_from_pkcs1(&der)?, None)),
        "PRIVATE KEY" => parse_pkcs8(&der),
        "ENCRYPTED PRIVATE KEY" => parse_encrypted_pkcs8(&der, passphrase),
        "EC PRIVATE KEY" => ec_from_sec1(&der, None),
        _ => Err(DECODER_UNSUPPORTED),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// PEM text of `der` under `label`, 64-column lines, `\n` endings (OpenSSL's layout).
pub fn pem(label: &str, der: &[u8]) -> String {
    der::pem::encode_string(label, der::pem::LineEnding::LF, der).expect("encodable")
}

/// The PBES2 ciphers Node's `cipher` option may name for encrypted PKCS#8 here.
pub fn pbes2_encrypt(der: &[u8], cipher: &str, passphrase: &[u8]) -> Option<Vec<u8>> {
    use rand_core::RngCore;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut salt);
    rand_core::OsRng.fill_bytes(&mut iv);
    // OpenSSL 3's defaults: PBKDF2 with hmacWithSHA256, 2048 iterations, 16-byte salt.
    let kdf = pkcs8::pkcs5::pbes2::Pbkdf2Params::hmac_with_sha256(2048, &salt).ok()?;
    let encryption = match cipher.to_ascii_lowercase().as_str() {
        "aes-128-cbc" | "aes128" => pkcs8::pkcs5::pbes2::EncryptionScheme::Aes128Cbc { iv: &iv },
        "aes-192-cbc" | "aes192" => pkcs8::pkcs5::pbes2::EncryptionScheme::Aes192Cbc { iv: &iv },
        "aes-256-cbc" | "aes256" => pkcs8::pkcs5::pbes2::EncryptionScheme::Aes256Cbc { iv: &iv },
        _ => return None,
    };
    let params = pkcs8::pkcs5::pbes2::Parameters {
        kdf: kdf.into(),
        encryption,
    };
    let encrypted_data = params.encrypt(passphrase, der).ok()?;
    let info = pkcs8::EncryptedPrivateKeyInfo {
        encryption_algorithm: pkcs8::pkcs5::EncryptionScheme::Pbes2(params),
        encrypted_data: &encrypted_data,
    };
    info.to_der().ok()
}

/// The key and IV sizes of the CBC ciphers legacy PEM encryption may name.
fn legacy_cipher(name: &str) -> Option<(&'static str, usize)> {
    match name.to_ascii_lowercase().as_str() {
        "aes-128-cbc" | "aes128" => Some(("AES-128-CBC", 16)),
        "aes-192-cbc" | "aes192" => Some(("AES-192-CBC", 24)),
        "aes-256-cbc" | "aes256" => Some(("AES-256-CBC", 32)),
        _ => None,
    }
}

/// OpenSSL's EVP_BytesToKey with MD5 and one round: the legacy PEM key from the passphrase and
/// the IV's first 8 bytes.
fn legacy_key(passphrase: &[u8], salt: &[u8], len: usize) -> Vec<u8> {
    use md5::Digest;
    let mut out = Vec::new();
    let mut prev: Vec<u8> = Vec::new();
    while out.len() < len {
        let mut h = md5::Md5::new();
        h.update(&prev);
        h.update(passphrase);
        h.update(salt);
        prev = h.finalize().to_vec();
        out.extend_from_slice(&prev);
    }
    out.truncate(len);
    out
}

fn legacy_crypt(name: &str, key: &[u8], iv: &[u8], data: &[u8], encrypt: bool) -> Option<Vec<u8>> {
    use aes::cipher::{block_padding::Pkcs7, BlockDecryptMut, BlockEncryptMut, KeyIvInit};
    macro_rules! run {
        ($aes:ty) => {
            if encrypt {
                let mut buf = data.to_vec();
                buf.resize(data.len() + 16, 0);
                let enc = cbc::Encryptor::<$aes>::new_from_slices(key, iv).ok()?;
                Some(
                    enc.encrypt_padded_mut::<Pkcs7>(&mut buf, data.len())
                        .ok()?
                        .to_vec(),
                )
            } else {
                let mut buf = data.to_vec();
                let dec = cbc::Decryptor::<$aes>::new_from_slices(key, iv).ok()?;
                Some(dec.decrypt_padded_mut::<Pkcs7>(&mut buf).ok()?.to_vec())
            }
        };
    }
    match name {
        "AES-128-CBC" => run!(aes::Aes128),
        "AES-192-CBC" => run!(aes::Aes192),
        _ => run!(aes::Aes256),
    }
}

/// PKCS#1/SEC1 PEM encrypted the legacy way (`Proc-Type: 4,ENCRYPTED` and `DEK-Info`
/// headers), as OpenSSL writes it when Node's `cipher` option meets a pkcs1/sec1 PEM export;
/// `None` for a cipher this runner cannot use.
pub fn legacy_pem_encrypt(
    label: &str,
    der: &[u8],
    cipher: &str,
    passphrase: &[u8],
) -> Option<String> {
    use rand_core::RngCore;
    let (name, key_len) = legacy_cipher(cipher)?;
    let mut iv = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut iv);
    let key = legacy_key(passphrase, &iv[..8], key_len);
    let body = legacy_crypt(name, &key, &iv, der, true)?;
    let text = pem(label, &body);
    let first = text.find('\n')? + 1;
    let iv_hex: String = iv.iter().map(|b| format!("{b:02X}")).collect();
    Some(format!(
        "{}Proc-Type: 4,ENCRYPTED\nDEK-Info: {name},{iv_hex}\n\n{}",
        &text[..first],
        &text[first..]
    ))
}

/// Reads a legacy-encrypted PEM block: the label and the decrypted DER.
fn legacy_pem_decrypt(text: &str, passphrase: Option<&[u8]>) -> KeyResult<(String, Vec<u8>)> {
    let mut lines = text.lines();
    let begin = lines.next().ok_or(DECODER_UNSUPPORTED)?;
    let mut dek = None;
    let mut body = String::new();
    let mut in_headers = true;
    for line in lines.by_ref() {
        if in_headers {
            if line.trim().is_empty() {
                in_headers = false;
            } else if let Some(value) = line.strip_prefix("DEK-Info:") {
                dek = Some(value.trim().to_string());
            }
            continue;
        }
        if line.starts_with("-----END ") {
            body.push_str(line);
            body.push('\n');
            break;
        }
        body.push_str(line);
        body.push('\n');
    }
    let dek = dek.ok_or(DECODER_UNSUPPORTED)?;
    let (name, iv_hex) = dek.split_once(',').ok_or(DECODER_UNSUPPORTED)?;
    let (name, key_len) = legacy_cipher(name).ok_or(DECODER_UNSUPPORTED)?;
    let iv: Vec<u8> = (0..iv_hex.len() / 2)
        .map(|i| u8::from_str_radix(&iv_hex[2 * i..2 * i + 2], 16))
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| DECODER_UNSUPPORTED)?;
    if iv.len() != 16 {
        return Err(DECODER_UNSUPPORTED);
    }
    let plain_pem = format!("{begin}\n{body}");
    let (label, encrypted) =
        der::pem::decode_vec(plain_pem.as_bytes()).map_err(|_| DECODER_UNSUPPORTED)?;
    let passphrase = passphrase.ok_or(NO_PASSPHRASE)?;
    let key = legacy_key(passphrase, &iv[..8], key_len);
    let der = legacy_crypt(name, &key, &iv, &encrypted, false).ok_or(BAD_DECRYPT)?;
    Ok((label.to_string(), der))
}

// --- JWK ---------------------------------------------------------------------------------

/// Builds a key from JWK members (already base64url-decoded by the JS half), `None` when
/// they do not make a valid key.
pub fn from_jwk(kty: &str, crv: &str, parts: &[Vec<u8>], private: bool) -> Option<Material> {
    match kty {
        "RSA" => {
            let n = BigUint::from_bytes_be(parts.first()?);
            let e = BigUint::from_bytes_be(parts.get(1)?);
            if private {
                let d = BigUint::from_bytes_be(parts.get(2)?);
                let p = BigUint::from_bytes_be(parts.get(3)?);
                let q = BigUint::from_bytes_be(parts.get(4)?);
                let key = RsaPrivateKey::from_components(n, e, d, vec![p, q]).ok()?;
                key.validate().ok()?;
                Some(rsa_from_private(key, None))
            } else {
                Some(Material::Rsa {
                    public: RsaPublicKey::new(n, e).ok()?,
                    private: None,
                    pss: None,
                })
            }
        }
        "EC" => {
            let curve = Curve::from_name(crv)?;
            let n = curve.field_len();
            let (x, y) = (parts.first()?, parts.get(1)?);
            if x.len() != n || y.len() != n {
                return None;
            }
            let mut point = vec![4u8];
            point.extend_from_slice(x);
            point.extend_from_slice(y);
            let public = ec_point_convert(curve, &point, false)?;
            let private = if private {
                let d = parts.get(2)?;
                if d.len() != n || ec_public_of(curve, d)? != public {
                    return None;
                }
                Some(d.clone())
            } else {
                None
            };
            Some(Material::Ec {
                curve,
                public,
                private,
            })
        }
        "OKP" => {
            let x: [u8; 32] = parts.first()?.as_slice().try_into().ok()?;
            let d: Option<[u8; 32]> = if private {
                Some(parts.get(1)?.as_slice().try_into().ok()?)
            } else {
                None
            };
            match crv {
                "Ed25519" => Some(Material::Ed25519 {
                    public: d.as_ref().map(ed25519_public_of).unwrap_or(x),
                    private: d,
                }),
                "X25519" => Some(Material::X25519 {
                    public: d.as_ref().map(x25519_public_of).unwrap_or(x),
                    private: d,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

// --- generation --------------------------------------------------------------------------

/// Makes an RSA key of `bits` with public exponent `exponent`.
pub fn generate_rsa(
    bits: usize,
    exponent: u64,
    pss: Option<Option<PssParams>>,
) -> Option<Material> {
    let key =
        RsaPrivateKey::new_with_exp(&mut rand_core::OsRng, bits, &BigUint::from(exponent)).ok()?;
    Some(rsa_from_private(key, pss))
}

/// Makes an EC key on `curve`.
pub fn generate_ec(curve: Curve) -> Material {
    let scalar = ec_random_scalar(curve);
    let public = ec_public_of(curve, &scalar).expect("valid scalar");
    Material::Ec {
        curve,
        public,
        private: Some(scalar),
    }
}

/// Makes an Ed25519 (`ed = true`) or X25519 key.
pub fn generate_okp(ed: bool) -> Material {
    use rand_core::RngCore;
    let mut seed = [0u8; 32];
    rand_core::OsRng.fill_bytes(&mut seed);
    okp_from_seed(ed, seed)
}

/// The Ed25519 (`ed = true`) or X25519 private key whose 32-byte seed is `seed`, with its
/// public key derived from it.
fn okp_from_seed(ed: bool, seed: [u8; 32]) -> Material {
    if ed {
        Material::Ed25519 {
            public: ed25519_public_of(&seed),
            private: Some(seed),
        }
    } else {
        Material::X25519 {
            public: x25519_public_of(&seed),
            private: Some(seed),
        }
    }
}

/// The DigestInfo prefix PKCS#1 v1.5 signatures put before a digest named `name`.
pub fn digest_info_prefix(name: &str, len: usize) -> Option<Vec<u8>> {
    let id = hash_algorithm_der(DIGEST_OIDS.iter().find(|(n, _)| *n == name)?.0);
    let mut body = id;
    body.push(0x04);
    push_len(&mut body, len);
    let mut out = vec![0x30];
    push_len(&mut out, body.len() + len);
    out.extend(body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pss_params_round_trip() {
        let p = PssParams {
            hash: "sha256",
            mgf1_hash: "sha512",
            salt_len: 32,
        };
        assert_eq!(PssParams::from_der(&p.to_der()).unwrap(), p);
        let d = PssParams {
            hash: "sha1",
            mgf1_hash: "sha1",
            salt_len: 20,
        };
        assert_eq!(d.to_der(), vec![0x30, 0]);
    }

    #[test]
    fn digest_info_prefix_matches_rsa_crate() {
        let ours = digest_info_prefix("sha256", 32).unwrap();
        let theirs = rsa::Pkcs1v15Sign::new::<sha2::Sha256>().prefix;
        assert_eq!(ours, theirs.to_vec());
    }

    #[test]
    fn generated_keys_round_trip_through_every_encoding() {
        for curve in Curve::ALL {
            let key = generate_ec(curve);
            let back = parse_pkcs8(&key.pkcs8_der().unwrap()).unwrap();
            assert!(back.same_as(&key));
            let back = parse_der(&key.sec1_der().unwrap(), Encoding::Sec1, true, None).unwrap();
            assert!(back.same_as(&key));
            assert!(parse_spki(&key.spki_der())
                .unwrap()
                .same_as(&key.public_only()));
        }
        for ed in [true, false] {
            let key = generate_okp(ed);
            assert!(parse_pkcs8(&key.pkcs8_der().unwrap())
                .unwrap()
                .same_as(&key));
        }
    }
}
