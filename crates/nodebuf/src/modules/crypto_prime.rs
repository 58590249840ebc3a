//! Prime numbers for `crypto.checkPrime(Sync)`, `crypto.generatePrime(Sync)` and the
//! Diffie-Hellman parameters `createDiffieHellman(bits)` makes: num-bigint-dig's probable-prime
//! test (Miller-Rabin plus a Lucas test, i.e. Baillie-PSW) and prime generation shaped as
//! OpenSSL's (the top bits it sets, `p = rem (mod add)`, safe primes `p = 2q + 1`), with a sieve
//! of small primes over the candidate steps so that only candidates free of small factors (in
//! `p` and, for a safe prime, in `q`) reach the expensive tests.

use std::sync::OnceLock;

use num_bigint_dig::prime::{probably_prime, probably_prime_miller_rabin};
use num_bigint_dig::BigUint;
use num_traits::{One, ToPrimitive, Zero};
use rquickjs::{Ctx, Function, Object, Result, Value};

use super::crypto::fill_random;
use crate::bytes::{view_bytes, wrap_bytes};

/// The fewest Miller-Rabin rounds run (OpenSSL 3 also raises a smaller `checks` to its own
/// minimum), and the most (more rounds cannot change an answer Baillie-PSW already gives).
const MIN_ROUNDS: usize = 20;
const MAX_ROUNDS: usize = 64;

/// Candidates past this many steps from a random start are abandoned for a new start (the
/// sieve's residues are kept per start).
const STEPS_PER_START: u64 = 1 << 16;

/// The largest size OpenSSL can hold (`INT_MAX / (4 * BN_BITS2)` 64-bit words) and the largest
/// whose byte count `(bits + 7) / 8` does not overflow an `int`.
const MAX_BIGNUM_BITS: u64 = (i32::MAX as u64 / 256) * 64;
const MAX_RANDOM_BITS: u64 = i32::MAX as u64 - 7;

/// Whether `n` is (probably) prime, with at least `checks` Miller-Rabin rounds.
pub fn is_probable_prime(n: &BigUint, checks: usize) -> bool {
    probably_prime(n, checks.clamp(MIN_ROUNDS, MAX_ROUNDS))
}

/// Why a prime could not be made, as OpenSSL words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrimeFailure {
    /// `bits too small`: fewer bits than any prime (or safe prime) of the kind needs.
    BitsTooSmall,
    /// `div by zero`: `add` is zero.
    DivByZero,
    /// `bignum too long`: more bits than a bignum holds.
    BignumTooLong,
    /// `malloc failure`: the byte count of the random start overflows.
    MallocFailure,
}

impl PrimeFailure {
    /// The number the JS half maps to OpenSSL's text.
    pub fn code(self) -> i32 {
        match self {
            PrimeFailure::BitsTooSmall => 1,
            PrimeFailure::DivByZero => 2,
            PrimeFailure::BignumTooLong => 3,
            PrimeFailure::MallocFailure => 4,
        }
    }
}

/// What prime to make: `bits` long, safe or not, optionally `p = rem (mod add)`.
pub struct PrimeSpec {
    /// The bit length.
    pub bits: u64,
    /// Whether `(p - 1) / 2` must be prime too.
    pub safe: bool,
    /// The modulus of the required congruence.
    pub add: Option<BigUint>,
    /// The residue of the required congruence (default 1, or 3 for a safe prime).
    pub rem: Option<BigUint>,
}

/// The odd primes below 2^14, for the sieve.
fn small_primes() -> &'static [u32] {
    static PRIMES: OnceLock<Vec<u32>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        const LIMIT: usize = 1 << 14;
        let mut composite = vec![false; LIMIT];
        let mut primes = Vec::new();
        for n in 3..LIMIT {
            if composite[n] || n % 2 == 0 {
                continue;
            }
            primes.push(n as u32);
            for multiple in (n * n..LIMIT).step_by(n) {
                composite[multiple] = true;
            }
        }
        primes
    })
}

/// `n` with bit `bit` set.
pub fn with_bit(n: BigUint, bit: u64) -> BigUint {
    n | (BigUint::one() << bit as usize)
}

/// Whether bit `bit` of `n` is set.
pub fn has_bit(n: &BigUint, bit: u64) -> bool {
    ((n >> bit as usize) & BigUint::one()).is_one()
}

