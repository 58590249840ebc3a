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

use std::rc::Rc;

use super::cache::cached;
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

impl NumberOptions {
    /// Reads the JS half's "|"-joined slots: style, currency, currencyDisplay, currencySign,
    /// notation, compactDisplay, minimumIntegerDigits, minimum/maximumFractionDigits,
    /// minimum/maximumSignificantDigits (0: unused), roundingPriority, roundingIncrement,
    /// roundingMode, trailingZeroDisplay, useGrouping ("" for false), signDisplay.
    pub fn parse(spec: &str) -> Result<NumberOptions, String> {
        let f: Vec<&str> = spec.split('|').collect();
        if f.len() != 17 {
            return Err(format!("bad number format spec: {spec}"));
        }
        let int = |s: &str| s.parse::<i16>().map_err(|e| format!("{e}: {s}"));
        Ok(NumberOptions {
            style: f[0].into(),
            currency: f[1].into(),
            currency_display: f[2].into(),
            currency_sign: f[3].into(),
            notation: f[4].into(),
            compact_display: f[5].into(),
            min_integer: int(f[6])?,
            min_fraction: int(f[7])?,
            max_fraction: int(f[8])?,
            min_significant: int(f[9])?,
            max_significant: int(f[10])?,
            rounding_priority: f[11].into(),
            rounding_increment: f[12].parse().map_err(|e| format!("{e}"))?,
            rounding_mode: f[13].into(),
            strip_if_integer: f[14] == "stripIfInteger",
            grouping: f[15].into(),
            sign_display: f[16].into(),
        })
    }
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
        // On a tie morePrecision keeps the significant result and lessPrecision the fraction
        // one (as ICU does: 1.5 with 2 fraction and 3 significant digits is "1.5" / "1.50").
        let significant_wins = if o.rounding_priority == "morePrecision" {
            s.position <= f.position
        } else {
            s.position > f.position
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
        // Grouped by group_always from ungrouped digits.
        "always" => GroupingStrategy::Never,
        "min2" => GroupingStrategy::Min2,
        "" => GroupingStrategy::Never,
        _ => GroupingStrategy::Auto,
    }
}

fn decimal_formatter(locale: &Locale, o: &NumberOptions) -> Result<Rc<DecimalFormatter>, String> {
    let strategy = grouping(&o.grouping);
    cached(format!("decimal|{locale}|{strategy:?}"), || {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(strategy);
        DecimalFormatter::try_new(locale.into(), options).map_err(|e| e.to_string())
    })
}

/// Where the digits are in a formatter's output: the byte range from the first to the end of
/// the last digit (the affixes around a number never contain digits).
fn digit_span(text: &str) -> Option<(usize, usize)> {
    let first = text.find(char::is_numeric)?;
    let last = text.rfind(char::is_numeric)?;
    let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
    Some((first, end))
}

/// The pieces of a laid-out number: the style's text before and after the digits (sign,
/// currency, percent sign) and, in compact notation, the compact suffix ("K", " million").
#[derive(Default)]
struct Frame {
    prefix: String,
    compact_suffix: String,
    suffix: String,
}

/// Puts our digits in a frame, typing the frame's text as ECMA-402 parts.
fn framed_parts(frame: &Frame, number: Parts, style_type: &str) -> Parts {
    let mut out = Parts::new();
    affix_parts(&frame.prefix, style_type, &mut out);
    out.extend(number);
    affix_parts(&frame.compact_suffix, "compact", &mut out);
    affix_parts(&frame.suffix, style_type, &mut out);
    out
}

