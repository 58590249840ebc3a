//! `Intl.PluralRules` (CLDR plural rules, cardinal and ordinal) and `Intl.ListFormat` (CLDR
//! list patterns), both on ICU4X.

use icu::decimal::input::Decimal;
use icu::list::options::{ListFormatterOptions, ListLength};
use icu::list::ListFormatter;
use icu::locale::Locale;
use icu::plurals::{PluralCategory, PluralRuleType, PluralRules, PluralRulesOptions};

use super::parts::{collect_parts, Parts};

fn rules(locale: &Locale, kind: &str) -> Result<std::rc::Rc<PluralRules>, String> {
    super::cache::cached(format!("plural|{locale}|{kind}"), || {
        build_rules(locale, kind)
    })
}

fn build_rules(locale: &Locale, kind: &str) -> Result<PluralRules, String> {
    let rule_type = if kind == "ordinal" {
        PluralRuleType::Ordinal
    } else {
        PluralRuleType::Cardinal
    };
    PluralRules::try_new(
        locale.into(),
        PluralRulesOptions::default().with_type(rule_type),
    )
    .map_err(|e| e.to_string())
}

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The plural category of the already-rounded decimal `digits` ("1", "1.0", "2.50").
pub fn select(locale: &Locale, kind: &str, digits: &str) -> Result<String, String> {
    let value = Decimal::try_from_str(digits).map_err(|e| format!("{e:?}"))?;
    Ok(name(rules(locale, kind)?.category_for(&value)).to_string())
}

/// The categories the locale's rules use, in CLDR order (as `resolvedOptions().pluralCategories`).
pub fn categories(locale: &Locale, kind: &str) -> Result<Vec<String>, String> {
    Ok(rules(locale, kind)?
        .categories()
        .map(|c| name(c).to_string())
        .collect())
}

/// `Intl.ListFormat#formatToParts`: `kind` conjunction/disjunction/unit, `style` long/short/narrow.
pub fn format_list(
    locale: &Locale,
    kind: &str,
    style: &str,
    items: &[String],
) -> Result<Parts, String> {
    let length = match style {
        "short" => ListLength::Short,
        "narrow" => ListLength::Narrow,
        _ => ListLength::Wide,
    };
    let options = ListFormatterOptions::default().with_length(length);
    let prefs = locale.into();
    let formatter = match kind {
        "disjunction" => ListFormatter::try_new_or(prefs, options),
        "unit" => ListFormatter::try_new_unit(prefs, options),
        _ => ListFormatter::try_new_and(prefs, options),
    }
    .map_err(|e| e.to_string())?;
    let parts = collect_parts(&formatter.format(items.iter().map(String::as_str)));
    Ok(parts)
}
