//! `Intl.NumberFormat`'s formatting step: rounding a decimal string as ECMA-402's
//! FormatNumericToString does (digits options, rounding mode, priority, increment), then laying it
//! out with ICU4X's CLDR data (symbols, grouping, percent/currency/compact patterns), as parts.
//!
//! The JS half (`intl.js`) resolves and validates the options; this side only formats.

use fixed_decimal::{RoundingIncrement, SignedRoundingMode, UnsignedRoundingMode};
use fixed_decimal::{Sign, SignDisplay};
use icu::decimal::input::Decimal;
use icu::decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu::decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu::experimental::dimension::currency::formatter::CurrencyFormatter;
use icu::experimental::dimension::currency::options::{CurrencyFormatterOptions, CurrencyUsage};
use icu::experimental::dimension::currency::CurrencyType;
use icu::experimental::dimension::percent::formatter::PercentFormatter;
use icu::locale::Locale;
use writeable::Writeable;

use super::parts::{collect_parts, Parts};

/// The resolved options the JS half hands over (ECMA-402's internal slots of a NumberFormat).
pub struct NumberOptions {
    pub style: String,
    pub currency: String,
    pub currency_display: String,
    pub currency_sign: String,
    pub notation: String,
    pub compact_display: String,
    pub min_integer: i16,
    pub min_fraction: i16,
    pub max_fraction: i16,
    /// 0 when significant digits are not in use.
    pub min_significant: i16,
    pub max_significant: i16,
    /// "auto" (significant digits when given, else fraction digits), "morePrecision", "lessPrecision".
    pub rounding_priority: String,
    pub rounding_increment: u32,
    pub rounding_mode: String,
    pub strip_if_integer: bool,
    /// "auto", "always", "min2" or "" (false).
    pub grouping: String,
    pub sign_display: String,
}

fn rounding_mode(name: &str) -> SignedRoundingMode {
    use SignedRoundingMode::*;
    use UnsignedRoundingMode as U;
    match name {
        "ceil" => Ceil,
        "floor" => Floor,
        "expand" => Unsigned(U::Expand),
        "trunc" => Unsigned(U::Trunc),
        "halfCeil" => HalfCeil,
        "halfFloor" => HalfFloor,
        "halfTrunc" => Unsigned(U::HalfTrunc),
        "halfEven" => Unsigned(U::HalfEven),
        _ => Unsigned(U::HalfExpand),
    }
}

/// The most significant digit's power of ten (0 for zero), as ECMA-402's "e".
fn magnitude(d: &Decimal) -> i16 {
    if d.absolute.is_zero() {
        0
    } else {
        d.absolute.nonzero_magnitude_start()
    }
}

/// One rounding candidate: the rounded value and the power of ten it was rounded at.
struct Rounded {
    value: Decimal,
    position: i16,
}

fn round_fraction(value: &Decimal, o: &NumberOptions) -> Rounded {
    let mut v = value.clone();
    let mode = rounding_mode(&o.rounding_mode);
    let mut position = -o.max_fraction;
    match o.rounding_increment {
        1 => v.round_with_mode(position, mode),
        inc => {
            // Increments are 1, 2, 5 or 25 times a power of ten; the power moves the position.
            let mut base = inc;
            while base % 10 == 0 {
                base /= 10;
                position += 1;
            }
            let increment = match base {
                2 => RoundingIncrement::MultiplesOf2,
                5 => RoundingIncrement::MultiplesOf5,
                25 => RoundingIncrement::MultiplesOf25,
                _ => RoundingIncrement::MultiplesOf1,
            };
            v.round_with_mode_and_increment(position, mode, increment);
            position = -o.max_fraction;
        }
    }
    v.absolute.trim_end();
    v.absolute.pad_end(-o.min_fraction);
    Rounded { value: v, position }
}

fn round_significant(value: &Decimal, o: &NumberOptions) -> Rounded {
    let mut v = value.clone();
    let position = magnitude(&v) - o.max_significant + 1;
    v.round_with_mode(position, rounding_mode(&o.rounding_mode));
    v.absolute.trim_end();
    // Rounding may have carried into a new digit (9.99 -> 10), moving the minimum's position.
    v.absolute.pad_end(magnitude(&v) - o.min_significant + 1);
    Rounded { value: v, position }
}