/// `bits` uniformly random bits (the top ones may be zero).
pub fn random_below_power(bits: u64) -> BigUint {
    let mut bytes = vec![0u8; bits.div_ceil(8) as usize];
    fill_random(&mut bytes);
    BigUint::from_bytes_be(&bytes) >> (bytes.len() as u64 * 8 - bits) as usize
}

/// `bits` random bits with the top one (or two) set: OpenSSL's BN_rand TOP_ONE / TOP_TWO.
fn random_bits(bits: u64, top_two: bool) -> BigUint {
    let n = with_bit(random_below_power(bits), bits - 1);
    if top_two && bits > 1 {
        with_bit(n, bits - 2)
    } else {
        n
    }
}

/// Whether `p` (and, when `safe`, `(p - 1) / 2`) is prime: one base-2 round first, which
/// rejects nearly every composite the sieve let through at a single exponentiation.
fn passes(p: &BigUint, safe: bool) -> bool {
    let one = BigUint::one();
    if p <= &one {
        return false;
    }
    if !safe {
        return is_probable_prime(p, 0);
    }
    let q: BigUint = p >> 1usize;
    if q <= one {
        return false;
    }
    let small = p.bits() <= 64;
    (small || (probably_prime_miller_rabin(p, 1, true) && probably_prime_miller_rabin(&q, 1, true)))
        && is_probable_prime(&q, 0)
        && is_probable_prime(p, 0)
}

/// Walks `start, start + step, ...` for a prime, skipping candidates a small prime divides;
/// `None` when `limit_bits` is passed or the steps run out.
fn search(start: BigUint, step: &BigUint, safe: bool, limit_bits: Option<u64>) -> Option<BigUint> {
    let primes = small_primes();
    // Below this size the candidates are tested directly: a small prime may be the answer.
    let sieve = start.bits() > 32;
    let mut residues: Vec<u32> = if sieve {
        primes
            .iter()
            .map(|&sp| (&start % sp).to_u32().unwrap_or(0))
            .collect()
    } else {
        Vec::new()
    };
    let step_residues: Vec<u32> = if sieve {
        primes
            .iter()
            .map(|&sp| (step % sp).to_u32().unwrap_or(0))
            .collect()
    } else {
        Vec::new()
    };
    let mut candidate = start;
    for _ in 0..STEPS_PER_START {
        if limit_bits.is_some_and(|bits| candidate.bits() as u64 > bits) {
            return None;
        }
        // A factor of q = (p - 1) / 2 shows in p as p = 1 (mod sp).
        let clear = !sieve || residues.iter().all(|&r| r != 0 && !(safe && r == 1));
        if clear && passes(&candidate, safe) {
            return Some(candidate);
        }
        candidate += step;
        for ((r, &s), &sp) in residues.iter_mut().zip(&step_residues).zip(primes) {
            *r = ((*r as u64 + s as u64) % sp as u64) as u32;
        }
    }
    None
}

/// Makes a prime to `spec`, as OpenSSL's BN_generate_prime_ex2 does.
pub fn generate_prime(spec: &PrimeSpec) -> std::result::Result<BigUint, PrimeFailure> {
    let PrimeSpec {
        bits, safe, add, ..
    } = spec;
    let (bits, safe) = (*bits, *safe);
    if bits < 2 || (bits == 2 && safe) {
        return Err(PrimeFailure::BitsTooSmall);
    }
    // The safe primes 11 and 23 have their top two bits apart: below 6 bits only 7 is reachable.
    if add.is_none() && safe && bits < 6 && bits != 3 {
        return Err(PrimeFailure::BitsTooSmall);
    }
    if add.as_ref().is_some_and(Zero::is_zero) {
        return Err(PrimeFailure::DivByZero);
    }
    if bits > MAX_RANDOM_BITS {
        return Err(PrimeFailure::MallocFailure);
    }
    if bits > MAX_BIGNUM_BITS {
        return Err(PrimeFailure::BignumTooLong);
    }
    loop {
        let found = match add {
            None => {
                let mut start = with_bit(random_bits(bits, true), 0);
                // q = (p - 1) / 2 odd: p = 3 (mod 4).
                if safe {
                    start = with_bit(start, 1);
                }
                let step = BigUint::from(if safe { 4u32 } else { 2u32 });
                search(start, &step, safe, Some(bits))
            }
            Some(add) => {
                let rem = spec
                    .rem
                    .clone()
                    .unwrap_or_else(|| BigUint::from(if safe { 3u32 } else { 1u32 }));
                let random = random_bits(bits, false);
                let start = &random - (&random % add) + rem;
                search(start, add, safe, None)
            }
        };
        if let Some(prime) = found {
            return Ok(prime);
        }
    }
}

