//! Native half of `crypto.DiffieHellman`/`DiffieHellmanGroup` (classic finite-field DH) on
//! num-bigint-dig: the named MODP groups, parameter generation (a safe prime for the
//! generator), OpenSSL 3's parameter check (`verifyError`), key generation and the shared
//! secret with OpenSSL's public-key checks. The state (prime, generator, keys) stays in the JS
//! half as bytes; every native here is a pure function of its arguments.

use std::sync::OnceLock;

use num_bigint_dig::BigUint;
use num_traits::{One, Zero};
use rquickjs::{Ctx, Exception, Function, Object, Result, Value};

use super::crypto_dh_groups::GROUPS;
use super::crypto_prime::{
    generate_prime, has_bit, is_probable_prime, random_below_power, with_bit, PrimeSpec,
};
use crate::bytes::{view_bytes, wrap_bytes};

/// OpenSSL's bounds on a DH modulus (DH_MIN_MODULUS_BITS, OPENSSL_DH_MAX_MODULUS_BITS).
const MIN_MODULUS_BITS: usize = 512;
const MAX_MODULUS_BITS: usize = 10_000;

/// DH_check's flags, as `crypto.constants` names them.
const CHECK_P_NOT_PRIME: i32 = 0x01;
const CHECK_P_NOT_SAFE_PRIME: i32 = 0x02;
const NOT_SUITABLE_GENERATOR: i32 = 0x08;
const MODULUS_TOO_SMALL: i32 = 0x80;
const MODULUS_TOO_LARGE: i32 = 0x100;

/// DH_check_pub_key's flags.
const PUBKEY_TOO_SMALL: i32 = 0x01;
const PUBKEY_TOO_LARGE: i32 = 0x02;

/// Failures the JS half turns into OpenSSL's errors (shared numbering for all natives here).
const ERR_MODULUS_TOO_SMALL: i32 = 1;
const ERR_MODULUS_TOO_LARGE: i32 = 2;
/// A bad generator found while making parameters (OpenSSL queues a second error there).
const ERR_BAD_GENERATOR: i32 = 3;

/// The groups' primes, parsed once.
fn group_primes() -> &'static [BigUint] {
    static PRIMES: OnceLock<Vec<BigUint>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        GROUPS
            .iter()
            .map(|g| BigUint::parse_bytes(g.prime_hex.as_bytes(), 16).expect("valid hex"))
            .collect()
    })
}

/// The private-key length OpenSSL 3 uses when it recognises `(p, g)` as a group it knows by
/// name (the RFC 3526 groups with generator 2).
fn named_private_bits(p: &BigUint, g: &BigUint) -> Option<u64> {
    if *g != BigUint::from(2u32) {
        return None;
    }
    GROUPS
        .iter()
        .zip(group_primes())
        .find(|(_, prime)| *prime == p)
        .and_then(|(group, _)| group.private_bits)
}

/// OpenSSL 3's DH_check for parameters without a subgroup order: range checks on the modulus
/// and generator, then whether p is a safe prime.
pub fn check_params(p: &BigUint, g: &BigUint) -> i32 {
    let mut flags = 0;
    if !has_bit(p, 0) {
        flags |= CHECK_P_NOT_PRIME;
    }
    let one = BigUint::one();
    if g.is_zero() || *g == one || p.is_zero() || *g >= p - &one {
        flags |= NOT_SUITABLE_GENERATOR;
    }
    let bits = p.bits();
    if bits < MIN_MODULUS_BITS {
        flags |= MODULUS_TOO_SMALL;
    }
    if bits > MAX_MODULUS_BITS {
        flags |= MODULUS_TOO_LARGE;
    }
    if !is_probable_prime(p, 0) {
        flags |= CHECK_P_NOT_PRIME;
    } else if !is_probable_prime(&(p >> 1usize), 0) {
        flags |= CHECK_P_NOT_SAFE_PRIME;
    }
    flags
}

/// OpenSSL's range check on a peer's public key: 1 < key < p - 1.
fn check_public(p: &BigUint, key: &BigUint) -> i32 {
    if *key <= BigUint::one() {
        PUBKEY_TOO_SMALL
    } else if p < &BigUint::from(2u32) || *key >= p - 1u32 {
        PUBKEY_TOO_LARGE
    } else {
        0
    }
}