/// ECMA-402 FormatNumericToString's rounding: fraction or significant digits, or both under a
/// rounding priority, then trailing-zero display and minimum integer digits.
pub fn round(value: &Decimal, o: &NumberOptions) -> Decimal {
    let mut chosen = if o.min_significant == 0 {
        round_fraction(value, o).value
    } else if o.rounding_priority == "auto" {
        round_significant(value, o).value
    } else {
        let s = round_significant(value, o);
        let f = round_fraction(value, o);
        let significant_wins = if o.rounding_priority == "morePrecision" {
            s.position <= f.position
        } else {
            s.position >= f.position
        };
        if significant_wins {
            s.value
        } else {
            f.value
        }
    };
    if o.strip_if_integer && chosen.absolute.nonzero_magnitude_end() >= 0 {
        chosen.absolute.trim_end();
    }
    chosen.absolute.pad_start(o.min_integer);
    chosen
}

fn sign_display(name: &str) -> SignDisplay {
    match name {
        "never" => SignDisplay::Never,
        "always" => SignDisplay::Always,
        "exceptZero" => SignDisplay::ExceptZero,
        "negative" => SignDisplay::Negative,
        _ => SignDisplay::Auto,
    }
}

fn grouping(name: &str) -> GroupingStrategy {
    match name {
        "always" => GroupingStrategy::Always,
        "min2" => GroupingStrategy::Min2,
        "" => GroupingStrategy::Never,
        _ => GroupingStrategy::Auto,
    }
}

fn decimal_formatter(locale: &Locale, o: &NumberOptions) -> Result<DecimalFormatter, String> {
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(grouping(&o.grouping));
    DecimalFormatter::try_new(locale.into(), options).map_err(|e| e.to_string())
}

/// The text a styled formatter (percent, currency, compact) writes around a number: ICU4X lays
/// out the whole thing with its own rounding, and we keep everything outside the digits, putting
/// our rounded digits (formatted with the same symbols) in their place.
fn splice(framed: &str, number: Parts, affix_type: &str) -> Parts {
    let is_digit = |c: char| c.is_numeric();
    let first = framed.find(is_digit);
    let last = framed.rfind(is_digit);
    let (Some(first), Some(last)) = (first, last) else {
        return number;
    };
    let last_end = last + framed[last..].chars().next().map_or(1, char::len_utf8);
    let mut out = Parts::new();
    affix_parts(&framed[..first], affix_type, &mut out);
    out.extend(number);
    affix_parts(&framed[last_end..], affix_type, &mut out);
    out
}

/// Splits the text around a number into ECMA-402 part types: signs, literals (spaces,
/// parentheses) and the style's own part (currency, percentSign, compact, unit).
fn affix_parts(text: &str, affix_type: &str, out: &mut Parts) {
    let mut run = String::new();
    let mut run_type = "";
    let classify = |c: char| -> &str {
        match c {
            '-' | '\u{2212}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => "minusSign",
            '+' => "plusSign",
            '%' | '\u{66a}' | '\u{2030}' => "percentSign",
            '(' | ')' => "literal",
            c if c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' => "literal",
            _ => affix_type,
        }
    };
    for c in text.chars() {
        let t = classify(c);
        // A space inside a multi-word affix ("US dollars", "thousand") belongs to it.
        let t = if t == "literal" && run_type == affix_type && c != '(' && c != ')' {
            "pending"
        } else {
            t
        };
        if t == "pending" {
            run.push(c);
            continue;
        }
        if t != run_type && !run.is_empty() {
            flush(&mut run, run_type, affix_type, out);
        }
        run_type = t;
        run.push(c);
    }
    if !run.is_empty() {
        flush(&mut run, run_type, affix_type, out);
    }
}

/// Pushes a run, giving trailing spaces of a styled run back to a literal part.
fn flush(run: &mut String, run_type: &str, affix_type: &str, out: &mut Parts) {
    if run_type == affix_type {
        let trimmed_len = run.trim_end_matches(|c: char| c.is_whitespace()).len();
        let tail = run.split_off(trimmed_len);
        if !run.is_empty() {
            out.push((run_type.to_string(), std::mem::take(run)));
        }
        if !tail.is_empty() {
            out.push(("literal".to_string(), tail));
        }
    } else {
        out.push((run_type.to_string(), std::mem::take(run)));
    }
    run.clear();
}

/// The digits of `value` (no sign) as parts: integer/group/decimal/fraction.
fn digit_parts(formatter: &DecimalFormatter, value: &Decimal) -> Parts {
    let mut unsigned = value.clone();
    unsigned.sign = Sign::None;
    collect_parts(&formatter.format(&unsigned))
}

/// The sign ECMA-402's signDisplay asks for, applied after rounding (so -0.001 shows as -0).
fn with_sign(mut value: Decimal, name: &str) -> Decimal {
    value.apply_sign_display(sign_display(name));
    value
}