/// Splits a styled formatter's output around its digits.
fn frame_of(text: &str) -> Frame {
    match digit_span(text) {
        Some((a, b)) => Frame {
            prefix: text[..a].to_string(),
            compact_suffix: String::new(),
            suffix: text[b..].to_string(),
        },
        None => Frame::default(),
    }
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

/// useGrouping "always": ICU4X treats it as "auto" (a locale's minimum grouping digits still
/// apply, so Spanish writes 6723), where ICU groups every number past the first group. The
/// locale's separator and group sizes are read off its formatting of a long integer.
fn group_always(locale: &Locale, parts: Parts) -> Result<Parts, String> {
    let auto = cached(format!("decimal|{locale}|Auto"), || {
        DecimalFormatter::try_new(locale.into(), Default::default()).map_err(|e| e.to_string())
    })?;
    let sample = collect_parts(&auto.format(&Decimal::from(1_234_567_890_123u64)));
    let groups: Vec<&str> = sample
        .iter()
        .filter(|(kind, _)| kind == "integer")
        .map(|(_, v)| v.as_str())
        .collect();
    let Some(separator) = sample
        .iter()
        .find(|(kind, _)| kind == "group")
        .map(|(_, v)| v.clone())
    else {
        return Ok(parts);
    };
    let primary = groups.last().map_or(0, |g| g.chars().count());
    let secondary = if groups.len() > 2 {
        groups[groups.len() - 2].chars().count()
    } else {
        primary
    };
    if primary == 0 {
        return Ok(parts);
    }
    let mut out = Parts::new();
    for (kind, value) in parts {
        if kind != "integer" {
            out.push((kind, value));
            continue;
        }
        let digits: Vec<char> = value.chars().collect();
        let mut cuts = Vec::new();
        let mut end = digits.len();
        let mut size = primary;
        while end > size {
            cuts.push(end - size);
            end -= size;
            size = secondary;
        }
        let mut start = 0;
        for cut in cuts.into_iter().rev() {
            out.push(("integer".into(), digits[start..cut].iter().collect()));
            out.push(("group".into(), separator.clone()));
            start = cut;
        }
        out.push(("integer".into(), digits[start..].iter().collect()));
    }
    Ok(out)
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
        "scientific" | "engineering" => scientific(locale, &plain, value, o),
        "compact" => compact(locale, &plain, value, o),
        _ => {
            let rounded = with_sign(round(&value, o), &o.sign_display);
            let number = digit_parts(&plain, &rounded);
            styled(locale, &plain, rounded, o, None, number)
        }
    }
}

/// Lays out a rounded value in the requested style (decimal, percent, currency), in compact
/// notation when `compact_exponent` is given, with `number` (our digits, maybe with an
/// exponent) where the formatter's digits were.
fn styled(
    locale: &Locale,
    plain: &DecimalFormatter,
    rounded: Decimal,
    o: &NumberOptions,
    compact_exponent: Option<u8>,
    number: Parts,
) -> Result<Parts, String> {
    let number = if o.grouping == "always" {
        group_always(locale, number)?
    } else {
        number
    };
    let style_text = match o.style.as_str() {
        // ICU's compact notation has no accounting patterns: V8 writes "-$1.2K" (but "($12)").
        "currency" => currency_frame(locale, &rounded, o, compact_exponent.unwrap_or(0) == 0)?,
        "percent" => {
            let f = cached(format!("percent|{locale}"), || {
                PercentFormatter::try_new(locale.into(), Default::default())
                    .map_err(|e| e.to_string())
            })?;
            f.format(&rounded).write_to_string().into_owned()
        }
        _ => plain.format(&rounded).write_to_string().into_owned(),
    };
    let mut frame = frame_of(&style_text);
    if o.style == "percent" {
        sign_first(&mut frame.prefix);
    }
    if let Some(exponent) = compact_exponent.filter(|e| *e > 0) {
        let compact = compact_frame(locale, &rounded, o, exponent)?;
        if let Some((_, end)) = digit_span(&compact) {
            frame.compact_suffix = compact[end..].to_string();
        }
    }
    let style_type = if o.style == "currency" {
        "currency"
    } else {
        "literal"
    };
    Ok(framed_parts(&frame, number, style_type))
}