/// `checkPrime(candidate, checks)`: the candidate's bytes read big-endian.
fn check_prime<'js>(ctx: Ctx<'js>, candidate: Value<'js>, checks: f64) -> Result<bool> {
    let bytes = view_bytes(&ctx, &candidate).unwrap_or_default();
    Ok(is_probable_prime(
        &BigUint::from_bytes_be(&bytes),
        checks as usize,
    ))
}

/// `generatePrime(bits, safe, add, rem)`: the prime's big-endian bytes in a Buffer, or a
/// [`PrimeFailure::code`]. `add`/`rem` are views or undefined.
fn generate<'js>(
    ctx: Ctx<'js>,
    bits: f64,
    safe: bool,
    add: Value<'js>,
    rem: Value<'js>,
) -> Result<Value<'js>> {
    let number = |value: &Value<'js>| view_bytes(&ctx, value).map(|b| BigUint::from_bytes_be(&b));
    let spec = PrimeSpec {
        bits: bits as u64,
        safe,
        add: number(&add),
        rem: number(&rem),
    };
    match generate_prime(&spec) {
        Ok(prime) => wrap_bytes(&ctx, prime.to_bytes_be()),
        Err(failure) => Ok(Value::new_int(ctx, failure.code())),
    }
}

/// Adds the prime natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("cryptoCheckPrime", Function::new(ctx.clone(), check_prime)?)?;
    native.set("cryptoGeneratePrime", Function::new(ctx.clone(), generate)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(bits: u64, safe: bool) -> PrimeSpec {
        PrimeSpec {
            bits,
            safe,
            add: None,
            rem: None,
        }
    }

    #[test]
    fn generated_primes_have_the_size_and_top_bits() {
        for bits in [2u64, 3, 8, 16, 33, 64, 130] {
            let p = generate_prime(&spec(bits, false)).unwrap();
            assert_eq!(p.bits() as u64, bits, "{p}");
            assert!(has_bit(&p, bits - 2), "{p}");
            assert!(is_probable_prime(&p, 0));
        }
    }

    #[test]
    fn safe_primes_are_safe() {
        assert_eq!(generate_prime(&spec(3, true)), Ok(BigUint::from(7u32)));
        for bits in [6u64, 16, 70, 256] {
            let p = generate_prime(&spec(bits, true)).unwrap();
            assert_eq!(p.bits() as u64, bits);
            assert!(is_probable_prime(&(&p >> 1usize), 0), "{p}");
        }
    }

    #[test]
    fn congruences_hold() {
        let p = generate_prime(&PrimeSpec {
            bits: 40,
            safe: true,
            add: Some(BigUint::from(24u32)),
            rem: Some(BigUint::from(23u32)),
        })
        .unwrap();
        assert_eq!(&p % 24u32, BigUint::from(23u32));
        assert!(is_probable_prime(&(&p >> 1usize), 0));
    }

    #[test]
    fn openssl_refusals() {
        assert_eq!(
            generate_prime(&spec(1, false)),
            Err(PrimeFailure::BitsTooSmall)
        );
        assert_eq!(
            generate_prime(&spec(2, true)),
            Err(PrimeFailure::BitsTooSmall)
        );
        assert_eq!(
            generate_prime(&spec(5, true)),
            Err(PrimeFailure::BitsTooSmall)
        );
        assert_eq!(
            generate_prime(&spec(MAX_BIGNUM_BITS + 1, false)),
            Err(PrimeFailure::BignumTooLong)
        );
        assert_eq!(
            generate_prime(&spec(i32::MAX as u64, false)),
            Err(PrimeFailure::MallocFailure)
        );
    }

    #[test]
    fn small_numbers_are_judged_exactly() {
        let primes: Vec<u32> = (0..200u32)
            .filter(|&n| is_probable_prime(&BigUint::from(n), 0))
            .collect();
        assert_eq!(primes[..10], [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!(primes.len(), 46);
    }
}