/// Formats a finite decimal `digits` (JS number or BigInt text, `-0` allowed) as parts.
pub fn format(locale: &Locale, digits: &str, o: &NumberOptions) -> Result<Parts, String> {
    let mut value = Decimal::try_from_str(digits).map_err(|e| format!("{e:?}"))?;
    if o.style == "percent" {
        value.multiply_pow10(2);
    }
    let plain = decimal_formatter(locale, o)?;
    match o.notation.as_str() {
        "scientific" | "engineering" => Ok(scientific(&plain, value, o)),
        "compact" => compact(locale, &plain, value, o),
        _ => {
            let rounded = with_sign(round(&value, o), &o.sign_display);
            styled(locale, &plain, rounded, o, None)
        }
    }
}

/// Lays out a rounded value in the requested style (decimal, percent, currency).
fn styled(
    locale: &Locale,
    plain: &DecimalFormatter,
    rounded: Decimal,
    o: &NumberOptions,
    compact_exponent: Option<u8>,
) -> Result<Parts, String> {
    let number = digit_parts(plain, &rounded);
    let framed = match (o.style.as_str(), compact_exponent) {
        ("currency", exponent) => currency_frame(locale, &rounded, o, exponent)?,
        ("percent", _) => {
            let f = PercentFormatter::try_new(locale.into(), Default::default())
                .map_err(|e| e.to_string())?;
            f.format(&rounded).write_to_string().into_owned()
        }
        (_, Some(exponent)) => compact_frame(locale, &rounded, o, exponent)?,
        _ => plain.format(&rounded).write_to_string().into_owned(),
    };
    let affix_type = match (o.style.as_str(), compact_exponent) {
        ("currency", _) => "currency",
        (_, Some(_)) => "compact",
        _ => "literal",
    };
    let mut parts = splice(&framed, number, affix_type);
    if let (Some(_), "currency") = (compact_exponent, o.style.as_str()) {
        // The compact suffix of a compact currency ("$1.2K") is not the currency.
        relabel_compact_suffix(&mut parts);
    }
    Ok(parts)
}

fn relabel_compact_suffix(parts: &mut Parts) {
    if let Some(last_number) = parts
        .iter()
        .rposition(|(t, _)| t == "integer" || t == "fraction")
    {
        for part in parts.iter_mut().skip(last_number + 1) {
            if part.0 == "currency" && !part.1.contains(|c: char| c.is_uppercase() && c.is_ascii())
            {
                part.0 = "compact".into();
            }
        }
    }
}

fn compact_formatter(
    locale: &Locale,
    o: &NumberOptions,
) -> Result<CompactDecimalFormatter, String> {
    let mut options = icu::decimal::options::CompactDecimalFormatterOptions::default();
    options.grouping_strategy = Some(grouping(&o.grouping));
    if o.compact_display == "long" {
        CompactDecimalFormatter::try_new_long(locale.into(), options)
    } else {
        CompactDecimalFormatter::try_new_short(locale.into(), options)
    }
    .map_err(|e| e.to_string())
}

fn compact_frame(
    locale: &Locale,
    significand: &Decimal,
    o: &NumberOptions,
    exponent: u8,
) -> Result<String, String> {
    let f = compact_formatter(locale, o)?;
    let text = f
        .format_with_exponent(significand, exponent)
        .map_err(|e| format!("{e:?}"))?
        .write_to_string()
        .into_owned();
    Ok(text)
}

fn currency_frame(
    locale: &Locale,
    value: &Decimal,
    o: &NumberOptions,
    compact_exponent: Option<u8>,
) -> Result<String, String> {
    let code = CurrencyType::try_from_str(&o.currency.to_ascii_lowercase())
        .map_err(|e| format!("{e:?}"))?;
    let mut options = CurrencyFormatterOptions::default();
    if o.currency_sign == "accounting" {
        options.usage = CurrencyUsage::Accounting;
    }
    let prefs = locale.into();
    // Compact currency: lay out the currency around an uncompacted number, then the compact
    // pattern around that (ICU4X's compact currency formatters pick their own exponent).
    let text = match o.currency_display.as_str() {
        "narrowSymbol" => CurrencyFormatter::try_new_symbol_narrow(prefs, code, options)
            .map(|f| f.format_fixed_decimal(value).write_to_string().into_owned()),
        "code" => CurrencyFormatter::try_new_code(prefs, code, options)
            .map(|f| f.format_fixed_decimal(value).write_to_string().into_owned()),
        "name" => CurrencyFormatter::try_new_name(prefs, code)
            .map(|f| f.format_fixed_decimal(value).write_to_string().into_owned()),
        _ => CurrencyFormatter::try_new_symbol(prefs, code, options)
            .map(|f| f.format_fixed_decimal(value).write_to_string().into_owned()),
    }
    .map_err(|e| e.to_string())?;
    match compact_exponent {
        Some(exponent) if exponent > 0 => {
            let compact = compact_frame(locale, value, o, exponent)?;
            // Replace the number inside the currency text by the compact text ("$" + "1.2K").
            let is_digit = |c: char| c.is_numeric();
            let (Some(a), Some(b)) = (text.find(is_digit), text.rfind(is_digit)) else {
                return Ok(text);
            };
            let (Some(ca), Some(_)) = (compact.find(is_digit), compact.rfind(is_digit)) else {
                return Ok(text);
            };
            // Drop the compact text's own sign prefix: the currency text carries the sign.
            let compact_body = &compact[ca..];
            Ok(format!("{}{}{}", &text[..a], compact_body, &text[b + 1..]))
        }
        _ => Ok(text),
    }
}

