//! `Intl.DateTimeFormat`'s formatting step: an instant, a time zone (id + offset at that
//! instant) and either ECMA-402 component options (as a UTS 35 skeleton) or date/time styles,
//! laid out with ICU4X's CLDR patterns as parts.

use icu::datetime::fieldbag::DateTimeFieldBag;
use icu::datetime::fieldsets::builder::{DateFields, FieldSetBuilder, ZoneStyle};
use icu::datetime::fieldsets::enums::CompositeFieldSet;
use icu::datetime::options::{Length, TimePrecision, YearStyle};
use icu::datetime::DateTimeFormatter;
use icu::locale::Locale;
use icu::time::zone::{UtcOffset, ZoneNameTimestamp};
use icu::time::{TimeZone, ZonedDateTime};

use super::cache::cached;
use super::parts::{collect_parts, collect_range_parts, Parts};

/// What to show: ECMA-402 components as a skeleton ("yMd", "jms"...), or dateStyle/timeStyle.
pub enum Layout<'a> {
    Skeleton(&'a str),
    Styles { date: &'a str, time: &'a str },
}

fn length(style: &str) -> Length {
    match style {
        "full" | "long" => Length::Long,
        "medium" => Length::Medium,
        _ => Length::Short,
    }
}

/// dateStyle/timeStyle as an ICU4X field set: full adds the weekday, short uses a two-digit
/// year, long/full times name the zone.
fn styles_field_set(date: &str, time: &str) -> Result<CompositeFieldSet, String> {
    let mut builder = FieldSetBuilder::new();
    if !date.is_empty() {
        builder.length = Some(length(date));
        builder.date_fields = Some(if date == "full" {
            DateFields::YMDE
        } else {
            DateFields::YMD
        });
        builder.year_style = Some(YearStyle::Auto);
    } else {
        builder.length = Some(length(time));
    }
    if !time.is_empty() {
        builder.time_precision = Some(if time == "short" {
            TimePrecision::Minute
        } else {
            TimePrecision::Second
        });
        builder.zone_style = match time {
            "full" => Some(ZoneStyle::SpecificLong),
            "long" => Some(ZoneStyle::SpecificShort),
            _ => None,
        };
    }
    builder.build_composite().map_err(|e| format!("{e:?}"))
}

fn field_set(layout: &Layout) -> Result<CompositeFieldSet, String> {
    match layout {
        Layout::Skeleton(skeleton) => {
            let bag =
                DateTimeFieldBag::try_from_skeleton(skeleton).map_err(|e| format!("{e:?}"))?;
            bag.to_field_set_builder()
                .build_composite()
                .map_err(|e| format!("{e:?}"))
        }
        Layout::Styles { date, time } => styles_field_set(date, time),
    }
}

/// The input ICU4X formats: local date and time in `zone_id` at `epoch_ms`.
fn zoned(
    epoch_ms: i64,
    zone_id: &str,
    offset_seconds: i32,
) -> Result<
    ZonedDateTime<icu::calendar::Iso, icu::time::TimeZoneInfo<icu::time::zone::models::AtTime>>,
    String,
> {
    let offset = UtcOffset::try_from_seconds(offset_seconds).map_err(|e| format!("{e:?}"))?;
    let local = ZonedDateTime::from_epoch_milliseconds_and_utc_offset(epoch_ms, offset);
    let zone = TimeZone::from_iana_id(zone_id)
        .with_offset(Some(offset))
        .with_zone_name_timestamp(ZoneNameTimestamp::from_epoch_seconds(
            epoch_ms.div_euclid(1000),
        ));
    Ok(ZonedDateTime {
        date: local.date,
        time: local.time,
        zone,
    })
}

/// `formatRangeToParts`: the two instants in one zone with CLDR's interval patterns (fields
/// both share are written once), as `(type, value, source)`.
pub fn format_range(
    locale: &Locale,
    start_ms: i64,
    end_ms: i64,
    zone_id: &str,
    layout: &Layout,
) -> Result<Vec<(String, String, &'static str)>, String> {
    let fields = field_set(layout)?;
    let formatter = icu::datetime::range::DateRangeFormatter::try_new(locale.into(), fields)
        .map_err(|e| e.to_string())?;
    let start = zoned(
        start_ms,
        zone_id,
        zone_offset_seconds(zone_id.to_string(), start_ms as f64),
    )?;
    let end = zoned(
        end_ms,
        zone_id,
        zone_offset_seconds(zone_id.to_string(), end_ms as f64),
    )?;
    Ok(collect_range_parts(&formatter.format(&start, &end)))
}

/// Formats `epoch_ms` in the zone `zone_id` (IANA id) whose offset at that instant is
/// `offset_seconds`, for `locale` (its `-u-ca`, `-u-nu`, `-u-hc` keywords included).
pub fn format(
    locale: &Locale,
    epoch_ms: i64,
    zone_id: &str,
    offset_seconds: i32,
    layout: &Layout,
) -> Result<Parts, String> {
    let key = match layout {
        Layout::Skeleton(skeleton) => format!("datetime|{locale}|{skeleton}"),
        Layout::Styles { date, time } => format!("datetime|{locale}|{date}|{time}"),
    };
    let formatter = cached(key, || {
        let fields = field_set(layout)?;
        DateTimeFormatter::try_new(locale.into(), fields).map_err(|e| e.to_string())
    })?;
    let input = zoned(epoch_ms, zone_id, offset_seconds)?;
    Ok(collect_parts(&formatter.format(&input)))
}

/// The canonical IANA id for `name` as ICU names it (CLDR's first alias: "america/new_york" ->
/// "America/New_York", "Asia/Kolkata" -> "Asia/Calcutta"), or `None` when CLDR does not know
/// it (V8's "Invalid time zone specified").
pub fn canonical_zone(name: String) -> Option<String> {
    let parsed = icu::time::zone::iana::IanaParserExtended::new().parse(&name);
    if parsed.time_zone.is_unknown() {
        return None;
    }
    Some(parsed.canonical.to_string())
}

/// The offset of zone `name` at `epoch_ms`, in seconds east of UTC, from the system tz database
/// (0 when the database lacks the zone).
pub fn zone_offset_seconds(name: String, epoch_ms: f64) -> i32 {
    let Ok(zone) = jiff::tz::TimeZone::get(&name) else {
        return 0;
    };
    let Ok(instant) = jiff::Timestamp::from_millisecond(epoch_ms as i64) else {
        return 0;
    };
    zone.to_offset(instant).seconds()
}

/// The local offset of the process's time zone (`TZ`) at `epoch_ms`, in seconds east of UTC,
/// from the C library's tz database as `Date` uses it.
pub fn local_offset_seconds(epoch_ms: i64) -> i32 {
    let seconds = epoch_ms.div_euclid(1000) as libc::time_t;
    // SAFETY: `tm` is a plain C struct for which all-zero bytes are a valid value, and
    // localtime_r only writes into it; both pointers are to live locals.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&seconds, &mut tm).is_null() {
            return 0;
        }
        tm.tm_gmtoff as i32
    }
}