/// Where the modulus stands against OpenSSL's bounds for key generation and agreement.
fn modulus_error(p: &BigUint) -> Option<i32> {
    if p.bits() > MAX_MODULUS_BITS {
        Some(ERR_MODULUS_TOO_LARGE)
    } else if p.bits() < MIN_MODULUS_BITS {
        Some(ERR_MODULUS_TOO_SMALL)
    } else {
        None
    }
}

/// A new private key: for a named group uniform in [1, 2^N) with the group's N; otherwise a
/// number of `bits(p) - 2` bits with the top one set, as OpenSSL 3 makes them.
fn new_private_key(p: &BigUint, g: &BigUint) -> BigUint {
    match named_private_bits(p, g) {
        Some(bits) => loop {
            let key = random_below_power(bits);
            if !key.is_zero() {
                return key;
            }
        },
        None => {
            let bits = (p.bits() as u64).saturating_sub(2).max(1);
            with_bit(random_below_power(bits), bits - 1)
        }
    }
}

fn number<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<BigUint> {
    view_bytes(ctx, value)
        .map(|bytes| BigUint::from_bytes_be(&bytes))
        .ok_or_else(|| Exception::throw_type(ctx, "expected a buffer"))
}

/// `dhGroup(name)`: the prime of a named group, or null.
fn dh_group<'js>(ctx: Ctx<'js>, name: String) -> Result<Value<'js>> {
    match GROUPS
        .iter()
        .position(|g| g.name.eq_ignore_ascii_case(&name))
    {
        Some(i) => wrap_bytes(&ctx, group_primes()[i].to_bytes_be()),
        None => Ok(Value::new_null(ctx)),
    }
}

/// `dhCheck(p, g)`: DH_check's flags (`verifyError`).
fn dh_check<'js>(ctx: Ctx<'js>, p: Value<'js>, g: Value<'js>) -> Result<i32> {
    Ok(check_params(&number(&ctx, &p)?, &number(&ctx, &g)?))
}

/// `dhGenerateParams(bits, generator)`: a safe prime suiting the generator (p = 23 mod 24
/// for 2, 59 mod 60 for 5, 11 mod 12 otherwise, as OpenSSL makes them), or an error number.
fn dh_generate_params<'js>(ctx: Ctx<'js>, bits: i32, generator: i32) -> Result<Value<'js>> {
    let failure = if bits > MAX_MODULUS_BITS as i32 {
        Some(ERR_MODULUS_TOO_LARGE)
    } else if bits < MIN_MODULUS_BITS as i32 {
        Some(ERR_MODULUS_TOO_SMALL)
    } else if generator <= 1 {
        Some(ERR_BAD_GENERATOR)
    } else {
        None
    };
    if let Some(code) = failure {
        return Ok(Value::new_int(ctx, code));
    }
    let (add, rem) = match generator {
        2 => (24u32, 23u32),
        5 => (60, 59),
        _ => (12, 11),
    };
    let prime = generate_prime(&PrimeSpec {
        bits: bits as u64,
        safe: true,
        add: Some(BigUint::from(add)),
        rem: Some(BigUint::from(rem)),
    })
    .expect("the size is within bounds and add is not zero");
    wrap_bytes(&ctx, prime.to_bytes_be())
}

/// `dhGenerateKeys(p, g, privateKey | null)`: `[privateKey, publicKey]` (a new private key
/// when none is given, as DH_generate_key keeps an existing one), or an error number.
fn dh_generate_keys<'js>(
    ctx: Ctx<'js>,
    p: Value<'js>,
    g: Value<'js>,
    private_key: Value<'js>,
) -> Result<Value<'js>> {
    let (p, g) = (number(&ctx, &p)?, number(&ctx, &g)?);
    if let Some(code) = modulus_error(&p) {
        return Ok(Value::new_int(ctx, code));
    }
    let private_key = if private_key.is_null() {
        new_private_key(&p, &g)
    } else {
        number(&ctx, &private_key)?
    };
    let public_key = g.modpow(&private_key, &p);
    let pair = rquickjs::Array::new(ctx.clone())?;
    pair.set(0, wrap_bytes(&ctx, private_key.to_bytes_be())?)?;
    pair.set(1, wrap_bytes(&ctx, public_key.to_bytes_be())?)?;
    Ok(pair.into_value())
}

