//! Native half of `Intl` (the global, installed by `intl.js`): locale canonicalization and the
//! formatting steps of NumberFormat, DateTimeFormat, Collator, PluralRules and ListFormat on
//! ICU4X with its compiled-in CLDR data. The JS half does ECMA-402's option resolution and
//! validation and calls these with primitives only; results come back as flat string arrays
//! (`[type, value, type, value, ...]` for parts).

mod cache;
mod collate;
mod date;
mod locale;
mod number;
mod parts;
mod plural;
pub mod zone_name;

use rquickjs::{Ctx, Exception, Function, Object, Result};

use parts::Parts;

fn flatten(parts: Parts) -> Vec<String> {
    parts.into_iter().flat_map(|(t, v)| [t, v]).collect()
}

/// Turns an ICU4X failure (data missing for an option combination) into a JS RangeError.
fn range_error<T>(ctx: &Ctx<'_>, r: std::result::Result<T, String>) -> Result<T> {
    r.map_err(|message| Exception::throw_range(ctx, &message))
}

/// `formatNumber(locale, digits, spec)`: spec is the JS half's resolved slots joined by "|" in
/// [`number::NumberOptions::parse`]'s order.
fn format_number(ctx: Ctx<'_>, tag: String, digits: String, spec: String) -> Result<Vec<String>> {
    let options = range_error(&ctx, number::NumberOptions::parse(&spec))?;
    let locale = range_error(&ctx, locale::parse(&tag))?;
    let parts = range_error(&ctx, number::format(&locale, &digits, &options))?;
    Ok(flatten(parts))
}

/// A layout as the JS half sends it: `"dateStyle|timeStyle"` (either side may be empty), or a
/// UTS 35 skeleton of the components.
fn date_layout(layout: &str) -> date::Layout<'_> {
    match layout.split_once('|') {
        Some((date, time)) => date::Layout::Styles { date, time },
        None => date::Layout::Skeleton(layout),
    }
}

/// `formatDate(locale, epochMs, zoneId, offsetSeconds, layout)`: layout is a UTS 35 skeleton
/// of the components, or `"dateStyle|timeStyle"` (either side may be empty).
fn format_date(
    ctx: Ctx<'_>,
    tag: String,
    epoch_ms: f64,
    zone_id: String,
    offset_seconds: i32,
    layout: String,
) -> Result<Vec<String>> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    let layout = date_layout(&layout);
    let parts = date::format(&locale, epoch_ms as i64, &zone_id, offset_seconds, &layout);
    Ok(flatten(range_error(&ctx, parts)?))
}

/// `formatDateRange(locale, startMs, endMs, zoneId, layout)`: `[type, value, source, ...]`.
fn format_date_range(
    ctx: Ctx<'_>,
    tag: String,
    start_ms: f64,
    end_ms: f64,
    zone_id: String,
    layout: String,
) -> Result<Vec<String>> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    let layout = date_layout(&layout);
    let parts = date::format_range(&locale, start_ms as i64, end_ms as i64, &zone_id, &layout);
    Ok(range_error(&ctx, parts)?
        .into_iter()
        .flat_map(|(kind, text, source)| [kind, text, source.to_string()])
        .collect())
}

fn local_offset(epoch_ms: f64) -> i32 {
    date::local_offset_seconds(epoch_ms as i64)
}

fn compare(
    ctx: Ctx<'_>,
    tag: String,
    sensitivity: String,
    ignore_punctuation: bool,
    a: String,
    b: String,
) -> Result<i32> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    range_error(
        &ctx,
        collate::compare(&locale, &sensitivity, ignore_punctuation, &a, &b),
    )
}

fn plural_select(ctx: Ctx<'_>, tag: String, kind: String, digits: String) -> Result<String> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    range_error(&ctx, plural::select(&locale, &kind, &digits))
}

fn plural_categories(ctx: Ctx<'_>, tag: String, kind: String) -> Result<Vec<String>> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    range_error(&ctx, plural::categories(&locale, &kind))
}

fn format_list(
    ctx: Ctx<'_>,
    tag: String,
    kind: String,
    style: String,
    items: Vec<String>,
) -> Result<Vec<String>> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    let parts = range_error(&ctx, plural::format_list(&locale, &kind, &style, &items))?;
    Ok(flatten(parts))
}

fn currency_digits(ctx: Ctx<'_>, code: String) -> Result<i32> {
    range_error(&ctx, number::currency_digits(&code)).map(i32::from)
}

/// `caseMap(text, locale, upper)`: Unicode's full case mapping with the locale's special rules
/// (Turkish and Azeri dotted i, Lithuanian dot above), as V8's toLocale{Upper,Lower}Case.
/// `text` is well-formed UTF-16 (the JS half keeps lone surrogates out).
fn case_map(ctx: Ctx<'_>, text: String, tag: String, upper: bool) -> Result<String> {
    let locale = range_error(&ctx, locale::parse(&tag))?;
    let mapper = icu::casemap::CaseMapper::new();
    Ok(if upper {
        mapper.uppercase_to_string(&text, &locale.id).into_owned()
    } else {
        mapper.lowercase_to_string(&text, &locale.id).into_owned()
    })
}

/// Adds `native.intl` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let intl = Object::new(ctx.clone())?;
    intl.set(
        "canonicalize",
        Function::new(ctx.clone(), locale::canonicalize)?,
    )?;
    intl.set(
        "isSupported",
        Function::new(ctx.clone(), locale::is_supported)?,
    )?;
    intl.set(
        "defaultLocale",
        Function::new(ctx.clone(), locale::default_locale)?,
    )?;
    intl.set("localZone", Function::new(ctx.clone(), locale::local_zone)?)?;
    intl.set("formatNumber", Function::new(ctx.clone(), format_number)?)?;
    intl.set(
        "currencyDigits",
        Function::new(ctx.clone(), currency_digits)?,
    )?;
    intl.set("maximize", Function::new(ctx.clone(), locale::maximize)?)?;
    intl.set("minimize", Function::new(ctx.clone(), locale::minimize)?)?;
    intl.set("formatDate", Function::new(ctx.clone(), format_date)?)?;
    intl.set(
        "formatDateRange",
        Function::new(ctx.clone(), format_date_range)?,
    )?;
    intl.set("localOffset", Function::new(ctx.clone(), local_offset)?)?;
    intl.set(
        "canonicalZone",
        Function::new(ctx.clone(), date::canonical_zone)?,
    )?;
    intl.set(
        "zoneOffset",
        Function::new(ctx.clone(), date::zone_offset_seconds)?,
    )?;
    intl.set("compare", Function::new(ctx.clone(), compare)?)?;
    intl.set("pluralSelect", Function::new(ctx.clone(), plural_select)?)?;
    intl.set(
        "pluralCategories",
        Function::new(ctx.clone(), plural_categories)?,
    )?;
    intl.set("formatList", Function::new(ctx.clone(), format_list)?)?;
    intl.set("caseMap", Function::new(ctx.clone(), case_map)?)?;
    native.set("intl", intl)?;
    Ok(())
}
