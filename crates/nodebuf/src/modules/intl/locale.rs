//! Locale identifiers: ECMA-402's CanonicalizeUnicodeLocaleId (UTS 35 syntax, case and alias
//! canonicalization from CLDR), which locales have data, and the process's default locale and
//! time zone as ICU reads them from the environment.

use icu::locale::{Locale, LocaleCanonicalizer, LocaleExpander};

/// Parses a canonical tag the JS half resolved earlier.
pub fn parse(tag: &str) -> Result<Locale, String> {
    Locale::try_from_str(tag).map_err(|e| format!("{e:?}"))
}

/// The canonical form of `tag`, or `None` when it is not a well-formed Unicode locale id (the JS
/// half then throws "Incorrect locale information provided").
pub fn canonicalize(tag: String) -> Option<String> {
    // ECMA-402 takes BCP 47 tags only: ICU4X also accepts the "root" and "_" spellings.
    if tag.is_empty() || tag.contains('_') || !tag.is_ascii() || tag.eq_ignore_ascii_case("root") {
        return None;
    }
    let mut locale = Locale::try_from_str(&tag).ok()?;
    if locale.id.language.is_unknown() && !tag.to_ascii_lowercase().starts_with("und") {
        return None;
    }
    LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
    Some(locale.to_string())
}

/// Whether CLDR knows the tag's language (its likely-subtags data has it), which is how
/// ICU's available locales answer for V8: "xx" is not supported, "en-ZZ" is (as "en").
pub fn is_supported(tag: String) -> bool {
    let Ok(locale) = Locale::try_from_str(&tag) else {
        return false;
    };
    if locale.id.language.is_unknown() {
        return false;
    }
    let mut language = icu::locale::LanguageIdentifier::from(locale.id.language);
    LocaleExpander::new_extended().maximize(&mut language) == icu::locale::TransformResult::Modified
}

/// `Intl.Locale#maximize`: CLDR's likely subtags added (`zh` -> `zh-Hans-CN`), extensions kept.
pub fn maximize(tag: String) -> Option<String> {
    let mut locale = Locale::try_from_str(&tag).ok()?;
    LocaleExpander::new_extended().maximize(&mut locale.id);
    Some(locale.to_string())
}

/// `Intl.Locale#minimize`: the subtags likely subtags would add back removed, favouring the
/// region as ICU does (`zh-Hant-TW` -> `zh-TW`), extensions kept.
pub fn minimize(tag: String) -> Option<String> {
    let mut locale = Locale::try_from_str(&tag).ok()?;
    LocaleExpander::new_extended().minimize(&mut locale.id);
    Some(locale.to_string())
}

/// The default locale: `LC_ALL`, `LC_MESSAGES` or `LANG` (`de_DE.UTF-8` -> `de-DE`), `en-US`
/// for the C/POSIX locale or none, as ICU derives it for Node.
pub fn default_locale() -> String {
    let raw = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    let base = raw.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    if base.is_empty() || base == "C" || base == "POSIX" {
        return "en-US".into();
    }
    canonicalize(base)
        .filter(|tag| is_supported(tag.clone()))
        .unwrap_or_else(|| "en-US".into())
}

/// The process's time zone: `TZ` (without a leading `:`), else the zone `/etc/localtime` links
/// to, else UTC.
pub fn local_zone() -> String {
    if let Ok(tz) = std::env::var("TZ") {
        let tz = tz.trim_start_matches(':');
        if !tz.is_empty() {
            return tz.to_string();
        }
    }
    std::fs::read_link("/etc/localtime")
        .ok()
        .and_then(|target| {
            let target = target.to_string_lossy().into_owned();
            target
                .split_once("zoneinfo/")
                .map(|(_, zone)| zone.to_string())
        })
        .unwrap_or_else(|| "UTC".into())
}