/// `dhComputeSecret(p, privateKey | null, peerKey)`: the secret left-padded to the prime's
/// length, or the peer key's DH_check_pub_key flags (0: no flag, the key is unusable
/// anyway) when OpenSSL refuses. OpenSSL takes the peer key modulo p and refuses it when
/// the residue is out of range, but Node words the refusal by the key as given (p + 1 is
/// "too large"). Below the minimum modulus size OpenSSL computes nothing and reports zero
/// bytes, which Node pads: all zeros.
fn dh_compute_secret<'js>(
    ctx: Ctx<'js>,
    p: Value<'js>,
    private_key: Value<'js>,
    peer: Value<'js>,
) -> Result<Value<'js>> {
    let p = number(&ctx, &p)?;
    let peer = number(&ctx, &peer)?;
    let len = p.bits().div_ceil(8);
    let residue = &peer % &p;
    let refused = match modulus_error(&p) {
        Some(ERR_MODULUS_TOO_SMALL) => return wrap_bytes(&ctx, vec![0; len]),
        Some(_) => true,
        None => private_key.is_null() || check_public(&p, &residue) != 0,
    };
    if refused {
        return Ok(Value::new_int(ctx, check_public(&p, &peer)));
    }
    let secret = residue
        .modpow(&number(&ctx, &private_key)?, &p)
        .to_bytes_be();
    let mut padded = vec![0; len - secret.len()];
    padded.extend_from_slice(&secret);
    wrap_bytes(&ctx, padded)
}

/// Adds the DH natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("cryptoDhGroup", Function::new(ctx.clone(), dh_group)?)?;
    native.set("cryptoDhCheck", Function::new(ctx.clone(), dh_check)?)?;
    native.set(
        "cryptoDhGenerateParams",
        Function::new(ctx.clone(), dh_generate_params)?,
    )?;
    native.set(
        "cryptoDhGenerateKeys",
        Function::new(ctx.clone(), dh_generate_keys)?,
    )?;
    native.set(
        "cryptoDhComputeSecret",
        Function::new(ctx.clone(), dh_compute_secret)?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_have_the_rfc_shape() {
        for (group, p) in GROUPS.iter().zip(group_primes()) {
            let bits = p.bits();
            assert_eq!(bits % 256, 0, "{}", group.name);
            // The top and bottom 64 bits are ones.
            let low: BigUint = p % (BigUint::one() << 64usize);
            assert_eq!(low, (BigUint::one() << 64usize) - 1u32);
            assert_eq!(p >> (bits - 64), (BigUint::one() << 64usize) - 1u32);
        }
    }

    #[test]
    fn small_group_is_a_safe_prime_and_checks_clean() {
        let p = &group_primes()[0];
        assert_eq!(check_params(p, &BigUint::from(2u32)), 0);
        assert_eq!(
            check_params(&BigUint::from(23u32), &BigUint::from(5u32)),
            MODULUS_TOO_SMALL
        );
        assert_eq!(
            check_params(&BigUint::from(21u32), &BigUint::from(2u32)),
            MODULUS_TOO_SMALL | CHECK_P_NOT_PRIME
        );
    }

    #[test]
    fn private_keys_follow_openssl_lengths() {
        let two = BigUint::from(2u32);
        let modp1 = &group_primes()[0];
        assert_eq!(new_private_key(modp1, &two).bits(), 766);
        let modp14 = &group_primes()[3];
        assert!(new_private_key(modp14, &two).bits() <= 225);
        assert!(new_private_key(modp14, &BigUint::from(5u32)).bits() == 2046);
    }

    #[test]
    fn public_key_range() {
        let p = BigUint::from(23u32);
        assert_eq!(check_public(&p, &BigUint::from(1u32)), PUBKEY_TOO_SMALL);
        assert_eq!(check_public(&p, &BigUint::from(22u32)), PUBKEY_TOO_LARGE);
        assert_eq!(check_public(&p, &BigUint::from(21u32)), 0);
    }
}