/// Compact notation: scale by the locale's compact exponent for the value's magnitude, round the
/// significand, and rescale when rounding carried into the next magnitude (999,999 -> 1M).
fn compact(
    locale: &Locale,
    plain: &DecimalFormatter,
    value: Decimal,
    o: &NumberOptions,
) -> Result<Parts, String> {
    let f = compact_formatter(locale, o)?;
    let mut exponent = f.compact_exponent_for_magnitude(magnitude(&value));
    let mut significand = value.clone();
    significand.multiply_pow10(-i16::from(exponent));
    let mut rounded = round(&significand, o);
    let carried = magnitude(&rounded) + i16::from(exponent);
    let new_exponent = f.compact_exponent_for_magnitude(carried);
    if new_exponent != exponent {
        exponent = new_exponent;
        significand = value;
        significand.multiply_pow10(-i16::from(exponent));
        rounded = round(&significand, o);
    }
    let rounded = with_sign(rounded, &o.sign_display);
    styled(locale, plain, rounded, o, Some(exponent))
}

/// Scientific and engineering notation: significand and power of ten ("1.235E6").
fn scientific(plain: &DecimalFormatter, value: Decimal, o: &NumberOptions) -> Parts {
    let step: i16 = if o.notation == "engineering" { 3 } else { 1 };
    let exponent_for = |m: i16| m.div_euclid(step) * step;
    let mut exponent = exponent_for(magnitude(&value));
    let mut significand = value.clone();
    significand.multiply_pow10(-exponent);
    let mut rounded = round(&significand, o);
    let carried = exponent_for(magnitude(&rounded) + exponent);
    if carried != exponent && !rounded.absolute.is_zero() {
        exponent = carried;
        significand = value;
        significand.multiply_pow10(-exponent);
        rounded = round(&significand, o);
    }
    let rounded = with_sign(rounded, &o.sign_display);
    let mut parts = Parts::new();
    match rounded.sign {
        Sign::Negative => parts.push(("minusSign".into(), "-".into())),
        Sign::Positive => parts.push(("plusSign".into(), "+".into())),
        Sign::None => {}
    }
    parts.extend(digit_parts(plain, &rounded));
    // CLDR's exponential symbol is "E" in the Latin-digit locales ICU4X formats here.
    parts.push(("exponentSeparator".into(), "E".into()));
    if exponent < 0 {
        parts.push(("exponentMinusSign".into(), "-".into()));
    }
    parts.push((
        "exponentInteger".into(),
        exponent.unsigned_abs().to_string(),
    ));
    if o.style == "percent" {
        parts.push(("percentSign".into(), "%".into()));
    }
    parts
}

/// The number of fraction digits CLDR gives `code` (2 for USD, 0 for JPY, 3 for BHD): the
/// currency formatter pads 1 to them, so they are counted from its output.
pub fn currency_digits(code: &str) -> Result<i16, String> {
    let code =
        CurrencyType::try_from_str(&code.to_ascii_lowercase()).map_err(|e| format!("{e:?}"))?;
    let locale: Locale = icu::locale::locale!("en");
    let f = CurrencyFormatter::try_new_code((&locale).into(), code, Default::default())
        .map_err(|e| e.to_string())?;
    let one = Decimal::from(1u8);
    let text = f.format_fixed_decimal(&one).write_to_string().into_owned();
    Ok(text.split_once('.').map_or(0, |(_, fraction)| {
        fraction.chars().take_while(char::is_ascii_digit).count() as i16
    }))
}