/// ICU writes a number's sign before the whole prefix ("-%50" in Turkish), where ICU4X's
/// percent formatter puts it next to the digits.
fn sign_first(prefix: &mut String) {
    let is_sign = |c: char| matches!(c, '-' | '+' | '\u{2212}');
    if let Some(at) = prefix.find(is_sign) {
        if at > 0 {
            let sign: String = prefix[at..].chars().take(1).collect();
            prefix.replace_range(at..at + sign.len(), "");
            prefix.insert_str(0, &sign);
        }
    }
}

fn compact_formatter(
    locale: &Locale,
    o: &NumberOptions,
) -> Result<Rc<CompactDecimalFormatter>, String> {
    let strategy = grouping(&o.grouping);
    // ICU has long compact patterns for currencies only with their names: V8 writes "$1.2K"
    // for either compactDisplay but "1.2 thousand US dollars".
    let long =
        o.compact_display == "long" && (o.style != "currency" || o.currency_display == "name");
    cached(format!("compact|{locale}|{strategy:?}|{long}"), || {
        let mut options = icu::decimal::options::CompactDecimalFormatterOptions::default();
        options.grouping_strategy = Some(strategy);
        if long {
            CompactDecimalFormatter::try_new_long(locale.into(), options)
        } else {
            CompactDecimalFormatter::try_new_short(locale.into(), options)
        }
        .map_err(|e| e.to_string())
    })
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
    accounting_allowed: bool,
) -> Result<String, String> {
    let code = CurrencyType::try_from_str(&o.currency.to_ascii_lowercase())
        .map_err(|e| format!("{e:?}"))?;
    let mut options = CurrencyFormatterOptions::default();
    if o.currency_sign == "accounting" && accounting_allowed {
        options.usage = CurrencyUsage::Accounting;
    }
    let key = format!(
        "currency|{locale}|{}|{}|{:?}",
        o.currency, o.currency_display, options.usage
    );
    let formatter = cached(key, || {
        let prefs = locale.into();
        match o.currency_display.as_str() {
            "narrowSymbol" => CurrencyFormatter::try_new_symbol_narrow(prefs, code, options),
            "code" => CurrencyFormatter::try_new_code(prefs, code, options),
            "name" => CurrencyFormatter::try_new_name(prefs, code),
            _ => CurrencyFormatter::try_new_symbol(prefs, code, options),
        }
        .map_err(|e| e.to_string())
    })?;
    let text = formatter
        .format_fixed_decimal(value)
        .write_to_string()
        .into_owned();
    Ok(text)
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
    let number = digit_parts(plain, &rounded);
    styled(locale, plain, rounded, o, Some(exponent), number)
}

/// Scientific and engineering notation: significand and power of ten ("1.235E6"), framed by
/// the style like any number.
fn scientific(
    locale: &Locale,
    plain: &DecimalFormatter,
    value: Decimal,
    o: &NumberOptions,
) -> Result<Parts, String> {
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
    let mut number = digit_parts(plain, &rounded);
    // CLDR's exponential symbol is "E" in most locales; ICU4X's decimal data does not carry it
    // (Swedish "×10^" is a known difference).
    number.push(("exponentSeparator".into(), "E".into()));
    if exponent < 0 {
        number.push(("exponentMinusSign".into(), minus_sign(plain)));
    }
    number.push((
        "exponentInteger".into(),
        exponent.unsigned_abs().to_string(),
    ));
    styled(locale, plain, rounded, o, None, number)
}

/// The locale's minus sign, as its decimal formatter writes it.
fn minus_sign(plain: &DecimalFormatter) -> String {
    let minus_one = Decimal::from(-1i8);
    collect_parts(&plain.format(&minus_one))
        .into_iter()
        .find(|(kind, _)| kind == "minusSign")
        .map_or_else(|| "-".to_string(), |(_, value)| value)
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
