//! `Intl.Collator#compare` and `String.prototype.localeCompare`: the Unicode Collation
//! Algorithm with CLDR's tailorings (ICU4X's collator, as V8 uses ICU's).

use icu::collator::options::{AlternateHandling, CaseLevel, CollatorOptions, Strength};
use icu::collator::Collator;
use icu::locale::Locale;
use std::cmp::Ordering;

/// Compares `a` and `b` for `locale` (its `-u-co`, `-u-kn`, `-u-kf` keywords included) at the
/// ECMA-402 `sensitivity` ("base", "accent", "case", "variant"); -1, 0 or 1.
pub fn compare(
    locale: &Locale,
    sensitivity: &str,
    ignore_punctuation: bool,
    a: &str,
    b: &str,
) -> Result<i32, String> {
    let mut options = CollatorOptions::default();
    let (strength, case_level) = match sensitivity {
        "base" => (Strength::Primary, CaseLevel::Off),
        "accent" => (Strength::Secondary, CaseLevel::Off),
        "case" => (Strength::Primary, CaseLevel::On),
        _ => (Strength::Tertiary, CaseLevel::Off),
    };
    options.strength = Some(strength);
    options.case_level = Some(case_level);
    if ignore_punctuation {
        options.alternate_handling = Some(AlternateHandling::Shifted);
    }
    let key = format!("collator|{locale}|{sensitivity}|{ignore_punctuation}");
    let collator = super::cache::cached(key, || {
        Collator::try_new(locale.into(), options).map_err(|e| e.to_string())
    })?;
    Ok(match collator.compare(a, b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    })
}
